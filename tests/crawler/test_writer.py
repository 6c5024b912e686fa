"""The crawl's writer thread (``scraper.crawler._writer``): order, results, errors, cancellation."""

from __future__ import annotations

import asyncio
import threading

import pytest

from scraper.crawler._writer import WriterThread


async def _calls() -> tuple[list[int], list[int], set[str]]:
    writer = WriterThread()
    seen: list[int] = []
    threads: set[str] = set()

    def record(i: int) -> int:
        seen.append(i)
        threads.add(threading.current_thread().name)
        return i * 10

    try:
        results = await asyncio.gather(*(writer.call(record, i) for i in range(50)))
    finally:
        writer.shutdown()
    return list(results), seen, threads


def test_calls_run_in_order_on_one_thread_and_return_their_results() -> None:
    results, seen, threads = asyncio.run(_calls())
    assert results == [i * 10 for i in range(50)]
    assert seen == list(range(50))
    assert threads == {"crawl-writer"}


async def _error() -> None:
    writer = WriterThread()

    def boom() -> None:
        raise OSError("disk full")

    try:
        await writer.call(boom)
    finally:
        writer.shutdown()


def test_an_exception_reaches_the_awaiting_task() -> None:
    with pytest.raises(OSError, match="disk full"):
        asyncio.run(_error())


async def _cancelled() -> list[str]:
    writer = WriterThread()
    gate = threading.Event()
    ran: list[str] = []
    try:
        first = writer.call(gate.wait, 5)
        second = writer.call(ran.append, "second")
        second.cancel()  # its task was cancelled before the thread reached it
        gate.set()
        await first
        await writer.call(ran.append, "third")
    finally:
        writer.shutdown()
    return ran


def test_a_call_cancelled_before_it_started_is_not_run() -> None:
    assert asyncio.run(_cancelled()) == ["third"]
