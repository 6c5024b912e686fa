"""The crawl's side of big sitemaps: batches queued as they are read, the sitemaps named in
the head of a robots.txt too big to read whole, a gzipped sitemap larger inflated than the
body cap. Mock transport, in-memory frontier: no sockets."""

from __future__ import annotations

import asyncio
import gzip

import httpx
import pytest

from scraper._config import CrawlConfig
from scraper._protocols import JobKind, URLState
from scraper.crawler._crawler import CrawlEvent, crawl
from scraper.crawler._memory import MemoryFrontier, MemorySink
from scraper.crawler._pages import SITEMAP_BATCH
from scraper.crawler._traps import TrapLimits

HOST = "http://127.0.0.1"


def _urlset(n: int) -> bytes:
    items = "".join(f"<url><loc>{HOST}/2024/05/01/p-{i}/</loc></url>" for i in range(n))
    return f"<urlset>{items}</urlset>".encode()


def _run(routes: dict[str, tuple[str, bytes]]) -> tuple[MemoryFrontier, list[CrawlEvent]]:
    def handler(request: httpx.Request) -> httpx.Response:
        hit = routes.get(request.url.path)
        if hit is None:
            return httpx.Response(404)
        return httpx.Response(200, headers={"content-type": hit[0]}, content=hit[1])

    frontier = MemoryFrontier()
    events: list[CrawlEvent] = []

    async def main() -> None:
        config = CrawlConfig(delay=0.0, max_pages=5, feeds=False)
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            await crawl([HOST + "/"], frontier, MemorySink(), config, client=client,
                        on_event=events.append, workers=0, traps=TrapLimits())  # fmt: skip

    asyncio.run(main())
    return frontier, events


def _posts(frontier: MemoryFrontier) -> int:
    return sum(1 for j in frontier.jobs.values() if j.kind is JobKind.POST)


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_a_sitemap_is_queued_in_batches_and_finished_once() -> None:
    n = 2 * SITEMAP_BATCH + 7
    robots = f"User-agent: *\nSitemap: {HOST}/s.xml\n".encode()
    frontier, events = _run(
        {"/robots.txt": ("text/plain", robots), "/s.xml": ("text/xml", _urlset(n))}
    )
    assert _posts(frontier) == n
    from_sitemap = [e.count for e in events if e.kind == "queued" and e.url.endswith("/s.xml")]
    assert from_sitemap == [SITEMAP_BATCH, SITEMAP_BATCH, 7]
    assert frontier.states[HOST + "/s.xml"] is URLState.FETCHED


def test_the_head_of_a_huge_robots_txt_still_names_the_sitemaps() -> None:
    robots = f"User-agent: *\nSitemap: {HOST}/s.xml\n".encode() + b"# filler\n" * 100_000
    frontier, events = _run(
        {"/robots.txt": ("text/plain", robots), "/s.xml": ("text/xml", _urlset(3))}
    )
    assert any("500 KiB" in (e.reason or "") for e in events if e.kind == "warning")
    assert frontier.states[HOST + "/s.xml"] is URLState.FETCHED
    assert _posts(frontier) == 3


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_a_gzipped_sitemap_bigger_inflated_than_the_body_cap_is_read_to_the_limit() -> None:
    robots = f"User-agent: *\nSitemap: {HOST}/s.xml.gz\n".encode()
    big = gzip.compress(_urlset(3_000) + b" " * (21 << 20), 1)  # inflates past the 20 MB cap
    frontier, _events = _run(
        {"/robots.txt": ("text/plain", robots), "/s.xml.gz": ("application/gzip", big)}
    )
    assert _posts(frontier) == 3_000  # all entries before the cap; the rest was padding
    assert frontier.states[HOST + "/s.xml.gz"] is URLState.FETCHED
