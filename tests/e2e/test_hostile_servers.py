"""Hostile servers: one trap at a time on the 5-post test blog, crawled with no delay; each
crawl must finish, with the right reason recorded, and the trap pages never become posts."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from scraper._config import CrawlConfig, FetchConfig, Timeouts
from scraper._protocols import JobKind
from scraper._urls import canonicalize
from scraper.crawler._crawler import crawl
from scraper.crawler._events import CrawlEvent
from scraper.crawler._memory import MemoryFrontier
from scraper.crawler._traps import TrapGuard, TrapLimits
from scraper.discover._sitemaps import parse_sitemap
from scraper.testing import Fault, FaultKind, SiteServer, gen_site

pytestmark = pytest.mark.slow

FAST = CrawlConfig(delay=0.0, concurrency=8, per_host=4, fetch=FetchConfig(max_attempts=1))


class Sink:
    """An in-memory sink: captures and posts by URL."""

    def __init__(self) -> None:
        self.captures: list[Any] = []
        self.posts: dict[str, Any] = {}

    def write_capture(self, capture: Any) -> Any:
        from scraper._records import WarcRef

        self.captures.append(capture)
        return WarcRef("mem.warc.gz", len(self.captures), 1)

    def write_post(self, page_url: str, post_url: str, post: Any) -> None:
        self.posts[page_url] = post


def _crawl(
    seeds: list[str], config: CrawlConfig = FAST, **kw: Any
) -> tuple[Sink, list[CrawlEvent]]:
    events: list[CrawlEvent] = []
    sink = Sink()
    asyncio.run(
        crawl(seeds, MemoryFrontier(), sink, config, on_event=events.append, workers=0, **kw)
    )
    return sink, events


def _skips(events: list[CrawlEvent]) -> list[str]:
    return [e.reason or "" for e in events if e.kind == "skipped"]


@pytest.mark.parametrize(
    ("fault_path", "entry", "reason"),
    [
        ("/calendar/*", "/calendar/2026/11/", "date archive after"),
        ("/archive/*", "/archive/?page=1", "query variants of /archive/"),
    ],
)
def test_endless_url_spaces_end_with_a_reason(fault_path: str, entry: str, reason: str) -> None:
    kind = FaultKind.CALENDAR if "calendar" in fault_path else FaultKind.ENDLESS_PAGES
    with SiteServer(gen_site(5, seed=1), faults={fault_path: Fault(kind=kind)}) as srv:
        sink, events = _crawl(
            [srv.url + "/", srv.url + entry], traps=TrapLimits(max_query_variants=30)
        )
        trap_requests = sum(1 for r in srv.requests if r.path.startswith(entry.split("?")[0][:9]))
    assert any(reason in r for r in _skips(events)), _skips(events)[-5:]
    assert trap_requests < 200
    trap_posts = [u for u in sink.posts if "/calendar/" in u or "/archive/" in u]
    assert trap_posts == []  # calendar and pagination pages are listings, never posts
    assert len({p for p in sink.posts if "/20" in p}) >= 5


def test_session_ids_are_stripped_so_pages_are_fetched_once() -> None:
    site = gen_site(5, seed=1)
    sids = Fault(kind=FaultKind.SESSION_IDS)
    with SiteServer(site, faults={"/": sids, "/2*": sids}) as srv:  # home and posts
        sink, _events = _crawl([srv.url + "/"], traps=TrapLimits(max_api_pages=20))
        post_paths = [r.path for r in srv.requests if r.path in {p.path for p in site.posts}]
    assert len(post_paths) == len(set(post_paths))  # one fetch each despite fresh ids
    assert all("sid=" not in u for u in sink.posts)
    assert len({u for u in sink.posts if "comment-page" not in u}) == 5


def test_per_host_page_budget_is_reported() -> None:
    with SiteServer(gen_site(30, seed=1)) as srv:
        _sink, events = _crawl([srv.url + "/"], traps=TrapLimits(max_pages_per_host=8))
    assert any(r.startswith("budget reached: 8 pages") for r in _skips(events))


def test_trap_rules() -> None:
    guard = TrapGuard(
        TrapLimits(max_query_variants=2), today=__import__("datetime").date(2026, 1, 1)
    )
    ok = guard.verdict
    assert (
        ok("http://h/a/b/a/b/a/", JobKind.LISTING, 1) == "trap: path segment 'a' repeated 3 times"
    )
    assert ok("http://h/2026/12/some-post/", JobKind.POST, 1) is None
    assert "date archive" in (ok("http://h/calendar/2031/07/", JobKind.LISTING, 1) or "")
    assert "date archive" in (ok("http://h/events/?month=2031-07", JobKind.LISTING, 1) or "")
    assert ok("http://h/x?page=1", JobKind.LISTING, 1) is None
    assert ok("http://h/x?page=2", JobKind.LISTING, 1) is None
    assert "query variants" in (ok("http://h/x?page=3", JobKind.LISTING, 1) or "")
    assert ok("http://h/sitemap.xml", JobKind.SITEMAP, 1) is None
    assert canonicalize("http://h/p/?sid=0123456789abcdef&x=1") == "http://h/p/?x=1"
    assert canonicalize("http://h/p/;jsessionid=AB12?x=1") == "http://h/p/?x=1"


def test_a_trickling_response_hits_the_total_deadline() -> None:
    site = gen_site(5, seed=1)
    slow = site.posts[0].path
    fetch = FetchConfig(max_attempts=1, timeout=Timeouts(read=30.0, total=2.0))
    cfg = CrawlConfig(delay=0.0, concurrency=4, per_host=1, fetch=fetch)
    with SiteServer(
        site, faults={slow: Fault(kind=FaultKind.TRICKLE, seconds=0.5, size=1000)}
    ) as srv:
        sink, events = _crawl([srv.url + "/"], cfg)
    failed = {e.url: e.reason for e in events if e.kind == "failed"}
    assert "deadline" in (failed.get(srv.url + slow) or "")
    assert len([u for u in sink.posts if "comment-page" not in u]) == 4  # the rest is crawled


def test_a_huge_sitemap_is_read_up_to_the_limit() -> None:
    with SiteServer(
        gen_site(3, seed=1),
        faults={"/wp-sitemap.xml": Fault(kind=FaultKind.HUGE_SITEMAP, size=60_000)},
    ) as srv:
        _sink, events = _crawl([srv.url + "/"], traps=TrapLimits(max_pages_per_host=300))
        queued = sum(e.count for e in events if e.kind == "queued")
    warnings = [e.reason or "" for e in events if e.kind == "warning"]
    assert any("more than 50,000 URLs" in w for w in warnings)
    assert queued < 1000


def test_parse_sitemap_streams_and_stops_at_the_limit() -> None:
    body = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + b"".join(b"<url><loc>http://h/p%d/</loc></url>" % i for i in range(500))
        + b"</urlset>"
    )
    doc = parse_sitemap(body, "http://h/sitemap.xml", 1 << 20, limit=100)
    assert len(doc.urls) == 100
    assert doc.truncated
    assert not parse_sitemap(body, "http://h/sitemap.xml", 1 << 20).truncated


def test_a_huge_robots_txt_is_read_up_to_500_kib() -> None:
    fault = Fault(kind=FaultKind.HUGE, size=10 * 1024 * 1024)
    with SiteServer(gen_site(3, seed=1), faults={"/robots.txt": fault}) as srv:
        sink, events = _crawl([srv.url + "/"])
    warnings = [e.reason or "" for e in events if e.kind == "warning"]
    assert any("robots.txt" in w and "500 KiB" in w for w in warnings)
    assert len([u for u in sink.posts if "comment-page" not in u]) == 3


def test_interrupted_crawl_leaves_a_cdxj_index(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    site = gen_site(20, seed=1)
    stall = {p.path: Fault(kind=FaultKind.STALL, seconds=600) for p in site.posts[5:]}
    with SiteServer(site, faults=stall) as srv:
        proc = subprocess.Popen(
            [sys.executable, "-m", "archive", "crawl", srv.url + "/", "--archive",
             str(tmp_path / "a"), "--delay", "0", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        while not any(r.fault is FaultKind.STALL for r in srv.requests):
            if proc.poll() is not None:
                pytest.fail(proc.communicate()[1])
            os.sched_yield()
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=120)
    assert proc.returncode == 130
    index = (tmp_path / "a" / "warc" / "index.cdxj").read_text()
    assert srv.url.split("//")[1].split(":")[0] in index or "127" in index
