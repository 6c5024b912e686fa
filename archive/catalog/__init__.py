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
    redact,
    register_worker,
    schema_version,
)
from ._pg_frontier import PgFrontier
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
    "carry_page",
    "catalog_size",
    "connect_pg",
    "connect_sqlite",
    "dead_workers",
    "is_pg_address",
    "newest_captures",
    "newest_parse_json",
    "page_urls_of_post",
    "published_days",
    "redact",
    "register_worker",
    "round_carried_pages",
    "round_parsed_pages",
    "round_records",
    "round_seeds_settings",
    "round_urls",
    "row_to_capture",
    "schema_version",
    "stored_in_round",
    "transaction",
    "url_rows",
]
