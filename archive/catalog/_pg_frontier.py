"""The frontier many workers share on PostgreSQL (``scraper._protocols.SharedFrontier``).

A claim is one statement: it locks hosts that may be asked now (``next_at`` passed, fewer
than ``per_host`` requests in flight, something queued) with ``FOR UPDATE SKIP LOCKED``,
takes the oldest queued URL of each, marks those claimed by this worker with a lease, and
in the same transaction moves each host's ``next_at`` a delay ahead and counts the request
in flight. ``finish`` releases the host and sets ``next_at`` to a delay after the request
ended, so two requests to one host never start closer than its delay, whichever workers
send them. A worker renews its leases while it lives (``Heartbeat``); claims whose lease ran
out go back to the queue (``reap``), their hosts' in-flight counts with them.

The delay is the larger of ``--delay`` and robots.txt ``Crawl-delay``: the first worker to
read a host's robots.txt stores it (``robots`` table) with that delay, and every other
worker uses the stored copy instead of asking the host again.

All times here are the server's (epoch seconds from ``clock_timestamp()``), never a
worker's, so workers on machines whose clocks disagree still keep the spacing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator

from scraper._protocols import Job, JobKind, URLState
from scraper._urls import host_of

from ._db import Db
from ._frontier import KNOWN_URLS, known_rows

__all__ = ["PgFrontier"]

NOW = "extract(epoch FROM clock_timestamp())"

_ADD = """
WITH j AS (
    SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])
        WITH ORDINALITY AS j(url, kind, depth, post_url, via, host, n)
), h AS (
    INSERT INTO hosts (host) SELECT DISTINCT host FROM j ON CONFLICT (host) DO NOTHING
)
INSERT INTO urls (url, seq, kind, state, depth, post_url, via, attempts, updated_at, host)
SELECT url, nextval('urls_seq'), kind, 'queued', depth, post_url, via, 0, ?, host
FROM (SELECT * FROM j ORDER BY n) j
ON CONFLICT (url) DO NOTHING
"""
# {NOW} is evaluated once per statement through the t CTE.
_CLAIM = f"""
WITH t AS (SELECT {NOW} AS now),
free AS (
    SELECT h.host, COALESCE(h.delay, ?) AS delay FROM hosts h, t
    WHERE h.next_at <= t.now AND h.in_flight < ?
      AND EXISTS (SELECT 1 FROM urls q WHERE q.host = h.host AND q.state = 'queued')
    ORDER BY h.next_at LIMIT ?
    FOR UPDATE OF h SKIP LOCKED
), picked AS (
    SELECT f.host, f.delay, j.url FROM free f
    CROSS JOIN LATERAL (
        SELECT url FROM urls q WHERE q.host = f.host AND q.state = 'queued'
        ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED
    ) j
), hosts_up AS (
    UPDATE hosts h SET in_flight = h.in_flight + 1, next_at = t.now + p.delay
    FROM picked p, t WHERE h.host = p.host
)
UPDATE urls u SET state = 'claimed', worker_id = ?, lease_until = t.now + ?, updated_at = ?,
    claims = u.claims + 1
FROM picked p, t WHERE u.url = p.url
RETURNING u.url, u.kind, u.depth, u.post_url, u.via, u.seq, u.claims
"""
_FINISH = f"""
WITH t AS (SELECT {NOW} AS now),
up AS (
    UPDATE urls u SET state = ?, reason = ?, attempts = u.attempts + 1, updated_at = ?,
        worker_id = NULL, lease_until = NULL
    FROM (SELECT url, state AS old_state, worker_id AS old_worker FROM urls WHERE url = ?) o
    WHERE u.url = o.url
    RETURNING u.host, o.old_state, o.old_worker
), ins AS (
    INSERT INTO urls (url, seq, kind, state, reason, attempts, updated_at, host)
    SELECT ?, nextval('urls_seq'), 'listing', ?, ?, 1, ?, ?
    WHERE NOT EXISTS (SELECT 1 FROM up)
    ON CONFLICT (url) DO NOTHING
)
UPDATE hosts h SET in_flight = GREATEST(0, h.in_flight - 1),
    next_at = GREATEST(h.next_at, t.now + COALESCE(h.delay, ?))
FROM up, t
WHERE h.host = up.host AND up.old_state = 'claimed' AND up.old_worker = ?
"""
_REAP = f"""
WITH dead AS (
    UPDATE urls SET state = 'queued', worker_id = NULL, lease_until = NULL, updated_at = ?
    WHERE state = 'claimed' AND lease_until < {NOW}
    RETURNING host
)
UPDATE hosts h SET in_flight = GREATEST(0, h.in_flight - d.n)
FROM (SELECT host, COUNT(*) AS n FROM dead GROUP BY host) d
WHERE h.host = d.host
"""


class PgFrontier:
    """The shared frontier of one crawl, as worker ``worker_id`` sees it."""

    #: The statements that queue jobs and finish one; a re-capture round's frontier
    #: (``RoundFrontier``) runs the same steps on its own table.
    _add_sql = _ADD
    _finish_sql = _FINISH
    #: Every URL of the crawl, paged by URL (``known``).
    _known_sql = KNOWN_URLS

    def __init__(
        self,
        db: Db,
        worker_id: int,
        clock: Callable[[], str],
        *,
        delay: float,
        per_host: int,
        lease: float = 60.0,
        poll_interval: float = 0.2,
    ) -> None:
        self._db = db
        self.worker_id = worker_id
        self._now = clock
        self._delay = max(0.0, delay)
        self._per_host = max(1, per_host)
        self.lease = lease
        self.poll_interval = poll_interval
        self.lock = threading.Lock()
        self._last_reap = 0.0
        self._pending_cache = (0.0, 0)
        self._fresh: set[str] = set()  # claimed for the first time: captured by no one yet

    def is_fresh(self, url: str) -> bool:
        """Whether ``url`` is held in its first claim ever, so that no worker can have
        stored a capture of it (the sink then skips its duplicate check)."""
        return url in self._fresh

    def _add_params(self, rows: list[Job]) -> tuple[object, ...]:
        return (
            [j.url for j in rows],
            [j.kind.value for j in rows],
            [j.depth for j in rows],
            [j.post_url for j in rows],
            [j.via for j in rows],
            [host_of(j.url) for j in rows],
            self._now(),
        )

    def _finish_params(self, url: str, state: URLState, reason: str | None) -> tuple[object, ...]:
        now = self._now()
        return (
            state.value, reason, now, url,
            url, state.value, reason, now, host_of(url),
            self._delay, self.worker_id,
        )  # fmt: skip

    def _known_params(self) -> tuple[object, ...]:
        return ()

    def known(self) -> Iterator[tuple[str, JobKind]]:
        """Every URL any worker queued (``KnownFrontier``): a worker that joins or resumes
        starts knowing them, so it neither sends them again nor counts them twice."""
        return known_rows(self._db, self.lock, self._known_sql, self._known_params())

    def add(self, jobs: Iterable[Job]) -> int:
        """Queue jobs whose URL was never seen (by any worker); return how many were new."""
        rows = list(jobs)
        if not rows:
            return 0
        with self.lock:
            (cur,) = self._db.flush((self._add_sql, self._add_params(rows)))
            return max(0, cur.rowcount)

    def claim(self, limit: int) -> list[Job]:
        """Up to ``limit`` jobs, at most one per host whose turn it is, oldest first."""
        if limit <= 0:
            return []
        with self.lock:
            if time.monotonic() - self._last_reap > self.lease / 4:
                self.reap()
            (cur,) = self._db.flush(
                (_CLAIM, (self._delay, self._per_host, limit, self.worker_id, self.lease,
                          self._now())),
            )  # fmt: skip
            rows = cur.fetchall()
        rows.sort(key=lambda r: r[5])
        self._fresh.update(r[0] for r in rows if r[6] == 1)
        return [
            Job(url=r[0], kind=JobKind(r[1]), depth=r[2], post_url=r[3], via=r[4]) for r in rows
        ]

    def finish(self, url: str, state: URLState, reason: str | None = None) -> None:
        """Record a job's final state and give its host back (a delay after now); the
        page's deferred rows go in the same round trip and transaction."""
        with self.lock:
            self._fresh.discard(url)
            self._db.flush((self._finish_sql, self._finish_params(url, state, reason)))

    def settle(self, url: str, state: URLState, reason: str | None, jobs: Iterable[Job]) -> int:
        """``add(jobs)`` and ``finish(url, ...)`` (and the page's deferred rows) in one round
        trip and one transaction; returns how many jobs were new."""
        rows = list(jobs)
        tail = [(self._add_sql, self._add_params(rows))] if rows else []
        tail.append((self._finish_sql, self._finish_params(url, state, reason)))
        with self.lock:
            self._fresh.discard(url)
            cursors = self._db.flush(*tail)
        return max(0, cursors[0].rowcount) if rows else 0

    def reap(self) -> None:
        """Claims whose lease ran out (their worker died) back to the queue."""
        self._last_reap = time.monotonic()
        self._db.execute(_REAP, (self._now(),))

    def pending(self) -> int:
        """Queued plus claimed jobs of every worker: the crawl is over when this is 0."""
        with self.lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM urls WHERE state IN ('queued', 'claimed')"
            ).fetchone()
        n = int(row[0])
        self._pending_cache = (time.monotonic(), n)
        return n

    def pending_cached(self) -> int:
        """``pending()`` at most once a second (for a progress display)."""
        at, n = self._pending_cache
        return n if time.monotonic() - at < 1.0 else self.pending()

    def requeue_claimed(self) -> int:
        """Nothing to do at open: another worker's claims are alive until their lease ends."""
        return 0

    # --- robots.txt, once per origin for every worker ---------------------------------
    def known_robots(self, origin: str) -> tuple[int, bytes] | None:
        with self.lock:
            row = self._db.execute(
                "SELECT status, body FROM robots WHERE origin = ?", (origin,)
            ).fetchone()
        return (int(row[0]), bytes(row[1])) if row else None

    def save_robots(self, origin: str, status: int, body: bytes, crawl_delay: float) -> None:
        """Keep a host's robots.txt for the other workers, and its delay for the claims."""
        with self.lock, self._db.transaction() as db:
            db.execute(
                "INSERT INTO robots (origin, status, body, fetched_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (origin) DO NOTHING",
                (origin, status, body, self._now()),
            )
            self._raise_delay(db, origin, crawl_delay)

    def _raise_delay(self, db: Db, origin: str, crawl_delay: float) -> None:
        """The origin's host is claimed no faster than the larger of ``--delay`` and its
        robots.txt ``Crawl-delay`` (in the caller's transaction)."""
        db.execute(
            "INSERT INTO hosts (host, delay) VALUES (?, ?) ON CONFLICT (host) DO UPDATE "
            "SET delay = GREATEST(COALESCE(hosts.delay, 0), excluded.delay)",
            (host_of(origin + "/"), max(self._delay, crawl_delay)),
        )

    def counts(self) -> dict[str, int]:
        with self.lock:
            rows = self._db.execute("SELECT state, COUNT(*) FROM urls GROUP BY state").fetchall()
        return {str(s): int(n) for s, n in rows}
