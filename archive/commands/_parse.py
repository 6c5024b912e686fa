"""``blog-archiver parse PAGE.html [--url URL]``: one Post record as JSON on stdout."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from scraper import ParseError, parse_page

MAX_FILE_BYTES = 50 * 1024 * 1024


def register(sub: Any) -> None:
    p = sub.add_parser("parse", help="parse a saved HTML page into a Post record (JSON)")
    p.add_argument("page", help="path of a saved HTML page ('-' reads stdin)")
    p.add_argument("--url", help="the URL the page was fetched from (resolves links)")
    p.add_argument("--content-type", help="the HTTP Content-Type header, for its charset")
    p.add_argument("--compact", action="store_true", help="one line of JSON instead of indented")
    p.set_defaults(func=run)


def read_page(path: str) -> bytes:
    """Read a page from a path or stdin, refusing what no parse could use."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    else:
        file = Path(path)
        if not file.is_file():
            raise ParseError("no such file", path)
        if file.stat().st_size > MAX_FILE_BYTES:
            raise ParseError(f"file larger than {MAX_FILE_BYTES // 2**20} MB", path)
        data = file.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(f"input larger than {MAX_FILE_BYTES // 2**20} MB", path)
    return data


def run(args: argparse.Namespace) -> int:
    data = read_page(args.page)
    post = parse_page(data, args.url, content_type=args.content_type, source=args.page)
    indent = None if args.compact else 2
    json.dump(post.to_dict(), sys.stdout, ensure_ascii=False, indent=indent)
    sys.stdout.write("\n")
    return 0
