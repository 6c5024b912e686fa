"""The catalog: schema, connections and every query, on SQLite or PostgreSQL.

SQLite (``catalog.sqlite`` in the archive folder) is the embedded default; PostgreSQL
(``postgresql://...``) is the catalog many crawl workers share. ``Db`` runs the one SQL
spelling on both; ``Catalog`` holds the archive's queries; ``SQLiteFrontier`` and
``PgFrontier`` implement the crawler's ``Frontier``.
"""

from ._catalog import Catalog, IndexRow
from ._db import Db, transaction
from ._frontier import SQLiteFrontier
from ._pg import (
    Heartbeat,
    connect_pg,
    dead_workers,
    is_pg_address,
    note_round_trips,
    redact,
    register_worker,
    schema_version,
)
from ._pg_frontier import PgFrontier
from ._readers import (
    catalog_state,
    lost_parse_count,
    parse_count_all,
    posts_parsed_since,
    reparse_batch,
    stale_parse_count,
    timed_captures,
    update_parses,
    wacz_pages,
    warc_file_names,
)
from ._recapture_queries import (
    carry_page,
    catalog_size,
    newest_captures,
    newest_parse_json,
    page_urls_of_post,
    published_days,
    round_carried_pages,
    round_parsed_pages,
    round_records,
    round_seeds_settings,
    round_urls,
    stored_in_round,
    url_rows,
)
from ._repair import (
    capture_at,
    known_end,
    mark_lost,
    mark_lost_revisits,
    original_capture,
    parse_count,
    records_past,
    segments,
)
from ._schema import CAPTURE_COLUMNS, CATALOG_VERSION, CaptureRow, row_to_capture
from ._sqlite import connect_sqlite

__all__ = [
    "CAPTURE_COLUMNS",
    "CATALOG_VERSION",
    "CaptureRow",
    "Catalog",
    "Db",
    "Heartbeat",
    "IndexRow",
    "PgFrontier",
    "SQLiteFrontier",
    "capture_at",
    "carry_page",
    "catalog_size",
    "catalog_state",
    "connect_pg",
    "connect_sqlite",
    "dead_workers",
    "is_pg_address",
    "known_end",
    "lost_parse_count",
    "mark_lost",
    "mark_lost_revisits",
    "newest_captures",
    "newest_parse_json",
    "note_round_trips",
    "original_capture",
    "page_urls_of_post",
    "parse_count",
    "parse_count_all",
    "posts_parsed_since",
    "published_days",
    "records_past",
    "redact",
    "register_worker",
    "reparse_batch",
    "round_carried_pages",
    "round_parsed_pages",
    "round_records",
    "round_seeds_settings",
    "round_urls",
    "row_to_capture",
    "schema_version",
    "segments",
    "stale_parse_count",
    "stored_in_round",
    "timed_captures",
    "transaction",
    "update_parses",
    "url_rows",
    "wacz_pages",
    "warc_file_names",
]
