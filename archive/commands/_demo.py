"""``blog-archiver demo [--dir ./demo-archive] [--posts N]``: crawl a bundled sample blog.

Starts the demo blog on 127.0.0.1, crawls it into ``--dir`` and prints the summary plus
what to try next. Works offline: the blog is generated, not downloaded.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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


_MARK = "demo.json"  # in the archive folder: what the demo served, to resume on the same URLs


def _previous(path: Path) -> dict[str, Any] | None:
    """The demo that started the archive at ``path``; ``{}`` for a new folder; ``None`` for
    an archive the demo did not make (or made before it recorded its ports)."""
    if not (path / "catalog.sqlite").exists():
        return {}
    try:
        data = json.loads((path / _MARK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def run(args: argparse.Namespace) -> int:
    if args.posts < 1:
        print("blog-archiver demo: error: --posts must be at least 1", file=sys.stderr)
        return 2
    path = Path(args.dir)
    before = _previous(path)
    fixtures = not args.no_fixtures
    settings = {"posts": args.posts, "fixtures": fixtures}
    if before is None or (before and {k: before.get(k) for k in settings} != settings):
        print(
            f"blog-archiver demo: error: {path} holds another archive (not this demo's, or "
            f"made with other --posts/--no-fixtures): delete it or pick a new --dir",
            file=sys.stderr,
        )
        return 2
    ports = (int(before.get("blog_port", 0)), int(before.get("fixtures_port", 0)))
    stack = contextlib.ExitStack()
    try:
        sites = stack.enter_context(demo_sites(args.posts, fixtures=fixtures, ports=ports))
    except OSError as exc:
        print(
            f"blog-archiver demo: error: {path} was started from a demo blog on port "
            f"{ports[0]} (and {ports[1]}), which cannot be served now ({exc.strerror or exc}): "
            "free the port to resume, or delete the folder / pick a new --dir",
            file=sys.stderr,
        )
        return 1
    with stack:
        print(f"Sample blog with {args.posts} posts at {sites.blog_url}/", flush=True)
        if sites.fixture_urls:
            print(f"... plus {len(sites.fixture_urls)} saved real-theme pages from fixtures/")
        mark = {**settings, "blog_port": _port(sites.blog_url)}
        mark["fixtures_port"] = _port(sites.fixture_urls[0]) if sites.fixture_urls else 0
        path.mkdir(parents=True, exist_ok=True)
        (path / _MARK).write_text(json.dumps(mark), encoding="utf-8")
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


def _port(url: str) -> int:
    return urlsplit(url).port or 0
