"""Run the current parser over stored captures, with no network, on every CPU core.

A better parser should improve old captures (DESIGN: "a parse can always be re-run from the
archive"). Work is keyed by the ``pages`` row, which names the capture it was parsed from;
workers (a ``PagePool``, the crawl's own mechanism) read the WARC record and parse it, and
the parent alone writes the catalog, in small
transactions, so an interrupted run keeps everything it finished and a re-run skips pages
whose ``parser_version`` is already current: the run is idempotent.

Provenance is not the parser's business: a reparsed record keeps the ``source`` of the record
it replaces, so only what the parser extracts can show up as changed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scraper import __version__
from scraper._records import WarcRef
from scraper.crawler._pagepool import PagePool, WorkerDied
from scraper.parse._parse import parse_capture

from ._errors import ArchiveError
from ._store import Archive, writable_catalog
from .catalog import (
    Db,
    lost_parse_count,
    parse_count_all,
    reparse_batch,
    stale_parse_count,
    transaction,
    update_parses,
)
from .warc._reader import read_capture

__all__ = ["ReparseReport", "ReparseTask", "current_prefix", "reparse", "reparse_archive"]

#: Pages handed to a worker at once, and the catalog rows written per transaction.
CHUNK = 16
BATCH = 200
#: Fields compared to say what changed (``source`` is kept; ``extractor`` always moves).
IGNORED_FIELDS = frozenset({"source", "extractor"})


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


def _parse_chunk(_context: None, tasks: list[ReparseTask]) -> list[Outcome]:
    return [parse_task(t) for t in tasks]


def _tasks(
    conn: Db, warc_dir: Path, *, force: bool, prefix: str, page: int = 256
) -> Iterator[ReparseTask]:
    """Stale pages in id order, read a page of rows at a time (keyset pagination).

    Each page is fetched whole before it is handed out, so no cursor is open while the
    parent writes results back through the same connection.
    """
    last = 0
    while True:
        rows = reparse_batch(conn, last, None if force else prefix, page)
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


def _outcomes(chunks: Iterator[list[ReparseTask]], pool: PagePool | None) -> Iterator[Outcome]:
    """Parse chunks on ``pool`` (inline without one) with a bounded window: memory stays
    flat. A chunk whose worker died is parsed again on its replacement, once."""
    if pool is None:
        for chunk in chunks:
            yield from _parse_chunk(None, chunk)
        return
    window: deque[tuple[list[ReparseTask], Future[list[Outcome]]]] = deque()

    def done(chunk: list[ReparseTask], fut: Future[list[Outcome]]) -> list[Outcome]:
        try:
            return fut.result()
        except WorkerDied:
            return pool.submit(_parse_chunk, None, chunk).result()

    try:
        for chunk in chunks:
            window.append((chunk, pool.submit(_parse_chunk, None, chunk)))
            if len(window) >= pool.workers * 3:
                yield from done(*window.popleft())
        while window:
            yield from done(*window.popleft())
    finally:
        for _chunk, fut in window:
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
    pool: PagePool | None = None,
) -> ReparseReport:
    """Reparse every stored page whose record is not current (all of them with ``force``).

    Pages are parsed on ``pool`` when given (its owner closes it), else on a ``PagePool``
    of ``jobs`` processes (one per core by default) made for this run, or in this thread
    when ``jobs`` is 1. ``stop`` ends the run between batches (everything finished is
    committed); a ``KeyboardInterrupt`` does the same and is reported as ``interrupted``.
    """
    if pool is None and (jobs or os.cpu_count() or 1) > 1:
        with PagePool(jobs or os.cpu_count() or 1) as own:
            return reparse(
                conn, warc_dir, force=force, stop=stop, on_progress=on_progress, clock=clock,
                pool=own,
            )  # fmt: skip
    prefix = current_prefix()
    report = ReparseReport()
    if not force:
        report.current = parse_count_all(conn) - stale_parse_count(conn, prefix)
    report.lost = lost_parse_count(conn, None if force else prefix)
    tasks = _tasks(conn, warc_dir, force=force, prefix=prefix)
    pending: list[tuple[str, str, str, int]] = []

    def flush() -> None:
        if not pending:
            return
        try:
            with transaction(conn) as c:
                update_parses(c, pending)
        except (sqlite3.OperationalError, OSError) as exc:  # a full disk, an I/O error
            raise ArchiveError(
                f"cannot write the catalog ({exc}); the {report.pages - len(pending)} pages "
                "reparsed before are saved and every record is intact: free space, run again"
            ) from exc
        pending.clear()

    try:
        for out in _outcomes(_chunks(tasks, CHUNK), pool):
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
    pool: PagePool | None = None,
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
            pool=pool,
        )


def catalog_connection(archive: Archive) -> Db:
    """The writable catalog connection of an open ``Archive`` (for the archive's own jobs)."""
    return writable_catalog(archive).db
