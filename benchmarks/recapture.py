"""Re-capture benchmark: an unchanged blog of N posts on loopback, captured once, then
re-captured (a) with validators (the server answers 304) and (b) without (the server sends
the same pages again: identical-payload-digest revisits).

    python benchmarks/recapture.py [--posts 2000] [--pad 50000]

Prints a markdown table: requests, WARC and catalog bytes written, growth against the first
capture, seconds. The generated pages are ~4 KB; ``--pad`` adds word-like text to each HTML
page so that pages weigh what real WordPress pages do (50-150 KB, ~20-30 % gzipped); with
``--pad 0`` a revisit (~0.5 KB of WARC headers) is a large share of a tiny page.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _warc_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in (root / "warc").glob("*.warc.gz"))


def _catalog_bytes(root: Path) -> int:
    import sqlite3

    db = sqlite3.connect(root / "catalog.sqlite")
    try:
        (pages,) = db.execute("PRAGMA page_count").fetchone()
        (size,) = db.execute("PRAGMA page_size").fetchone()
        return int(pages) * int(size)
    finally:
        db.close()


def main() -> None:
    from archive import Archive
    from archive._loopback import ConditionalServer
    from archive.recapture._recapture import RecaptureConfig, recapture
    from scraper._config import CrawlConfig
    from scraper.crawler._crawler import crawl
    from scraper.testing import SiteSpec, gen_site

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=2000)
    ap.add_argument(
        "--pad", type=int, default=50_000, help="word-like bytes added per page (real weight)"
    )
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args()
    fast = CrawlConfig(delay=0, concurrency=args.concurrency, per_host=args.concurrency)
    site = gen_site(args.posts, spec=SiteSpec(n_posts=args.posts))
    rows = []
    with (
        tempfile.TemporaryDirectory(prefix="bench-recapture-") as tmp,
        ConditionalServer(site, pad=args.pad) as server,
    ):
        root = Path(tmp) / "arc"

        async def first() -> tuple[int, float]:
            start = time.perf_counter()
            with Archive.open(root) as arc:
                cid = arc.begin_crawl("crawl", {"seeds": [server.url + "/"]})
                stats = await crawl([server.url + "/"], arc.frontier, arc.sink, fast)
                arc.end_crawl(cid, {})
            return stats.requests, time.perf_counter() - start

        requests, seconds = asyncio.run(first())
        full_warc, full_catalog = _warc_bytes(root), _catalog_bytes(root)
        rows.append(("first capture", requests, full_warc, full_catalog, None, None, seconds))
        for label, validators in (("recapture, 304s", True), ("recapture, no validators", False)):
            server.validators = validators
            stats = asyncio.run(recapture(root, RecaptureConfig(crawl=fast)))
            assert stats.changed == stats.new == 0, stats
            growth = stats.warc_bytes / full_warc * 100
            total = (stats.warc_bytes + stats.catalog_bytes) / (full_warc + full_catalog) * 100
            rows.append(
                (label, stats.requests, stats.warc_bytes, stats.catalog_bytes, growth, total,
                 stats.elapsed)
            )  # fmt: skip
    print(f"{args.posts:,} unchanged posts on loopback, pages padded by {args.pad:,} B\n")
    print("| run | requests | WARC bytes | catalog bytes | WARC growth | WARC+catalog growth "
          "| seconds |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, req, warc, cat, growth, total, secs in rows:
        g = f"{growth:.1f} %" if growth is not None else "-"
        t = f"{total:.1f} %" if total is not None else "-"
        print(f"| {label} | {req:,} | {warc:,} | {cat:,} | {g} | {t} | {secs:.1f} |")


if __name__ == "__main__":
    main()
