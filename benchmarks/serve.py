"""``serve`` benchmark: pages per second and p95 latency of the list, search, post and
history views on an archive of 100,000 posts / 1,000,000 comments.

    python benchmarks/serve.py [--posts 100000] [--comments-per-post 10] [--requests 300]
                               [--keep DIR]

The catalog is synthesized as ``benchmarks/export.py`` does (records written straight into
``crawls``/``captures``/``pages``), plus a second round for every 100th post with one more
comment, so that history has two versions to compare. Then ``blog-archiver serve`` runs as
its own process on 127.0.0.1 (one uvicorn worker, as a user runs it) and one client asks
for pages one after another over HTTP (keep-alive): the seconds are what a reader waits.
Beside the wall clock, the server process's own CPU time per page is printed (from
``/proc``): on a shared machine it moves far less than the latencies do. Each view draws its
targets at random (fixed seed): list pages at random depths (keyset
cursors), list pages filtered by category or date range, searches for one or two words or
a title, random posts, random posts that have two versions. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from export import WORDS, build, insert_rows, record  # noqa: E402  (benchmarks/export.py)

#: Every this many posts gets a second version (one comment more).
SECOND_ROUND_EVERY = 100


def second_round(root: Path, posts: int, comments: int) -> int:
    """Crawl 2: every ``SECOND_ROUND_EVERY``-th post again, with one comment added."""
    db = sqlite3.connect(root / "catalog.sqlite")
    db.execute(
        "INSERT INTO crawls (id, kind, started_at, settings_json) "
        "VALUES (2, 'recapture', '2024-12-08T00:00:00Z', '{}')"
    )
    db.execute(
        "INSERT INTO warc_files (id, name, crawl_id, created_at) "
        "VALUES (2, 'synthetic-2.warc.gz', 2, '2024-12-08T00:00:00Z')"
    )
    caps, pages = [], []
    n = 0
    for i in range(0, posts, SECOND_ROUND_EVERY):
        rec = record(i, comments + 1)
        url = str(rec["url"])
        cid = posts + 1 + n
        caps.append(
            (cid, 2, i + 1, "2024-12-08T00:00:00Z", 200, 2, i, 1, uuid.UUID(int=cid).bytes,
             "response")
        )  # fmt: skip
        pages.append((url, url, 2, cid, "2024-12-08T00:00:00Z", "bench", json.dumps(rec)))
        n += 1
    with db:
        insert_rows(db, caps, pages)
    db.close()
    return n


def start(root: Path) -> tuple[subprocess.Popen[str], str, float]:
    """``blog-archiver serve`` on a free port; returns the process, its URL and the seconds
    it took to build the search index and start listening."""
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive", "serve", str(root), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        print("  " + line.rstrip(), flush=True)
        m = re.search(r"at (http://\S+/) ", line)
        if m:
            return proc, m.group(1), time.perf_counter() - began
    raise SystemExit("serve did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process (Linux ``/proc``): the server's own cost, which a
    busy machine does not inflate the way it inflates wall-clock latency."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(client: httpx.Client, paths: list[str]) -> tuple[float, float, float, int]:
    """(pages/s, p50 ms, p95 ms, bytes per page) of GETs of ``paths``, one after another."""
    times = []
    size = 0
    for path in paths:
        t = time.perf_counter()
        r = client.get(path)
        times.append(time.perf_counter() - t)
        if r.status_code != 200:
            raise SystemExit(f"{path}: HTTP {r.status_code}")
        size += len(r.content)
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return len(times) / sum(times), statistics.median(times) * 1e3, p95 * 1e3, size // len(paths)


def views(root: Path, posts: int, n: int, rng: random.Random) -> dict[str, list[str]]:
    db = sqlite3.connect(root / "search.sqlite")
    keys = db.execute("SELECT id, sort_key FROM posts ORDER BY random() LIMIT ?", (n,)).fetchall()
    db.close()

    def post_url(i: int) -> str:
        return f"https://blog.example/2024/{1 + i % 12:02d}/post-{i}/"

    def q(**params: str) -> str:
        return "/?" + urlencode(params) if params else "/"

    twice = list(range(0, posts, SECOND_ROUND_EVERY))
    return {
        "list, first page": [q() for _ in range(n)],
        "list, random depth (keyset)": [q(after=f"{i}:{k}") for i, k in keys],
        "list, filtered (category / month)": [
            q(category="News", since=f"2024-{m:02d}-01", until=f"2024-{m:02d}-28")
            for m in (rng.randint(1, 12) for _ in range(n))
        ],
        "search, one word": [q(q=rng.choice(WORDS)) for _ in range(n)],
        "search, two words + filter": [
            q(q=" ".join(rng.sample(WORDS, 2)), since="2024-06-01") for _ in range(n)
        ],
        "search, a title": [q(q=f"Post {rng.randrange(posts)}") for _ in range(n)],
        "post": [f"/post?url={post_url(rng.randrange(posts))}" for _ in range(n)],
        "history (2 versions)": [f"/history?url={post_url(rng.choice(twice))}" for _ in range(n)],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--comments-per-post", type=int, default=10)
    ap.add_argument("--requests", type=int, default=300, help="per view")
    ap.add_argument("--keep", type=Path, help="build (or reuse) the archive here")
    ap.add_argument(
        "--reuse-index", action="store_true", help="keep a search index left by an earlier run"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        root = args.keep or Path(tmp) / "arc"
        if not (root / "catalog.sqlite").exists():
            seconds = build(root, args.posts, args.comments_per_post)
            extra = second_round(root, args.posts, args.comments_per_post)
            print(f"Generated {args.posts:,} posts / {args.posts * args.comments_per_post:,} "
                  f"comments (+{extra:,} second versions) in {seconds:.0f} s.")  # fmt: skip
        if not args.reuse_index:
            (root / "search.sqlite").unlink(missing_ok=True)
        proc, base, ready = start(root)
        index_mb = (root / "search.sqlite").stat().st_size / 2**20
        how = "checked" if args.reuse_index else "built from scratch"
        print(f"serve ready in {ready:.1f} s (search index {how}, {index_mb:.0f} MB)")
        try:
            rng = random.Random(12)
            table = views(root, args.posts, args.requests, rng)
            with httpx.Client(base_url=base, timeout=60) as client:
                for paths in table.values():  # warm up: the OS cache, SQLite's page cache
                    measure(client, paths[:10])
                print("\n| view | requests | pages/s | p50 ms | p95 ms | server CPU ms/page "
                      "| KB/page |")  # fmt: skip
                print("|---|---:|---:|---:|---:|---:|---:|")
                for name, paths in table.items():
                    cpu = cpu_seconds(proc.pid)
                    rate, p50, p95, size = measure(client, paths)
                    cpu_ms = (cpu_seconds(proc.pid) - cpu) * 1e3 / len(paths)
                    print(f"| {name} | {len(paths)} | {rate:,.0f} | {p50:.1f} | {p95:.1f} | "
                          f"{cpu_ms:.1f} | {size / 1024:.0f} |", flush=True)  # fmt: skip
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"\nload average at the end: {load} (2 cores)")
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
