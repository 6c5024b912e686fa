"""Make an archive consistent after a crash, before anything new is written.

For each registered WARC segment, from the end of the last record the catalog knows:

1. find the end of the last *complete* gzip member; bytes after it are the remains of a
   write the process did not finish. They are copied to ``warc/partial/`` (nothing from a
   previous run is ever deleted) and the file is truncated back, so every WARC stays
   readable by ``warcio`` and replay tools;
2. index complete records the catalog does not know (written, then killed before the row
   was committed), so that the next run finds them and does not fetch a duplicate;
3. mark rows that point past the end of their file as lost (``lost_records``): a power cut
   with unsynced data, or another tool that rewrote the segment and cut it short; a segment
   deleted outright counts as one cut at 0 (every record lost, reason "file missing"). The rows
   and the parses made from them are kept -- they are what was captured, and the parse is
   all that is left of it -- but replay, reparse and re-capture no longer rely on those
   bytes, a revisit whose payload was lost is marked too, the URLs go back to the queue to
   be fetched again, and ``RecoveryReport.notes`` says which file lost what.

Then claims of the dead process return to the queue (``SQLiteFrontier.requeue_claimed``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .catalog import (
    Catalog,
    Db,
    capture_at,
    known_end,
    mark_lost,
    mark_lost_revisits,
    original_capture,
    parse_count,
    records_past,
    segments,
)
from .warc._reader import IndexedRecord, complete_end, iter_records
from .warc._writer import WrittenRecord

__all__ = ["RecoveryReport", "recover"]

log = logging.getLogger("blog_archiver.recovery")


@dataclass(frozen=True, slots=True)
class RecoveryReport:
    truncated_bytes: int = 0  # an unfinished record's bytes, moved to warc/partial/
    reindexed: int = 0  # complete records the catalog lacked
    lost_records: int = 0  # records the catalog knew that are no longer in their file
    kept_pages: int = 0  # parses of those records, kept
    notes: tuple[str, ...] = ()  # per damaged file: what was lost and what was kept

    def __bool__(self) -> bool:
        return bool(self.truncated_bytes or self.reindexed or self.lost_records)


def recover(
    catalog: Catalog, warc_dir: Path, now: str = "", only: Callable[[str], bool] | None = None
) -> RecoveryReport:
    """Repair the segments (those ``only`` accepts: on a shared catalog, the files of
    workers that died, never a live worker's file it is still appending to)."""
    truncated = reindexed = lost = kept = 0
    notes: list[str] = []
    conn = catalog.db
    for fid, name, crawl_id in segments(conn):
        if only is not None and not only(name):
            continue
        path = warc_dir / name
        missing = not path.exists()
        damage = _mark_lost(conn, fid, path, now, missing=missing)
        if damage is not None:
            lost, kept = lost + damage[0], kept + damage[1]
            notes.append(damage[2])
            log.warning("%s", damage[2])
        if missing:  # nothing left to repair or index
            continue
        known = known_end(conn, fid)
        end = complete_end(path, known)
        size = path.stat().st_size
        if end < size:
            _quarantine(path, end, warc_dir / "partial")
            truncated += size - end
        if end > known:
            reindexed += _reindex(catalog, path, fid, crawl_id, known, end)
    return RecoveryReport(truncated, reindexed, lost, kept, tuple(notes))


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


def _mark_lost(
    conn: Db, fid: int, path: Path, now: str, *, missing: bool = False
) -> tuple[int, int, str] | None:
    """Mark the captures of ``path`` that end past its end as lost (and the revisits that
    took their payload from them); keep rows and parses. ``(records, pages kept, note)``.

    A ``missing`` file (deleted, or moved away) is a file cut at 0: every record is lost.
    """
    size = 0 if missing else path.stat().st_size
    if missing:
        reason, event = f"{path.name}: file missing", f"{path.name} went missing"
    else:
        reason, event = f"{path.name} was cut to {size:,} bytes", f"{path.name} was cut"
    rows = records_past(conn, fid, size)
    if not rows:
        return None
    urls = list(dict.fromkeys(str(r[1]) for r in rows))
    with conn.transaction() as c:
        for cid, url, end in rows:
            mark_lost(
                c, cid, url, now, reason if missing else f"{reason}; the record ended at {end:,}"
            )
        revisits = mark_lost_revisits(c, now, f"its payload was in a record lost when {event}")
        ids = [int(r[0]) for r in rows] + revisits
        pages = sum(parse_count(c, i) for i in ids)
    shown = ", ".join(urls[:3]) + (f" and {len(urls) - 3} more" if len(urls) > 3 else "")
    plural = "s" if len(rows) != 1 else ""
    what = (
        "is missing (deleted, or moved away)"
        if missing
        else f"was cut to {size:,} bytes (by another tool, or a power cut)"
    )
    note = (
        f"warc/{path.name} {what}: {len(rows)} record{plural} lost ({shown})"
        + (f", and {len(revisits)} revisits that took their payload from them" if revisits else "")
        + f"; {pages} parsed page{'s' if pages != 1 else ''} kept, marked in lost_records; "
        "the URLs are queued to be fetched again"
    )
    return len(ids), pages, note


def _reindex(catalog: Catalog, path: Path, fid: int, crawl_id: int, start: int, end: int) -> int:
    """Add catalog rows for the response/revisit records in ``[start, end)`` it lacks."""
    records = list(iter_records(path, start, end))
    requests = {r.concurrent_to: r for r in records if r.record_type == "request"}
    n = 0
    with catalog.db.transaction() as c:
        for rec in records:
            if rec.record_type not in ("response", "revisit") or not rec.url:
                continue
            if capture_at(c, fid, rec.offset):
                continue
            req = requests.get(rec.record_id)
            refers = None
            if rec.record_type == "revisit" and rec.refers_to_id:
                refers = original_capture(c, rec.refers_to_id)
            catalog.insert_capture(
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
