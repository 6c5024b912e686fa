"""``blog-archiver reparse DIR [--jobs N] [--force]``: re-run the parser over stored captures."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .._errors import UsageError
from .._folder import CATALOG_NAME, is_archive
from .._reparse import ReparseReport, reparse_archive


def register(sub: Any) -> None:
    p = sub.add_parser("reparse", help="re-run the current parser over stored captures")
    p.add_argument("archive", metavar="DIR", help="the archive folder")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (all CPU cores)")
    p.add_argument(
        "--force", action="store_true", help="reparse pages already parsed by this version too"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def _progress(report: ReparseReport) -> None:
    if sys.stderr.isatty():
        print(
            f"\r{report.pages + report.failed} pages, {report.changed} changed, "
            f"{report.failed} failed",
            end="",
            file=sys.stderr,
            flush=True,
        )


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs must be at least 1 (got {args.jobs})")
    if not is_archive(args.archive):  # never create one at a mistyped path
        raise UsageError(f"{args.archive} is not an archive (no {CATALOG_NAME})")
    report = reparse_archive(args.archive, jobs=args.jobs, force=args.force, on_progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(
            f"{report.pages} pages reparsed: {report.changed} changed, "
            f"{report.unchanged} unchanged, {report.failed} failed, "
            f"{report.current} already current"
        )
        for name, n in report.fields.most_common():
            print(f"  {name}: {n} pages")
        if report.lost:
            print(
                f"  {report.lost} pages kept as they are: the WARC records they were parsed "
                "from are lost (a segment was cut short; see lost_records in the catalog)"
            )
        for url, reason in report.errors[:20]:
            print(f"  failed {url}: {reason}", file=sys.stderr)
    if report.interrupted:
        print("interrupted: finished pages are saved; run again to continue", file=sys.stderr)
        return 130
    return 1 if report.failed else 0
