"""A re-capture round on a shared PostgreSQL catalog, spread over workers.

``recapture DIR`` on such a catalog leads the round (``lead_round``): it reads what the
archive knows (``KnownState``, as the single-process round does), puts every URL due into
the round's queue in the catalog once (``archive.catalog.seed_round``: each with the
validators to send and the stored response a revisit refers to), works on the queue
itself, waits until every job is done, whoever did it, and then completes the round:
unchanged pages of changed posts carried over (``carry_over``), the summary counted from
the catalog (so it covers every worker's records, and a resumed lead's earlier ones), the
round closed and the CDXJ index rebuilt. Any ``blog-archiver worker --archive DIR``
started meanwhile joins (``join_round``): the same crawler, sink and conditional requests
as the lead, claims under leases and per-host politeness from the shared ``hosts`` rows.

A worker killed mid-round: its claims return when their lease runs out. The worker that
claims such a job again first indexes what the dead one wrote but never committed
(``Archive.repair_dead_workers``), and its sink then finds the record the round already
holds for the same content (``RecaptureSink``, as on a resumed round): one record per URL.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from scraper._config import CrawlConfig
from scraper.crawler._events import CrawlStats
from scraper.crawler._pagepool import PagePool
from scraper.fetch._pinning import Pins

from .._errors import ArchiveError
from .._joined import config_from_settings, config_to_args
from .._reparse import catalog_connection
from .._store import Archive
from ..catalog import CaptureRow, Db, catalog_size
from ..catalog._pg_round_rows import (
    round_failures,
    round_posts,
    round_queued,
    round_same_parse,
    round_started,
    round_workers,
    stored_response,
)
from ..catalog._pg_rounds import RoundFrontier, RoundJob, seed_round
from ..warc._writer import warc_date
from ._io import RecaptureSink, carry_over, conditional_client, last_parse_lookup
from ._state import KnownState, Validators, earlier_runs

__all__ = ["RoundWork", "crawl_to_end", "join_round", "lead_round", "until_stopped"]

#: How long a joining worker waits for the lead to queue a round it has just opened (s).
SEED_WAIT = 60.0


@dataclass(frozen=True, slots=True)
class RoundWork:
    """What one process did for a round."""

    crawl_id: int
    result: CrawlStats
    interrupted: bool


async def until_stopped(task: asyncio.Future[CrawlStats], stop: threading.Event) -> CrawlStats:
    """The crawl's result; when ``stop`` is set, the crawl is cancelled within ~0.1 s: the
    requests in flight are dropped (what was captured is kept, a write is never cut, since
    writes run on the crawler's writer thread) instead of waiting out their timeouts."""
    while not task.done():
        if stop.is_set():
            task.cancel()
            try:
                return await task
            except asyncio.CancelledError:
                return CrawlStats()
        await asyncio.wait({task}, timeout=0.1)
    return task.result()


async def crawl_to_end(
    task: asyncio.Future[CrawlStats],
    stop: threading.Event,
    sink: RecaptureSink,
    client: httpx.AsyncClient,
    root: Path,
    *,
    flush: Callable[[], object] | None = None,
) -> CrawlStats:
    """The round's crawl to its end or ``stop`` (``until_stopped``), then its client closed
    and, unless storage failed, ``flush`` called. A storage failure (a full disk) stops the
    round with an ``ArchiveError`` that tells the user what is kept and what to do."""
    result = CrawlStats()
    try:
        result = await until_stopped(task, stop)
    except OSError as exc:  # the crawler stops on a storage failure and re-raises it
        sink.fatal = sink.fatal or exc
    finally:
        await client.aclose()
        if flush is not None and sink.fatal is None:
            flush()
    if sink.fatal is not None:
        raise ArchiveError(
            f"recapture of {root} stopped: {sink.fatal.strerror or sink.fatal} while "
            "writing; everything stored before is kept. Free space and run again."
        ) from sink.fatal
    return result


class _Responses(dict[str, CaptureRow]):
    """Stored responses by URL: the claimed jobs' (``on_claim`` fills them in), and for
    any other URL the round fetches (robots.txt), read from the catalog when asked."""

    def __init__(self, lookup: Callable[[str], CaptureRow | None], asked: set[str]) -> None:
        super().__init__()
        self._lookup = lookup
        self._asked = asked

    def get(self, url: str, default: Any = None) -> Any:
        if url in self or url in self._asked:
            return super().get(url, default)
        row = self._lookup(url)
        if row is not None:
            self[url] = row
        return row if row is not None else default


def _now() -> str:
    return warc_date(datetime.now(UTC))


async def work_round(
    arc: Archive,
    crawl_id: int,
    seeds: list[str],
    config: CrawlConfig,
    *,
    stop: threading.Event,
    on_event: Callable[[Any], None] | None = None,
    pool: PagePool | None = None,
) -> RoundWork:
    """Claim and re-capture the round's jobs until none is left anywhere (or ``stop``)."""
    from scraper.crawler._crawler import crawl

    conn = catalog_connection(arc)
    worker_id = arc.worker_id
    assert worker_id is not None, "begin_crawl() first"
    asked: set[str] = set()
    responses = _Responses(lambda url: stored_response(conn, url, crawl_id), asked)
    state = KnownState(jobs=[], known=set(), validators={}, responses=responses, seeds=seeds)
    sink = RecaptureSink(arc.sink, state, last_parse_lookup(conn))
    # A page's rows go with its job's final state (one round trip); only a URL a dead
    # worker held may be stored already (``_stored_this_round`` looks for it first).
    arc.sink.defer = True
    arc.sink.is_fresh = lambda url: url not in state.done

    def on_claim(jobs: list[RoundJob]) -> None:  # on the writer thread, before the requests
        for r in jobs:
            url = r.job.url
            asked.add(url)
            if r.etag or r.last_modified:
                state.validators[url] = Validators(r.etag, r.last_modified)
            if r.base is not None:
                state.responses[url] = r.base
            if r.reclaimed:  # a dead worker may have stored it: the sink looks first
                state.done.add(url)
        if any(r.reclaimed for r in jobs):
            arc.repair_dead_workers()

    frontier = RoundFrontier(
        conn,
        worker_id,
        crawl_id,
        _now,
        delay=config.delay,
        per_host=config.per_host,
        lease=arc.lease,
        since=round_started(conn, crawl_id),
        on_claim=on_claim,
        not_modified=sink.not_modified,
        stopped=lambda: stop.is_set() or sink.fatal is not None,
    )
    pins: Pins = {}
    client = conditional_client(asked, state.validators, config, pins)
    task = asyncio.ensure_future(
        crawl(
            seeds, frontier, sink, config,
            client=client, on_event=on_event, pins=pins, pool=pool,
        )
    )  # fmt: skip
    flush = conn.flush  # rows not yet sent with a job (robots.txt's)
    result = await crawl_to_end(task, stop, sink, client, arc.path, flush=flush)
    return RoundWork(crawl_id, result, stop.is_set())


async def lead_round(
    arc: Archive,
    config: CrawlConfig,
    max_age: timedelta | None,
    cutoff: str | None,
    *,
    stop: threading.Event,
    on_event: Callable[[Any], None] | None = None,
    pool: PagePool | None = None,
) -> tuple[dict[str, Any], str]:
    """Start (or resume) a round, work on it until it is done, record it; returns the
    ``RecaptureStats`` fields (counted over every worker) and the failure message."""
    conn = catalog_connection(arc)
    size_before = catalog_size(conn)
    state = KnownState.load(conn, cutoff=cutoff)
    if not state.seeds and not state.jobs:
        raise ArchiveError(f"{arc.path} has nothing to re-capture (no crawl yet)")
    settings = {
        "seeds": state.seeds,
        "max_age": str(max_age),
        "recapture": True,
        "args": config_to_args(config),
    }
    crawl_id = arc.begin_crawl("recapture", settings)
    resumed = earlier_runs(conn, crawl_id).records
    jobs = [
        RoundJob(
            job,
            etag=v.etag if (v := state.validators.get(job.url)) else None,
            last_modified=v.last_modified if v else None,
            base=state.responses.get(job.url),
            reclaimed=False,
        )
        for job in state.jobs
    ]
    seed_round(conn, crawl_id, jobs, _now())
    seeds = state.seeds or [j.url for j in state.jobs[:1]]
    work = await work_round(arc, crawl_id, seeds, config, stop=stop, on_event=on_event, pool=pool)
    if work.interrupted:  # the round stays open: workers go on, a re-run completes it
        arc.write_index()
        return _fields(conn, crawl_id, size_before, resumed, interrupted=True), ""
    carry_over(conn, crawl_id, round_posts(conn, crawl_id), datetime.now(UTC).isoformat())
    fields = _fields(conn, crawl_id, size_before, resumed, interrupted=False)
    message = ""
    failures = round_failures(conn, crawl_id)
    if not fields["requests"] and failures:
        why = ", ".join(f"{r} ({n})" for r, n in failures[:3])
        fields["error"] = f"nothing answered: {why}"
        message = f"round {crawl_id} failed, nothing captured: {why}"
    arc.end_crawl(crawl_id, {**fields, "workers": round_workers(conn, crawl_id)})
    return fields, message


def _fields(
    conn: Db, crawl_id: int, size_before: int, resumed: int, *, interrupted: bool
) -> dict[str, Any]:
    """The round's summary from the catalog: every worker's records, not this one's."""
    done = earlier_runs(conn, crawl_id)
    failures = round_failures(conn, crawl_id)
    return {
        "crawl_id": crawl_id,
        "requests": done.records,
        "not_modified": done.not_modified,
        "identical": done.identical,
        "changed": done.changed,
        "new": done.new,
        "other": done.other,
        "changed_posts": len(round_posts(conn, crawl_id)),
        "same_parse": round_same_parse(conn, crawl_id),
        "carried_pages": done.carried_pages,
        "failed": sum(n for _, n in failures),
        "warc_bytes": done.warc_bytes,
        "catalog_bytes": catalog_size(conn) - size_before,
        "elapsed": 0.0,
        "interrupted": interrupted,
        "resumed_records": resumed,
        "error": None,
    }


async def join_round(
    arc: Archive,
    *,
    stop: threading.Event,
    on_event: Callable[[Any], None] | None = None,
    pool: PagePool | None = None,
) -> RoundWork:
    """Work on the re-capture round running in ``arc`` as one more worker, until its
    queue is empty everywhere (or ``stop``). The lead records the round; a worker does not."""

    found = arc.open_round("recapture")
    if found is None:
        raise ArchiveError(f"no re-capture round is running in {arc.path}: nothing to join")
    _, settings = found
    if "args" not in settings:
        raise ArchiveError(f"the round in {arc.path} was not started for workers (no settings)")
    crawl_id = arc.begin_crawl("recapture", settings, join=True)
    conn = catalog_connection(arc)
    deadline = time.monotonic() + SEED_WAIT
    while not round_queued(conn, crawl_id) and time.monotonic() < deadline:
        if stop.wait(0.2):  # the lead has opened the round and is queueing its URLs
            break
    seeds = [str(s) for s in settings.get("seeds") or ()]
    return await work_round(
        arc, crawl_id, seeds, config_from_settings(settings["args"]),
        stop=stop, on_event=on_event, pool=pool,
    )  # fmt: skip
