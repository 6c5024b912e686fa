"""The crawl loop: frontier -> fetch -> sink, with politeness per host and discovery.

One asyncio task per claimed job, at most ``config.concurrency`` at once; per-host limits
and spacing in ``HostGate``, robots.txt and the seed sites in ``Sites`` (``_sites``). The
frontier and sink are synchronous and may block, so every call to them goes through ONE
writer thread (``scraper.crawler._writer``): the event loop never waits on disk and writes
stay in order (a capture is stored before the post parsed from it). HTML pages are parsed,
and their links found, in worker processes (``scraper.crawler._analyze`` on a ``PagePool``,
``scraper.crawler._pagepool``), one tree per page, so parsing never blocks the fetching.

Resume: re-open the same frontier (claimed jobs back to queued) and call ``crawl()`` again
with the same seeds. Seeds and discovery URLs already known are not re-added
(``Frontier.add`` dedups), so nothing finished is fetched twice.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import httpx

from .._config import CrawlConfig
from .._errors import DisallowedError, FetchError, UnsupportedContentError
from .._protocols import (
    CaptureSink,
    Frontier,
    Job,
    JobKind,
    KnownFrontier,
    SharedFrontier,
    URLState,
)
from .._records import Capture, Post, WarcRef
from .._urls import Scope, canonicalize, host_of, origin
from ..discover._discover import Found
from ..fetch._fetch import Fetcher, Sleep
from ..fetch._pinning import Pins
from ..fetch._robots import RobotsStatus
from ._analyze import Analysis, PageResult, PageTask
from ._clients import host_port, make_clients
from ._events import EVENT_KINDS, CrawlEvent, CrawlStats
from ._hosts import HostGate
from ._pagepool import InlineAnalyzer, Limits, PagePool, PoolAnalyzer, default_workers
from ._pages import PageHandler
from ._seen import SeenSet
from ._sites import Sites
from ._traps import TrapGuard, TrapLimits
from ._writer import WriterThread

__all__ = ["CrawlEvent", "CrawlStats", "crawl"]

T = TypeVar("T")
_PAGE_KINDS = frozenset({JobKind.LISTING, JobKind.POST, JobKind.COMMENTS})


async def crawl(
    seeds: Sequence[str],
    frontier: Frontier,
    sink: CaptureSink,
    config: CrawlConfig,
    *,
    client: httpx.AsyncClient | None = None,
    on_event: Callable[[CrawlEvent], None] | None = None,
    sleep: Sleep | None = None,
    workers: int | None = None,
    traps: TrapLimits | None = None,
    pins: Pins | None = None,
    pool: PagePool | None = None,
) -> CrawlStats:
    """Crawl ``seeds`` into ``sink`` until the frontier is drained (or ``max_pages``).

    ``sleep`` replaces ``asyncio.sleep`` for politeness and retry waits (tests record it).
    HTML pages are parsed on ``pool`` when given (it stays open: its owner closes it), else
    on a ``PagePool`` of ``workers`` processes made for this crawl and closed at its end (by
    default one per core); ``workers=0`` parses on the event loop's thread instead.
    ``traps``: how much of an endless URL space is explored (``scraper.crawler._traps``);
    refused URLs are reported as skipped. ``pins``: the address map a caller's ``client``
    was built on (``scraper.fetch._pinning.pinned_transport``); the crawler's own clients
    share one.

    Page failures are recorded and the crawl goes on. A failure of the frontier or sink
    itself (disk full ...) stops it: nothing more is claimed, jobs in flight are cancelled
    and stay claimed (a resume picks them up), no page is blamed, and the returned stats
    carry ``error`` (plus an ``error`` event). The storage layer, which knows what failed,
    decides how loudly to report it.
    """
    pins = pins if pins is not None else {}
    clients = [client] if client is not None else make_clients(config.concurrency, pins)
    writer = WriterThread()
    own_pool = None
    if pool is None:
        n = default_workers() if workers is None else max(0, workers)
        own_pool = pool = PagePool(n) if n > 0 else None
    try:
        run = _Crawl(frontier, sink, config, clients, writer, on_event, sleep or asyncio.sleep)
        run.traps = TrapGuard(traps)
        run.pins = pins
        return await run.run(seeds, pool)
    finally:
        writer.shutdown()
        if own_pool is not None:
            await asyncio.to_thread(own_pool.close)
        if client is None:
            for own in clients:
                await own.aclose()


class _Crawl:
    def __init__(
        self,
        frontier: Frontier,
        sink: CaptureSink,
        config: CrawlConfig,
        clients: list[httpx.AsyncClient],
        pool: WriterThread,
        on_event: Callable[[CrawlEvent], None] | None,
        sleep: Sleep,
    ) -> None:
        self.frontier, self.sink, self.config = frontier, sink, config
        self._shared = frontier if isinstance(frontier, SharedFrontier) else None
        self._pool = pool
        self._on_event = on_event
        self._sleep = sleep
        self._clients = clients
        self.seen = SeenSet()  # 8 bytes a URL: a sitemap index may list millions
        self.counts: dict[str, Any] = dict.fromkeys(CrawlStats.__dataclass_fields__, 0)
        self.counts["limit_reached"] = False
        self.counts["error"] = None
        self._refs: dict[str, WarcRef] = {}
        self._gate = HostGate(config.per_host, sleep)
        self.sites = Sites(self, config, self._gate, self._shared, sleep)
        self.scope = Scope((), frozenset())
        self.fetcher: Fetcher | None = None
        self.pages = PageHandler(self, since=config.since, max_bytes=config.fetch.max_bytes)
        self.analyzer: InlineAnalyzer | PoolAnalyzer = InlineAnalyzer(Analysis(self.scope))
        self._pages_started = 0
        self._fatal: Exception | None = None
        self.traps = TrapGuard()
        self.pins: Pins = {}

    # --- plumbing ------------------------------------------------------------------------
    async def io(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a frontier/sink call on the writer thread.

        A storage failure (disk full, database locked for good ...) is not a page failure:
        it is remembered and stops the crawl (see ``crawl()``).
        """
        try:
            return await self._pool.call(fn, *args)
        except Exception as exc:
            self._fatal = self._fatal or exc
            raise

    def emit(self, event: CrawlEvent) -> None:
        if self._on_event is not None:
            self._on_event(event)

    async def _on_capture(self, capture: Capture) -> None:
        ref = await self.io(self.sink.write_capture, capture)
        if 200 <= capture.status < 300:  # the record a parse will cite (popped after the job)
            self._refs[capture.url] = ref
        self.counts["requests"] += 1
        self.counts["bytes"] += len(capture.body)

    # --- what the page handlers may do (``CrawlContext``) ---------------------------------
    async def analyze(self, task: PageTask) -> PageResult:
        return await self.analyzer.analyze(task)

    def ref_for(self, url: str) -> WarcRef | None:
        return self._refs.pop(url, None)

    def count_post(self, *, comment_page: bool) -> None:
        self.counts["comment_pages" if comment_page else "posts"] += 1

    def warn(self, url: str, reason: str) -> None:
        self.counts["warnings"] += 1
        self.emit(CrawlEvent("warning", url, reason=reason))

    async def finish(
        self,
        job: Job,
        state: URLState,
        reason: str | None = None,
        *,
        status: int | None = None,
        bytes: int = 0,
    ) -> None:
        await self.io(self.frontier.finish, job.url, state, reason)
        self._finished(job, state, reason, status, bytes)

    def _finished(
        self, job: Job, state: URLState, reason: str | None, status: int | None, size: int
    ) -> None:
        kind = EVENT_KINDS.get(state, "fetched")
        self.counts[kind] += 1
        event = CrawlEvent(kind, job.url, status, size, reason, job.kind.value)
        self.emit(event)

    def _new_jobs(self, found: Iterable[Found], via: str | None, depth: int) -> list[Job]:
        """Jobs for URLs never seen in this run; the set check comes before any Job is built."""
        jobs = []
        first_time = self.seen.add
        verdict = self.traps.verdict
        for f in found:
            if not first_time(f.url):
                continue
            if (why := verdict(f.url, f.kind, depth)) is not None:
                self.counts["skipped"] += 1
                self.emit(CrawlEvent("skipped", f.url, reason=why, job_kind=f.kind.value))
                continue
            jobs.append(Job(url=f.url, kind=f.kind, depth=depth, post_url=f.post_url, via=via))
        return jobs

    def _queued(self, new: int, via: str | None, jobs: list[Job]) -> None:
        self.counts["queued"] += new
        if new:
            self.emit(CrawlEvent("queued", via or jobs[0].url, count=new))

    async def queue(self, found: Iterable[Found], via: str | None, depth: int) -> int:
        """Add unseen URLs to the frontier."""
        jobs = self._new_jobs(found, via, depth)
        if not jobs:
            return 0
        new = await self.io(self.frontier.add, jobs)
        self._queued(new, via, jobs)
        return new

    async def settle(
        self,
        job: Job,
        state: URLState,
        found: Iterable[Found],
        via: str | None,
        depth: int,
        *,
        post: tuple[str, str, Post] | None = None,
        status: int | None = None,
        bytes: int = 0,
    ) -> None:
        """A handled page in ONE trip to the writer thread: its post, then the URLs it led
        to, then its final state (the order of separate ``write_post``/``queue``/``finish``)."""
        jobs = self._new_jobs(found, via, depth)
        frontier, sink = self.frontier, self.sink

        shared = self._shared

        def write() -> int:
            if post is not None:
                sink.write_post(*post)
            if shared is not None:
                return shared.settle(job.url, state, None, jobs)
            new = frontier.add(jobs) if jobs else 0
            frontier.finish(job.url, state, None)
            return new

        new = await self.io(write)
        if jobs:
            self._queued(new, via, jobs)
        self._finished(job, state, None, status, bytes)

    # --- the loop ------------------------------------------------------------------------
    async def run(self, seeds: Sequence[str], pool: PagePool | None) -> CrawlStats:
        start = time.monotonic()
        canon = [u for u in (canonicalize(s) for s in seeds) if u]
        self.scope = Scope.from_seeds(canon, self.config.scope)
        cfg = self.config
        analysis = Analysis(self.scope, cfg.since, assets=cfg.fetch.assets, wp_json=cfg.wp_json)
        self.analyzer = InlineAnalyzer(analysis)
        if pool is not None:
            try:
                pool.start()
            except OSError as exc:  # no interpreter to start (embedded Python ...): parse here
                reason = f"parse workers unavailable ({exc}); parsing in the crawler's thread"
                self.emit(CrawlEvent("warning", "", reason=reason))
            else:
                limits = Limits(cfg.parse_time_limit, cfg.parse_memory_limit)
                self.analyzer = PoolAnalyzer(pool, analysis, limits)
        trusted = {host_port(u) for u in canon}
        self.fetcher = Fetcher(
            self._clients,
            self.config.fetch,
            on_capture=self._on_capture,
            sleep=self._sleep,
            trusted_hosts=trusted,
            pins=self.pins,
        )
        if isinstance(self.frontier, KnownFrontier):
            await self.io(self._recall, self.frontier)
        await self.queue(self.sites.seed_jobs(canon), None, 0)
        await self._drain()
        if self._fatal is not None:
            reason = f"storage failure: {type(self._fatal).__name__}: {self._fatal}"
            self.counts["error"] = reason
            self.emit(CrawlEvent("error", "", reason=reason))
        else:
            await self.pages.report_missing_comments()
        self.counts["elapsed"] = time.monotonic() - start
        return CrawlStats(**self.counts)

    def _recall(self, frontier: KnownFrontier) -> None:
        """Start from what earlier runs of this crawl queued (before any task runs, so the
        writer thread may fill the seen-set): a killed crawl that resumes does not send
        those URLs to the frontier again nor count them twice against its budget."""
        first_time, remember = self.seen.add, self.traps.remember
        for url, kind in frontier.known():
            if first_time(url):
                remember(url, kind)

    def _budget(self) -> int | None:
        if self.config.max_pages is None:
            return None
        return max(0, self.config.max_pages - self._pages_started)

    async def _drain(self) -> None:
        tasks: set[asyncio.Task[None]] = set()
        try:
            await self._schedule(tasks)
        finally:  # cancelled (Ctrl-C, SIGTERM) or storage failed: leave no task behind
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _schedule(self, tasks: set[asyncio.Task[None]]) -> None:
        while True:
            if self._fatal is not None:
                return
            room = self.config.concurrency - len(tasks)
            budget = self._budget()
            if budget is not None:
                room = min(room, budget)
                if budget == 0:
                    self.counts["limit_reached"] = True
            jobs = await self.io(self.frontier.claim, room) if room > 0 else []
            for job in jobs:
                if job.kind in _PAGE_KINDS:
                    self._pages_started += 1
                tasks.add(asyncio.create_task(self._process(job)))
            shared = self._shared
            if not tasks:
                if not jobs:
                    # Alone, an empty claim means done; sharing the frontier, it may only
                    # mean that every host with work is another process's turn.
                    if shared is None or room <= 0 or await self.io(shared.pending) == 0:
                        return
                    await asyncio.sleep(shared.poll_interval)
                continue
            wait = shared.poll_interval if shared is not None and len(jobs) < room else None
            done, _pending = await asyncio.wait(
                tasks, timeout=wait, return_when=asyncio.FIRST_COMPLETED
            )
            tasks -= done

    async def _process(self, job: Job) -> None:
        try:
            await self._handle(job)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one bad page must never stop the crawl; bad storage must
            if self._fatal is not None:
                return
            await self.finish(job, URLState.FAILED, f"internal error: {type(exc).__name__}: {exc}")

    # --- one job -------------------------------------------------------------------------
    async def _handle(self, job: Job) -> None:
        assert self.fetcher is not None
        rules = await self.sites.rules(origin(job.url))
        ua = self.config.fetch.full_user_agent
        if rules.final:  # the host took no connection, or is off limits: no request
            down = rules.status is RobotsStatus.UNREACHABLE
            await self.finish(job, URLState.FAILED if down else URLState.SKIPPED, rules.reason)
            return
        if self.config.obey_robots and not rules.allowed(job.url, ua):
            await self.finish(job, URLState.SKIPPED, rules.reason or "robots.txt disallows")
            return
        delay = max(self.config.delay, rules.crawl_delay(ua) or 0.0)
        page_like = job.kind in _PAGE_KINDS
        in_scope = self.scope.__contains__ if page_like else self.scope.has_host
        async with self._gate.slot(host_of(job.url), delay):
            try:
                capture = await self.fetcher.fetch(
                    job.url, in_scope=in_scope, refuse=self.sites.refuse
                )
            except (UnsupportedContentError, DisallowedError) as exc:
                await self.finish(job, URLState.SKIPPED, exc.reason)
                return
            except FetchError as exc:
                await self.finish(job, URLState.FAILED, exc.reason)
                return
        self.seen.add(capture.url)
        try:
            await self.pages.handle(job, capture)
        finally:
            self._refs.pop(capture.url, None)
