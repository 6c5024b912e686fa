"""The catalog questions of the archive's readers: reparse, the WACZ package and ``serve``.

Each was once written inline in its caller; here the statements sit beside the schema
they read, and run unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ._db import Db

__all__ = [
    "catalog_state",
    "lost_parse_count",
    "parse_count_all",
    "posts_parsed_since",
    "reparse_batch",
    "stale_parse_count",
    "timed_captures",
    "update_parses",
    "wacz_pages",
    "warc_file_names",
]

# Stale parses with where to read their record (and a revisit's payload), in id order.
_REPARSE = """
SELECT p.id, p.page_url, c.warc_file, c.warc_offset, c.request_offset, c.record_id,
       c.warc_length, b.warc_file, b.warc_offset, p.record_json
FROM pages p
JOIN capture_rows c ON c.id = p.capture_id
LEFT JOIN capture_rows b ON b.id = c.refers_to AND c.record_type = 'revisit'
WHERE p.id > ? {stale} AND c.id NOT IN (SELECT capture_id FROM lost_records)
ORDER BY p.id
LIMIT ?
"""
# Each post's own page, newest capture first, with where its record lies.
_WACZ_PAGES = """
SELECT p.post_url, p.record_json, c.fetched_at, c.warc_file, c.warc_offset, c.warc_length
FROM pages p JOIN capture_rows c ON c.id = p.capture_id
WHERE p.page_url = p.post_url
  AND p.id IN (SELECT MAX(id) FROM pages GROUP BY capture_id)
  AND c.id NOT IN (SELECT capture_id FROM lost_records)
ORDER BY p.post_url, c.fetched_at DESC, p.id DESC
"""


# --- reparse ----------------------------------------------------------------------------------
def reparse_batch(db: Db, after: int, prefix: str | None, size: int) -> list[tuple[Any, ...]]:
    """Up to ``size`` parses with ids above ``after`` whose record is still in its file
    (only those whose ``parser_version`` does not start with ``prefix``, unless None):
    ``(page id, page url, warc file, offset, request offset, record id, length,
    payload's warc file, payload's offset, record_json)``. Keyset pagination."""
    if prefix is None:
        return db.execute(_REPARSE.format(stale=""), (after, size)).fetchall()
    sql = _REPARSE.format(stale="AND substr(p.parser_version, 1, ?) != ?")
    return db.execute(sql, (after, len(prefix), prefix, size)).fetchall()


def parse_count_all(db: Db) -> int:
    (total,) = db.execute("SELECT COUNT(*) FROM pages").fetchone()
    return int(total)


def stale_parse_count(db: Db, prefix: str) -> int:
    """Parses whose ``parser_version`` does not start with ``prefix``."""
    (stale,) = db.execute(
        "SELECT COUNT(*) FROM pages WHERE substr(parser_version, 1, ?) != ?",
        (len(prefix), prefix),
    ).fetchone()
    return int(stale)


def lost_parse_count(db: Db, prefix: str | None) -> int:
    """Parses whose record is lost (of those not starting with ``prefix``, unless None)."""
    lost = "capture_id IN (SELECT capture_id FROM lost_records)"
    if prefix is None:
        (n,) = db.execute(f"SELECT COUNT(*) FROM pages WHERE {lost}").fetchone()
    else:
        (n,) = db.execute(
            f"SELECT COUNT(*) FROM pages WHERE {lost} AND substr(parser_version, 1, ?) != ?",
            (len(prefix), prefix),
        ).fetchone()
    return int(n)


def update_parses(db: Db, rows: Iterable[tuple[str, str, str, int]]) -> None:
    """Replace parses: ``(record_json, parser_version, parsed_at, page id)`` each (in the
    caller's transaction)."""
    db.executemany(
        "UPDATE pages SET record_json = ?, parser_version = ?, parsed_at = ? WHERE id = ?", rows
    )


# --- the WACZ package -------------------------------------------------------------------------
def warc_file_names(db: Db) -> list[str]:
    """Every registered WARC segment, in the order they were made."""
    return [str(n) for (n,) in db.execute("SELECT name FROM warc_files ORDER BY id")]


def wacz_pages(db: Db) -> Iterator[tuple[Any, ...]]:
    """``(post_url, record_json, fetched_at, warc_file, offset, length)`` of each post's
    own page, grouped by post, newest capture first (streamed)."""
    return db.iter_rows(_WACZ_PAGES)


# --- serve ------------------------------------------------------------------------------------
def catalog_state(db: Db) -> tuple[int, str]:
    """(newest ``pages.id``, the first round's start time): the second tells two catalogs
    apart, so a search index left beside a replaced catalog is rebuilt, not trusted."""
    (last,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM pages").fetchone()
    first = db.execute("SELECT started_at FROM crawls ORDER BY id LIMIT 1").fetchone()
    return int(last), str(first[0]) if first else ""


def posts_parsed_since(db: Db, page_id: int) -> list[str]:
    """Posts with a parse newer than ``page_id`` (``pages.id`` only grows)."""
    return [
        str(u)
        for (u,) in db.execute("SELECT DISTINCT post_url FROM pages WHERE id > ?", (page_id,))
    ]


def timed_captures(db: Db, url: str) -> list[tuple[int, str]]:
    """``(capture id, fetched_at)`` of every capture of ``url`` still in its file."""
    rows = db.execute(
        "SELECT c.id, c.fetched_at FROM captures c JOIN targets t ON t.id = c.target_id "
        "WHERE t.url = ? AND c.id NOT IN (SELECT capture_id FROM lost_records)",
        (url,),
    ).fetchall()
    return [(int(i), str(f)) for i, f in rows]
