"""``blog-archiver demo [--dir ./demo-archive] [--posts N]``: crawl a bundled sample blog.

Starts the demo blog on 127.0.0.1, crawls it into ``--dir`` and prints the summary plus
what to try next. Works offline: the blog is generated, not downloaded.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from archive.commands.crawl import crawl_into
from archive.demo import DEMO_CONFIG, demo_server


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="crawl a bundled sample blog (offline) into a demo archive")
    p.add_argument("--dir", default="demo-archive", help="archive folder (default ./demo-archive)")
    p.add_argument("--posts", type=int, default=30, help="posts in the sample blog (default 30)")
    p.add_argument("--quiet", action="store_true", help="no live progress display")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.posts < 1:
        print("blog-archiver demo: --posts must be at least 1", file=sys.stderr)
        return 2
    path = Path(args.dir)
    with demo_server(args.posts) as server:
        print(f"Sample blog with {args.posts} posts at {server.url}/", flush=True)
        config = dataclasses.replace(DEMO_CONFIG)
        code = crawl_into([server.url + "/"], path, config, quiet=args.quiet)
    print(
        "\nNext:\n"
        f"  blog-archiver export {path} --format jsonl --out {path}/exports   "
        "# posts + comments as JSON Lines\n"
        f"  blog-archiver history {path} URL   # captures of one post and what changed\n"
        f"  warcio index {path}/warc/*.warc.gz   # the raw WARC records (replayweb.page opens them)"
    )
    return code
