"""Re-capture an archive: ask again for its posts, comment pages and discovery sources with
conditional requests, store what changed as a new version and what did not as revisits.

One round is one crawl round (kind ``recapture``) run by the ordinary crawler
(``scraper.crawler``) with three things swapped in, so the crawler itself needs no change:

* a frontier seeded from the catalog (``RecaptureFrontier``), accepting only new URLs, which
  it also queues in the catalog's ``urls`` table, so later rounds ask for them too;
* an ``httpx`` client whose request hook adds ``If-None-Match`` / ``If-Modified-Since`` from
  the stored validators (the crawler records the request as sent, so the WARC shows them);
* a sink (``RecaptureSink``) that writes revisits for 304s and identical payloads.

``run_every`` repeats rounds on a schedule: a failed round is logged and retried at the next
tick, and a stop request (SIGINT/SIGTERM in the CLI) ends the current round between writes.

On a shared PostgreSQL catalog the round is led by ``_shared_round`` instead: its URLs go
into the catalog as jobs that ``blog-archiver worker`` processes claim too.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from scraper._config import CrawlConfig
from scraper.crawler._pagepool import PagePool
from scraper.fetch._pinning import Pins

from .._errors import ArchiveError
from .._folder import CATALOG_NAME, is_archive
from .._reparse import catalog_connection
from .._store import Archive
from ..catalog import catalog_size
from ._io import (
    RecaptureFrontier,
    RecaptureSink,
    carry_over,
    conditional_client,
    last_parse_lookup,
)
from ._shared_round import crawl_to_end, lead_round
from ._state import EarlierRuns, KnownState, earlier_runs

__all__ = [
    "RecaptureConfig",
    "RecaptureStats",
    "RoundFailedError",
    "parse_duration",
    "recapture",
    "run_every",
]

log = logging.getLogger("blog_archiver.recapture")
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> timedelta:
    """``6h``, ``30d``, ``1d12h``, ``90m``, ``45s`` (or plain seconds) as a timedelta."""
    t = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return timedelta(seconds=float(t))
    parts = _DURATION.findall(t)
    if not parts or _DURATION.sub("", t).strip():
        raise ValueError(f"not a duration (like 6h, 30d, 1d12h): {text!r}")
    return timedelta(seconds=sum(float(n) * _UNITS[u] for n, u in parts))


@dataclass(frozen=True, slots=True)
class RecaptureConfig:
    crawl: CrawlConfig = field(default_factory=CrawlConfig)
    max_age: timedelta | None = None  # only posts published within this long ago
    lease: float = 30.0  # on a shared catalog: how long a silent process's claims last


class RoundFailedError(ArchiveError):
    """A round that got no answer at all (the site is down, its name does not resolve):
    recorded in the catalog as failed (``stats.error``), reported, and a non-zero exit."""

    def __init__(self, message: str, stats: RecaptureStats) -> None:
        super().__init__(message)
        self.stats = stats


@dataclass(frozen=True, slots=True)
class RecaptureStats:
    """A round's summary. A resumed round counts its whole work, the interrupted runs'
    records included (read back from the catalog, ``resumed_records`` of them); only
    ``failed``, ``catalog_bytes`` and ``elapsed`` are this run's alone."""

    crawl_id: int
    requests: int  # responses received (every capture the crawler handed over)
    not_modified: int
    identical: int
    changed: int
    new: int
    other: int
    changed_posts: int  # posts with a new version this round (new posts included)
    same_parse: int  # pages whose bytes changed but whose record did not: no new version
    carried_pages: int
    failed: int
    warc_bytes: int  # WARC bytes this round wrote
    catalog_bytes: int  # growth of the catalog file (+ WAL)
    elapsed: float
    interrupted: bool
    resumed_records: int = 0  # records interrupted runs of this round stored (counted above)
    error: str | None = None  # why the round failed (nothing answered), else None

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__}


async def recapture(
    path: str | Path,
    config: RecaptureConfig,
    *,
    stop: threading.Event | None = None,
    on_event: Callable[[Any], None] | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    pool: PagePool | None = None,
) -> RecaptureStats:
    """One re-capture round over the archive at ``path``; pages are parsed on ``pool`` when
    given (see ``crawl``), else on worker processes of the round's own."""
    from scraper.crawler._crawler import crawl

    stop = stop or threading.Event()
    root = Path(path)
    if not is_archive(root):
        raise ArchiveError(f"{root} is not an archive (no {CATALOG_NAME})")
    start = time.monotonic()
    crawl_conf = config.crawl
    cutoff = None
    if config.max_age is not None:
        cutoff_day = (clock() - config.max_age).date()
        cutoff = cutoff_day.isoformat()
        crawl_conf = replace(crawl_conf, since=cutoff_day)
    message = ""
    with Archive.open(root) as arc:
        if arc.shared:  # on PostgreSQL, workers may share the round: ``_shared_round``
            arc.lease = config.lease
            fields, message = await lead_round(
                arc, crawl_conf, config.max_age, cutoff, stop=stop, on_event=on_event, pool=pool
            )
            stats = RecaptureStats(**{**fields, "elapsed": time.monotonic() - start})
            if stats.error is not None:
                raise RoundFailedError(message, stats)
            return stats
        conn = catalog_connection(arc)
        catalog_before = catalog_size(conn)
        state = KnownState.load(conn, cutoff=cutoff)
        if not state.seeds and not state.jobs:
            raise ArchiveError(f"{root} has nothing to re-capture (no crawl yet)")
        settings = {"seeds": state.seeds, "max_age": str(config.max_age), "recapture": True}
        crawl_id = arc.begin_crawl("recapture", settings)
        resumed = state.resume(conn, crawl_id)
        if resumed:
            log.info("resuming round %d: %d URLs already re-captured", crawl_id, resumed)
        before = earlier_runs(conn, crawl_id) if state.done else EarlierRuns()
        sink = RecaptureSink(arc.sink, state, last_parse_lookup(conn))
        frontier = RecaptureFrontier(
            state,
            lambda: stop.is_set() or sink.fatal is not None,
            not_modified=sink.not_modified,
            record=arc.frontier,
        )
        pins: Pins = {}
        # Only the URLs the round repeats get conditions: robots.txt is read by the crawler
        # itself, which needs its body (a 304 there would read as "robots.txt unavailable").
        asked = {job.url for job in state.jobs}
        client = conditional_client(asked, state.validators, crawl_conf, pins)
        reasons: Counter[str] = Counter()

        def events(event: Any) -> None:
            if getattr(event, "kind", None) == "failed":
                reasons[str(getattr(event, "reason", "") or "unknown")] += 1
            if on_event is not None:
                on_event(event)

        crawl_task = asyncio.ensure_future(
            crawl(
                state.seeds or [j.url for j in state.jobs[:1]],
                frontier,
                sink,
                crawl_conf,
                client=client,
                on_event=events,
                pins=pins,
                pool=pool,
            )
        )
        result = await crawl_to_end(crawl_task, stop, sink, client, root)
        changed = sink.counts.changed_posts | state.round_posts  # the dead run's too
        carried = carry_over(conn, crawl_id, changed, clock().isoformat())
        interrupted = stop.is_set()
        c = sink.counts
        stats = RecaptureStats(
            crawl_id=crawl_id,
            requests=result.requests + before.records,
            not_modified=c.not_modified + before.not_modified,
            identical=c.identical + before.identical,
            changed=c.changed + before.changed,
            new=c.new + before.new,
            other=c.other + before.other,
            changed_posts=len(changed),
            same_parse=c.same_parse,
            carried_pages=carried + before.carried_pages,
            failed=result.failed - frontier.answered_304,
            warc_bytes=arc.sink.bytes_written + before.warc_bytes,
            catalog_bytes=catalog_size(conn) - catalog_before,
            elapsed=0.0,
            interrupted=interrupted,
            resumed_records=before.records,
        )
        if not interrupted and not result.requests and result.failed and not before.records:
            why = ", ".join(f"{r} ({n})" for r, n in reasons.most_common(3)) or "no answer"
            stats = replace(stats, error=f"nothing answered: {why}")
            message = f"round {crawl_id} failed, nothing captured: {why}"
        if not interrupted:
            arc.end_crawl(crawl_id, stats.to_dict())
        else:
            arc.write_index()
    stats = replace(stats, elapsed=time.monotonic() - start)
    if stats.error is not None:
        raise RoundFailedError(message, stats)
    return stats


def run_every(
    path: str | Path,
    config: RecaptureConfig,
    every: timedelta,
    *,
    stop: threading.Event,
    on_round: Callable[[RecaptureStats], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    rounds: int | None = None,
    monotonic: Callable[[], float] = time.monotonic,
) -> int:
    """Run rounds every ``every`` until ``stop`` (or ``rounds`` done); returns rounds run.

    A round that raises is reported to ``on_error`` and the loop waits for the next tick:
    the site may be down now and up in six hours. Ticks are counted from each round's
    start, so a slow round does not push the schedule back.
    """
    done = 0
    while not stop.is_set():
        tick = monotonic()
        try:
            stats = asyncio.run(recapture(path, config, stop=stop))
        except Exception as exc:  # reported and retried at the next tick, by design
            if on_error is not None:
                on_error(exc)  # the caller reports it (once: not logged here as well)
            else:
                log.warning("recapture round failed: %s", exc)
        else:
            if on_round is not None:
                on_round(stats)
        done += 1
        if rounds is not None and done >= rounds:
            break
        wait = every.total_seconds() - (monotonic() - tick)
        if wait > 0 and stop.wait(wait):
            break
    return done
