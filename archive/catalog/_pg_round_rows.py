"""The rows of a re-capture round on PostgreSQL besides its queue (``_pg_rounds``): a
revisit's row sent with its job's final state, the stored response of a URL the round did
not queue, and what the lead reads back to sum the round up over every worker."""

from __future__ import annotations

from ..warc._writer import WrittenRecord
from ._db import Db
from ._schema import CAPTURE_COLUMNS, CaptureRow, row_to_capture
from ._writes import header

__all__ = [
    "defer_revisit",
    "round_failures",
    "round_posts",
    "round_queued",
    "round_same_parse",
    "round_started",
    "round_workers",
    "stored_response",
]


def round_queued(db: Db, crawl_id: int) -> bool:
    """Whether the round's jobs are in the catalog yet (its lead queues them once)."""
    row = db.execute("SELECT 1 FROM round_jobs WHERE crawl_id = ? LIMIT 1", (crawl_id,))
    return row.fetchone() is not None


def round_workers(db: Db, crawl_id: int) -> int:
    """How many processes worked on the round (its lead included)."""
    (n,) = db.execute("SELECT COUNT(*) FROM workers WHERE crawl_id = ?", (crawl_id,)).fetchone()
    return int(n)


def round_failures(db: Db, crawl_id: int) -> list[tuple[str, int]]:
    """``(reason, count)`` of the round's failed jobs, most frequent first."""
    rows = db.execute(
        "SELECT COALESCE(reason, 'unknown'), COUNT(*) FROM round_jobs "
        "WHERE crawl_id = ? AND state = 'failed' GROUP BY 1 ORDER BY 2 DESC, 1",
        (crawl_id,),
    ).fetchall()
    return [(str(r), int(n)) for r, n in rows]


_REVISIT = """
WITH t AS (
    INSERT INTO targets (url) VALUES (?) ON CONFLICT (url) DO UPDATE SET url = excluded.url
    RETURNING id
)
INSERT INTO captures (crawl_id, target_id, fetched_at, status, file_id, warc_offset,
    warc_length, record_id, payload_digest, etag, last_modified, content_type, record_type,
    refers_to)
SELECT ?, t.id, ?, ?, f.id, ?, ?, ?,
    CASE WHEN b.payload_digest IS NOT DISTINCT FROM ? THEN NULL ELSE ? END,
    ?, ?, ?, 'revisit', b.id
FROM t, warc_files f, captures b WHERE f.name = ? AND b.id = ?
"""


def defer_revisit(
    db: Db,
    crawl_id: int,
    rec: WrittenRecord,
    *,
    url: str,
    status: int | None,
    headers: tuple[tuple[str, str], ...],
    refers_to: int,
) -> None:
    """``Catalog.insert_capture`` of a revisit as ONE statement sent with the job's final
    state (``Db.flush``): a re-captured unchanged page costs one round trip, as a crawled
    page does. Its digest is left NULL when it is its original's (read through
    ``capture_rows``). The record is synced before; if the worker dies before the flush,
    recovery indexes it (``Archive.repair_dead_workers``)."""
    db.defer(
        _REVISIT,
        (
            url, crawl_id, rec.date, status, rec.offset, rec.length,
            db.record_key(rec.record_id), rec.payload_digest, rec.payload_digest,
            header(headers, "etag"), header(headers, "last-modified"),
            header(headers, "content-type"), rec.file, refers_to,
        ),
    )  # fmt: skip


def stored_response(db: Db, url: str, crawl_id: int) -> CaptureRow | None:
    """The newest response to ``url`` stored before round ``crawl_id`` and not lost: what a
    revisit of a URL the round did not queue (robots.txt) refers to."""
    row = db.execute(
        f"SELECT {CAPTURE_COLUMNS} FROM capture_rows WHERE url = ? AND crawl_id < ? "
        "AND record_type = 'response' AND id NOT IN (SELECT capture_id FROM lost_records) "
        "ORDER BY id DESC LIMIT 1",
        (url, crawl_id),
    ).fetchone()
    return row_to_capture(row) if row is not None else None


def round_started(db: Db, crawl_id: int) -> str:
    """When round ``crawl_id`` began (``crawls.started_at``)."""
    (started,) = db.execute("SELECT started_at FROM crawls WHERE id = ?", (crawl_id,)).fetchone()
    return str(started)


def round_posts(db: Db, crawl_id: int) -> set[str]:
    """Posts that got a new parse in the round, whichever worker wrote it."""
    rows = db.execute("SELECT DISTINCT post_url FROM pages WHERE crawl_id = ?", (crawl_id,))
    return {str(r[0]) for r in rows.fetchall()}


def round_same_parse(db: Db, crawl_id: int) -> int:
    """Pages the round got new bytes of but no new record from (the record came out as the
    stored one -- nonces, "3 minutes ago" -- or the page did not parse): responses of post
    and comment pages with an earlier parse and none of their own."""
    (n,) = db.execute(
        "SELECT COUNT(*) FROM capture_rows c JOIN round_jobs j "
        "ON j.crawl_id = c.crawl_id AND j.url = c.url "
        "WHERE c.crawl_id = ? AND c.record_type = 'response' AND c.status = 200 "
        "AND j.kind IN ('post', 'comments') "
        "AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.capture_id = c.id) "
        "AND EXISTS (SELECT 1 FROM pages p WHERE p.page_url = c.url AND p.crawl_id < c.crawl_id)",
        (crawl_id,),
    ).fetchone()
    return int(n)
