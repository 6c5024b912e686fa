"""``blog-archiver demo [--dir ./demo-archive] [--posts N]``: crawl a bundled sample blog.

Starts the demo blog on 127.0.0.1, crawls it into ``--dir`` and prints the summary plus
what to try next. Works offline: the blog is generated, not downloaded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from archive._demo import DEMO_CONFIG, demo_sites
from archive._store import Archive
from archive.commands._crawl import crawl_into


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="crawl a bundled sample blog (offline) into a demo archive")
    p.add_argument("--dir", default="demo-archive", help="archive folder (default ./demo-archive)")
    p.add_argument("--posts", type=int, default=30, help="posts in the sample blog (default 30)")
    p.add_argument("--quiet", action="store_true", help="no live progress display")
    p.add_argument("--no-fixtures", action="store_true", help="only the generated blog")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.posts < 1:
        print("blog-archiver demo: --posts must be at least 1", file=sys.stderr)
        return 2
    path = Path(args.dir)
    with demo_sites(args.posts, fixtures=not args.no_fixtures) as sites:
        print(f"Sample blog with {args.posts} posts at {sites.blog_url}/", flush=True)
        if sites.fixture_urls:
            print(f"... plus {len(sites.fixture_urls)} saved real-theme pages from fixtures/")
        code = crawl_into(sites.seeds, path, DEMO_CONFIG, quiet=args.quiet)
        with Archive.open(path, readonly=True) as arc:
            blog = sites.blog_url
            sample = next((p.url for p in arc.posts(site=blog) if p.url and p.comments), "POST_URL")
    print(
        "\nNext:\n"
        f"  blog-archiver export {path} --format jsonl      # posts + comments -> {path}/exports/\n"
        f"  blog-archiver history {path} {sample}\n"
        f"  warcio index {path}/warc/*.warc.gz   # raw WARC records; replayweb.page opens them"
    )
    return code
