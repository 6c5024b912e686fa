"""Worker processes that parse pages: ``PagePool``, the one mechanism the crawl (its page
analysis) and ``reparse`` (stored captures) both run on, and the crawl's two analyzers.

A pool belongs to whoever made it: ``crawl()`` and ``reparse`` create one for their run and
close it at the end, unless they were handed one (a caller running many crawls, a test
suite, pays for the interpreter start-ups once). No pool outlives its owner.

A worker is a fresh interpreter (``python -m scraper.crawler._worker``) that inherits none
of the parent's files, locks or threads (an archive's lock stays the parent's), fed over
its stdin/stdout with length-prefixed pickle frames: ``(id, job or None, item)`` goes out,
the job being ``(fn, context)`` and sent only when it changed for that worker (the crawl's
``Analysis`` once per crawl, not once per page), and ``(id, ok, fn(context, item) | error)``
comes back. Reading a crawl result costs the parent ~0.1 ms per page (unpickling the
``Post``'s frozen dataclasses); a dispatch table rebuilding them with ``cls(*fields)``
saved only 10 % of that, so it is not done.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

from .._errors import ParseError
from .._protocols import JobKind
from ._analyze import Analysis, PageResult, PageTask, analyze_page

__all__ = [
    "InlineAnalyzer",
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

_HEAD = struct.Struct("!Q")
_EXIT_WAIT = 5.0  # seconds a closing pool waits for a worker to finish its last item


class WorkerDied(RuntimeError):
    """A parse worker process ended while work was in its care."""


def parse_worker_gc() -> None:
    """Garbage collection for a process that only parses pages (every ``PagePool`` worker).

    A parse makes hundreds of thousands of short-lived objects and almost no cycles, so the
    default collector (a pass every 700 allocations, over every module's objects too) costs
    ~4 % of the parse. The import-time objects are frozen out of the passes and young
    passes run less often. Only our own worker processes call this: a library never changes
    its host's collector.
    """
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def _run(fn: Callable[[Any, Any], Any], context: Any, item: Any) -> tuple[bool, object]:
    try:
        return True, fn(context, item)
    except Exception as exc:  # the item fails, the worker lives on
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return False, exc


def worker_main() -> None:
    """``python -m scraper.crawler._worker``: answer frames (see the module docstring) on
    stdin with ``(id, ok, result)`` frames on stdout until stdin closes (the pool is
    closed, or its owner gone: a kill -9 closes the pipe too)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the owner's to handle
    parse_worker_gc()
    inp = sys.stdin.buffer
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print() must not corrupt the frames
    job: tuple[Callable[[Any, Any], Any], Any] | None = None
    while True:
        head = inp.read(_HEAD.size)
        if len(head) < _HEAD.size:
            return
        (n,) = _HEAD.unpack(head)
        ident, new, item = pickle.loads(inp.read(n))
        job = new or job
        assert job is not None, "the first frame carries the job"
        ok, value = _run(job[0], job[1], item)
        data = pickle.dumps((ident, ok, value), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            out.write(_HEAD.pack(len(data)) + data)
            out.flush()
        except BrokenPipeError:  # the crawler is gone (stopped, killed): nobody to answer
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
            return


class _Worker:
    """One worker process and the threads that feed it and complete its futures."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p or os.getcwd() for p in sys.path)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "scraper.crawler._worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            # Its own process group: a Ctrl-C on the terminal is the crawler's to handle; a
            # worker still importing would print a KeyboardInterrupt traceback. It exits
            # when its stdin closes (the crawler is done or gone).
            process_group=0,
        )
        self._lock = threading.Lock()
        self._ids = itertools.count()
        self._fn: object = None  # the job this worker last received
        self._context: object = None
        self.pending: dict[int, Future[Any]] = {}
        self.alive = True
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read, name="page-worker-reader", daemon=True)
        self._reader.start()
        threading.Thread(target=self._send, name="page-worker-sender", daemon=True).start()

    def submit(self, fn: Callable[[Any, Any], Any], context: object, item: object) -> Future[Any]:
        """Queue an item; never blocks (a full pipe waits in the sender thread, not here:
        the caller may be an event loop)."""
        fut: Future[Any] = Future()
        with self._lock:
            if not self.alive:
                fut.set_exception(WorkerDied("page worker is gone"))
                return fut
            ident = next(self._ids)
            self.pending[ident] = fut
            same = fn is self._fn and context is self._context
            self._fn, self._context = fn, context
            frame = (ident, None if same else (fn, context), item)
            data = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
            self._outbox.put(_HEAD.pack(len(data)) + data)  # in the lock: frames in order
        return fut

    def _send(self) -> None:
        stream = self.proc.stdin
        assert stream is not None
        while (frame := self._outbox.get()) is not None:
            try:
                stream.write(frame)
                stream.flush()
            except (OSError, ValueError):
                with self._lock:
                    self._die_locked()
                return
        try:
            stream.close()
        except OSError:
            pass

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        try:
            while True:
                head = stream.read(_HEAD.size)
                if len(head) < _HEAD.size:
                    break
                (n,) = _HEAD.unpack(head)
                ident, ok, value = pickle.loads(stream.read(n))
                with self._lock:
                    fut = self.pending.pop(ident, None)
                if fut is None or fut.done():  # a page given up on (its time limit passed)
                    continue
                if ok:
                    fut.set_result(value)
                else:
                    fut.set_exception(value)
        except Exception:  # a torn frame: the worker died mid-write
            pass
        with self._lock:
            self._die_locked()

    def _die_locked(self) -> None:
        if self.alive:
            self._outbox.put(None)  # ends the sender thread
        self.alive = False
        pending, self.pending = self.pending, {}
        for fut in pending.values():
            if not fut.done():
                fut.set_exception(WorkerDied(f"page worker {self.proc.pid} died"))

    def kill(self) -> None:
        """Stop a worker stuck on a page: its other pages fail over to a new worker."""
        try:
            self.proc.kill()
        except OSError:
            pass
        with self._lock:  # no new page goes to it; its other pages move to a new worker
            self._die_locked()

    def close(self) -> None:
        """Let the worker finish what it was sent, see its stdin close and exit."""
        with self._lock:
            if self.alive:
                self._outbox.put(None)
            self.alive = False
        try:
            self.proc.wait(_EXIT_WAIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(_EXIT_WAIT)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def default_workers() -> int:
    """One worker per core the process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class PagePool:
    """``workers`` processes running ``fn(context, item)`` for many items; a worker that
    died is replaced, and ``run`` tries its item once more on the new one.

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
            return min(self._procs, key=lambda w: len(w.pending))

    def submit(self, fn: Callable[[C, I], R], context: C, item: I) -> Future[R]:
        """``fn(context, item)`` in a worker; the future fails with ``WorkerDied`` if the
        worker does, else with what ``fn`` raised."""
        return self._pick().submit(fn, context, item)

    async def run(
        self, fn: Callable[[C, I], R], context: C, item: I, time_limit: float | None = None
    ) -> R:
        """``submit`` awaited on the event loop, tried once more if the worker died. An item
        over ``time_limit`` seconds kills its worker (replaced on the next item) and raises
        ``TimeoutError``: an input built to be slow must not hold a worker for ever."""
        for attempt in (1, 2):
            worker = self._pick()
            waiting = asyncio.wrap_future(worker.submit(fn, context, item))
            done, _ = await asyncio.wait({waiting}, timeout=time_limit)
            if not done:
                waiting.cancel()  # given up: the worker's answer, if any, is dropped
                worker.kill()
                raise TimeoutError(f"over {time_limit:g} s")
            try:
                out: R = done.pop().result()
                return out
            except WorkerDied:
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Let the workers finish what they were sent, then wait for them to exit."""
        with self._lock:
            procs, self._procs = self._procs, []
            self._closed = True
        for w in procs:
            w.close()

    def __enter__(self) -> PagePool:
        return self

    def __exit__(
        self, typ: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# --- the crawl's page analysis, inline or on a pool ------------------------------------------
#: Seconds a page may take in a worker (its queue and a worker's start-up included) before
#: the worker is killed and the page fails with the reason: a page built to be slow to parse
#: must not stall the crawl (the median page takes ~6 ms; the parser aims at ~1 s per MB,
#: and a body is capped at 20 MB).
PARSE_TIME_LIMIT = 30.0


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
    """Runs the analysis on the calling thread (``workers=0``)."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis

    async def analyze(self, task: PageTask) -> PageResult:
        return analyze_page(task, self._analysis)


class PoolAnalyzer:
    """Runs one crawl's analysis on a ``PagePool`` (which it does not own)."""

    def __init__(
        self, pool: PagePool, analysis: Analysis, time_limit: float = PARSE_TIME_LIMIT
    ) -> None:
        self._pool = pool
        self._analysis = analysis
        self._time_limit = time_limit

    async def analyze(self, task: PageTask) -> PageResult:
        frame = (task.payload, task.content_type, task.url, task.kind.value, task.post_url)
        try:
            out = await self._pool.run(_analyze, self._analysis, frame, self._time_limit)
        except TimeoutError:
            reason = f"parse time limit: over {self._time_limit:g} s (parse worker restarted)"
            raise ParseError(reason, task.url) from None
        if isinstance(out, _Failed):
            raise ParseError(out.reason, out.source)
        return out
