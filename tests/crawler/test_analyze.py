"""The page analysis (``scraper.crawler._analyze``) and the worker processes that run it
(``scraper.crawler._pagepool``)."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from scraper._config import CrawlConfig
from scraper._errors import ParseError
from scraper._protocols import JobKind, URLState
from scraper._urls import Scope
from scraper.crawler._analyze import LISTING, POST, Analysis, PageResult, PageTask, analyze_page
from scraper.crawler._crawler import crawl
from scraper.crawler._memory import MemoryFrontier, MemorySink
from scraper.crawler._pagepool import InlineAnalyzer, PagePool, PoolAnalyzer
from scraper.testing import SiteServer, gen_site, render

BASE = "http://blog.example"
ANALYSIS = Analysis(Scope.from_seeds([BASE + "/"]))


def _tasks() -> list[PageTask]:
    site = gen_site(4, seed=3)
    paths = ["/", *(p.path for p in site.posts)]
    out = []
    for path in paths:
        resp = render(site, path, BASE)
        kind = JobKind.LISTING if path == "/" else JobKind.POST
        out.append(PageTask(resp.body, "text/html; charset=utf-8", BASE + path, kind))
    return out


def test_one_tree_gives_the_post_and_its_links() -> None:
    home, post, *_ = _tasks()
    listing = analyze_page(home, ANALYSIS)
    assert listing.verdict == LISTING
    assert listing.post is None
    assert any(f.kind is JobKind.POST for f in listing.links)
    res = analyze_page(post, ANALYSIS)
    assert res.verdict == POST
    assert res.post is not None
    assert res.post.title
    assert res.post_url == post.url
    assert len(res.sha256) == 64
    assert all(f.url.startswith(BASE) for f in res.links if f.kind is not JobKind.ASSET)


def test_a_listing_is_known_before_any_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of several articles is a listing from its tree alone: its links are found and
    the parser, whose record would be thrown away, never runs on it (a parser bug there
    no longer costs the crawl the listing's links)."""
    import scraper.crawler._analyze as analyze_mod

    home, post, *_ = _tasks()

    def broken(page: object) -> None:
        raise ParseError("parser bug", "test")

    monkeypatch.setattr(analyze_mod, "parse_tree", broken)
    listing = analyze_page(home, ANALYSIS)
    assert listing.verdict == LISTING
    assert any(f.kind is JobKind.POST for f in listing.links)
    with pytest.raises(ParseError):  # a post page still goes through the parser
        analyze_page(post, ANALYSIS)


async def _both(tasks: list[PageTask], pool: PagePool) -> tuple[list[PageResult], list[PageResult]]:
    analyzer = PoolAnalyzer(pool, ANALYSIS)
    in_pool = await asyncio.gather(*(analyzer.analyze(t) for t in tasks))
    inline = InlineAnalyzer(ANALYSIS)
    return list(in_pool), [await inline.analyze(t) for t in tasks]


def test_worker_processes_give_the_same_results_as_inline(page_pool: PagePool) -> None:
    in_pool, inline = asyncio.run(_both(_tasks(), page_pool))
    assert in_pool == inline


async def _parse_error(pool: PagePool) -> ParseError:
    task = PageTask(b"   ", "text/html", BASE + "/x/", JobKind.POST)
    with pytest.raises(ParseError) as info:
        await PoolAnalyzer(pool, ANALYSIS).analyze(task)
    return info.value


def test_a_parse_error_keeps_its_reason_across_the_process_boundary(page_pool: PagePool) -> None:
    exc = asyncio.run(_parse_error(page_pool))
    assert exc.reason == "empty document"
    assert exc.source == BASE + "/x/"


async def _after_a_crash() -> PageResult:
    with PagePool(1) as pool:
        pool.start()
        worker = pool._pick()
        worker.proc.kill()  # the OOM killer, say
        worker.proc.wait()
        return await PoolAnalyzer(pool, ANALYSIS).analyze(_tasks()[1])


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_a_dead_worker_is_replaced_and_the_page_analysed() -> None:
    assert asyncio.run(_after_a_crash()).verdict == POST


async def _two_crawls(task: PageTask, other: Analysis, pool: PagePool) -> list[PageResult]:
    out = []
    for analysis in (ANALYSIS, other, ANALYSIS):  # each worker must follow each change
        out.append(await PoolAnalyzer(pool, analysis).analyze(task))
    return out


def test_a_worker_follows_the_analysis_of_each_crawl(page_pool: PagePool) -> None:
    home = _tasks()[0]
    other = Analysis(Scope.from_seeds(["http://elsewhere.example/"]))
    first, second, third = asyncio.run(_two_crawls(home, other, page_pool))
    assert first == third == analyze_page(home, ANALYSIS)
    assert second == analyze_page(home, other)
    assert first.links != second.links


@pytest.mark.slow  # a fresh interpreter importing everything
def test_only_parse_workers_tune_the_garbage_collector() -> None:
    """Importing and parsing leave the host's collector alone; a worker process tunes its own."""
    code = (
        "import gc\n"
        "before = gc.get_threshold()\n"
        "import archive, scraper\n"
        "scraper.parse_page(b'<html><body><article><p>text</p></article></body></html>')\n"
        "assert gc.get_threshold() == before, gc.get_threshold()\n"
        "from scraper.crawler._pagepool import parse_worker_gc\n"
        "parse_worker_gc()\n"
        "print(gc.get_threshold()[0] > before[0], gc.get_freeze_count() > 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True"]


def _index_error(page: object) -> None:
    raise IndexError("list index out of range")


def test_a_parser_bug_is_the_pages_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """``analyze_page`` reads the page as ``parse_page`` does: a bug becomes a ParseError."""
    import scraper.crawler._analyze as analyze_mod

    monkeypatch.setattr(analyze_mod, "parse_tree", _index_error)
    post = _tasks()[1]
    with pytest.raises(ParseError) as info:
        analyze_page(post, ANALYSIS)
    assert info.value.reason == "parser failed (IndexError: list index out of range)"
    assert info.value.source == post.url
    assert isinstance(info.value.__cause__, IndexError)


def test_a_parser_bug_inside_a_crawl_is_recorded_as_a_parse_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import scraper.crawler._analyze as analyze_mod

    monkeypatch.setattr(analyze_mod, "parse_tree", _index_error)
    site = gen_site(2, seed=5)
    frontier = MemoryFrontier()
    config = CrawlConfig(delay=0.0, sitemaps=False, feeds=False, wp_json=False)
    with SiteServer(site) as server:
        seeds = [server.url + p.path for p in site.posts]
        stats = asyncio.run(crawl(seeds, frontier, MemorySink(), config, workers=0))
    failed = frontier.with_state(URLState.FAILED)
    assert stats.failed == len(seeds) == 2
    assert set(failed) == set(seeds)
    assert set(failed.values()) == {"parser failed (IndexError: list index out of range)"}


@pytest.mark.slow  # a pool of its own; the dead-worker test above also starts and closes one
def test_a_pool_belongs_to_its_owner() -> None:
    """``close`` ends the workers; a closed pool takes no more work; a crawl handed a pool
    leaves it open for the next one."""
    with PagePool(1) as pool:
        pool.start()
        (worker,) = pool._procs
        assert pool.submit(divmod, 7, 2).result() == (3, 1)
    assert worker.proc.returncode == 0  # exited when its stdin closed, and was waited for
    with pytest.raises(RuntimeError, match="closed"):
        pool.submit(divmod, 7, 2)


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_a_crawl_leaves_a_pool_it_was_handed_open(page_pool: PagePool) -> None:
    site = gen_site(2, seed=5)
    config = CrawlConfig(delay=0.0, sitemaps=False, feeds=False, wp_json=False)
    with SiteServer(site) as server:
        seeds = [server.url + p.path for p in site.posts]
        for _ in range(2):
            sink = MemorySink()
            stats = asyncio.run(crawl(seeds, MemoryFrontier(), sink, config, pool=page_pool))
            assert stats.posts == 2
    assert all(worker.alive for worker in page_pool._procs)
