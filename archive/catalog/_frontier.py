"""The single-process crawl frontier on the catalog's ``urls`` table (``Frontier``).

Every URL ever seen has one row, so dedup is the primary key and a resumed crawl knows
what it already did. ``claim`` moves rows queued -> claimed in one statement (the
shared PostgreSQL frontier is ``_pg_frontier``); claims left by a
killed process go back to the queue when the archive is next opened for writing.
Counts are kept in memory because this process holds the archive's write lock: the
crawler asks ``pending()`` often and a ``COUNT(*)`` over 100k rows each time would show.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence

from scraper._protocols import Job, JobKind, URLState

from ._db import Db, transaction

__all__ = ["KNOWN_URLS", "SQLiteFrontier", "known_rows"]

_INSERT = (
    "INSERT INTO urls (url, seq, kind, state, depth, post_url, via, attempts, updated_at) "
    "VALUES (?, ?, ?, 'queued', ?, ?, ?, 0, ?) ON CONFLICT (url) DO NOTHING"
)
_CLAIM = (
    "UPDATE urls SET state = 'claimed', updated_at = ? WHERE url IN "
    "(SELECT url FROM urls WHERE state = 'queued' ORDER BY seq LIMIT ?) "
    "RETURNING url, kind, depth, post_url, via, seq"
)

#: Every URL of the catalog, paged by URL (``known_rows``).
KNOWN_URLS = "SELECT url, kind FROM urls WHERE url > ? ORDER BY url LIMIT ?"
_KNOWN_BATCH = 5_000
_KINDS = {k.value: k for k in JobKind}


def known_rows(
    db: Db, lock: threading.Lock, sql: str, params: Sequence[object] = ()
) -> Iterator[tuple[str, JobKind]]:
    """``(url, kind)`` of every row ``sql`` pages through by URL (its last two parameters
    are the URL to start after and the batch size): a million URLs never sit in memory as
    rows, and the lock is held for one batch at a time."""
    after = ""
    while True:
        with lock:
            rows = db.execute(sql, (*params, after, _KNOWN_BATCH)).fetchall()
        for url, kind in rows:
            yield url, _KINDS.get(kind, JobKind.LISTING)
        if len(rows) < _KNOWN_BATCH:
            return
        after = rows[-1][0]


class SQLiteFrontier:
    """Durable FIFO of jobs: every ``add``, ``claim`` and ``finish`` is committed."""

    def __init__(self, conn: Db, clock: Callable[[], str]) -> None:
        self._conn = conn
        self._now = clock
        self.lock = threading.Lock()
        with self.lock:
            row = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM urls").fetchone()
            self._seq = int(row[0])
            self._queued = self._count("queued")
            self._claimed = self._count("claimed")

    def _count(self, state: str) -> int:
        row = self._conn.execute("SELECT COUNT(*) FROM urls WHERE state = ?", (state,)).fetchone()
        return int(row[0])

    def requeue_claimed(self) -> int:
        """Give claims of a dead process back to the queue; returns how many."""
        with self.lock, transaction(self._conn) as c:
            n = c.execute(
                "UPDATE urls SET state = 'queued', updated_at = ? WHERE state = 'claimed'",
                (self._now(),),
            ).rowcount
        self._queued += n
        self._claimed -= n
        return n

    def add(self, jobs: Iterable[Job]) -> int:
        """Queue jobs whose URL was never seen; return how many were new."""
        now = self._now()
        with self.lock:
            rows = []
            for job in jobs:
                self._seq += 1
                rows.append(
                    (job.url, self._seq, job.kind.value, job.depth, job.post_url, job.via, now)
                )
            if not rows:
                return 0
            with transaction(self._conn) as c:
                n = c.executemany(_INSERT, rows).rowcount
            self._queued += n
            return n

    def known(self) -> Iterator[tuple[str, JobKind]]:
        """Every URL of the catalog (``KnownFrontier``): what earlier runs queued."""
        return known_rows(self._conn, self.lock, KNOWN_URLS)

    def claim(self, limit: int) -> list[Job]:
        """Take up to ``limit`` queued jobs, oldest first, marking them claimed."""
        if limit <= 0:
            return []
        with self.lock:
            if self._queued == 0:
                return []
            with transaction(self._conn) as c:
                rows = c.execute(_CLAIM, (self._now(), limit)).fetchall()
            self._queued -= len(rows)
            self._claimed += len(rows)
        rows.sort(key=lambda r: r[5])
        return [
            Job(url=r[0], kind=JobKind(r[1]), depth=r[2], post_url=r[3], via=r[4]) for r in rows
        ]

    def finish(self, url: str, state: URLState, reason: str | None = None) -> None:
        """Record a job's final state (and reason); a URL never queued is recorded too."""
        now = self._now()
        with self.lock, transaction(self._conn) as c:
            row = c.execute("SELECT state FROM urls WHERE url = ?", (url,)).fetchone()
            if row is None:
                self._seq += 1
                c.execute(
                    "INSERT INTO urls (url, seq, kind, state, reason, attempts, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, 1, ?)",
                    (url, self._seq, JobKind.LISTING.value, state.value, reason, now),
                )
                old = None
            else:
                old = row[0]
                c.execute(
                    "UPDATE urls SET state = ?, reason = ?, attempts = attempts + 1, "
                    "updated_at = ? WHERE url = ?",
                    (state.value, reason, now, url),
                )
            self._adjust(old, state.value)

    def _adjust(self, old: str | None, new: str) -> None:
        for st, delta in ((old, -1), (new, +1)):
            if st == "queued":
                self._queued += delta
            elif st == "claimed":
                self._claimed += delta

    def pending(self) -> int:
        """Queued plus claimed jobs."""
        return self._queued + self._claimed

    def counts(self) -> dict[str, int]:
        """Rows per state (for progress and the summary)."""
        with self.lock:
            rows = self._conn.execute("SELECT state, COUNT(*) FROM urls GROUP BY state").fetchall()
        return {str(s): int(n) for s, n in rows}
