"""``blog-archiver export DIR --format jsonl|json|csv|parquet``: posts.* and comments.*."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..export._export import FORMATS, ExportOptions, export_archive, parse_date


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="write posts.* and comments.* datasets from an archive")
    p.add_argument("archive", metavar="DIR", help="the archive folder")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="file format (jsonl)")
    p.add_argument("--out", metavar="FOLDER", help="where to write (default DIR/exports)")
    p.add_argument(
        "--all-captures",
        action="store_true",
        help="every captured version of each post, with crawl_id and captured_at columns",
    )
    p.add_argument("--site", help="only posts of this site (host name or site name)")
    p.add_argument("--since", metavar="DATE", help="only posts published on or after DATE")
    p.add_argument("--until", metavar="DATE", help="only posts published on or before DATE")
    p.add_argument(
        "--row-group",
        type=int,
        default=100_000,
        help="Parquet rows per row group at most (100000; a group is also cut at 2 MB of text)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .._store import Archive

    folder = Path(args.archive)
    if not folder.is_dir():
        print(f"blog-archiver: error: no archive at {folder}", file=sys.stderr)
        return 2
    opts = ExportOptions(
        format=args.format,
        out=Path(args.out) if args.out else folder / "exports",
        all_captures=args.all_captures,
        site=args.site,
        since=parse_date(args.since) if args.since else None,
        until=parse_date(args.until) if args.until else None,
        row_group=args.row_group,
    )
    with Archive.open(folder, readonly=True) as archive:
        result = export_archive(archive, opts)
    print(f"{result.posts.path}\t{result.posts.rows} posts")
    print(f"{result.comments.path}\t{result.comments.rows} comments")
    if result.skipped:
        print(f"{result.skipped} posts left out by the filters")
    if result.duplicates:
        print(f"{result.duplicates} pages left out: their canonical URL was already exported")
    return 0
