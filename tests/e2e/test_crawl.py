"""End-to-end: crawl the generated blog on 127.0.0.1 with faults injected.

Politeness is off (delay 0) and ``sleep`` is injected, so retry waits are asserted as the
values asked for, never as wall time.
"""

from __future__ import annotations

import asyncio
import collections
import gzip
from dataclasses import replace
from datetime import date

import httpx
import pytest

from scraper._config import CrawlConfig, FetchConfig, Timeouts
from scraper._protocols import URLState
from scraper._records import Capture, WarcRef
from scraper.crawler._crawler import CrawlEvent, CrawlStats, crawl
from scraper.crawler._memory import MemoryFrontier, MemorySink
from scraper.testing import Fault, FaultKind, Site, SiteServer, SiteSpec, gen_site

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

SPEC = SiteSpec(
    n_posts=30, seed=11, threads_per_comment_page=3, max_comments=14, sitemap_max_urls=12
)
BASE_FETCH = FetchConfig(
    max_attempts=3,
    backoff_base=0.01,
    backoff_max=0.05,
    timeout=Timeouts(connect=5.0, read=2.0, write=5.0, pool=10.0),
    max_bytes=2 << 20,
)
BASE_CONFIG = CrawlConfig(
    delay=0.0,
    concurrency=6,
    per_host=3,
    robots_retry_delay=7.0,
    robots_retries=1,
    fetch=BASE_FETCH,
)


class Run:
    def __init__(self, server: SiteServer, config: CrawlConfig = BASE_CONFIG) -> None:
        self.server = server
        self.config = config
        self.frontier = MemoryFrontier()
        self.sink = MemorySink()
        self.waits: list[float] = []
        self.events: list[CrawlEvent] = []

    async def _sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(0)

    def go(self, seeds: list[str] | None = None) -> CrawlStats:
        seeds = seeds or [self.server.url + "/"]
        return asyncio.run(
            crawl(
                seeds,
                self.frontier,
                self.sink,
                self.config,
                on_event=self.events.append,
                sleep=self._sleep,
            )
        )

    def reason(self, path: str) -> str | None:
        return self.frontier.reasons.get(self.server.url + path)

    def state(self, path: str) -> URLState | None:
        return self.frontier.states.get(self.server.url + path)


def _site() -> Site:
    return gen_site(SPEC.n_posts, spec=SPEC)


def _assert_complete(
    run: Run, site: Site, skip: frozenset[str] = frozenset(), garbled: frozenset[str] = frozenset()
) -> None:
    """Every post not in ``skip`` captured once with all its comments (texts unless garbled)."""
    base = run.server.url
    ok = collections.Counter(c.url for c in run.sink.captures if c.status == 200)
    written = set(run.sink.post_urls())
    for post in site.posts:
        if post.path in skip:
            continue
        url = base + post.path
        assert ok[url] == 1, url  # captured exactly once
        assert url in written, url
        merged = run.sink.post(url)
        assert len(merged.comments) == len(post.comments), url
        if post.path not in garbled:
            assert {c.text for c in merged.comments} == {c.text for c in post.comments}


def test_clean_crawl_gets_every_post_and_comment_once() -> None:
    site = _site()
    with SiteServer(site) as server:
        run = Run(server)
        stats = run.go()
        _assert_complete(run, site)
        assert stats.posts == len(site.posts)
        assert stats.failed == 0
        targets = collections.Counter(r.target for r in server.requests)
        assert max(targets.values()) == 1  # nothing fetched twice
        assert not any(t.startswith("/private/") for t in targets)  # robots.txt obeyed
        assert run.reason("/private/page-1/") == "robots.txt disallows"
        assert any("/wp-json/wp/v2/posts" in t for t in targets)
        assert not any("replytocom" in t or "utm_" in t for t in targets)
        assert stats.requests == len(run.sink.captures) == len(server.requests)
        assert not [e for e in run.events if e.kind == "warning"]
        assert all("blog-archiver/" in (r.header("user-agent") or "") for r in server.requests)


def test_faults_are_retried_or_recorded_with_their_reason() -> None:
    site = _site()
    p = [post.path for post in site.posts]
    faults = {
        "/feed/": Fault(kind=FaultKind.RETRY_AFTER_SECONDS, status=503, seconds=3, times=1),
        p[1]: Fault(kind=FaultKind.RETRY_AFTER_DATE, status=429, seconds=30, times=1),
        p[2]: Fault(kind=FaultKind.RESET, times=1),
        p[3]: Fault(kind=FaultKind.SHORT_BODY, times=1),
        p[4]: Fault(kind=FaultKind.STATUS, status=404),
        p[5]: Fault(kind=FaultKind.GZIP_BOMB, size=16 << 20),
        p[6]: Fault(kind=FaultKind.HUGE, size=3 << 20),
        p[7]: Fault(kind=FaultKind.REDIRECT_LOOP),
        p[8]: Fault(kind=FaultKind.STALL, seconds=30),
        p[9]: Fault(kind=FaultKind.WRONG_CHARSET),
        p[10]: Fault(kind=FaultKind.HUGE, size=3 << 20, declare_length=False),
        "/wp-sitemap-posts-post-2.xml": Fault(kind=FaultKind.XML_BOMB),
        p[11]: Fault(kind=FaultKind.STATUS, status=500),
    }
    with SiteServer(site, faults=faults) as server:
        run = Run(
            server,
            replace(
                BASE_CONFIG,
                fetch=replace(BASE_FETCH, timeout=Timeouts(connect=5, read=1.0, write=5, pool=10)),
            ),
        )
        stats = run.go()
    broken = frozenset({p[4], p[5], p[6], p[7], p[8], p[10], p[11]})
    _assert_complete(run, site, skip=broken, garbled=frozenset({p[9]}))
    assert run.reason(p[4]) == "HTTP 404"
    assert run.reason(p[5]) == "gzip bomb: decompressed size over cap"
    assert run.reason(p[6]) == "body larger than 2 MB"
    assert run.reason(p[10]) == "body larger than 2 MB"
    assert run.reason(p[7]) == "redirect loop"
    assert run.reason(p[8]) == "timeout after 3 attempts"
    assert run.reason(p[11]) == "HTTP 500 after 3 attempts"
    assert run.reason("/wp-sitemap-posts-post-2.xml") == "XML entity declarations refused"
    assert all(run.state(x) is URLState.FAILED for x in broken)
    assert stats.failed == len(broken) + 1
    assert 3.0 in run.waits  # Retry-After: 3 (seconds form)
    assert any(28.0 <= w <= 30.0 for w in run.waits)  # Retry-After: HTTP date, now + 30 s
    assert run.state(p[9]) is URLState.PARSED  # wrong charset still parses
    failed_events = {e.url for e in run.events if e.kind == "failed"}
    assert server.url + p[4] in failed_events


def test_resume_after_page_limit_fetches_nothing_twice() -> None:
    site = _site()
    with SiteServer(site) as server:
        run = Run(server, replace(BASE_CONFIG, max_pages=15))
        first = run.go()
        assert first.limit_reached
        assert run.frontier.pending() > 0
        run.frontier.requeue_claimed()  # what re-opening a killed crawl does
        run.config = BASE_CONFIG
        second = run.go()
        assert run.frontier.pending() == 0
        assert first.posts + second.posts == len(site.posts)
        _assert_complete(run, site)
        targets = collections.Counter(r.target for r in server.requests)
        twice = {t for t, n in targets.items() if n > 1}
        assert twice == {"/robots.txt"}  # each run reads robots.txt once; nothing else repeats


def test_since_skips_older_posts() -> None:
    site = _site()
    cut = site.posts[9].published.date()
    with SiteServer(site) as server:
        run = Run(server, replace(BASE_CONFIG, since=cut))
        run.go()
        written = set(run.sink.post_urls())
        expected = {server.url + p.path for p in site.posts if p.published.date() >= cut}
        assert written == expected


def test_missing_comments_are_reported_against_the_rest_api() -> None:
    site = _site()
    post = next(p for p in site.posts if site.comment_page_count(p) >= 3)
    with SiteServer(
        site, faults={post.path + "comment-page-1/": Fault(kind=FaultKind.STATUS, status=404)}
    ) as server:
        run = Run(server)
        stats = run.go()
    warnings = [e for e in run.events if e.kind == "warning"]
    assert stats.warnings == 1
    assert warnings[0].url == server.url + post.path
    assert warnings[0].reason is not None
    assert warnings[0].reason.startswith("comments missing: HTML ")
    assert warnings[0].reason.endswith(f", API {len(post.comments)}")


def test_gzip_everywhere() -> None:
    site = gen_site(SPEC.n_posts, spec=replace(SPEC, gzip_sitemaps=True))
    with SiteServer(site, compress=True) as server:
        run = Run(server, replace(BASE_CONFIG, wp_json=False, feeds=False))
        run.go()
        _assert_complete(run, site)
    html = next(c for c in run.sink.captures if c.url.endswith(site.posts[0].path))
    assert html.header("content-encoding") == "gzip"
    assert gzip.decompress(html.body) == html.content
    assert any(c.url.endswith(".xml.gz") for c in run.sink.captures)


def test_unavailable_robots_is_retried_then_disallows() -> None:
    site = gen_site(5, spec=replace(SPEC, n_posts=5))
    with SiteServer(
        site, faults={"/robots.txt": Fault(kind=FaultKind.STATUS, status=503)}
    ) as server:
        run = Run(server)
        stats = run.go()
        assert {r.path for r in server.requests} == {"/robots.txt"}
    assert 7.0 in run.waits  # robots_retry_delay
    assert stats.posts == 0
    assert (run.reason("/") or "").startswith("robots.txt unavailable")


def test_robots_404_allows_all_and_ignore_robots_is_logged() -> None:
    site = gen_site(5, spec=replace(SPEC, n_posts=5))
    with SiteServer(
        site, faults={"/robots.txt": Fault(kind=FaultKind.STATUS, status=404)}
    ) as server:
        Run(server).go()
        assert server.count("/private/page-1/") == 1
    with SiteServer(site) as server:
        run = Run(server, replace(BASE_CONFIG, obey_robots=False))
        run.go()
        assert server.count("/private/page-1/") == 1
    assert any(e.kind == "warning" and "ignored" in (e.reason or "") for e in run.events)


def test_single_post_seed_gets_its_comment_pages_only() -> None:
    site = _site()
    post = max(site.posts, key=site.comment_page_count)
    with SiteServer(site) as server:
        run = Run(server)
        stats = run.go([server.url + post.path])
        assert run.sink.post_urls() == [server.url + post.path]
        assert len(run.sink.post(server.url + post.path).comments) == len(post.comments)
        assert stats.posts == 1
        assert not any(r.path.startswith("/page/") for r in server.requests)


def test_caller_supplied_client_is_left_open() -> None:
    site = gen_site(3, spec=replace(SPEC, n_posts=3))

    async def main(url: str) -> bool:
        async with httpx.AsyncClient() as client:
            await crawl([url + "/"], MemoryFrontier(), MemorySink(), BASE_CONFIG, client=client)
            return client.is_closed

    with SiteServer(site) as server:
        assert asyncio.run(main(server.url)) is False


def test_config_defaults_are_polite() -> None:
    config = CrawlConfig()
    assert (config.delay, config.per_host, config.concurrency) == (1.0, 1, 8)
    assert config.obey_robots
    assert config.fetch.max_bytes == 20 << 20
    assert config.since is None or isinstance(config.since, date)


class _DiskFull(MemorySink):
    def __init__(self, after: int) -> None:
        super().__init__()
        self.after = after

    def write_capture(self, capture: Capture) -> WarcRef:
        if len(self.captures) >= self.after:
            raise OSError(28, "No space left on device")
        return super().write_capture(capture)


def test_storage_failure_stops_the_crawl_and_blames_no_page() -> None:
    site = _site()
    with SiteServer(site) as server:
        frontier, sink = MemoryFrontier(), _DiskFull(after=5)
        stats = asyncio.run(crawl([server.url + "/"], frontier, sink, BASE_CONFIG))
    assert stats.error is not None
    assert "No space left on device" in stats.error
    assert not frontier.with_state(URLState.FAILED)  # not blamed on pages
    assert frontier.requeue_claimed() > 0  # unfinished work is resumable


ARTICLE = (
    b"<html><head><title>Only</title></head><body><article><h1>Only</h1>"
    + b"<p>A paragraph long enough to be the body of a post, as posts go.</p>" * 5
    + b"</article></body></html>"
)


def test_mock_transport_responses_built_from_bytes_are_accepted() -> None:
    pages = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow:\n"),
        "/2020/01/02/only/": (200, "text/html", ARTICLE),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        status, ctype, body = pages.get(request.url.path, (404, "text/html", b"nf"))
        return httpx.Response(status, headers={"content-type": ctype}, content=body)

    async def main() -> tuple[CrawlStats, MemorySink]:
        sink = MemorySink()
        config = replace(BASE_CONFIG, sitemaps=False, feeds=False)
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            seeds = ["http://127.0.0.1/2020/01/02/only/"]
            stats = await crawl(seeds, MemoryFrontier(), sink, config, client=client)
        return stats, sink

    stats, sink = asyncio.run(main())
    assert stats.posts == 1
    assert sink.post("http://127.0.0.1/2020/01/02/only/").title == "Only"


def test_redirect_into_a_disallowed_path_is_not_followed() -> None:
    site = _site()
    moved = site.posts[2].path
    faults = {moved: Fault(kind=FaultKind.REDIRECT, location="/private/page-1/")}
    with SiteServer(site, faults=faults) as server:
        run = Run(server)
        run.go()
        assert server.count("/private/page-1/") == 0
    assert run.state(moved) is URLState.SKIPPED
    assert (run.reason(moved) or "").endswith("robots.txt disallows")


def test_304_is_an_answer_not_a_failure() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(304, headers={"etag": '"v1"'})

    async def main() -> tuple[CrawlStats, MemoryFrontier]:
        frontier = MemoryFrontier()
        config = replace(BASE_CONFIG, sitemaps=False, feeds=False)
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            seeds = ["http://127.0.0.1/2020/01/02/only/"]
            stats = await crawl(seeds, frontier, MemorySink(), config, client=client)
        return stats, frontier

    stats, frontier = asyncio.run(main())
    assert stats.failed == 0
    assert frontier.reasons["http://127.0.0.1/2020/01/02/only/"] == "not modified"
