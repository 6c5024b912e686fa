"""Worker processes that parse pages: ``PagePool``, the one mechanism the crawl (its page
analysis) and ``reparse`` (stored captures) both run on, and the crawl's two analyzers.

A pool belongs to whoever made it: ``crawl()`` and ``reparse`` create one for their run and
close it at the end, unless they were handed one (a caller running many crawls, a test
suite, pays for the interpreter start-ups once). No pool outlives its owner.

A worker is a fresh interpreter (``python -m scraper.crawler._worker``) that inherits none
of the parent's files, locks or threads (an archive's lock stays the parent's), fed over
its stdin/stdout with length-prefixed pickle frames: ``(id, job or None, item)`` goes out,
the job being ``(fn, context)`` and sent only when it changed for that worker (the crawl's
``Analysis`` once per crawl, not once per page), and ``(id, None, resident bytes)`` comes
back when the worker starts the item (its ``Limits`` count from then, not from its wait in
the queue), then ``(id, ok, fn(context, item) | error)`` (``scraper.crawler._workers``).
Reading a crawl result costs the parent ~0.1 ms per page (unpickling the ``Post``'s frozen
dataclasses); a dispatch table rebuilding them with ``cls(*fields)`` saved only 10 % of
that, so it is not done.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

from .._errors import ParseError
from .._protocols import JobKind
from ._analyze import Analysis, PageResult, PageTask, analyze_page
from ._workers import (  # the worker side, re-exported: callers know the pool's module
    _MB,
    _POLL,
    LimitExceeded,
    Limits,
    WorkerDied,
    _Worker,
    parse_worker_gc,
    worker_main,
)

__all__ = [
    "InlineAnalyzer",
    "LimitExceeded",
    "Limits",
    "PagePool",
    "PoolAnalyzer",
    "WorkerDied",
    "default_workers",
    "parse_worker_gc",
    "worker_main",
]

C = TypeVar("C")
I = TypeVar("I")  # noqa: E741
R = TypeVar("R")

_TRIES = 5  # times an item is sent again when its worker died before starting it


def default_workers() -> int:
    """One worker per core the process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class PagePool:
    """``workers`` processes running ``fn(context, item)`` for many items; a worker that
    died is replaced, and ``run`` tries its item once more on the new one. Items may carry
    ``Limits``: a thread of the pool watches the item each worker runs and kills a worker
    whose item goes over them.

    ``fn`` must be a module-level function (pickled by name) and ``context`` and items
    picklable. Use it as a context manager, or ``close()`` it: the workers exit then.
    """

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"PagePool needs at least one worker, not {workers}")
        self.workers = workers
        self._lock = threading.Lock()
        self._procs: list[_Worker] = []
        self._closed = False
        self._stop = threading.Event()
        self._watch: threading.Thread | None = None

    def start(self) -> None:
        """Start the workers now (the first item should not wait for them). Raises
        ``OSError`` when no interpreter can be started (embedded Python ...)."""
        self._pick()

    def _pick(self) -> _Worker:
        """The least busy worker, starting missing ones and replacing dead ones."""
        with self._lock:
            if self._closed:
                raise RuntimeError("PagePool is closed")
            while len(self._procs) < self.workers:
                self._procs.append(_Worker())
            for i, w in enumerate(self._procs):
                if not w.alive:
                    w.close()  # reaped: it is gone already, or going
                    self._procs[i] = _Worker()
            if self._watch is None:
                self._watch = threading.Thread(
                    target=self._watch_limits, name="page-pool-limits", daemon=True
                )
                self._watch.start()
            return min(self._procs, key=lambda w: len(w.pending))

    def _watch_limits(self) -> None:
        while not self._stop.wait(_POLL):
            with self._lock:
                procs = list(self._procs)
            now = time.monotonic()
            for w in procs:
                w.check(now)

    def submit(
        self, fn: Callable[[C, I], R], context: C, item: I, limits: Limits | None = None
    ) -> Future[R]:
        """``fn(context, item)`` in a worker; the future fails with ``WorkerDied`` if the
        worker does, with ``LimitExceeded`` if the item goes over ``limits``, else with
        what ``fn`` raised."""
        return self._pick().submit(fn, context, item, limits)

    async def run(
        self, fn: Callable[[C, I], R], context: C, item: I, limits: Limits | None = None
    ) -> R:
        """``submit`` awaited on the event loop. An item whose worker died is sent again:
        once if the worker had started it (it may be what killed it), a few times if it was
        still waiting (another item killed the worker, or went over its limits). An item
        over ``limits`` raises ``LimitExceeded``: an input built to be slow or big to parse
        must not hold a worker for ever, nor take the machine's memory."""
        died: WorkerDied | None = None
        for _ in range(_TRIES):
            try:
                out: R = await asyncio.wrap_future(self.submit(fn, context, item, limits))
                return out
            except WorkerDied as exc:
                if exc.started and died is not None and died.started:
                    raise
                if exc.started or died is None:
                    died = exc
        assert died is not None
        raise died

    def close(self) -> None:
        """Let the workers finish what they were sent, then wait for them to exit."""
        with self._lock:
            procs, self._procs = self._procs, []
            self._closed = True
        self._stop.set()
        for w in procs:
            w.close()

    def __enter__(self) -> PagePool:
        return self

    def __exit__(
        self, typ: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# --- the crawl's page analysis, inline or on a pool ------------------------------------------
#: What a page may cost a worker by default (``CrawlConfig.parse_time_limit`` and
#: ``parse_memory_limit`` set them for a crawl): a page built to be slow or big to parse
#: must not stall the crawl nor take the machine's memory. The median page takes ~6 ms and
#: a few MB, the parser aims at ~1 s per MB, and a body is capped at 20 MB.
PAGE_LIMITS = Limits(time=30.0, memory=200 * _MB)


@dataclass(frozen=True, slots=True)
class _Failed:
    """A ``ParseError`` crossing the process boundary (its pickled form loses ``reason``)."""

    reason: str
    source: str | None


def _analyze(analysis: Analysis, frame: tuple[Any, ...]) -> PageResult | _Failed:
    """A worker's side of ``PoolAnalyzer``: the task goes as a plain tuple (cheaper to
    pickle than the dataclass and its enum)."""
    payload, ctype, url, kind, post_url = frame
    try:
        return analyze_page(PageTask(payload, ctype, url, JobKind(kind), post_url), analysis)
    except ParseError as exc:
        return _Failed(exc.reason, exc.source)


class InlineAnalyzer:
    """Runs the analysis on the calling thread (``workers=0``: no limits hold there)."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis

    async def analyze(self, task: PageTask) -> PageResult:
        return analyze_page(task, self._analysis)


class PoolAnalyzer:
    """Runs one crawl's analysis on a ``PagePool`` (which it does not own), each page within
    ``limits``; a page over them, or one its worker died on twice, is a ``ParseError`` with
    the reason (the crawl records it and goes on)."""

    def __init__(self, pool: PagePool, analysis: Analysis, limits: Limits = PAGE_LIMITS) -> None:
        self._pool = pool
        self._analysis = analysis
        self._limits = limits

    async def analyze(self, task: PageTask) -> PageResult:
        frame = (task.payload, task.content_type, task.url, task.kind.value, task.post_url)
        try:
            out = await self._pool.run(_analyze, self._analysis, frame, self._limits)
        except LimitExceeded as exc:
            raise ParseError(f"{exc} (parse worker restarted)", task.url) from None
        except WorkerDied as exc:
            raise ParseError(f"parse worker died on this page twice: {exc}", task.url) from None
        if isinstance(out, _Failed):
            raise ParseError(out.reason, out.source)
        return out
