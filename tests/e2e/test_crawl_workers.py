"""Crawls with and without parse worker processes store the same posts."""

from __future__ import annotations

import asyncio

import pytest

from scraper._config import CrawlConfig, FetchConfig
from scraper.crawler._crawler import crawl
from scraper.crawler._memory import MemoryFrontier, MemorySink
from scraper.testing import SiteServer, gen_site

pytestmark = pytest.mark.slow


def _crawl(url: str, workers: int) -> dict[str, object]:
    sink = MemorySink()
    config = CrawlConfig(
        delay=0.0, concurrency=4, per_host=4, fetch=FetchConfig(allow_private=True)
    )
    stats = asyncio.run(crawl([url], MemoryFrontier(), sink, config, workers=workers))
    assert stats.failed == 0
    return {u: sink.post(u).to_dict() | {"source": None} for u in sink.post_urls()}


def test_a_crawl_stores_the_same_posts_with_or_without_worker_processes() -> None:
    with SiteServer(gen_site(6, seed=5)) as server:
        assert _crawl(server.url + "/", 0) == _crawl(server.url + "/", 2)


def test_without_worker_processes_the_crawl_parses_in_its_own_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    events: list[object] = []
    with SiteServer(gen_site(2, seed=5)) as server:
        sink = MemorySink()
        config = CrawlConfig(
            delay=0.0, concurrency=2, per_host=2, fetch=FetchConfig(allow_private=True)
        )
        stats = asyncio.run(
            crawl([server.url + "/"], MemoryFrontier(), sink, config, on_event=events.append)
        )
    assert stats.posts == 2
    assert any("parse workers unavailable" in (getattr(e, "reason", "") or "") for e in events)
