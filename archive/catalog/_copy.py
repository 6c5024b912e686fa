"""Move a SQLite catalog into a PostgreSQL one (``blog-archiver migrate DIR --to ...``).

All rows go over in ONE PostgreSQL transaction, with ``COPY`` (a round trip per table, not
per row), ids kept, so the WARC files and every reference stay valid. Before it commits,
the row count of each table is compared with the source's; any difference, or any error,
rolls everything back, and the SQLite catalog is only ever read. A target that already
holds a crawl is refused: two archives are never merged by accident.

What changes on the way: a URL a dead process left ``claimed`` is ``queued`` again (as the
next writable open of the SQLite archive would have done), each URL gets its host (the
shared frontier's politeness key) and ``hosts`` its rows, and the id sequences continue
after the copied ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scraper._urls import host_of

from .._errors import ArchiveError
from ._db import Db

__all__ = ["TABLES", "copy_catalog"]

#: Tables in foreign-key order, and the columns both schemas share.
TABLES: tuple[tuple[str, str], ...] = (
    ("crawls", "id, kind, started_at, finished_at, settings_json, stats_json"),
    ("warc_files", "id, name, crawl_id, created_at"),
    ("urls", "url, seq, kind, state, depth, post_url, via, reason, attempts, updated_at"),
    ("targets", "id, url"),
    (
        "captures",
        "id, crawl_id, target_id, fetched_at, status, file_id, warc_offset, warc_length, "
        "record_id, request_offset, request_length, payload_digest, etag, last_modified, "
        "content_type, record_type, refers_to",
    ),
    (
        "pages",
        "id, page_url, post_url, crawl_id, capture_id, parsed_at, parser_version, record_json",
    ),
    ("lost_records", "capture_id, noticed_at, reason"),
)
_IDENTITY = ("crawls", "warc_files", "targets", "captures", "pages")


def _rows(src: Db, table: str, columns: str) -> Iterator[tuple[Any, ...]]:
    order = "seq" if table == "urls" else columns.split(",")[0]
    rows = src.iter_rows(f"SELECT {columns} FROM {table} ORDER BY {order}")
    if table == "urls":  # + host; a dead process's claim is queued again
        for r in rows:
            state = "queued" if r[3] == "claimed" else r[3]
            yield (*r[:3], state, *r[4:], host_of(str(r[0])))
    elif table == "captures":  # a text record id as bytea: a NUL byte, then its UTF-8
        for r in rows:
            rid = r[8]
            yield (*r[:8], rid if isinstance(rid, bytes) else b"\0" + str(rid).encode(), *r[9:])
    else:
        yield from rows


def copy_catalog(src: Db, dst: Db) -> dict[str, int]:
    """Copy every row of ``src`` (SQLite) into ``dst`` (an empty PostgreSQL catalog);
    returns the row count per table. Raises ``ArchiveError`` (nothing kept) on any mismatch."""
    if src.is_pg or not dst.is_pg:
        raise ArchiveError("a catalog is moved from SQLite to PostgreSQL")
    (crawls,) = dst.execute("SELECT COUNT(*) FROM crawls").fetchone()
    (urls,) = dst.execute("SELECT COUNT(*) FROM urls").fetchone()
    if crawls or urls:
        raise ArchiveError(f"{dst.where} already holds a catalog with crawls: not merging")
    counts: dict[str, int] = {}
    with dst.transaction():
        for table, columns in TABLES:
            (expected,) = src.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            target_cols = columns + (", host" if table == "urls" else "")
            with (
                dst.raw.cursor() as cur,
                cur.copy(f"COPY {table} ({target_cols}) FROM STDIN") as copy,
            ):
                for row in _rows(src, table, columns):
                    copy.write_row(row)
            dst.round_trips += 1
            (got,) = dst.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            if int(got) != int(expected):
                raise ArchiveError(
                    f"moving {table}: {got} rows arrived of {expected}; nothing was kept"
                )
            counts[table] = int(got)
        dst.execute("INSERT INTO hosts (host) SELECT DISTINCT host FROM urls")
        dst.execute("SELECT setval('urls_seq', GREATEST(COALESCE(MAX(seq), 0), 1)) FROM urls")
        for table in _IDENTITY:
            dst.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL) FROM {table}"
            )
    return counts
