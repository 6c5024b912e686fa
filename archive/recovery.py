"""Make an archive consistent after a crash, before anything new is written.

For each registered WARC segment, from the end of the last record the catalog knows:

1. find the end of the last *complete* gzip member; bytes after it are the remains of a
   write the process did not finish. They are copied to ``warc/partial/`` (nothing from a
   previous run is ever deleted) and the file is truncated back, so every WARC stays
   readable by ``warcio`` and replay tools;
2. index complete records the catalog does not know (written, then killed before the row
   was committed), so that the next run finds them and does not fetch a duplicate;
3. drop rows that point past the end of their file (possible only after a power cut with
   unsynced data): their URLs go back to the queue.

Then claims of the dead process return to the queue (``SQLiteFrontier.requeue_claimed``).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .catalog import record_key, transaction
from .sink import insert_capture
from .warc import WrittenRecord
from .warcread import IndexedRecord, complete_end, iter_records

__all__ = ["RecoveryReport", "recover"]


@dataclass(frozen=True, slots=True)
class RecoveryReport:
    truncated_bytes: int = 0
    reindexed: int = 0
    dropped_rows: int = 0

    def __bool__(self) -> bool:
        return bool(self.truncated_bytes or self.reindexed or self.dropped_rows)


def recover(conn: sqlite3.Connection, warc_dir: Path) -> RecoveryReport:
    truncated = reindexed = dropped = 0
    files = conn.execute("SELECT id, name, crawl_id FROM warc_files ORDER BY name").fetchall()
    for fid, name, crawl_id in files:
        path = warc_dir / name
        if not path.exists():
            continue
        dropped += _drop_dangling(conn, fid, path.stat().st_size)
        known = _known_end(conn, fid)
        end = complete_end(path, known)
        size = path.stat().st_size
        if end < size:
            _quarantine(path, end, warc_dir / "partial")
            truncated += size - end
        if end > known:
            reindexed += _reindex(conn, path, fid, crawl_id, known, end)
    return RecoveryReport(truncated, reindexed, dropped)


def _known_end(conn: sqlite3.Connection, fid: int) -> int:
    row = conn.execute(
        "SELECT MAX(warc_offset + warc_length), MAX(request_offset + request_length) "
        "FROM captures WHERE file_id = ?",
        (fid,),
    ).fetchone()
    return max(int(row[0] or 0), int(row[1] or 0))


def _quarantine(path: Path, end: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("r+b") as f:
        f.seek(end)
        tail = f.read()
        keep = folder / f"{path.name}.{end}.partial"
        keep.write_bytes(tail)
        f.truncate(end)
        f.flush()
        os.fsync(f.fileno())


def _drop_dangling(conn: sqlite3.Connection, fid: int, size: int) -> int:
    rows = conn.execute(
        "SELECT c.id, t.url FROM captures c JOIN targets t ON t.id = c.target_id "
        "WHERE c.file_id = ? AND c.warc_offset + c.warc_length > ?",
        (fid, size),
    ).fetchall()
    if not rows:
        return 0
    with transaction(conn) as c:
        for cid, url in rows:
            c.execute("DELETE FROM pages WHERE capture_id = ?", (cid,))
            c.execute("DELETE FROM captures WHERE id = ?", (cid,))
            c.execute("UPDATE urls SET state = 'queued' WHERE url = ?", (url,))
    return len(rows)


def _reindex(
    conn: sqlite3.Connection, path: Path, fid: int, crawl_id: int, start: int, end: int
) -> int:
    """Add catalog rows for the response/revisit records in ``[start, end)`` it lacks."""
    records = list(iter_records(path, start, end))
    requests = {r.concurrent_to: r for r in records if r.record_type == "request"}
    n = 0
    with transaction(conn) as c:
        for rec in records:
            if rec.record_type not in ("response", "revisit") or not rec.url:
                continue
            known = c.execute(
                "SELECT 1 FROM captures WHERE file_id = ? AND warc_offset = ?", (fid, rec.offset)
            ).fetchone()
            if known:
                continue
            req = requests.get(rec.record_id)
            refers = None
            if rec.record_type == "revisit" and rec.refers_to_id:
                found = c.execute(  # no index on record_id: a scan, for the rare orphan
                    "SELECT COALESCE(refers_to, id) FROM captures WHERE record_id = ?",
                    (record_key(rec.refers_to_id),),
                ).fetchone()
                refers = int(found[0]) if found else None
            insert_capture(
                c,
                crawl_id,
                _written(path.name, rec),
                url=rec.url,
                status=rec.status,
                headers=rec.headers,
                request=_written(path.name, req) if req else None,
                refers_to=refers,
            )
            n += 1
    return n


def _written(name: str, rec: IndexedRecord) -> WrittenRecord:
    return WrittenRecord(
        file=name,
        record_id=rec.record_id,
        record_type=rec.record_type,
        offset=rec.offset,
        length=rec.length,
        payload_digest=rec.payload_digest,
        date=rec.date,
    )
