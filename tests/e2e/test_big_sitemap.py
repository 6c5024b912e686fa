"""A site whose sitemap index lists 200,000 URLs (issue 13), crawled on loopback.

The frontier is the archive's catalog on disk and the crawler keeps only a hash per URL,
so what is checked here is what a memory bound could break: every listed URL is queued
exactly once, a crawl interrupted half way through the sitemaps resumes and finishes
them, the per-host budget still applies, and the crawl ends. Peak RSS is the benchmark's
business (``benchmarks/frontier.py``), never an assertion here.
"""

from __future__ import annotations

import asyncio
import gzip
import http.server
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive import Archive
from scraper._config import CrawlConfig
from scraper.crawler._crawler import CrawlEvent, crawl
from scraper.crawler._traps import TrapLimits

pytestmark = pytest.mark.slow

MAPS = 4
PER_MAP = 50_000
TOTAL = MAPS * PER_MAP
POLL_LIMIT_S = 300  # a safety bound on waiting, not an assertion about speed
_POST = re.compile(r"/2024/\d\d/\d\d/post-\d+/")


def _post(i: int) -> str:
    return f"/2024/{1 + i % 12:02d}/{1 + i % 28:02d}/post-{i}/"


class _Site(http.server.ThreadingHTTPServer):
    """robots.txt -> a sitemap index -> MAPS sitemaps (the odd ones gzipped) -> tiny posts."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.docs: dict[str, tuple[str, bytes]] = {}
        self.lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client killed mid-response (the kill -9 test) is expected, not news

    def doc(self, path: str) -> tuple[str, bytes] | None:
        base = self.base
        with self.lock:
            if path in self.docs:
                return self.docs[path]
        if path == "/robots.txt":
            return "text/plain", f"User-agent: *\nSitemap: {base}/sitemap_index.xml\n".encode()
        if path == "/sitemap_index.xml":
            maps = "".join(
                f"<sitemap><loc>{base}/sitemap-{k}.xml{'.gz' if k % 2 else ''}</loc></sitemap>"
                for k in range(MAPS)
            )
            xmlns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
            return "application/xml", f"<sitemapindex {xmlns}>{maps}</sitemapindex>".encode()
        if m := re.fullmatch(r"/sitemap-(\d)\.xml(\.gz)?", path):
            k = int(m.group(1))
            body = (
                "<urlset>"
                + "".join(
                    f"<url><loc>{base}{_post(i)}</loc></url>"
                    for i in range(k * PER_MAP, (k + 1) * PER_MAP)
                )
                + "</urlset>"
            ).encode()
            hit = ("application/gzip", gzip.compress(body, 1)) if m.group(2) else (
                "application/xml", body)  # fmt: skip
            with self.lock:
                self.docs[path] = hit
            return hit
        if path == "/" or _POST.fullmatch(path):
            html = f"<html><head><title>{path}</title></head><body><article><h1>{path}</h1>"
            return "text/html", (html + "<p>Text.</p></article></body></html>").encode()
        return None


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Site

    def do_GET(self) -> None:
        hit = self.server.doc(self.path)
        if hit is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", hit[0])
        self.send_header("Content-Length", str(len(hit[1])))
        self.end_headers()
        self.wfile.write(hit[1])

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[_Site]:
    srv = _Site()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path / 'catalog.sqlite'}?mode=ro", uri=True, timeout=10)
    try:
        return list(conn.execute(sql).fetchall())
    finally:
        conn.close()


def _posts(path: Path) -> int:
    return int(_rows(path, "SELECT COUNT(*) FROM urls WHERE url LIKE '%/post-%'")[0][0])  # type: ignore[call-overload]


def _run(site: _Site, path: Path, *, stop_at: int | None) -> bool:
    """Crawl into ``path`` (budget raised past TOTAL); with ``stop_at``, cancel the crawl
    once that many URLs were queued, as Ctrl-C does. True if it was cancelled."""
    config = CrawlConfig(delay=0.0, max_pages=10)
    traps = TrapLimits(max_pages_per_host=10 * TOTAL)

    async def main() -> bool:
        task = asyncio.current_task()
        assert task is not None
        queued = 0

        def on_event(event: CrawlEvent) -> None:
            nonlocal queued
            if event.kind == "queued":
                queued += event.count
                if stop_at is not None and queued >= stop_at:
                    task.cancel()

        with Archive.open(path) as arc:
            crawl_id = arc.begin_crawl("crawl", {})
            try:
                await crawl([site.base + "/"], arc.frontier, arc.sink, config,
                            on_event=on_event, traps=traps, workers=0)  # fmt: skip
            except asyncio.CancelledError:
                return True
            arc.end_crawl(crawl_id, {})
        return False

    return asyncio.run(main())


def test_a_200k_sitemap_index_is_queued_whole_and_resumes_after_an_interrupt(
    site: _Site, tmp_path: Path
) -> None:
    arc = tmp_path / "arc"
    assert _run(site, arc, stop_at=TOTAL // 3)  # cancelled among the sitemaps
    first = _posts(arc)
    assert TOTAL // 3 <= first < TOTAL
    assert not _run(site, arc, stop_at=None)  # the same crawl again: it finishes
    assert _posts(arc) == TOTAL  # every listed URL once (the URL is the key)
    states = dict(_rows(arc, "SELECT url, state FROM urls WHERE kind = 'sitemap'"))
    maps = [u for u in states if "/sitemap-" in str(u)]
    assert len(maps) == MAPS
    assert {states[u] for u in maps} == {"fetched"}
    assert _rows(arc, "SELECT COUNT(*) FROM urls WHERE state = 'claimed'") == [(0,)]
    captured = _rows(arc, "SELECT url, COUNT(*) FROM capture_rows GROUP BY url HAVING COUNT(*) > 1")
    assert captured == []  # nothing fetched twice across the two runs


def _cli(site: _Site, path: Path) -> list[str]:
    return [sys.executable, "-m", "archive", "crawl", site.base + "/", "--archive", str(path),
            "--delay", "0", "--quiet", "--max-pages", "10"]  # fmt: skip


def test_kill_9_among_the_sitemaps_then_rerun_keeps_the_per_host_budget(
    site: _Site, tmp_path: Path
) -> None:
    arc = tmp_path / "cli"
    proc = subprocess.Popen(_cli(site, arc), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + POLL_LIMIT_S
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if (arc / "catalog.sqlite").exists() and _posts(arc) >= 20_000:
                break
        except sqlite3.OperationalError:  # the catalog is being created
            pass
        time.sleep(0.05)
    assert proc.poll() is None, "the crawl finished before the kill"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = subprocess.run(_cli(site, arc), capture_output=True, text=True, timeout=POLL_LIMIT_S)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "budget reached: 100,000 pages" in done.stdout  # 200,000 listed, the rest skipped
    posts = _posts(arc)  # one budget per host over both runs (the home page is one)
    assert 100_000 - 10 <= posts <= 100_000
    assert _rows(arc, "SELECT COUNT(*) FROM urls WHERE state = 'claimed'") == [(0,)]
