"""Memory of a whole crawl whose site lists a million URLs (issue 13).

    python benchmarks/frontier.py [--cases index,index-cli,gz,robots] [--pages 300] [--runs 1]

A small threaded HTTP server (this script, ``--serve``, in its own process so its memory
and CPU are not counted) answers on 127.0.0.1 with documents generated lazily on first
request and kept:

* ``index``: robots.txt names ``/sitemap_index.xml``, which lists 20 sitemaps of 50,000
  URLs each (every other one gzipped as ``.xml.gz``): 1,000,000 post URLs. Crawled through
  the library with the per-host budget raised past a million (``TrapLimits``), so all of
  them are queued: the worst case for the frontier.
* ``index-cli``: the same site through ``blog-archiver crawl`` as a user runs it (default
  per-host budget 100,000: the rest is skipped as "budget reached").
* ``gz``: robots.txt names one sitemap of 1,000,000 URLs served as ``.xml.gz`` (4.5 MB on
  the wire, ~98 MB inflated).
* ``robots``: a 10 MB robots.txt (its first 500 KiB apply), then the small sitemap.

Each crawl stops after ``--pages`` pages (posts are tiny HTML pages), so it ends once the
sitemaps are read. Reported: peak RSS of the whole process tree (the crawler and its parse
workers, sampled every 50 ms with psutil, shared pages counted per process), CPU s
(user+sys) of the tree, wall seconds, seconds until the last sitemap was read (the last
``queued`` row's time in the catalog, from the crawl's start), and how many URLs the
catalog holds. Needs ``pip install -e '.[bench]'`` (psutil).
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

MAPS = 20
PER_MAP = 50_000
BIG = 1_000_000
ROBOTS_BYTES = 10 * 2**20
_POST = re.compile(r"^/(\d{4})/(\d{2})/(\d{2})/post-(\d+)/$")


# --- the site ---------------------------------------------------------------------------
def _post_path(i: int) -> str:
    return f"/2024/{1 + i % 12:02d}/{1 + i % 28:02d}/post-{i}/"


def _urlset(base: str, first: int, n: int) -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']  # fmt: skip
    lines += [
        f"<url><loc>{base}{_post_path(i)}</loc><lastmod>2024-05-01</lastmod></url>"
        for i in range(first, first + n)
    ]
    lines.append("</urlset>\n")
    return "\n".join(lines).encode()


def _index(base: str) -> bytes:
    items = "".join(
        f"<sitemap><loc>{base}/sitemap-{k}.xml{'.gz' if k % 2 else ''}</loc></sitemap>\n"
        for k in range(MAPS)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{items}'
        "</sitemapindex>\n"
    ).encode()


def _robots(base: str, case: str) -> bytes:
    target = {"gz": "/big.xml.gz", "robots": "/sitemap-0.xml"}.get(case, "/sitemap_index.xml")
    head = f"User-agent: *\nDisallow: /private/\nSitemap: {base}{target}\n".encode()
    if case != "robots":
        return head
    filler = b"".join(b"Disallow: /nowhere/%d/\n" % i for i in range(ROBOTS_BYTES // 20))
    return head + filler[: ROBOTS_BYTES - len(head)]


def _page(base: str, path: str) -> bytes:
    m = _POST.match(path)
    title = f"Post {m.group(4)}" if m else "A blog with a million posts"
    links = "".join(f'<li><a href="{base}{_post_path(i)}">p{i}</a></li>' for i in range(5))
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><time datetime='2024-05-01T10:00:00+02:00'>1 May</time>"
        f"<p>{'Words of a post. ' * 40}</p></article><ul>{links}</ul></body></html>"
    ).encode()


def serve(port: int, case: str) -> None:
    """Serve the site for ``case`` until killed; documents are built on first request."""
    base = f"http://127.0.0.1:{port}"
    cache: dict[str, tuple[str, bytes]] = {}
    lock = threading.Lock()

    def build(path: str) -> tuple[str, bytes] | None:
        if path == "/robots.txt":
            return "text/plain", _robots(base, case)
        if path == "/sitemap_index.xml" and case.startswith("index"):
            return "application/xml", _index(base)
        if path == "/big.xml.gz" and case == "gz":
            return "application/gzip", gzip.compress(_urlset(base, 0, BIG), 6)
        if m := re.fullmatch(r"/sitemap-(\d+)\.xml(\.gz)?", path):
            k = int(m.group(1))
            if k >= MAPS or (case == "gz" or (case == "robots" and path != "/sitemap-0.xml")):
                return None
            body = _urlset(base, k * PER_MAP, PER_MAP)
            return ("application/gzip", gzip.compress(body, 6)) if m.group(2) else (
                "application/xml", body)  # fmt: skip
        if path == "/" or _POST.match(path):
            return "text/html; charset=utf-8", _page(base, path)
        return None

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            with lock:
                hit = cache.get(path)
                if hit is None and (hit := build(path)) is not None and not path.startswith("/2"):
                    cache[path] = hit
            if hit is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            ctype, body = hit
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    srv.serve_forever()


# --- the crawl (a child process whose tree is measured) -----------------------------------
def child(archive: str, seed: str, pages: int) -> int:
    """The library crawl with the per-host budget raised: every listed URL is queued."""
    import asyncio

    from archive import Archive
    from scraper._config import CrawlConfig
    from scraper.crawler._crawler import crawl
    from scraper.crawler._traps import TrapLimits

    config = CrawlConfig(delay=0.0, max_pages=pages)
    traps = TrapLimits(max_pages_per_host=10 * BIG)
    with Archive.open(Path(archive)) as arc:
        crawl_id = arc.begin_crawl("crawl", {})
        arc.batch_writes()
        stats = asyncio.run(crawl([seed], arc.frontier, arc.sink, config, traps=traps))
        arc.end_crawl(crawl_id, {})
    print(stats)
    return 0


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int) -> None:
    import socket

    for _ in range(200):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit(f"server on port {port} did not start")


def _catalog(archive: Path) -> tuple[int, float | None]:
    """URLs in the catalog, and seconds from the first to the last queued row."""
    import sqlite3

    con = sqlite3.connect(archive / "catalog.sqlite")
    try:
        (n,) = con.execute("SELECT COUNT(*) FROM urls").fetchone()
        (first,) = con.execute("SELECT MIN(updated_at) FROM urls").fetchone()
        (last,) = con.execute("SELECT MAX(updated_at) FROM urls WHERE state = 'queued'").fetchone()
    finally:
        con.close()
    from datetime import datetime

    span = None
    if first and last:
        span = (datetime.fromisoformat(last) - datetime.fromisoformat(first)).total_seconds()
    return int(n), span


def run_case(case: str, pages: int, work: Path) -> str:
    from _measure import measure

    port = _free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), case])
    try:
        _wait_port(port)
        seed = f"http://127.0.0.1:{port}/"
        arc = work / f"arc-{case}"
        shutil.rmtree(arc, ignore_errors=True)
        if case == "index":
            cmd = [sys.executable, __file__, "--child", str(arc), seed, str(pages)]
        else:
            cmd = [sys.executable, "-m", "archive", "crawl", seed, "--archive", str(arc),
                   "--delay", "0", "--quiet", "--max-pages", str(pages)]  # fmt: skip
        load = os.getloadavg()[0]
        wall, cpu, _own, rss, code = measure(cmd, cwd=REPO)
        urls, span = _catalog(arc)
    finally:
        server.terminate()
        server.wait()
    label = {
        "index": "sitemap index, 20 x 50,000 URLs (10 gzipped), budget raised",
        "index-cli": "same, `blog-archiver crawl` (per-host budget 100,000)",
        "gz": "one 1,000,000-URL sitemap, .xml.gz",
        "robots": "10 MB robots.txt (+ one 50,000-URL sitemap)",
    }[case]
    queue_s = f"{span:.1f}" if span is not None else "—"
    return (
        f"| {label} | {urls:,} | {rss:.0f} | {wall:.1f} | {cpu:.1f} | {queue_s} | "
        f"{load:.1f} | exit {code} |"
    )


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), sys.argv[3])
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", default="index,index-cli,gz,robots")
    ap.add_argument("--pages", type=int, default=300, help="--max-pages of each crawl")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-frontier-") as tmp:
        for _ in range(args.runs):
            for case in args.cases.split(","):
                rows.append(run_case(case, args.pages, Path(tmp)))
                print(rows[-1], flush=True)
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"\n{when}; {os.cpu_count()} cores; --max-pages {args.pages}\n")
    print("| site | URLs in catalog | peak RSS MB (tree) | wall s | CPU s | s to queue | "
          "load | notes |\n|---|---|---|---|---|---|---|---|")  # fmt: skip
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
