"""The questions a re-capture round asks of the catalog (``archive.recapture`` calls these).

They live here, beside the schema they read, so a change of the tables is one package's
change; the statements are the ones ``archive.recapture`` used to write inline, moved as
they were. Each takes the round's ``Db``; the ones marked "in the caller's transaction"
are parts of a larger unit.
"""

from __future__ import annotations

from typing import Any

from ._db import Db
from ._schema import CAPTURE_COLUMNS, CaptureRow, row_to_capture

__all__ = [
    "carry_page",
    "catalog_size",
    "newest_captures",
    "newest_parse_json",
    "page_urls_of_post",
    "published_days",
    "round_carried_pages",
    "round_parsed_pages",
    "round_records",
    "round_seeds_settings",
    "round_urls",
    "stored_in_round",
    "url_rows",
]

#: Rows whose record is still in its WARC file.
_KEPT = "id NOT IN (SELECT capture_id FROM lost_records)"
_LATEST = (
    f"SELECT {CAPTURE_COLUMNS} FROM capture_rows WHERE id IN "
    "(SELECT MAX(id) FROM captures WHERE {where} GROUP BY target_id)"
)
_CARRY = (
    "INSERT INTO pages (page_url, post_url, crawl_id, capture_id, parsed_at, parser_version, "
    "record_json) SELECT p.page_url, p.post_url, ?, ?, ?, p.parser_version, p.record_json "
    "FROM pages p JOIN captures c ON c.id = p.capture_id "
    "WHERE p.post_url = ? AND p.page_url = ? AND c.crawl_id < ? "
    "ORDER BY c.crawl_id DESC, p.id DESC LIMIT 1 "
    "ON CONFLICT (capture_id, crawl_id) DO NOTHING"
)


def url_rows(db: Db) -> list[tuple[Any, ...]]:
    """``(url, kind, depth, post_url, state)`` of every frontier row, in queue order."""
    return db.execute("SELECT url, kind, depth, post_url, state FROM urls ORDER BY seq").fetchall()


def newest_captures(db: Db, *, responses_only: bool) -> list[CaptureRow]:
    """The newest capture of each URL whose record is still in its file (of responses
    only, with ``responses_only``): validators and revisit originals come from these."""
    where = f"record_type = 'response' AND {_KEPT}" if responses_only else _KEPT
    return [row_to_capture(r) for r in db.execute(_LATEST.format(where=where)).fetchall()]


def round_urls(db: Db, crawl_id: int) -> list[tuple[Any, ...]]:
    """``(url, unparsed)`` of every URL round ``crawl_id`` stored a record of; ``unparsed``
    is 1 when one of them is a response no parse cites."""
    return db.execute(
        "SELECT t.url, MAX(CASE WHEN c.record_type = 'response' AND NOT EXISTS "
        "(SELECT 1 FROM pages p WHERE p.capture_id = c.id) THEN 1 ELSE 0 END) FROM captures c "
        "JOIN targets t ON t.id = c.target_id WHERE c.crawl_id = ? GROUP BY t.url",
        (crawl_id,),
    ).fetchall()


def round_parsed_pages(db: Db, crawl_id: int) -> list[tuple[Any, ...]]:
    """``(page_url, post_url)`` of the parses made from round ``crawl_id``'s captures."""
    return db.execute(
        "SELECT DISTINCT p.page_url, p.post_url FROM pages p "
        "JOIN captures c ON c.id = p.capture_id WHERE c.crawl_id = ?",
        (crawl_id,),
    ).fetchall()


def round_records(db: Db, crawl_id: int) -> list[tuple[Any, ...]]:
    """``(record_type, status, bytes, had_response)`` of each record of round ``crawl_id``;
    ``had_response``: an earlier round stored a response of the URL that is not lost."""
    return db.execute(
        "SELECT c.record_type, c.status, c.warc_length + COALESCE(c.request_length, 0), "
        "EXISTS (SELECT 1 FROM captures b WHERE b.target_id = c.target_id "
        "AND b.crawl_id < c.crawl_id AND b.record_type = 'response' "
        "AND b.id NOT IN (SELECT capture_id FROM lost_records)) "
        "FROM captures c WHERE c.crawl_id = ?",
        (crawl_id,),
    ).fetchall()


def round_carried_pages(db: Db, crawl_id: int) -> int:
    """Parses round ``crawl_id`` linked to its revisits (``carry_page``)."""
    (carried,) = db.execute(
        "SELECT COUNT(*) FROM pages p JOIN captures c ON c.id = p.capture_id "
        "WHERE p.crawl_id = ? AND c.record_type = 'revisit'",
        (crawl_id,),
    ).fetchone()
    return int(carried)


def published_days(db: Db) -> list[tuple[Any, ...]]:
    """``(post_url, YYYY-MM-DD or None)``: the newest ``published`` day each post's own
    page gave. JSON is read with each engine's own operator."""
    published = (
        "(record_json::json ->> 'published')"
        if db.is_pg
        else "json_extract(record_json, '$.published')"
    )
    return db.execute(
        f"SELECT post_url, MAX(substr({published}, 1, 10)) "
        "FROM pages WHERE page_url = post_url GROUP BY post_url"
    ).fetchall()


def round_seeds_settings(db: Db) -> list[str]:
    """The ``settings_json`` of every crawl round, oldest first (their seeds are the scope)."""
    return [str(s) for (s,) in db.execute("SELECT settings_json FROM crawls ORDER BY id")]


def stored_in_round(
    db: Db, url: str, crawl_id: int, digest: str, *, responses_only: bool = False
) -> CaptureRow | None:
    """The newest record (response or revisit; ``responses_only``: response) of ``url``
    round ``crawl_id`` stored with this payload digest, if its bytes are still there."""
    kind = "AND record_type = 'response' " if responses_only else ""
    row = db.execute(
        f"SELECT {CAPTURE_COLUMNS} FROM capture_rows WHERE url = ? AND crawl_id = ? {kind}"
        "AND payload_digest = ? AND id NOT IN (SELECT capture_id FROM lost_records) "
        "ORDER BY id DESC LIMIT 1",
        (url, crawl_id, digest),
    ).fetchone()
    return row_to_capture(row) if row else None


def newest_parse_json(db: Db, page_url: str) -> str | None:
    """The ``record_json`` of the newest parse of ``page_url``."""
    row = db.execute(
        "SELECT record_json FROM pages WHERE page_url = ? ORDER BY id DESC LIMIT 1",
        (page_url,),
    ).fetchone()
    return None if row is None else str(row[0])


def page_urls_of_post(db: Db, post_url: str) -> list[str]:
    """Every page URL a parse of ``post_url`` came from (its own page, comment pages)."""
    return [
        str(r[0])
        for r in db.execute("SELECT DISTINCT page_url FROM pages WHERE post_url = ?", (post_url,))
    ]


def carry_page(db: Db, crawl_id: int, post_url: str, page_url: str, now: str) -> int:
    """Link the previous parse of ``page_url`` to round ``crawl_id``'s revisit of it, unless
    the round has a parse of it already or no revisit (in the caller's transaction).
    Returns how many parses were linked (0 or 1)."""
    here = db.execute(
        "SELECT 1 FROM pages p JOIN captures c ON c.id = p.capture_id "
        "WHERE p.post_url = ? AND p.page_url = ? AND c.crawl_id = ?",
        (post_url, page_url, crawl_id),
    ).fetchone()
    if here:
        return 0
    revisit = db.execute(
        "SELECT id FROM capture_rows WHERE url = ? AND crawl_id = ? "
        "AND record_type = 'revisit' ORDER BY id DESC LIMIT 1",
        (page_url, crawl_id),
    ).fetchone()
    if revisit is None:
        return 0
    cur = db.execute(_CARRY, (crawl_id, revisit[0], now, post_url, page_url, crawl_id))
    return max(cur.rowcount, 0)


def catalog_size(db: Db) -> int:
    """Bytes the catalog takes: SQLite's pages (WAL content included; the WAL file's own
    size is not a measure of growth: SQLite reuses it), PostgreSQL's database size."""
    if db.is_pg:
        (size,) = db.execute("SELECT pg_database_size(current_database())").fetchone()
        return int(size)
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    (size,) = db.execute("PRAGMA page_size").fetchone()
    return int(pages) * int(size)
