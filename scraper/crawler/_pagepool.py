"""Where ``analyze_page`` runs: worker processes (``PagePool``) or the caller's thread.

A worker is a fresh interpreter (``python -m scraper.crawler._worker``) that inherits none
of the crawler's files, locks or threads, fed over its stdin/stdout with length-prefixed
pickle frames: a page goes out as ``(id, analysis or None, payload, content_type, url, kind,
post_url)`` (the crawl's ``Analysis`` only when it changed for that worker) and comes back
as ``(id, ok, PageResult | failure)``. Reading a result costs the crawler ~0.1 ms per page
(unpickling the ``Post``'s frozen dataclasses); a dispatch table rebuilding them with
``cls(*fields)`` saved only 10 % of that, so it is not done.
"""

from __future__ import annotations

import asyncio
import atexit
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
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from .._errors import ParseError
from .._protocols import JobKind
from ._analyze import Analysis, PageResult, PageTask, analyze_page

__all__ = [
    "InlineAnalyzer",
    "PagePool",
    "WorkerDied",
    "default_workers",
    "parse_worker_gc",
    "worker_main",
]


@dataclass(frozen=True, slots=True)
class _Failed:
    """A ``ParseError`` crossing the process boundary (its pickled form loses ``reason``)."""

    reason: str
    source: str | None


class WorkerDied(RuntimeError):
    """A parse worker process ended while pages were in its care."""


def _answer(analysis: Analysis, task: PageTask) -> tuple[bool, object]:
    try:
        return True, analyze_page(task, analysis)
    except ParseError as exc:
        return True, _Failed(exc.reason, exc.source)
    except Exception as exc:  # a parser bug: the page fails, the worker lives on
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return False, exc


def parse_worker_gc() -> None:
    """Garbage collection for a process that only parses pages (crawl and reparse workers).

    A parse makes hundreds of thousands of short-lived objects and almost no cycles, so the
    default collector (a pass every 700 allocations, over every module's objects too) costs
    ~4 % of the parse. The import-time objects are frozen out of the passes and young
    passes run less often. Only our own worker processes call this: a library never changes
    its host's collector.
    """
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def worker_main() -> None:
    """``python -m scraper.crawler._worker``: answer page frames (see the module docstring)
    on stdin with ``(id, ok, result)`` frames on stdout until stdin closes (the crawler is
    done, or gone: a kill -9 closes the pipe too)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the crawler's to handle
    parse_worker_gc()
    inp = sys.stdin.buffer
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print() must not corrupt the frames
    analysis: Analysis | None = None
    while True:
        head = inp.read(_HEAD.size)
        if len(head) < _HEAD.size:
            return
        (n,) = _HEAD.unpack(head)
        ident, new, payload, ctype, url, kind, post_url = pickle.loads(inp.read(n))
        analysis = new or analysis
        assert analysis is not None, "the first frame carries the Analysis"
        task = PageTask(payload, ctype, url, JobKind(kind), post_url)
        ok, value = _answer(analysis, task)
        data = pickle.dumps((ident, ok, value), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            out.write(_HEAD.pack(len(data)) + data)
            out.flush()
        except BrokenPipeError:  # the crawler is gone (stopped, killed): nobody to answer
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
            return


_HEAD = struct.Struct("!Q")


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
        self._sent: Analysis | None = None  # the Analysis this worker last received
        self.pending: dict[int, Future[Any]] = {}
        self.alive = True
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        threading.Thread(target=self._read, name="page-worker-reader", daemon=True).start()
        threading.Thread(target=self._send, name="page-worker-sender", daemon=True).start()

    def submit(self, analysis: Analysis, task: PageTask) -> Future[Any]:
        """Queue a page; never blocks (a full pipe waits in the sender thread, not here:
        the caller is the event loop)."""
        fut: Future[Any] = Future()
        with self._lock:
            if not self.alive:
                fut.set_exception(WorkerDied("page worker is gone"))
                return fut
            ident = next(self._ids)
            self.pending[ident] = fut
            new = None if analysis is self._sent else analysis
            self._sent = analysis
            frame = (ident, new, task.payload, task.content_type, task.url, task.kind.value,
                     task.post_url)  # fmt: skip
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
        """Let the worker finish what it was sent, then see its stdin close and exit."""
        with self._lock:
            self.alive = False
        self._outbox.put(None)


class _Workers:
    """The process's parse workers, started on first need and shared by every crawl (a
    test suite runs many crawls; each would otherwise pay for interpreter start-ups)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        atexit.register(self.close)

    def pick(self, n: int) -> _Worker:
        """The least busy of the first ``n`` workers, replacing dead ones."""
        with self._lock:
            while len(self._workers) < n:
                self._workers.append(_Worker())
            for i in range(n):
                if not self._workers[i].alive:
                    self._workers[i] = _Worker()
            return min(self._workers[:n], key=lambda w: len(w.pending))

    def start(self, n: int) -> None:
        self.pick(n)

    def close(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, []
        for w in workers:
            w.close()


_WORKERS = _Workers()


def default_workers() -> int:
    """One worker per core the process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class InlineAnalyzer:
    """Runs the analysis on the calling thread (``workers=0``)."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis

    async def analyze(self, task: PageTask) -> PageResult:
        return analyze_page(task, self._analysis)

    def close(self) -> None:
        return None


#: Seconds a page may take in a worker (its queue and a worker's start-up included) before
#: the worker is killed and the page fails with the reason: a page built to be slow to parse
#: must not stall the crawl (the median page takes ~6 ms; the parser aims at ~1 s per MB,
#: and a body is capped at 20 MB).
PARSE_TIME_LIMIT = 30.0


class PagePool:
    """Runs the analysis in ``workers`` processes. A page whose worker died is tried once
    more on a new one; a page over ``time_limit`` kills its worker (restarted on the next
    page) and fails with a ``ParseError`` saying so."""

    def __init__(
        self, analysis: Analysis, workers: int, time_limit: float = PARSE_TIME_LIMIT
    ) -> None:
        self._analysis = analysis
        self._workers = max(1, workers)
        self._time_limit = time_limit

    def start(self) -> None:
        """Start the workers now (a crawl's first page should not wait for them)."""
        _WORKERS.start(self._workers)

    async def analyze(self, task: PageTask) -> PageResult:
        for attempt in (1, 2):
            worker = _WORKERS.pick(self._workers)
            waiting = asyncio.wrap_future(worker.submit(self._analysis, task))
            done, _ = await asyncio.wait({waiting}, timeout=self._time_limit)
            if not done:
                waiting.cancel()  # given up: the worker's answer, if any, is dropped
                worker.kill()
                reason = f"parse time limit: over {self._time_limit:g} s (parse worker restarted)"
                raise ParseError(reason, task.url)
            try:
                out = done.pop().result()
                break
            except WorkerDied:
                if attempt == 2:
                    raise
        if isinstance(out, _Failed):
            raise ParseError(out.reason, out.source)
        assert isinstance(out, PageResult)
        return out

    def close(self) -> None:
        return None  # the workers stay for the next crawl; they exit with the process
