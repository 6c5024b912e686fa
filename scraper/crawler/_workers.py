"""A parse worker process and the parent's side of it: the frames, the threads that feed
it and complete its futures, and the per-item ``Limits`` the pool enforces on it (see
``scraper.crawler._pagepool`` for the protocol and the pool)."""

from __future__ import annotations

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
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import IO, Any, BinaryIO

__all__ = ["LimitExceeded", "Limits", "WorkerDied", "parse_worker_gc", "worker_main"]

_HEAD = struct.Struct("!Q")
_EXIT_WAIT = 5.0  # seconds a closing pool waits for a worker to finish its last item
_POLL = 0.05  # seconds between two checks of the items' limits
_MB = 1024 * 1024
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class WorkerDied(RuntimeError):
    """A parse worker process ended while work was in its care; ``started`` says whether it
    had begun this item (then the item may be what killed it)."""

    def __init__(self, message: str, started: bool = True) -> None:
        super().__init__(message)
        self.started = started


class LimitExceeded(RuntimeError):
    """An item went over one of its ``Limits``; its worker was killed (and is replaced)."""


def _rss(pid: int | str = "self") -> int | None:
    """Resident bytes of a process (Linux ``/proc``: it counts libxml2's allocations too,
    which Python's own accounting does not see); ``None`` where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


@dataclass(frozen=True, slots=True)
class Limits:
    """What one item may cost a worker, counted from when the worker starts it (not while
    it waits behind others): ``time`` seconds, ``memory`` bytes of resident memory over
    what the worker held when it started the item. ``None`` is no limit. The pool checks
    every ``_POLL`` s, so an item is stopped at most that late (a parse grows by ~1 MB per
    ms at worst: the cap is overshot by tens of MB, not hundreds). The memory limit needs
    Linux's ``/proc``; elsewhere only the time limit holds."""

    time: float | None = None
    memory: int | None = None

    def __post_init__(self) -> None:
        for name in ("time", "memory"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not value > 0):
                raise ValueError(f"Limits.{name} must be above 0 or None, not {value!r}")

    def over(self, elapsed: float, base: int | None, pid: int) -> str | None:
        """Why an item ``elapsed`` seconds into its run on process ``pid`` must stop, or
        ``None``."""
        if self.time is not None and elapsed > self.time:
            return f"parse time limit: over {self.time:g} s"
        if self.memory is not None and base is not None:
            rss = _rss(pid)
            if rss is not None and rss - base > self.memory:
                return f"parse memory limit: over {self.memory / _MB:g} MB"
        return None


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
    while (frame := _read_frame(inp)) is not None:
        ident, new, item = frame
        job = new or job
        assert job is not None, "the first frame carries the job"
        if not _answer(out, (ident, None, _rss())):  # started: the limits count from here
            return
        if not _answer(out, (ident, *_run(job[0], job[1], item))):
            return


def _frame(obj: object) -> bytes:
    """``obj`` pickled behind its length: one frame of the pipe protocol."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEAD.pack(len(data)) + data


def _read_frame(stream: IO[bytes]) -> Any:
    """The next frame's object, or None where the stream ends."""
    head = stream.read(_HEAD.size)
    if len(head) < _HEAD.size:
        return None
    (n,) = _HEAD.unpack(head)
    return pickle.loads(stream.read(n))


def _answer(out: BinaryIO, frame: tuple[int, bool | None, object]) -> bool:
    try:
        out.write(_frame(frame))
        out.flush()
    except BrokenPipeError:  # the crawler is gone (stopped, killed): nobody to answer
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return False
    return True


@dataclass(slots=True)
class _Item:
    """An item sent to a worker: its future, its limits and, once started, when and at what
    resident size."""

    fut: Future[Any]
    limits: Limits | None
    started: float | None = None  # time.monotonic() when the worker said it started
    base: int | None = None  # the worker's resident bytes then (None: not readable here)


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
        self.pending: dict[int, _Item] = {}
        self._current: _Item | None = None  # the item the worker is running
        self.alive = True
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read, name="page-worker-reader", daemon=True)
        self._reader.start()
        threading.Thread(target=self._send, name="page-worker-sender", daemon=True).start()

    def submit(
        self,
        fn: Callable[[Any, Any], Any],
        context: object,
        item: object,
        limits: Limits | None = None,
    ) -> Future[Any]:
        """Queue an item; never blocks (a full pipe waits in the sender thread, not here:
        the caller may be an event loop)."""
        fut: Future[Any] = Future()
        with self._lock:
            if not self.alive:
                fut.set_exception(WorkerDied("page worker is gone", started=False))
                return fut
            ident = next(self._ids)
            self.pending[ident] = _Item(fut, limits)
            same = fn is self._fn and context is self._context
            self._fn, self._context = fn, context
            frame = (ident, None if same else (fn, context), item)
            self._outbox.put(_frame(frame))  # in the lock: frames in order
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
            while (frame := _read_frame(stream)) is not None:
                ident, ok, value = frame
                with self._lock:
                    if ok is None:  # started: its limits count from now
                        item = self.pending.get(ident)
                        if item is not None:
                            item.started, item.base = time.monotonic(), value
                        self._current = item
                        continue
                    item = self.pending.pop(ident, None)
                    self._current = None
                if item is None or item.fut.done():  # given up on (a limit, a cancel)
                    continue
                if ok:
                    item.fut.set_result(value)
                else:
                    item.fut.set_exception(value)
        except Exception:  # a torn frame: the worker died mid-write
            pass
        try:  # its exit status says how it died (killed by the OOM killer ...)
            self.proc.wait(_EXIT_WAIT)
        except subprocess.TimeoutExpired:
            pass
        with self._lock:
            self._die_locked()

    def _die_locked(self) -> None:
        if self.alive:
            self._outbox.put(None)  # ends the sender thread
        self.alive = False
        pending, self.pending = self.pending, {}
        self._current = None
        code = self.proc.returncode
        how = "died" if code is None else f"exited with status {code}"
        if code is not None and code < 0:
            how = f"was killed by signal {-code}"
            if -code == signal.SIGKILL:
                how += " (the out-of-memory killer, or a limit)"
        for item in pending.values():
            if not item.fut.done():
                died = WorkerDied(f"page worker {self.proc.pid} {how}", item.started is not None)
                item.fut.set_exception(died)

    def check(self, now: float) -> None:
        """Kill the worker if the item it runs went over one of its limits; the item fails
        with the reason, the others queued behind it fail over to a new worker."""
        with self._lock:
            item = self._current
            if item is None or item.limits is None or item.started is None or item.fut.done():
                return
            over = item.limits.over(now - item.started, item.base, self.proc.pid)
            if over is None:
                return
            item.fut.set_exception(LimitExceeded(over))
        self.kill()

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
