"""Reparse benchmark: pages per second re-parsed from stored WARC records, 1 core vs all.

    python benchmarks/reparse.py [--posts 1000] [--pad 0]

The archive is built without the network: every post page and comment page of a generated
blog is rendered, stored through the real ``Archive`` sink (WARC + catalog) and given a
placeholder record, so the first reparse does the full work on every page (read the record
from the WARC, decode, parse, compare, write the catalog). Each run is ``--force``d over
the same pages. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def build(root: Path, posts: int, pad: int) -> int:
    from archive import Archive
    from archive._loopback import _padding
    from scraper._records import Capture, Post
    from scraper.testing import gen_site, render

    site = gen_site(posts)
    base = "http://blog.test"
    n = 0
    with Archive.open(root) as arc:
        crawl_id = arc.begin_crawl("crawl", {"seeds": [base + "/"]})
        for post in site.posts:
            count = site.comment_page_count(post)
            paths = [post.path] + [f"{post.path}comment-page-{k}/" for k in range(1, count + 1)]
            for path in paths:
                resp = render(site, path, base)
                body = resp.body
                if pad:
                    head, _, tail = body.rpartition(b"</body>")
                    body = head + _padding(path, pad) + b"</body>" + tail
                cap = Capture(
                    url=base + path,
                    status=200,
                    fetched_at=datetime.now(UTC).isoformat(),
                    response_headers=resp.headers,
                    body=body,
                    content=body,
                )
                arc.sink.write_capture(cap)
                arc.sink.write_post(base + path, base + post.path, Post(url=base + path))
                n += 1
        arc.end_crawl(crawl_id, {})
    return n


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallelism(jobs: int, n: int = 4_000_000) -> float:
    """Speed-up of ``jobs`` processes on pure CPU work: what the machine can give right now
    (a shared or loaded machine gives less than its core count)."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    for _ in range(jobs * 2):
        _burn(n)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_burn, [n] * (jobs * 2)))
    return serial / (time.perf_counter() - start)


def main() -> None:
    from archive._reparse import reparse_archive

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--pad", type=int, default=0, help="word-like bytes added per page")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-reparse-") as tmp:
        root = Path(tmp) / "arc"
        pages = build(root, args.posts, args.pad)
        print(f"{pages:,} stored pages ({args.posts:,} posts, pad {args.pad:,} B), "
              f"{cores} CPU cores; pure-CPU control: {cores} processes run "
              f"{parallelism(cores):.2f}x faster than 1 on this machine now\n")  # fmt: skip
        print("| jobs | pages | changed | failed | seconds | pages/s |")
        print("|---:|---:|---:|---:|---:|---:|")
        for jobs in sorted({1, cores}):
            start = time.perf_counter()
            r = reparse_archive(root, jobs=jobs, force=True)
            secs = time.perf_counter() - start
            print(f"| {jobs} | {r.pages:,} | {r.changed:,} | {r.failed:,} | {secs:.1f} | "
                  f"{r.pages / secs:,.0f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
