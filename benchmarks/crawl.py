"""Crawl throughput: blog-archiver (WARC + parse) vs Scrapy vs wget, same site, same run.

    python benchmarks/crawl.py [--posts 1500] [--runs 1] [--queued 100000]

The site is ``scraper.testing``'s generated blog (~40 KB pages), rendered once to static
files and served by **nginx** (``apt-get install nginx-light``; 2 workers, gzip and access
log off) on 127.0.0.1 so the server costs the crawlers as little CPU as possible. Each tool
runs as a child process; wall time, CPU (user+sys) and peak RSS are of its whole process
tree (``wait4`` plus 50 ms samples of the descendants: blog-archiver's parse workers).
Rounds are interleaved (ours, Scrapy, wget, ours ...) so each tool sees the same load.

* blog-archiver: ``blog-archiver crawl --delay 0 --concurrency 32 --per-host 32`` — WARC
  written, every page parsed, catalog kept.
* Scrapy: a CrawlSpider (LinkExtractor + default dupefilter) saving each body to a file,
  ``CONCURRENT_REQUESTS=32``, no delay, robots.txt obeyed like the others.
* wget: ``wget --recursive --level=inf --warc-file`` (one connection, C).
* Reference loops (the ceiling the HTTP client sets): a bare ``httpx.AsyncClient`` loop
  fetching the site's URL list (every file the crawls fetch: pages, robots.txt, sitemaps,
  feed) with 32 tasks on one keep-alive pool, bodies read; and the same loop writing each
  request and response to a gzipped WARC with warcio. No discovery, no parsing, no catalog.

The generated pages carry WordPress "Reply" links (``?replytocom=N``) and ``utm_*`` tracking
links: the same page under new URLs. blog-archiver drops them by default (canonical URLs);
Scrapy gets ``LinkExtractor(deny=r"[?]")`` and wget ``--reject-regex "[?]"`` (what a user
would add), so all three fetch the same ~2,040 pages.

Then the memory check: 100,000 URLs queued in an archive's frontier, a 500-page slice
crawled, peak RSS reported. Prints markdown tables.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from _measure import measure  # noqa: E402
from _static_site import build_static_site, free_port, start_nginx  # noqa: E402

from scraper.testing import SiteSpec, gen_site, render  # noqa: E402


@dataclass(frozen=True, slots=True)
class Result:
    tool: str
    pages: int
    body_bytes: int
    wall: float
    cpu: float
    rss_mb: float
    note: str = ""

    def row(self) -> str:
        rate = self.pages / self.wall if self.wall else 0.0
        mbs = self.body_bytes / 1e6 / self.wall if self.wall else 0.0
        cpu_k = self.cpu / self.pages * 1000 if self.pages else 0.0
        return (
            f"| {self.tool} | {self.pages:,} | {self.wall:.2f} | **{rate:.0f}** | {mbs:.1f} | "
            f"{cpu_k:.2f} | {self.rss_mb:.0f} | {self.note} |"
        )


# --- running tools ----------------------------------------------------------------------
def run_ours(base: str, work: Path) -> Result:
    arc = work / "ours"
    shutil.rmtree(arc, ignore_errors=True)
    cmd = [sys.executable, "-m", "archive", "crawl", base + "/", "--archive", str(arc),
           "--delay", "0", "--concurrency", "32", "--per-host", "32", "--quiet",
           "--allow-private"]  # fmt: skip
    wall, cpu, own, rss, code = measure(cmd, cwd=REPO)
    from archive import Archive

    with Archive.open(arc, readonly=True) as a:
        rows = [r for r in a.captures() if r.record_type == "response"]
        n_posts = sum(1 for _ in a.posts())
    pages = sum(1 for r in rows if r.status == 200)
    conn = sqlite3.connect(arc / "catalog.sqlite")
    (stats_json,) = conn.execute("SELECT stats_json FROM crawls ORDER BY id DESC").fetchone()
    conn.close()
    body = int(json.loads(stats_json or "{}").get("bytes", 0))
    warc = sum(p.stat().st_size for p in (arc / "warc").glob("*.warc.gz"))
    split = f"CPU s/1k: crawler {own / pages * 1000:.2f}, workers {(cpu - own) / pages * 1000:.2f}"
    note = f"exit {code}; {n_posts:,} posts parsed; WARC {warc / 1e6:.1f} MB; {split}"
    return Result("blog-archiver (WARC + parse + catalog)", pages, body, wall, cpu, rss, note)


def _sum_sizes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


SPIDER = """
import pathlib, hashlib
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule

class Blog(CrawlSpider):
    name = "blog"
    def __init__(self, base="", out="", **kw):
        self.start_urls = [base + "/"]
        self.allowed_domains = ["127.0.0.1"]
        self.out = pathlib.Path(out)
        super().__init__(**kw)
    rules = (Rule(LinkExtractor(deny=r"[?]"), callback="save", follow=True),)
    def parse_start_url(self, response):
        return self.save(response)
    def save(self, response):
        name = hashlib.sha1(response.url.encode()).hexdigest()
        (self.out / name).write_bytes(response.body)
"""


def run_scrapy(base: str, work: Path) -> Result:
    out = work / "scrapy-out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    spider = work / "blog_spider.py"
    spider.write_text(SPIDER)
    cmd = [sys.executable, "-m", "scrapy", "runspider", str(spider), "-a", f"base={base}",
           "-a", f"out={out}", "-s", "CONCURRENT_REQUESTS=32",
           "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32", "-s", "DOWNLOAD_DELAY=0",
           "-s", "ROBOTSTXT_OBEY=True", "-s", "LOG_LEVEL=ERROR",
           "-s", "TELNETCONSOLE_ENABLED=False"]  # fmt: skip
    wall, cpu, _own, rss, code = measure(cmd, cwd=work)
    files = list(out.iterdir())
    body = sum(p.stat().st_size for p in files)
    return Result("Scrapy CrawlSpider, 32 concurrent, bodies to files", len(files), body, wall,
                  cpu, rss, f"exit {code}")  # fmt: skip


def run_wget(base: str, work: Path) -> Result:
    out = work / "wget-out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    cmd = ["/usr/bin/wget", "--recursive", "--level=inf", "--no-verbose", "--quiet",
           "--reject-regex", "[?]", "--warc-file=" + str(out / "wget"),
           "--no-host-directories", "-P", str(out / "files"),
           base + "/"]  # fmt: skip
    wall, cpu, _own, rss, code = measure(cmd)
    files = [p for p in (out / "files").rglob("*") if p.is_file()]
    body = sum(p.stat().st_size for p in files)
    warc = (out / "wget.warc.gz").stat().st_size
    return Result("wget --recursive --warc-file (1 connection)", len(files), body, wall, cpu,
                  rss, f"exit {code}; WARC {warc / 1e6:.1f} MB")  # fmt: skip


LOOP = """
import asyncio, io, sys, httpx

async def main(url_file, warc_path):
    urls = open(url_file).read().split()
    writer = out = None
    if warc_path:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter
        out = open(warc_path, "wb")
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
    limits = httpx.Limits(max_connections=32, max_keepalive_connections=32)
    async with httpx.AsyncClient(limits=limits) as client:
        todo = iter(urls)

        async def worker():
            for url in todo:
                r = await client.get(url)
                body = r.content
                if writer is None:
                    continue
                sh = StatusAndHeaders(f"{r.status_code} {r.reason_phrase}",
                                      r.headers.multi_items(), protocol="HTTP/1.1")
                resp = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                 http_headers=sh)
                path = r.request.url.raw_path.decode()
                rh = StatusAndHeaders(f"GET {path} HTTP/1.1", r.request.headers.multi_items(),
                                      is_http_request=True)
                req = writer.create_warc_record(url, "request", http_headers=rh)
                writer.write_request_response_pair(req, resp)

        await asyncio.gather(*(worker() for _ in range(32)))
    if out is not None:
        out.close()

asyncio.run(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""))
"""


def run_loop(urls: list[str], work: Path, warc: bool) -> Result:
    """A bare httpx loop over ``urls`` (32 tasks, one keep-alive pool), optionally writing WARC."""
    script, url_file = work / "httpx_loop.py", work / "urls.txt"
    script.write_text(LOOP)
    url_file.write_text("\n".join(urls))
    warc_file = work / "loop.warc.gz"
    warc_file.unlink(missing_ok=True)
    cmd = [sys.executable, str(script), str(url_file)] + ([str(warc_file)] if warc else [])
    wall, cpu, _own, rss, code = measure(cmd)
    body = sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file())
    if warc:
        note = f"exit {code}; WARC {warc_file.stat().st_size / 1e6:.1f} MB"
        name = "httpx loop + warcio WARC (reference: no discovery, no parse)"
    else:
        note, name = f"exit {code}", "bare httpx AsyncClient loop (reference: fetch only)"
    return Result(name, len(urls), body, wall, cpu, rss, note)


# --- memory with a big frontier ---------------------------------------------------------
def run_big_frontier(base: str, work: Path, queued: int) -> Result:
    """Queue ``queued`` URLs in an archive, then crawl a 500-page slice of them."""
    from archive import Archive
    from scraper._protocols import Job, JobKind

    arc = work / "big"
    shutil.rmtree(arc, ignore_errors=True)
    with Archive.open(arc) as a:
        batch = [Job(f"{base}/2031/01/01/missing-{i}/", JobKind.POST) for i in range(queued)]
        a.frontier.add(batch)
    cmd = [sys.executable, "-m", "archive", "crawl", base + "/", "--archive", str(arc),
           "--delay", "0", "--concurrency", "32", "--per-host", "32", "--quiet",
           "--max-pages", "500", "--allow-private"]  # fmt: skip
    wall, cpu, _own, rss, code = measure(cmd, cwd=REPO)
    with Archive.open(arc, readonly=True) as a:
        left = a.stats()["urls"].get("queued", 0)
        got = sum(1 for _ in a.captures())
    return Result(f"blog-archiver, {queued:,} URLs queued, 500-page slice", got, 0, wall, cpu,
                  rss, f"exit {code}; {left:,} still queued")  # fmt: skip


def run_write_path(base: str, work: Path, posts: int) -> Result:
    """The archive alone: WARC + catalog + frontier work of a crawl, without HTTP or parsing.

    Per page: add 45 discovered links, claim, store the capture, store a parse, finish.
    Shows what the archive costs per page, apart from the crawler and the parser.
    """
    from archive import Archive
    from scraper._protocols import Job, JobKind, URLState
    from scraper._records import Capture, Post, Source

    spec = SiteSpec(n_posts=posts, filler_bytes=30_000, wp_json=False)
    site = gen_site(posts, spec=spec)
    bodies = [(base + p.path, render(site, p.path, base).body) for p in site.posts]
    arc_path = work / "write-path"
    shutil.rmtree(arc_path, ignore_errors=True)
    t0, c0 = time.perf_counter(), time.process_time()
    with Archive.open(arc_path) as arc:
        crawl_id = arc.begin_crawl("crawl", {})
        f = arc.frontier
        for url, body in bodies:
            f.add([Job(f"{url}link-{j}/", JobKind.LISTING) for j in range(45)])
            f.claim(1)
            cap = Capture(url=url, status=200, fetched_at="2024-01-01T00:00:00+00:00",
                          response_headers=(("Content-Type", "text/html"),), body=body,
                          content=body)  # fmt: skip
            ref = arc.sink.write_capture(cap)
            post = Post(url=url, title="t", source=Source(fetched_url=url, warc=ref))
            arc.sink.write_post(url, url, post)
            f.finish(url, URLState.PARSED)
        arc.end_crawl(crawl_id, {})
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    body = sum(len(b) for _, b in bodies)
    return Result("archive write path alone (in-process, no HTTP, no parse)", len(bodies), body,
                  wall, cpu, 0, "WARC gzip + digests + SQLite + 45 links/page")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--posts", type=int, default=1200, help="posts (1200 -> ~2,040 pages)")
    ap.add_argument("--runs", type=int, default=1, help="repeat each tool; the median is shown")
    ap.add_argument("--queued", type=int, default=100_000)
    ap.add_argument(
        "--skip",
        default="",
        help="comma list: ours,scrapy,wget,httpx,httpx-warc,frontier,write",
    )
    args = ap.parse_args()
    if not shutil.which("nginx"):
        raise SystemExit("nginx not found: apt-get install nginx-light")
    skip = set(args.skip.split(","))
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        work = Path(tmp)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        pages, total, urls = build_static_site(work / "site", base, args.posts)
        print(f"site: {pages:,} HTML pages, {total / 1e6:.1f} MB, served by nginx at {base}/\n")
        nginx = start_nginx(work / "site", port, work)
        results: list[Result] = []
        loads = [os.getloadavg()[0]]
        try:
            runners: list[tuple[str, Callable[[str, Path], Result]]] = [
                ("ours", run_ours),
                ("scrapy", run_scrapy),
                ("wget", run_wget),
                ("httpx", lambda _base, w: run_loop(urls, w, warc=False)),
                ("httpx-warc", lambda _base, w: run_loop(urls, w, warc=True)),
            ]
            runners = [(n, fn) for n, fn in runners if n not in skip]
            got: dict[str, list[Result]] = {n: [] for n, _ in runners}
            for i in range(args.runs):  # interleaved: each round sees the same machine load
                for name, fn in runners:
                    got[name].append(fn(base, work))
                    loads.append(os.getloadavg()[0])
                    print(f"run {i + 1}:", got[name][-1].row(), flush=True)
            for name, _ in runners:
                runs = sorted(got[name], key=lambda r: r.wall)
                results.append(runs[len(runs) // 2])
            if "frontier" not in skip:
                results.append(run_big_frontier(base, work, args.queued))
            if "write" not in skip:
                results.append(run_write_path(base, work, args.posts))
        finally:
            nginx.terminate()
            nginx.wait()
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"\n{when}; {os.cpu_count()} cores; medians of {args.runs} interleaved runs; "
          f"1-min load average {min(loads):.1f}-{max(loads):.1f} during the runs")  # fmt: skip
    print("\n| tool | pages | wall s | pages/s | MB/s | CPU s / 1k pages | peak RSS MB | notes |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(r.row())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
