"""A re-capture round spread over workers on PostgreSQL: its queue is ``round_jobs``.

The process that starts a round (``recapture DIR``) puts every URL the round asks into
``round_jobs`` once (``seed_round``), each with the validators it is asked with and the
stored response a revisit will refer to. Any worker then claims from it exactly as from a
crawl's ``urls`` (``PgFrontier``): one statement locks hosts whose turn it is in the shared
``hosts`` rows, with ``FOR UPDATE SKIP LOCKED``, and holds each claim under a lease the
worker's heartbeat renews; a dead worker's claims go back to the queue when it runs out.

A URL a round discovers and the archive never saw is queued in ``urls`` (so later rounds
ask it too) and in the round; a known one is not asked twice (a post older than
``--max-age`` linked from a fresh listing stays out), as in the single-process round.
A robots.txt is read once per round for every worker: the stored copy counts only when
it was fetched during this round.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from scraper._protocols import Job, JobKind, URLState
from scraper._urls import host_of

from ._db import Db
from ._pg_frontier import NOW, PgFrontier
from ._schema import CAPTURE_COLUMNS, CaptureRow, row_to_capture

__all__ = [
    "RoundFrontier",
    "RoundJob",
    "round_pending",
    "seed_round",
]

_SEED = """
WITH j AS (
    SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
                         ?::text[], ?::bigint[]) WITH ORDINALITY
        AS j(url, kind, depth, post_url, host, etag, last_modified, base_id, n)
), h AS (
    INSERT INTO hosts (host) SELECT DISTINCT host FROM j ON CONFLICT (host) DO NOTHING
)
INSERT INTO round_jobs (crawl_id, url, seq, kind, depth, post_url, host, state, etag,
                        last_modified, base_id, updated_at)
SELECT ?, url, n, kind, depth, post_url, host, 'queued', etag, last_modified, base_id, ?
FROM j ON CONFLICT (crawl_id, url) DO NOTHING
"""
# New URLs: into ``urls`` when no one knows them, and those (only) into the round.
_ADD = """
WITH j AS (
    SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])
        WITH ORDINALITY AS j(url, kind, depth, post_url, via, host, n)
), h AS (
    INSERT INTO hosts (host) SELECT DISTINCT host FROM j ON CONFLICT (host) DO NOTHING
), fresh AS (
    INSERT INTO urls (url, seq, kind, state, depth, post_url, via, attempts, updated_at, host)
    SELECT url, nextval('urls_seq'), kind, 'queued', depth, post_url, via, 0, ?, host
    FROM (SELECT * FROM j ORDER BY n) j
    ON CONFLICT (url) DO NOTHING
    RETURNING url, seq, kind, depth, post_url, via, host
)
INSERT INTO round_jobs (crawl_id, url, seq, kind, depth, post_url, via, host, state,
                        updated_at)
SELECT ?, url, (1 << 40) + seq, kind, depth, post_url, via, host, 'queued', ? FROM fresh
ON CONFLICT (crawl_id, url) DO NOTHING
"""
# As ``PgFrontier``'s claim; a host's delay is the larger of the round's and the stored
# one (robots.txt ``Crawl-delay`` as this round read it: ``seed_round`` forgets the crawl's),
# and each claimed job brings the
# stored response it is asked against, in the same round trip.
_CLAIM = f"""
WITH t AS (SELECT {NOW} AS now),
free AS (
    SELECT h.host, GREATEST(COALESCE(h.delay, 0), ?) AS delay FROM hosts h, t
    WHERE h.next_at <= t.now AND h.in_flight < ?
      AND EXISTS (SELECT 1 FROM round_jobs q
                  WHERE q.crawl_id = ? AND q.host = h.host AND q.state = 'queued')
    ORDER BY h.next_at LIMIT ?
    FOR UPDATE OF h SKIP LOCKED
), picked AS (
    SELECT f.host, f.delay, j.url FROM free f
    CROSS JOIN LATERAL (
        SELECT url FROM round_jobs q
        WHERE q.crawl_id = ? AND q.host = f.host AND q.state = 'queued'
        ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED
    ) j
), hosts_up AS (
    UPDATE hosts h SET in_flight = h.in_flight + 1, next_at = t.now + p.delay
    FROM picked p, t WHERE h.host = p.host
), claimed AS (
    UPDATE round_jobs u SET state = 'claimed', worker_id = ?, lease_until = t.now + ?,
        updated_at = ?, claims = u.claims + 1
    FROM picked p, t WHERE u.crawl_id = ? AND u.url = p.url
    RETURNING u.url, u.kind, u.depth, u.post_url, u.via, u.seq, u.claims, u.etag,
        u.last_modified, u.base_id
)
SELECT c.url, c.kind, c.depth, c.post_url, c.via, c.seq, c.claims, c.etag, c.last_modified,
    {", ".join("r." + col.strip() for col in CAPTURE_COLUMNS.split(","))}
FROM claimed c LEFT JOIN capture_rows r ON r.id = c.base_id
"""
_FINISH = f"""
WITH t AS (SELECT {NOW} AS now),
up AS (
    UPDATE round_jobs u SET state = ?, reason = ?, updated_at = ?, worker_id = NULL,
        lease_until = NULL
    FROM (SELECT url, state AS old_state, worker_id AS old_worker FROM round_jobs
          WHERE crawl_id = ? AND url = ?) o
    WHERE u.crawl_id = ? AND u.url = o.url
    RETURNING u.host, o.old_state, o.old_worker
), urls_up AS (
    UPDATE urls SET state = ?, reason = ?, attempts = attempts + 1, updated_at = ?,
        worker_id = NULL, lease_until = NULL
    WHERE url = ? AND state IN ('queued', 'claimed')
)
UPDATE hosts h SET in_flight = GREATEST(0, h.in_flight - 1),
    next_at = GREATEST(h.next_at, t.now + GREATEST(COALESCE(h.delay, 0), ?))
FROM up, t
WHERE h.host = up.host AND up.old_state = 'claimed' AND up.old_worker = ?
"""
_REAP = f"""
WITH dead AS (
    UPDATE round_jobs SET state = 'queued', worker_id = NULL, lease_until = NULL,
        updated_at = ?
    WHERE crawl_id = ? AND state = 'claimed' AND lease_until < {NOW}
    RETURNING host
)
UPDATE hosts h SET in_flight = GREATEST(0, h.in_flight - d.n)
FROM (SELECT host, COUNT(*) AS n FROM dead GROUP BY host) d
WHERE h.host = d.host
"""


@dataclass(frozen=True, slots=True)
class RoundJob:
    """A claimed job of a round and what it is asked against."""

    job: Job
    etag: str | None
    last_modified: str | None
    base: CaptureRow | None  # the newest stored response: what a revisit refers to
    reclaimed: bool  # claimed before by a worker that died: it may have stored it already


def seed_round(db: Db, crawl_id: int, jobs: Sequence[RoundJob], now: str) -> int:
    """Queue the round's jobs, once: a second call (a resumed or joining run) adds none.
    Returns how many were queued now."""
    if not jobs:
        return 0
    params = (
        [r.job.url for r in jobs],
        [r.job.kind.value for r in jobs],
        [r.job.depth for r in jobs],
        [r.job.post_url for r in jobs],
        [host_of(r.job.url) for r in jobs],
        [r.etag for r in jobs],
        [r.last_modified for r in jobs],
        [r.base.id if r.base is not None else None for r in jobs],
        crawl_id,
        now,
    )
    with db.transaction():
        (seeded,) = db.execute(
            "SELECT COUNT(*) FROM round_jobs WHERE crawl_id = ?", (crawl_id,)
        ).fetchone()
        if seeded:
            return 0
        # A host's stored delay is the crawl's (its --delay, or robots.txt's Crawl-delay):
        # the round asks at its own --delay, and re-reads robots.txt, which stores the
        # Crawl-delay again (``save_robots``) before any page of that host is claimed.
        db.execute("UPDATE hosts SET delay = NULL WHERE host = ANY(?)", (sorted(set(params[4])),))
        return max(0, db.execute(_SEED, params).rowcount)


def round_pending(db: Db, crawl_id: int) -> int:
    """Queued plus claimed jobs of the round, every worker's."""
    (n,) = db.execute(
        "SELECT COUNT(*) FROM round_jobs WHERE crawl_id = ? AND state IN ('queued', 'claimed')",
        (crawl_id,),
    ).fetchone()
    return int(n)


class RoundFrontier(PgFrontier):
    """Worker ``worker_id``'s view of round ``crawl_id`` (``SharedFrontier``).

    ``on_claim`` sees each claimed job before the crawler asks for it (validators and the
    stored response go to the round's sink and client); ``not_modified`` is the sink's set
    of URLs answered 304, which the crawler reports as failures: they are the answer asked
    for. ``since`` is when the round started: a robots.txt stored before is read again."""

    def __init__(
        self,
        db: Db,
        worker_id: int,
        crawl_id: int,
        clock: Callable[[], str],
        *,
        delay: float,
        per_host: int,
        lease: float,
        since: str,
        on_claim: Callable[[list[RoundJob]], None],
        not_modified: set[str],
        stopped: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(db, worker_id, clock, delay=delay, per_host=per_host, lease=lease)
        self.crawl_id = crawl_id
        self._since = since
        self._on_claim = on_claim
        self._not_modified = not_modified
        self._stopped = stopped
        self.answered_304 = 0

    _add_sql = _ADD
    _finish_sql = _FINISH
    _known_sql = (
        "SELECT url, kind FROM round_jobs WHERE crawl_id = ? AND url > ? ORDER BY url LIMIT ?"
    )

    def _known_params(self) -> tuple[object, ...]:
        return (self.crawl_id,)

    def _add_params(self, rows: list[Job]) -> tuple[object, ...]:
        now = self._now()
        return (*super()._add_params(rows), self.crawl_id, now)

    def _finish_params(self, url: str, state: URLState, reason: str | None) -> tuple[object, ...]:
        if state is URLState.FAILED and url in self._not_modified:
            self.answered_304 += 1
            state, reason = URLState.FETCHED, "not modified"
        now = self._now()
        return (
            state.value, reason, now, self.crawl_id, url, self.crawl_id,
            state.value, reason, now, url,
            self._delay, self.worker_id,
        )  # fmt: skip

    def claim(self, limit: int) -> list[Job]:
        if limit <= 0 or self._stopped():
            return []
        with self.lock:
            if time.monotonic() - self._last_reap > self.lease / 4:
                self.reap()
            (cur,) = self._db.flush(
                (_CLAIM, (self._delay, self._per_host, self.crawl_id, limit, self.crawl_id,
                          self.worker_id, self.lease, self._now(), self.crawl_id)),
            )  # fmt: skip
            rows = cur.fetchall()
        rows.sort(key=lambda r: r[5])
        claimed = [
            RoundJob(
                Job(url=r[0], kind=JobKind(r[1]), depth=r[2], post_url=r[3], via=r[4]),
                etag=r[7],
                last_modified=r[8],
                base=row_to_capture(tuple(r[9:])) if r[9] is not None else None,
                reclaimed=r[6] > 1,
            )
            for r in rows
        ]
        if claimed:
            self._on_claim(claimed)
        return [c.job for c in claimed]

    def reap(self) -> None:
        self._last_reap = time.monotonic()
        self._db.execute(_REAP, (self._now(), self.crawl_id))

    def pending(self) -> int:
        if self._stopped():
            return 0
        with self.lock:
            n = round_pending(self._db, self.crawl_id)
        self._pending_cache = (time.monotonic(), n)
        return n

    def known_robots(self, origin: str) -> tuple[int, bytes] | None:
        with self.lock:
            row = self._db.execute(
                "SELECT status, body FROM robots WHERE origin = ? AND fetched_at >= ?",
                (origin, self._since),
            ).fetchone()
        return (int(row[0]), bytes(row[1])) if row else None

    def save_robots(self, origin: str, status: int, body: bytes, crawl_delay: float) -> None:
        """This round's copy of a robots.txt replaces an older round's."""
        with self.lock, self._db.transaction() as db:
            db.execute(
                "INSERT INTO robots (origin, status, body, fetched_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (origin) DO UPDATE SET status = excluded.status, "
                "body = excluded.body, fetched_at = excluded.fetched_at "
                "WHERE robots.fetched_at < ?",
                (origin, status, body, self._now(), self._since),
            )
            self._raise_delay(db, origin, crawl_delay)

    def counts(self) -> dict[str, int]:
        with self.lock:
            rows = self._db.execute(
                "SELECT state, COUNT(*) FROM round_jobs WHERE crawl_id = ? GROUP BY state",
                (self.crawl_id,),
            ).fetchall()
        return {str(s): int(n) for s, n in rows}
