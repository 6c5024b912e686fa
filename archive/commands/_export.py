"""``blog-archiver export DIR --format jsonl|json|csv|parquet``: posts.* and comments.*."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .._errors import ExportError, UsageError
from .._folder import CATALOG_NAME, is_archive
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
    p.add_argument("--quiet", action="store_true", help="print only problems")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .._store import Archive

    folder = Path(args.archive)
    if not is_archive(folder):
        raise UsageError(f"{folder} is not an archive (no {CATALOG_NAME})")
    try:
        since = parse_date(args.since) if args.since else None
        until = parse_date(args.until) if args.until else None
    except ExportError as exc:
        raise UsageError(f"--since/--until: {exc}") from None
    if args.row_group < 1:
        raise UsageError(f"--row-group must be at least 1 (got {args.row_group})")
    opts = ExportOptions(
        format=args.format,
        out=Path(args.out) if args.out else folder / "exports",
        all_captures=args.all_captures,
        site=args.site,
        since=since,
        until=until,
        row_group=args.row_group,
    )
    live = not args.quiet and sys.stderr.isatty()
    with Archive.open(folder, readonly=True) as archive, _progress(live) as bar:
        task = bar.add_task("exporting", total=archive.post_count() if live else None)
        result = export_archive(archive, opts, on_item=lambda: bar.advance(task))
    if not args.quiet:
        print(f"{result.posts.path}\t{result.posts.rows} posts")
        print(f"{result.comments.path}\t{result.comments.rows} comments")
        if result.skipped:
            print(f"{result.skipped} posts left out by the filters")
        if result.duplicates:
            print(f"{result.duplicates} pages left out: their canonical URL was already exported")
    if result.rejected:
        print(
            f"blog-archiver export: {len(result.rejected)} records left out, they break the "
            "schema (the rest is written):",
            file=sys.stderr,
        )
        for why in result.rejected[:10]:
            print(f"  {why}", file=sys.stderr)
        return 1
    return 0


def _progress(live: bool) -> Progress:
    """A progress bar on a terminal; in a pipe or with --quiet, nothing is drawn."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
        transient=True,
        disable=not live,
    )
