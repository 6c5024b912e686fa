"""robots.txt verdicts and the unavailable-robots policy."""

from __future__ import annotations

import asyncio

from scraper.crawler._hosts import RobotsBook
from scraper.fetch._robots import RobotsRules, RobotsStatus

UA = "blog-archiver/0.1 (+https://github.com/blog-archiver; mailto:me@example.org)"
TXT = b"""User-agent: *
Disallow: /private/
Crawl-delay: 3

User-agent: blog-archiver
Disallow: /no-archivers/

Sitemap: https://b.example/wp-sitemap.xml
"""


def test_rules_apply_to_our_product_token() -> None:
    rules = RobotsRules.from_response(200, TXT)
    assert rules.status is RobotsStatus.RULES
    assert not rules.allowed("https://b.example/no-archivers/x", UA)
    assert rules.allowed("https://b.example/2020/post/", UA)
    generic = RobotsRules.from_response(200, TXT)
    assert not generic.allowed("https://b.example/private/x", "OtherBot/1.0")
    assert rules.sitemaps == ["https://b.example/wp-sitemap.xml"]


def test_crawl_delay() -> None:
    rules = RobotsRules.from_response(200, b"User-agent: *\nCrawl-delay: 2.5\n")
    assert rules.crawl_delay(UA) == 2.5


def test_4xx_allows_everything() -> None:
    rules = RobotsRules.from_response(404, b"")
    assert rules.status is RobotsStatus.ALLOW_ALL
    assert rules.allowed("https://b.example/private/", UA)


def test_5xx_disallows_everything() -> None:
    rules = RobotsRules.from_response(503, b"")
    assert rules.status is RobotsStatus.UNAVAILABLE
    assert not rules.allowed("https://b.example/", UA)
    assert "unavailable" in rules.reason


def test_book_retries_unavailable_robots_after_a_wait() -> None:
    answers = [RobotsRules.unavailable("HTTP 503"), RobotsRules.from_response(200, b"")]
    waits: list[float] = []

    async def load(origin: str) -> RobotsRules:
        return answers.pop(0)

    async def sleep(s: float) -> None:
        waits.append(s)

    async def main() -> RobotsRules:
        book = RobotsBook(load, retry_delay=30.0, retries=2, sleep=sleep)
        first = await book.rules("https://b.example")
        assert await book.rules("https://b.example") is first  # cached
        return first

    rules = asyncio.run(main())
    assert rules.status is RobotsStatus.RULES
    assert waits == [30.0]


def test_book_gives_up_after_its_retries() -> None:
    calls = 0

    async def load(origin: str) -> RobotsRules:
        nonlocal calls
        calls += 1
        return RobotsRules.unavailable("connection failed")

    async def sleep(s: float) -> None:
        return None

    book = RobotsBook(load, retry_delay=1.0, retries=2, sleep=sleep)
    rules = asyncio.run(book.rules("https://b.example"))
    assert rules.status is RobotsStatus.UNAVAILABLE
    assert calls == 3


def test_host_gate_spaces_requests_by_the_delay() -> None:
    from scraper.crawler._hosts import HostGate

    now = [100.0]
    waits: list[float] = []

    async def sleep(s: float) -> None:
        waits.append(s)
        now[0] += s

    async def main() -> None:
        gate = HostGate(1, sleep, clock=lambda: now[0])
        for _ in range(3):
            async with gate.slot("b.example", 2.5):
                now[0] += 0.5  # the request itself
        async with gate.slot("other.example", 2.5):
            pass

    asyncio.run(main())
    assert waits == [2.5, 2.5]  # per host: the other host did not wait
