"""``Archive``: one folder holding a crawl's WARC files, its catalog and its exports.

    DIR/warc/*.warc.gz     requests and responses as captured (plus warc/index.cdxj)
    DIR/catalog.sqlite     frontier, captures, parses (``archive.catalog``) -- or
    DIR/catalog.url        the address of a shared PostgreSQL catalog (no password)
    DIR/exports/           what ``export`` writes
    DIR/.lock              held (flock) by the one process that writes a SQLite archive

Opening a SQLite archive for writing takes the lock, repairs what a crash left
(``archive._recovery``) and puts the dead process's claims back in the queue, so re-running
the same command resumes. Read-only opens take no lock and can run beside a crawl (SQLite
WAL). On a PostgreSQL catalog many processes write at once, each as a worker of the crawl
(``archive._shared``): no folder lock, each its own WARC files, and repairs limited to the
files of workers that died. The read methods (posts, captures, counts) are
``archive._reading``'s.

>>> with Archive.open("my-archive") as arc:  # doctest: +SKIP
...     for post in arc.posts(site="blog.example"):
...         print(post.title, len(post.comments))
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from scraper._records import Capture

from ._errors import ArchiveError
from ._folder import CATALOG_NAME, make_folder
from ._reading import ArchiveReading
from ._recovery import RecoveryReport, recover
from ._shared import WorkerSession, remember_address, remembered_address
from ._sink import ArchiveSink
from .catalog import (
    CaptureRow,
    Catalog,
    PgFrontier,
    SQLiteFrontier,
    connect_pg,
    connect_sqlite,
    is_pg_address,
)
from .wacz._package import WaczResult, write_wacz
from .warc._cdxj import index_is_stale, write_index
from .warc._writer import DEFAULT_MAX_SIZE, PROFILE_IDENTICAL, WarcWriter, utcnow, warc_date

__all__ = ["Archive", "writable_catalog"]

#: How long a worker's claims outlive its last heartbeat (seconds).
DEFAULT_LEASE = 30.0


class Archive(ArchiveReading):
    """An archive folder: ``warc/``, its catalog, ``exports/``; a context manager."""

    def __init__(
        self,
        path: Path,
        catalog: Catalog,
        *,
        readonly: bool,
        lock_fd: int | None,
        clock: Callable[[], datetime] = utcnow,
        max_warc_size: int = DEFAULT_MAX_SIZE,
        dsn: str | None = None,
    ) -> None:
        self.path = path
        self.warc_dir = path / "warc"
        self.exports_dir = path / "exports"
        self.readonly = readonly
        self._catalog = catalog
        self._lock_fd = lock_fd
        self._clock = clock
        self._max_warc_size = max_warc_size
        self._dsn = dsn  # with its password, in memory only: the heartbeat connects with it
        self.lease = DEFAULT_LEASE
        self.recovery = RecoveryReport()
        self._frontier: SQLiteFrontier | PgFrontier | None = None
        self._sink: ArchiveSink | None = None
        self._writer: WarcWriter | None = None
        self._reader_catalog: Catalog | None = None
        self._session: WorkerSession | None = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        readonly: bool = False,
        catalog: str | None = None,
        clock: Callable[[], datetime] = utcnow,
        max_warc_size: int = DEFAULT_MAX_SIZE,
    ) -> Archive:
        """Open (creating when missing, unless ``readonly``) the archive folder at ``path``.

        ``catalog``: a ``postgresql://`` address for a shared catalog; by default the one the
        folder remembers (``catalog.url``), else its own ``catalog.sqlite``."""
        root = Path(path)
        address = catalog or (remembered_address(root) if root.is_dir() else None)
        if address is not None:
            if not is_pg_address(address):
                raise ArchiveError(f"not a PostgreSQL address: {address!r}")
            return cls._open_shared(root, address, readonly, clock, max_warc_size)
        if readonly:
            if not (root / CATALOG_NAME).exists():
                raise ArchiveError(f"{root} is not an archive (no {CATALOG_NAME})")
            db = connect_sqlite(root / CATALOG_NAME, readonly=True)
            return cls(root, Catalog(db), readonly=True, lock_fd=None, clock=clock)
        fd = make_folder(root, lock=True)
        assert fd is not None
        try:
            db = connect_sqlite(root / CATALOG_NAME, readonly=False)
            arc = cls(
                root, Catalog(db), readonly=False, lock_fd=fd, clock=clock,
                max_warc_size=max_warc_size,
            )  # fmt: skip
            arc.recovery = recover(arc._catalog, arc.warc_dir, arc._now())
            # Keyed before keys followed ``surt``; or missing/behind after a killed run
            # (kill -9 writes no index on the way out): replay tools need it now.
            missing = not (arc.warc_dir / "index.cdxj").exists() and any(
                arc.warc_dir.glob("*.warc.gz")
            )
            if index_is_stale(arc.warc_dir) or missing or arc.recovery:
                arc.write_index()
            arc.frontier.requeue_claimed()
        except BaseException:
            os.close(fd)
            raise
        return arc

    @classmethod
    def _open_shared(
        cls,
        root: Path,
        dsn: str,
        readonly: bool,
        clock: Callable[[], datetime],
        max_warc_size: int,
    ) -> Archive:
        if readonly:
            if not root.is_dir():
                raise ArchiveError(f"{root} is not an archive folder")
            db = connect_pg(dsn, readonly=True)
            return cls(root, Catalog(db), readonly=True, lock_fd=None, clock=clock, dsn=dsn)
        make_folder(root)
        db = connect_pg(dsn, readonly=False)
        try:
            remember_address(root, dsn)
        except OSError as exc:
            db.close()
            raise ArchiveError(f"cannot write {root}: {exc}") from exc
        return cls(
            root, Catalog(db), readonly=False, lock_fd=None, clock=clock,
            max_warc_size=max_warc_size, dsn=dsn,
        )  # fmt: skip

    @property
    def shared(self) -> bool:
        """Whether the catalog is a PostgreSQL one that many workers may write at once."""
        return self._catalog.db.is_pg

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _now(self) -> str:
        return warc_date(self._clock())

    def _require_writable(self) -> None:
        if self.readonly:
            raise ArchiveError(f"{self.path} was opened read-only")

    # --- the crawler's side -------------------------------------------------------------
    @property
    def frontier(self) -> SQLiteFrontier | PgFrontier:
        """The frontier (``scraper._protocols.Frontier``): the archive's own on SQLite; on a
        shared catalog, this worker's view of the crawl's (after ``begin_crawl``)."""
        self._require_writable()
        if self._frontier is None:
            if self.shared:
                raise ArchiveError("call begin_crawl() before using a shared frontier")
            self._frontier = SQLiteFrontier(self._catalog.db, self._now)
        return self._frontier

    @property
    def sink(self) -> ArchiveSink:
        """WARC + catalog (``scraper._protocols.CaptureSink``) for the current crawl round."""
        if self._sink is None:
            raise ArchiveError("call begin_crawl() before writing captures")
        return self._sink

    def open_round(self, kind: str) -> tuple[int, dict[str, Any]] | None:
        """The unfinished round of ``kind`` and its settings (what a joining worker runs)."""
        crawl_id = self._catalog.open_round(kind)
        return None if crawl_id is None else (crawl_id, self._catalog.round_settings(crawl_id))

    def begin_crawl(self, kind: str, settings: dict[str, Any], *, join: bool = False) -> int:
        """Start (or resume, or on a shared catalog join) a crawl round; returns its id and
        opens a WARC segment for it.

        An unfinished round of the same ``kind`` is resumed rather than replaced: that is
        what makes re-running a killed command continue it without duplicates. ``join``:
        only join one (a worker arriving as the round ends must not start another).
        """
        self._require_writable()
        if self.shared:  # workers judge each other dead by one lease: the round's
            settings = {**settings, "lease": self.lease}
        settings_json = json.dumps(settings, sort_keys=True, default=str)
        crawl_id = self._catalog.open_round(kind)
        if crawl_id is None and join:
            raise ArchiveError(f"no {kind} round is running in {self.path}: nothing to join")
        if crawl_id is None:
            crawl_id = self._catalog.start_round(kind, self._now(), settings_json)
        elif self.shared:  # a joining worker runs the crawl as it was started
            settings_json = json.dumps(
                self._catalog.round_settings(crawl_id), sort_keys=True, default=str
            )
        if self._writer is not None:
            self._writer.close()
        prefix, fsync = "blog-archiver", False
        if self.shared:
            prefix, fsync = self._join(crawl_id, json.loads(settings_json))
        info = {"crawl-id": str(crawl_id), "crawl-kind": kind, "crawl-settings": settings_json}
        self._writer = WarcWriter(
            self.warc_dir,
            info=info,
            max_size=self._max_warc_size,
            clock=self._clock,
            fsync=fsync,
            prefix=prefix,
            on_new_file=lambda name: self._catalog.register_file(name, crawl_id, self._now()),
        )
        self._sink = ArchiveSink(self._catalog, self._writer, crawl_id, self._now)
        return crawl_id

    def batch_writes(self) -> None:
        """On a shared catalog, let a crawl send each page's rows with its job's final
        state (one round trip a page): the crawler's ``settle``/``finish`` flush them."""
        if isinstance(self._frontier, PgFrontier) and self._sink is not None:
            self._sink.defer = True
            self._sink.is_fresh = self._frontier.is_fresh

    def _join(self, crawl_id: int, settings: dict[str, Any]) -> tuple[str, bool]:
        """Become a worker of ``crawl_id``: registration, heartbeat, the shared frontier,
        and repairs of dead workers' files. Records are synced before their rows are
        committed (``fsync``): other machines trust a row the moment it is there."""
        assert self._dsn is not None
        self.lease = float(settings.get("lease", self.lease))  # as the round was started
        if self._session is not None:
            self._session.close()
        self._session = WorkerSession(self._catalog, self._dsn, crawl_id, self._now(), self.lease)
        self.recovery = self._session.repair(self.warc_dir, self._now())
        self._frontier = self._session.frontier(settings.get("args", {}), self._now)
        return self._session.prefix, True

    @property
    def worker_id(self) -> int | None:
        """This process's worker id on a shared catalog (after ``begin_crawl``), else None."""
        return self._session.worker_id if self._session is not None else None

    def repair_dead_workers(self) -> None:
        """Index what workers that died wrote but never committed (a re-capture round calls
        it before asking again a URL whose claim a dead worker held: its record may be
        on disk already, and the round keeps one record per URL)."""
        if self._session is not None:
            self._session.repair(self.warc_dir, self._now())

    def end_crawl(self, crawl_id: int, stats: dict[str, Any]) -> None:
        """Close the round: sync its WARC, record ``stats``, rebuild the CDXJ index."""
        self._require_writable()
        if self._writer is not None:
            self._writer.close()
        self._catalog.db.flush()
        if self._session is not None:  # the last records of workers that died
            self._session.repair(self.warc_dir, self._now())
        self._catalog.finish_round(
            crawl_id, self._now(), json.dumps(stats, sort_keys=True, default=str)
        )
        self.write_index()

    def write_index(self) -> Path:
        """Rebuild ``warc/index.cdxj`` (sorted) from the catalog."""
        return write_index(self._catalog.index_rows(), self.warc_dir)

    def write_wacz(self, out: Path, *, title: str | None = None) -> WaczResult:
        """Package the WARC files, their index and the list of posts as WACZ (``archive.wacz``)."""
        return write_wacz(self._reader(), self.warc_dir, out, created=self._clock(), title=title)

    def write_revisit(
        self, capture: Capture, refers_to: CaptureRow, profile: str = PROFILE_IDENTICAL
    ) -> CaptureRow:
        """Record an unchanged re-capture as a WARC ``revisit`` (see ``archive.warc``)."""
        return self.sink.write_revisit(capture, refers_to, profile)

    def close(self) -> None:
        """Flush the WARC and release the catalog and the write lock.

        Waits for a write in progress on another thread (the crawler's writer) to finish,
        so an interrupted crawl never leaves half a record behind.
        """
        sink_lock = self._sink.lock if self._sink is not None else contextlib.nullcontext()
        frontier_lock = (
            self._frontier.lock if self._frontier is not None else contextlib.nullcontext()
        )
        with sink_lock, frontier_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
            if self._catalog.db.deferred:  # rows of records already on disk
                with contextlib.suppress(ArchiveError):
                    self._catalog.db.flush()
            if self._session is not None:
                self._session.close()
                self._session = None
            if self._reader_catalog is not None:
                self._reader_catalog.close()
                self._reader_catalog = None
            self._catalog.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


def writable_catalog(archive: Archive) -> Catalog:
    """The catalog an archive writes with, for the archive's own jobs (reparse, recapture)
    that need more than ``Archive`` offers. Not public: ``Archive`` hands no connection out."""
    archive._require_writable()
    return archive._catalog
