"""What crash recovery (``archive._recovery``) reads and marks in the catalog.

Recovery compares each WARC segment with the rows that point into it: how far the catalog
thinks the file goes, which rows point past its real end (marked in ``lost_records``, their
URLs queued again) and which complete records it lacks. The rows themselves are never
deleted: they are what was captured.
"""

from __future__ import annotations

from typing import Any

from ._db import Db

__all__ = [
    "capture_at",
    "known_end",
    "mark_lost",
    "mark_lost_revisits",
    "original_capture",
    "parse_count",
    "records_past",
    "segments",
]

#: Rows whose record is still in its WARC file.
NOT_LOST = "id NOT IN (SELECT capture_id FROM lost_records)"


def segments(db: Db) -> list[tuple[Any, ...]]:
    """``(file id, name, crawl id)`` of every registered WARC segment, by name."""
    return db.execute("SELECT id, name, crawl_id FROM warc_files ORDER BY name").fetchall()


def known_end(db: Db, file_id: int) -> int:
    """Where the last record the catalog knows in the segment ends (0: none)."""
    row = db.execute(
        "SELECT MAX(warc_offset + warc_length), MAX(request_offset + request_length) "
        f"FROM captures WHERE file_id = ? AND {NOT_LOST}",
        (file_id,),
    ).fetchone()
    return max(int(row[0] or 0), int(row[1] or 0))


def records_past(db: Db, file_id: int, size: int) -> list[tuple[Any, ...]]:
    """``(capture id, url, end)`` of the segment's kept records that end past ``size``."""
    return db.execute(
        "SELECT c.id, t.url, c.warc_offset + c.warc_length FROM captures c "
        "JOIN targets t ON t.id = c.target_id WHERE c.file_id = ? AND c.warc_offset + "
        f"c.warc_length > ? AND c.{NOT_LOST} ORDER BY c.warc_offset",
        (file_id, size),
    ).fetchall()


def mark_lost(db: Db, capture_id: int, url: str, now: str, reason: str) -> None:
    """Note the capture's bytes as gone and queue its URL again (in the caller's
    transaction)."""
    db.execute(
        "INSERT INTO lost_records (capture_id, noticed_at, reason) VALUES (?, ?, ?)",
        (capture_id, now, reason),
    )
    db.execute("UPDATE urls SET state = 'queued' WHERE url = ?", (url,))


def mark_lost_revisits(db: Db, now: str, reason: str) -> list[int]:
    """Mark the revisits whose original is lost (one scan: ``refers_to`` has no index);
    returns their ids (in the caller's transaction)."""
    rows = db.execute(
        "INSERT INTO lost_records (capture_id, noticed_at, reason) SELECT id, ?, ? "
        "FROM captures WHERE refers_to IN (SELECT capture_id FROM lost_records) "
        f"AND {NOT_LOST} RETURNING capture_id",
        (now, reason),
    ).fetchall()
    return [int(r[0]) for r in rows]


def parse_count(db: Db, capture_id: int) -> int:
    """How many parses were made from the capture."""
    (n,) = db.execute("SELECT COUNT(*) FROM pages WHERE capture_id = ?", (capture_id,)).fetchone()
    return int(n)


def capture_at(db: Db, file_id: int, offset: int) -> bool:
    """Whether the catalog has a capture row at this position of the segment."""
    row = db.execute(
        "SELECT 1 FROM captures WHERE file_id = ? AND warc_offset = ?", (file_id, offset)
    ).fetchone()
    return row is not None


def original_capture(db: Db, record_id: str) -> int | None:
    """The capture a revisit of ``record_id`` takes its payload from (the record's own
    original when it is itself a revisit). No index on ``record_id``: a scan, for the rare
    orphan recovery finds."""
    row = db.execute(
        "SELECT COALESCE(refers_to, id) FROM captures WHERE record_id = ?",
        (db.record_key(record_id),),
    ).fetchone()
    return int(row[0]) if row else None
