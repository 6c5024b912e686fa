"""An archive whose catalog is shared on PostgreSQL: its address, and this process as one
worker of a crawl.

``DIR/catalog.url`` holds the catalog's address without its password (libpq finds that in
``PGPASSWORD``, ``~/.pgpass`` or a service file), so later commands on ``DIR`` need no flag.

A worker registers itself (its id names its WARC files, ``blog-archiver-cC-wW-...``: never
two writers on one file), renews its leases from a heartbeat thread, and repairs only the
files of workers that died (a heartbeat older than a lease): a live worker's file may be
mid-append, and only its writer knows where its last record ends.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._errors import ArchiveError
from ._recovery import RecoveryReport, recover
from .catalog import (
    Catalog,
    Heartbeat,
    PgFrontier,
    dead_workers,
    note_round_trips,
    redact,
    register_worker,
)

__all__ = ["ADDRESS_FILE", "WorkerSession", "remember_address", "remembered_address"]

ADDRESS_FILE = "catalog.url"
_WORKER_FILE = re.compile(r"^blog-archiver-c\d+-w(?P<worker>\d+)-")


def remembered_address(root: Path) -> str | None:
    """The catalog address ``root`` was created with, when it is not its own SQLite file."""
    path = root / ADDRESS_FILE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc}") from exc
    return text or None


def remember_address(root: Path, dsn: str) -> None:
    """Write ``dsn`` (its password removed) to ``root/catalog.url``, atomically."""
    text = redact(dsn) + "\n"
    path = root / ADDRESS_FILE
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    tmp = root / f"{ADDRESS_FILE}.{os.getpid()}.tmp"
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class WorkerSession:
    """This process's registration as a worker of ``crawl_id``; ``close()`` ends it."""

    def __init__(self, catalog: Catalog, dsn: str, crawl_id: int, now: str, lease: float) -> None:
        self.catalog = catalog
        self.crawl_id = crawl_id
        self.lease = lease
        self.worker_id = register_worker(catalog.db, crawl_id, now)
        self._heartbeat = Heartbeat(dsn, self.worker_id, lease).start()

    @property
    def prefix(self) -> str:
        """The WARC file name prefix of this worker (unique per worker and crawl)."""
        return f"blog-archiver-c{self.crawl_id}-w{self.worker_id}"

    def dead_files(self) -> Callable[[str], bool]:
        """Which WARC files belong to dead workers (or to none: a single-process run)."""
        dead = dead_workers(self.catalog.db, self.lease)

        def accept(name: str) -> bool:
            m = _WORKER_FILE.match(name)
            return m is None or int(m["worker"]) in dead

        return accept

    def frontier(self, args: dict[str, Any], clock: Callable[[], str]) -> PgFrontier:
        """This worker's view of the shared frontier, with the crawl's politeness flags."""
        return PgFrontier(
            self.catalog.db,
            self.worker_id,
            clock,
            delay=float(args.get("delay", 1.0)),
            per_host=int(args.get("per_host", 1)),
            lease=self.lease,
        )

    def repair(self, warc_dir: Path, now: str) -> RecoveryReport:
        """Repair the files of workers that died (one worker at a time)."""
        with self.catalog.exclusive("recovery"):
            return recover(self.catalog, warc_dir, now, only=self.dead_files())

    @property
    def error(self) -> Exception | None:
        """Why the heartbeat stopped, if it did (the worker's claims then run out)."""
        return self._heartbeat.error

    def close(self) -> None:
        """Stop the heartbeat and note how many round trips this worker's catalog cost."""
        self._heartbeat.stop()
        try:
            note_round_trips(self.catalog.db, self.worker_id)
        except ArchiveError:
            pass  # the server went away: nothing to note it in
