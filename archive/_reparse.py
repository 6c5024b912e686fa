"""Run the current parser over stored captures, with no network, on every CPU core.

A better parser should improve old captures (DESIGN: "a parse can always be re-run from the
archive"). Work is keyed by the ``pages`` row, which names the capture it was parsed from;
workers read the WARC record and parse it, and the parent alone writes the catalog, in small
transactions, so an interrupted run keeps everything it finished and a re-run skips pages
whose ``parser_version`` is already current: the run is idempotent.

Provenance is not the parser's business: a reparsed record keeps the ``source`` of the record
it replaces, so only what the parser extracts can show up as changed.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scraper import __version__
from scraper._records import WarcRef
from scraper.crawler._pagepool import parse_worker_gc
from scraper.parse._parse import parse_capture

from ._errors import ArchiveError
from ._store import Archive, writable_catalog
from .catalog import Db, transaction
from .warc._reader import read_capture

__all__ = ["ReparseReport", "ReparseTask", "current_prefix", "reparse", "reparse_archive"]

#: Pages handed to a worker at once, and the catalog rows written per transaction.
CHUNK = 16
BATCH = 200
#: Fields compared to say what changed (``source`` is kept; ``extractor`` always moves).
IGNORED_FIELDS = frozenset({"source", "extractor"})

_TASKS = """
SELECT p.id, p.page_url, c.warc_file, c.warc_offset, c.request_offset, c.record_id,
       c.warc_length, b.warc_file, b.warc_offset, p.record_json
FROM pages p
JOIN capture_rows c ON c.id = p.capture_id
LEFT JOIN capture_rows b ON b.id = c.refers_to AND c.record_type = 'revisit'
WHERE p.id > ? {stale} AND c.id NOT IN (SELECT capture_id FROM lost_records)
ORDER BY p.id
LIMIT ?
"""
_UPDATE = "UPDATE pages SET record_json = ?, parser_version = ?, parsed_at = ? WHERE id = ?"


def current_prefix() -> str:
    """What a current ``parser_version`` starts with (the sink writes VERSION/extractor-v)."""
    return f"{__version__}/"


@dataclass(frozen=True, slots=True)
class ReparseTask:
    page_id: int
    page_url: str
    warc: str  # path of the WARC file
    offset: int
    request_offset: int | None
    record_id: str
    length: int
    payload: tuple[str, int] | None  # for a revisit: where the payload is
    old_json: str = "{}"  # the record being replaced: compared in the worker


@dataclass(frozen=True, slots=True)
class Outcome:
    """A worker's answer: the new record as catalog text and what changed, or the error.

    Workers do the comparison and the serialisation too, so the parent only writes rows.
    """

    page_id: int
    page_url: str
    text: str | None
    version: str | None
    error: str | None
    changed: tuple[str, ...] = ()


@dataclass(slots=True)
class ReparseReport:
    pages: int = 0  # pages reparsed
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    current: int = 0  # already current, skipped
    lost: int = 0  # kept as they are: the record they were parsed from is lost
    fields: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "current": self.current,
            "lost": self.lost,
            "fields": dict(self.fields.most_common()),
            "errors": [{"page_url": u, "reason": r} for u, r in self.errors],
            "interrupted": self.interrupted,
        }


def parse_task(task: ReparseTask) -> Outcome:
    """Read one capture, parse it and compare with the old record (runs in a worker);
    failures become data and leave the old record in place."""
    try:
        payload = (Path(task.payload[0]), task.payload[1]) if task.payload else None
        capture = read_capture(
            Path(task.warc), task.offset, request_offset=task.request_offset, payload_from=payload
        )
        ref = WarcRef(Path(task.warc).name, task.record_id, task.offset, task.length)
        post = parse_capture(capture, ref)
        old = json.loads(task.old_json)
    except Exception as exc:  # a corrupt WARC or an unparsable page: report, keep the old record
        return Outcome(task.page_id, task.page_url, None, None, f"{type(exc).__name__}: {exc}")
    record = post.to_dict()
    if old.get("source"):
        record["source"] = old["source"]
    version = f"{__version__}/{post.extractor.name}-{post.extractor.version}"
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    fields = tuple(_changed_fields(old, record))
    return Outcome(task.page_id, task.page_url, text, version, None, fields)


def _parse_chunk(tasks: list[ReparseTask]) -> list[Outcome]:
    return [parse_task(t) for t in tasks]


def _init_worker() -> None:
    # Ctrl-C goes to the whole process group: the parent decides how to stop, not workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parse_worker_gc()


def _tasks(
    conn: Db, warc_dir: Path, *, force: bool, prefix: str, page: int = 256
) -> Iterator[ReparseTask]:
    """Stale pages in id order, read a page of rows at a time (keyset pagination).

    Each page is fetched whole before it is handed out, so no cursor is open while the
    parent writes results back through the same connection.
    """
    stale = "" if force else "AND substr(p.parser_version, 1, ?) != ?"
    sql = _TASKS.format(stale=stale)
    last = 0
    while True:
        extra: tuple[Any, ...] = () if force else (len(prefix), prefix)
        rows = conn.execute(sql, (last, *extra, page)).fetchall()
        for row in rows:
            pid, url, wfile, off, req_off, rid, length, bfile, boff, old = row
            payload = (str(warc_dir / bfile), int(boff)) if bfile is not None else None
            warc = str(warc_dir / wfile)
            yield ReparseTask(pid, url, warc, off, req_off, rid, length, payload, old)
        if len(rows) < page:
            return
        last = rows[-1][0]


def _chunks(tasks: Iterator[ReparseTask], size: int) -> Iterator[list[ReparseTask]]:
    chunk: list[ReparseTask] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _outcomes(chunks: Iterator[list[ReparseTask]], jobs: int) -> Iterator[Outcome]:
    """Parse chunks in ``jobs`` processes with a bounded window (memory stays flat)."""
    if jobs <= 1:
        for chunk in chunks:
            yield from _parse_chunk(chunk)
        return
    # forkserver, not fork: a forked worker would share the archive's lock file (and the
    # parent's threads' state), so a reparse killed with -9 would leave workers holding the
    # lock and the next run would be refused.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, mp_context=context
    ) as pool:
        window: deque[Future[list[Outcome]]] = deque()
        try:
            for chunk in chunks:
                window.append(pool.submit(_parse_chunk, chunk))
                if len(window) >= jobs * 3:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        finally:
            for fut in window:
                fut.cancel()


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return sorted(
        k for k in new.keys() | old.keys() if k not in IGNORED_FIELDS and old.get(k) != new.get(k)
    )


def reparse(
    conn: Db,
    warc_dir: Path,
    *,
    jobs: int | None = None,
    force: bool = False,
    stop: threading.Event | None = None,
    on_progress: Callable[[ReparseReport], None] | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> ReparseReport:
    """Reparse every stored page whose record is not current (all of them with ``force``).

    ``stop`` ends the run between batches (everything finished is committed); a
    ``KeyboardInterrupt`` does the same and is reported as ``interrupted``.
    """
    jobs = jobs or os.cpu_count() or 1
    prefix = current_prefix()
    report = ReparseReport()
    if not force:
        (total,) = conn.execute("SELECT COUNT(*) FROM pages").fetchone()
        (stale,) = conn.execute(
            "SELECT COUNT(*) FROM pages WHERE substr(parser_version, 1, ?) != ?",
            (len(prefix), prefix),
        ).fetchone()
        report.current = int(total) - int(stale)
    lost = "capture_id IN (SELECT capture_id FROM lost_records)"
    if force:
        (report.lost,) = conn.execute(f"SELECT COUNT(*) FROM pages WHERE {lost}").fetchone()
    else:
        (report.lost,) = conn.execute(
            f"SELECT COUNT(*) FROM pages WHERE {lost} AND substr(parser_version, 1, ?) != ?",
            (len(prefix), prefix),
        ).fetchone()
    tasks = _tasks(conn, warc_dir, force=force, prefix=prefix)
    pending: list[tuple[str, str, str, int]] = []

    def flush() -> None:
        if not pending:
            return
        try:
            with transaction(conn) as c:
                c.executemany(_UPDATE, pending)
        except (sqlite3.OperationalError, OSError) as exc:  # a full disk, an I/O error
            raise ArchiveError(
                f"cannot write the catalog ({exc}); the {report.pages - len(pending)} pages "
                "reparsed before are saved and every record is intact: free space, run again"
            ) from exc
        pending.clear()

    try:
        for out in _outcomes(_chunks(tasks, CHUNK), jobs):
            if out.error is not None or out.text is None or out.version is None:
                report.failed += 1
                report.errors.append((out.page_url, out.error or "no record"))
                continue
            report.pages += 1
            if out.changed:
                report.changed += 1
                report.fields.update(out.changed)
            else:
                report.unchanged += 1
            pending.append((out.text, out.version, clock().isoformat(), out.page_id))
            if len(pending) >= BATCH:
                flush()
                if on_progress:
                    on_progress(report)
                if stop is not None and stop.is_set():
                    report.interrupted = True
                    break
        flush()
    except KeyboardInterrupt:
        flush()
        report.interrupted = True
    return report


def reparse_archive(
    path: str | Path,
    *,
    jobs: int | None = None,
    force: bool = False,
    stop: threading.Event | None = None,
    on_progress: Callable[[ReparseReport], None] | None = None,
) -> ReparseReport:
    """Open the archive for writing (one writer at a time) and reparse it."""

    with Archive.open(path) as archive:
        return reparse(
            catalog_connection(archive),
            archive.warc_dir,
            jobs=jobs,
            force=force,
            stop=stop,
            on_progress=on_progress,
        )


def catalog_connection(archive: Archive) -> Db:
    """The writable catalog connection of an open ``Archive`` (for the archive's own jobs)."""
    return writable_catalog(archive).db
