"""One thread that runs the crawl's blocking storage calls, in the order they were made.

The frontier and the sink are synchronous (SQLite, WARC files) and may block; the event loop
hands every call to them to this thread and awaits the answer. It replaces
``loop.run_in_executor`` on a one-thread ``ThreadPoolExecutor``, which per call costs a work
item, a ``concurrent.futures.Future`` chained to an asyncio one and one wake-up of the loop;
here a call is one queue entry and one asyncio future, and answers that are ready together
reach the loop in one wake-up. As with the executor, a call whose awaiting task was
cancelled before the thread reached it is not run.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["WriterThread"]

T = TypeVar("T")
_Call = tuple[Callable[..., Any], tuple[Any, ...], "asyncio.Future[Any]", asyncio.AbstractEventLoop]
_Done = tuple["asyncio.Future[Any]", bool, Any]


def _deliver(done: list[_Done]) -> None:
    for fut, ok, value in done:
        if fut.cancelled():
            continue
        if ok:
            fut.set_result(value)
        else:
            fut.set_exception(value)


class WriterThread:
    def __init__(self, name: str = "crawl-writer") -> None:
        self._calls: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()

    def call(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """Run ``fn(*args)`` on the thread; await the returned future for its result."""
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[T] = loop.create_future()
        self._calls.put((fn, args, fut, loop))
        return fut

    def _work(self) -> None:
        calls = self._calls
        done: list[_Done] = []
        loop: asyncio.AbstractEventLoop | None = None
        while True:
            item = calls.get()
            if item is None:
                break
            fn, args, fut, loop = item
            # fut.cancelled() is read across threads: at worst a cancelled call runs, as
            # it would have a moment earlier
            if not fut.cancelled():
                try:
                    done.append((fut, True, fn(*args)))
                except BaseException as exc:  # handed to the awaiting task, which decides
                    done.append((fut, False, exc))
            if done and (len(done) >= 16 or calls.empty()):
                self._flush(loop, done)
                done = []
        if done and loop is not None:
            self._flush(loop, done)

    @staticmethod
    def _flush(loop: asyncio.AbstractEventLoop, done: list[_Done]) -> None:
        try:
            loop.call_soon_threadsafe(_deliver, done)
        except RuntimeError:  # the loop is closed: nobody is waiting any more
            pass

    def shutdown(self) -> None:
        """Run what was already asked for, then end the thread."""
        self._calls.put(None)
        self._thread.join()
