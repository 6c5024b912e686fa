"""Per-item limits of the ``PagePool``: counted from when a worker starts an item, a time
and a memory cap whose breach kills the worker, fails that item with the reason and sends
the items queued behind it to a fresh worker."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import pytest

from scraper._config import CrawlConfig
from scraper._errors import ParseError
from scraper._protocols import JobKind, URLState
from scraper._urls import Scope
from scraper.crawler._analyze import Analysis, PageTask
from scraper.crawler._crawler import crawl
from scraper.crawler._memory import MemoryFrontier, MemorySink
from scraper.crawler._pagepool import LimitExceeded, Limits, PagePool, PoolAnalyzer
from scraper.testing import Fault, FaultKind, SiteServer, gen_site

MB = 1024 * 1024


# --- jobs, run in the workers (pickled by name: module level) ---------------------------------
def wait_for(path: str, answer: int) -> int:
    """Blocks until ``path`` exists: an item that holds its worker as long as the test says."""
    while not os.path.exists(path):
        time.sleep(0.01)
    return answer


def echo(_: None, item: int) -> int:
    return item


def hog(_: None, megabytes: int) -> int:
    """Holds ``megabytes`` in libxml2 (not Python's allocator): the cap must see those too."""
    import lxml.html

    doc = lxml.html.document_fromstring(b"<div>" + b"<p>x</p>" * (megabytes * 5000))
    time.sleep(60)  # held until killed
    return len(doc)


def sleep_forever(_: None, item: int) -> int:
    time.sleep(3600)
    return item


# --- fast: the values are checked --------------------------------------------------------------
@pytest.mark.parametrize("bad", [0, -1.0, True])
def test_limits_refuse_what_would_stop_every_item(bad: object) -> None:
    with pytest.raises(ValueError, match=r"Limits\.time"):
        Limits(time=bad)  # type: ignore[arg-type]


def test_the_crawl_config_checks_its_parse_limits() -> None:
    assert CrawlConfig(parse_time_limit=None, parse_memory_limit=None).parse_time_limit is None
    with pytest.raises(ValueError, match="parse_time_limit"):
        CrawlConfig(parse_time_limit=0)
    with pytest.raises(ValueError, match="parse_memory_limit"):
        CrawlConfig(parse_memory_limit=1000)  # bytes: a cap under 1 MB is a typo
    with pytest.raises(ValueError, match="parse_memory_limit"):
        CrawlConfig(parse_memory_limit=1.5 * MB)  # type: ignore[arg-type]


# --- slow: real workers -------------------------------------------------------------------------
@pytest.mark.slow
def test_the_time_limit_counts_from_the_start_not_the_queue(tmp_path: Path) -> None:
    gate = tmp_path / "go"

    async def go(pool: PagePool) -> tuple[int, int]:
        first = asyncio.ensure_future(pool.run(wait_for, str(gate), 1))
        quick = asyncio.ensure_future(pool.run(echo, None, 2, Limits(time=0.3)))
        await asyncio.sleep(1.0)  # the quick item has waited over its limit in the queue
        gate.touch()
        return await first, await quick

    with PagePool(1) as pool:
        assert asyncio.run(go(pool)) == (1, 2)


@pytest.mark.slow
def test_an_item_over_its_time_limit_fails_and_the_pool_goes_on() -> None:
    async def go(pool: PagePool) -> int:
        with pytest.raises(LimitExceeded, match=r"parse time limit: over 0\.3 s"):
            await pool.run(sleep_forever, None, 1, Limits(time=0.3))
        return await pool.run(echo, None, 2)

    with PagePool(1) as pool:
        assert asyncio.run(go(pool)) == 2


@pytest.mark.slow
def test_an_item_over_its_memory_limit_fails_and_those_behind_it_are_retried() -> None:
    """libxml2's allocations count: the item is stopped well before it holds its 400 MB."""

    async def go(pool: PagePool) -> list[object]:
        limits = Limits(memory=100 * MB)
        jobs = [pool.run(hog, None, 400, limits)]  # one worker: the echoes wait behind it
        jobs += [pool.run(echo, None, i, limits) for i in range(3)]
        return await asyncio.gather(*jobs, return_exceptions=True)

    with PagePool(1) as pool:
        over, *rest = asyncio.run(go(pool))
    assert isinstance(over, LimitExceeded)
    assert str(over) == "parse memory limit: over 100 MB"
    assert rest == [0, 1, 2]


def _big_page(comments: int) -> bytes:
    item = '<li class="comment"><p>Comment number {i} says something.</p></li>'
    run = "".join(item.format(i=i) for i in range(comments))
    page = f"<html><body><article><h1>T</h1><p>Text.</p><ol>{run}</ol></article></body></html>"
    return page.encode()


@pytest.mark.slow
def test_a_page_over_the_memory_limit_in_a_real_pool_gets_its_reason() -> None:
    analysis = Analysis(Scope((), frozenset()))
    big = PageTask(_big_page(30_000), "text/html", "http://h/big/", JobKind.POST)
    small = [PageTask(_big_page(3), "text/html", f"http://h/p{i}/", JobKind.POST) for i in range(4)]

    async def go(pool: PagePool) -> list[object]:
        analyzer = PoolAnalyzer(pool, analysis, Limits(time=120, memory=10 * MB))
        return await asyncio.gather(
            *(analyzer.analyze(t) for t in [big, *small]), return_exceptions=True
        )

    with PagePool(1) as pool:
        failed, *fine = asyncio.run(go(pool))
    assert isinstance(failed, ParseError)
    assert failed.reason == "parse memory limit: over 10 MB (parse worker restarted)"
    assert failed.source == big.url
    assert [getattr(r, "post_url", None) for r in fine] == [t.url for t in small]


@pytest.mark.slow
def test_a_page_over_the_time_limit_in_a_real_pool_gets_its_reason() -> None:
    analysis = Analysis(Scope((), frozenset()))
    task = PageTask(_big_page(30_000), "text/html", "http://h/p/", JobKind.POST)

    async def go(pool: PagePool) -> None:
        pool.start()
        (worker,) = pool._procs
        page = asyncio.ensure_future(
            PoolAnalyzer(pool, analysis, Limits(time=0.5, memory=None)).analyze(task)
        )
        while worker._current is None:  # the worker started the page: now it never ends
            await asyncio.sleep(0.001)
        os.kill(worker.proc.pid, signal.SIGSTOP)
        with pytest.raises(ParseError, match=r"parse time limit: over 0\.5 s \(parse worker"):
            await page
        assert worker.proc.wait(timeout=30) == -signal.SIGKILL
        small = PageTask(_big_page(2), "text/html", "http://h/q/", JobKind.POST)
        assert (await PoolAnalyzer(pool, analysis).analyze(small)).post is not None

    with PagePool(1) as pool:
        asyncio.run(go(pool))


@pytest.mark.slow
def test_a_crawl_records_a_page_over_the_memory_limit_and_goes_on() -> None:
    """A 19 MB page (under the 20 MB body cap) on one worker, the blog's posts queued with
    it: the big page fails with its reason, every post is parsed."""
    site = gen_site(3, seed=5)
    big = "/2024/01/big-post/"
    faults = {big: Fault(kind=FaultKind.HUGE, size=19 * MB)}
    frontier = MemoryFrontier()
    config = CrawlConfig(
        delay=0.0, sitemaps=False, feeds=False, wp_json=False, parse_memory_limit=25 * MB
    )
    with SiteServer(site, faults=faults) as server:
        seeds = [server.url + big] + [server.url + p.path for p in site.posts]
        stats = asyncio.run(crawl(seeds, frontier, MemorySink(), config, workers=1))
    failed = frontier.with_state(URLState.FAILED)
    assert failed == {server.url + big: "parse memory limit: over 25 MB (parse worker restarted)"}
    assert stats.posts == 3
