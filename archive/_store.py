"""``Archive``: one folder holding a crawl's WARC files, its catalog and its exports.

    DIR/warc/*.warc.gz     requests and responses as captured (plus warc/index.cdxj)
    DIR/catalog.sqlite     frontier, captures, parses (``archive._catalog``)
    DIR/exports/           what ``export`` writes
    DIR/.lock              held (flock) by the one process that writes

Opening for writing takes the lock, repairs what a crash left (``archive._recovery``) and
puts the dead process's claims back in the queue, so re-running the same command resumes.
Read-only opens take no lock and can run beside a crawl (SQLite WAL).

>>> with Archive.open("my-archive") as arc:  # doctest: +SKIP
...     for post in arc.posts(site="blog.example"):
...         print(post.title, len(post.comments))
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from scraper._records import Capture, Post

from ._catalog import CAPTURE_COLUMNS, CaptureRow, connect, iter_rows, row_to_capture, transaction
from ._errors import ArchiveError, ArchiveLockedError
from ._frontier import SQLiteFrontier
from ._posts import iter_posts, post_versions
from ._recovery import RecoveryReport, recover
from ._sink import ArchiveSink
from .wacz._package import WaczResult, write_wacz
from .warc._cdxj import index_is_stale, write_index
from .warc._reader import read_capture
from .warc._writer import DEFAULT_MAX_SIZE, PROFILE_IDENTICAL, WarcWriter, utcnow, warc_date

__all__ = ["Archive"]

CATALOG_NAME = "catalog.sqlite"


class Archive:
    """An archive folder: ``warc/``, ``catalog.sqlite``, ``exports/``; a context manager."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        readonly: bool,
        lock_fd: int | None,
        clock: Callable[[], datetime] = utcnow,
        max_warc_size: int = DEFAULT_MAX_SIZE,
    ) -> None:
        self.path = path
        self.warc_dir = path / "warc"
        self.exports_dir = path / "exports"
        self.readonly = readonly
        self._conn = conn
        self._lock_fd = lock_fd
        self._clock = clock
        self._max_warc_size = max_warc_size
        self.recovery = RecoveryReport()
        self._frontier: SQLiteFrontier | None = None
        self._sink: ArchiveSink | None = None
        self._writer: WarcWriter | None = None
        self._read_conn: sqlite3.Connection | None = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        readonly: bool = False,
        clock: Callable[[], datetime] = utcnow,
        max_warc_size: int = DEFAULT_MAX_SIZE,
    ) -> Archive:
        """Open (creating when missing, unless ``readonly``) the archive folder at ``path``."""
        root = Path(path)
        if readonly:
            if not (root / CATALOG_NAME).exists():
                raise ArchiveError(f"{root} is not an archive (no {CATALOG_NAME})")
            return cls(
                root,
                connect(root / CATALOG_NAME, readonly=True),
                readonly=True,
                lock_fd=None,
                clock=clock,
            )
        if root.exists() and not root.is_dir():
            raise ArchiveError(f"{root} exists and is not a folder")
        try:
            for sub in (root, root / "warc", root / "exports"):
                sub.mkdir(parents=True, exist_ok=True)
            fd = _lock(root)
        except OSError as exc:
            hint = ""
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                hint = " (read-only: export and history can still read an existing archive)"
            raise ArchiveError(
                f"cannot write the archive at {root}: {exc.strerror or exc}{hint}"
            ) from exc
        try:
            conn = connect(root / CATALOG_NAME, readonly=False)
            arc = cls(
                root, conn, readonly=False, lock_fd=fd, clock=clock, max_warc_size=max_warc_size
            )
            arc.recovery = recover(conn, arc.warc_dir, arc._now())
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

    def _reader(self) -> sqlite3.Connection:
        """A second connection for streamed reads, so a long iteration never holds up (or
        is disturbed by) the writer's transactions on the main one."""
        if self.readonly:
            return self._conn
        if self._read_conn is None:
            self._read_conn = connect(self.path / CATALOG_NAME, readonly=True)
        return self._read_conn

    def _require_writable(self) -> None:
        if self.readonly:
            raise ArchiveError(f"{self.path} was opened read-only")

    @property
    def catalog(self) -> sqlite3.Connection:
        """The writable catalog connection, for archive-side jobs (reparse, recapture) that
        need SQL the ``Archive`` methods do not offer; the schema is ``archive._catalog``'s."""
        self._require_writable()
        return self._conn

    # --- the crawler's side -------------------------------------------------------------
    @property
    def frontier(self) -> SQLiteFrontier:
        """The SQLite-backed frontier (``scraper._protocols.Frontier``)."""
        self._require_writable()
        if self._frontier is None:
            self._frontier = SQLiteFrontier(self._conn, self._now)
        return self._frontier

    @property
    def sink(self) -> ArchiveSink:
        """WARC + catalog (``scraper._protocols.CaptureSink``) for the current crawl round."""
        if self._sink is None:
            raise ArchiveError("call begin_crawl() before writing captures")
        return self._sink

    def begin_crawl(self, kind: str, settings: dict[str, Any]) -> int:
        """Start (or resume) a crawl round; returns its id and opens a WARC segment for it.

        An unfinished round of the same ``kind`` is resumed rather than replaced: that is
        what makes re-running a killed command continue it without duplicates.
        """
        self._require_writable()
        row = self._conn.execute(
            "SELECT id FROM crawls WHERE kind = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
            (kind,),
        ).fetchone()
        settings_json = json.dumps(settings, sort_keys=True, default=str)
        if row:
            crawl_id = int(row[0])
        else:
            with transaction(self._conn) as c:
                crawl_id = int(
                    c.execute(
                        "INSERT INTO crawls (kind, started_at, settings_json) VALUES (?, ?, ?) "
                        "RETURNING id",
                        (kind, self._now(), settings_json),
                    ).fetchone()[0]
                )
        if self._writer is not None:
            self._writer.close()
        info = {"crawl-id": str(crawl_id), "crawl-kind": kind, "crawl-settings": settings_json}
        self._writer = WarcWriter(
            self.warc_dir,
            info=info,
            max_size=self._max_warc_size,
            clock=self._clock,
            on_new_file=lambda name: self._register_file(name, crawl_id),
        )
        self._sink = ArchiveSink(self._conn, self._writer, crawl_id, self._now)
        return crawl_id

    def _register_file(self, name: str, crawl_id: int) -> None:
        with transaction(self._conn) as c:
            c.execute(
                # A name registered by a run killed before it created the file may come back.
                "INSERT INTO warc_files (name, crawl_id, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET crawl_id = excluded.crawl_id, "
                "created_at = excluded.created_at",
                (name, crawl_id, self._now()),
            )

    def end_crawl(self, crawl_id: int, stats: dict[str, Any]) -> None:
        """Close the round: sync its WARC, record ``stats``, rebuild the CDXJ index."""
        self._require_writable()
        if self._writer is not None:
            self._writer.close()
        with transaction(self._conn) as c:
            c.execute(
                "UPDATE crawls SET finished_at = ?, stats_json = ? WHERE id = ?",
                (self._now(), json.dumps(stats, sort_keys=True, default=str), crawl_id),
            )
        self.write_index()

    def failed_rounds(self) -> list[tuple[int, str, str]]:
        """``(crawl id, started_at, why)`` of the rounds recorded as failed (nothing answered),
        so ``history`` shows the attempts a scheduled job made while the site was down."""
        rows = self._reader().execute(
            "SELECT id, started_at, stats_json FROM crawls WHERE stats_json LIKE '%\"error\"%'"
            " ORDER BY id"
        )
        out = []
        for crawl_id, started, stats_json in rows:
            error = json.loads(stats_json).get("error")
            if error:
                out.append((int(crawl_id), str(started), str(error)))
        return out

    def write_index(self) -> Path:
        """Rebuild ``warc/index.cdxj`` (sorted) from the catalog."""
        return write_index(self._conn, self.warc_dir)

    def write_wacz(self, out: Path, *, title: str | None = None) -> WaczResult:
        """Package the WARC files, their index and the list of posts as WACZ (``archive.wacz``)."""
        return write_wacz(self._reader(), self.warc_dir, out, created=self._clock(), title=title)

    def write_revisit(
        self, capture: Capture, refers_to: CaptureRow, profile: str = PROFILE_IDENTICAL
    ) -> CaptureRow:
        """Record an unchanged re-capture as a WARC ``revisit`` (see ``archive.warc``)."""
        return self.sink.write_revisit(capture, refers_to, profile)

    # --- reading ---------------------------------------------------------------------------
    def posts(
        self, *, site: str | None = None, since: str | None = None, until: str | None = None
    ) -> Iterator[Post]:
        """The latest version of each post, comment pages merged, streamed in URL order.

        ``site`` matches the post's host (``blog.example``) or a URL prefix; ``since`` /
        ``until`` compare with ``published`` (ISO dates, inclusive; undated posts drop out).
        """
        return iter_posts(self._reader(), site=site, since=since, until=until)

    def post_versions(self, url: str) -> list[tuple[int, str, Post]]:
        """``(crawl_id, captured_at, merged Post)`` per round that captured ``url``, oldest 1st."""
        return post_versions(self._reader(), url)

    def captures(self, url: str | None = None) -> Iterator[CaptureRow]:
        """Catalog rows of stored responses and revisits (all, or of one URL), oldest first."""
        where, params = ("WHERE url = ?", (url,)) if url is not None else ("", ())
        sql = f"SELECT {CAPTURE_COLUMNS} FROM capture_rows {where} ORDER BY fetched_at, id"
        return (row_to_capture(r) for r in iter_rows(self._reader(), sql, params))

    def read_capture(self, row: CaptureRow) -> Capture:
        """Re-read a stored exchange from its WARC (a revisit gets its original's body).

        A record lost from its file (``archive._recovery``) raises ``ArchiveError`` saying so.
        """
        lost = self._conn.execute(
            "SELECT reason FROM lost_records WHERE capture_id = ?", (row.id,)
        ).fetchone()
        if lost is not None:
            raise ArchiveError(f"capture {row.id} of {row.url} is lost: {lost[0]}")
        payload_from = None
        if row.record_type == "revisit" and row.refers_to is not None:
            base = self._conn.execute(
                "SELECT warc_file, warc_offset FROM capture_rows WHERE id = ?", (row.refers_to,)
            ).fetchone()
            if base is not None:
                payload_from = (self.warc_dir / base[0], int(base[1]))
        files = [self.warc_dir / row.warc_file] + ([payload_from[0]] if payload_from else [])
        for path in files:
            if not path.exists():  # recovery marks its records at the next writable open
                raise ArchiveError(
                    f"capture {row.id} of {row.url} is lost: warc/{path.name} is missing"
                )
        return read_capture(
            self.warc_dir / row.warc_file,
            row.offset,
            request_offset=row.request_offset,
            payload_from=payload_from,
        )

    def failures(self) -> Iterator[tuple[str, str]]:
        """``(url, reason)`` of every URL that failed."""
        sql = "SELECT url, COALESCE(reason, '') FROM urls WHERE state = 'failed' ORDER BY seq"
        return ((str(u), str(r)) for u, r in iter_rows(self._reader(), sql))

    def post_count(self) -> int:
        """Posts in the archive (an export's progress total)."""
        (posts,) = self._reader().execute("SELECT COUNT(DISTINCT post_url) FROM pages").fetchone()
        return int(posts)

    def stats(self) -> dict[str, Any]:
        """Counts for summaries: URLs per state, captures, posts, WARC bytes."""
        states = dict(self._conn.execute("SELECT state, COUNT(*) FROM urls GROUP BY state"))
        (captures,) = self._conn.execute("SELECT COUNT(*) FROM captures").fetchone()
        (posts,) = self._conn.execute("SELECT COUNT(DISTINCT post_url) FROM pages").fetchone()
        warc_bytes = sum(p.stat().st_size for p in self.warc_dir.glob("*.warc.gz"))
        return {"urls": states, "captures": captures, "posts": posts, "warc_bytes": warc_bytes}

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
            if self._read_conn is not None:
                self._read_conn.close()
                self._read_conn = None
            self._conn.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


def _lock(root: Path) -> int:
    fd = os.open(root / ".lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise ArchiveLockedError(
            f"{root} is open for writing by another process (lock {root / '.lock'}); "
            "wait for it to finish, or open it read-only"
        ) from None
    return fd
