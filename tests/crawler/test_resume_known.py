"""A resumed crawl starts from what its earlier runs queued (``KnownFrontier``): those URLs
are not sent to the frontier again, and the per-host budget and query variants are the
crawl's, not one run's. Mock transport and the archive's own SQLite frontier: no sockets."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from archive import Archive
from scraper._config import CrawlConfig
from scraper._protocols import Job, JobKind, KnownFrontier, URLState
from scraper.crawler._crawler import CrawlEvent, crawl
from scraper.crawler._memory import MemoryFrontier, MemorySink
from scraper.crawler._traps import TrapGuard, TrapLimits

HOST = "http://127.0.0.1"
POSTS = 12


def _page(links: str) -> bytes:
    return f"<html><body><h1>Blog</h1>{links}</body></html>".encode()


def _site(request: httpx.Request) -> httpx.Response:
    """A home page listing POSTS posts; each post links to the next one."""
    path = request.url.path
    if path == "/":
        links = "".join(f'<a href="/2024/05/01/p-{i}/">p{i}</a>' for i in range(POSTS))
        return httpx.Response(200, headers={"content-type": "text/html"}, content=_page(links))
    if path.startswith("/2024/05/01/p-"):
        n = int(path.rstrip("/").rsplit("-", 1)[1])
        body = f"<article><h1>Post {n}</h1><p>{'Text. ' * 40}</p></article>"
        body += f'<a href="/2024/05/01/p-{n + 100}/">next</a>'
        return httpx.Response(200, headers={"content-type": "text/html"}, content=_page(body))
    return httpx.Response(404)


class _Recording(MemoryFrontier):
    """An in-memory frontier that outlives runs (as the catalog does) and records each
    URL a run sends to ``add``."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def add(self, jobs: Iterable[Job]) -> int:
        batch = list(jobs)
        self.sent += [j.url for j in batch]
        return super().add(batch)

    def known(self) -> Iterator[tuple[str, JobKind]]:
        return iter([(u, j.kind) for u, j in self.jobs.items()])


def _run(frontier: object, limits: TrapLimits, max_pages: int | None) -> list[CrawlEvent]:
    events: list[CrawlEvent] = []

    async def main() -> None:
        config = CrawlConfig(delay=0.0, max_pages=max_pages, sitemaps=False, feeds=False)
        async with httpx.AsyncClient(transport=httpx.MockTransport(_site)) as client:
            await crawl([HOST + "/"], frontier, MemorySink(), config, client=client,  # type: ignore[arg-type]
                        on_event=events.append, workers=0, traps=limits)  # fmt: skip

    asyncio.run(main())
    return events


def _pages(urls: Iterable[str]) -> set[str]:
    return {u for u in urls if "/2024/" in u or u.endswith("/")}


def test_a_resumed_crawl_keeps_one_budget_and_resends_nothing() -> None:
    frontier = _Recording()
    assert isinstance(frontier, KnownFrontier)
    limits = TrapLimits(max_pages_per_host=16)
    _run(frontier, limits, max_pages=3)  # stops with the rest queued
    assert frontier.pending() > 0
    before = set(frontier.jobs)
    frontier.sent.clear()
    second = _run(frontier, limits, max_pages=None)
    assert not before & set(frontier.sent)  # what the first run queued is not sent again
    assert len(_pages(frontier.jobs)) <= 16  # one budget over both runs
    assert any((e.reason or "").startswith("budget reached: 16") for e in second)
    assert frontier.pending() == 0


def test_without_known_urls_a_new_run_counts_from_zero() -> None:
    """A frontier that does not outlive the run (``MemoryFrontier``) starts empty."""
    frontier = MemoryFrontier()
    assert not isinstance(frontier, KnownFrontier)
    _run(frontier, TrapLimits(max_pages_per_host=16), max_pages=None)
    assert len(_pages(frontier.jobs)) == 16


def test_remember_counts_as_verdict_did() -> None:
    guard = TrapGuard(TrapLimits(max_pages_per_host=3, max_query_variants=2))
    guard.remember("http://h/2024/05/01/a/", JobKind.POST)
    guard.remember("http://h/list?page=1", JobKind.LISTING)
    guard.remember("http://h/sitemap.xml", JobKind.SITEMAP)  # not a page: not counted
    guard.remember("http://h/wp-json/wp/v2/posts?page=1", JobKind.API)  # churn only
    assert guard.verdict("http://h/list?page=2", JobKind.LISTING, 1) is None  # third page
    assert (guard.verdict("http://h/2024/05/01/b/", JobKind.POST, 1) or "").startswith(
        "budget reached: 3 pages from h"
    )
    other = TrapGuard(TrapLimits(max_query_variants=2))
    other.remember("http://h/list?page=1", JobKind.LISTING)
    other.remember("http://h/list?page=2", JobKind.LISTING)
    assert "query variants" in (other.verdict("http://h/list?page=3", JobKind.LISTING, 1) or "")
    other.remember("http://h/wp-json/wp/v2/posts?page=1", JobKind.API)
    assert other.verdict("http://h/other/", JobKind.POST, 1) is None


def test_the_catalog_frontier_lists_every_url_in_batches(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "arc") as arc:
        frontier = arc.frontier
        assert isinstance(frontier, KnownFrontier)
        jobs = [Job(f"{HOST}/2024/05/01/p-{i}/", JobKind.POST) for i in range(12_001)]
        jobs.append(Job(HOST + "/", JobKind.LISTING))
        assert frontier.add(jobs) == len(jobs)
        frontier.finish(HOST + "/", URLState.FETCHED)
        known = dict(frontier.known())  # more than two batches of 5,000
    assert len(known) == len(jobs)
    assert known[HOST + "/"] is JobKind.LISTING
    assert known[f"{HOST}/2024/05/01/p-12000/"] is JobKind.POST
