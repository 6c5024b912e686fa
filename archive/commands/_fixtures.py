"""``blog-archiver fixtures check|add``: parse saved pages and diff them against the truth.

``check [DIR] [-k NAME] [--fields title,author]`` prints PASS/FAIL per fixture with the
field diffs, then "N passed, M failed"; exit 1 on any difference. ``add PAGE.html|URL [--url U]
[--name N] [--dir DIR]`` saves a page with its current record for a person to review.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from archive._errors import ArchiveError
from archive._fixtures import (
    FixtureError,
    FixtureResult,
    add_fixture,
    fetch_page,
    field_counts,
    format_diffs,
    load_fixtures,
    run_fixture,
)
from archive._store import Archive
from scraper import parse_page
from scraper._records import Capture

DEFAULT_DIR = "fixtures"


def register(sub: Any) -> None:
    p = sub.add_parser("fixtures", help="check the parser against saved pages, or add one")
    fsub = p.add_subparsers(dest="fixtures_command", metavar="ACTION")

    c = fsub.add_parser("check", help="parse every fixture and diff against its expected record")
    c.add_argument("dir", nargs="?", default=DEFAULT_DIR, help="fixture folder (./fixtures)")
    c.add_argument(
        "-k",
        dest="names",
        action="append",
        default=[],
        metavar="NAME",
        help="only fixtures whose name contains NAME (repeatable)",
    )
    c.add_argument("--fields", help="compare only these top-level fields, comma-separated")
    c.add_argument("-q", "--quiet", action="store_true", help="FAIL lines and summary only")
    c.set_defaults(func=run_check)

    a = fsub.add_parser("add", help="save a page and its current record as a new fixture")
    a.add_argument(
        "page",
        help="path of a saved HTML page, or an http(s) URL to fetch (with --archive: the URL "
        "of a page in that archive)",
    )
    a.add_argument(
        "--archive",
        metavar="DIR",
        help="take the page from this archive's newest capture of the URL instead of the "
        "web (either catalog backend; opened read-only)",
    )
    a.add_argument("--url", help="the URL the page was fetched from")
    a.add_argument("--content-type", help="the HTTP Content-Type it was served with")
    a.add_argument("--name", help="fixture name (default: the page's file name)")
    a.add_argument("--dir", help="where to save (default: ./fixtures/<detected engine>)")
    a.set_defaults(func=run_add)
    p.set_defaults(func=lambda args: _usage(p))


def archived_page(root: Path, url: str) -> tuple[Capture, str]:
    """The newest capture of ``url`` in the archive at ``root`` that holds the page (a 200,
    or a revisit of one), and when it was fetched: a fixture made from what was archived is
    the page as it was, which a fetch today may no longer give."""
    if not root.is_dir():
        raise ArchiveError(f"{root}: no archive folder there")
    with Archive.open(root, readonly=True) as arc:
        rows = list(arc.captures(url))
        if not rows:
            raise ArchiveError(f"{url}: no capture of this URL in {root}")
        for row in reversed(rows):
            capture = arc.read_capture(row)
            if capture.status == 200:
                return capture, row.fetched_at
    raise ArchiveError(f"{url}: no capture in {root} holds the page (no HTTP 200)")


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_check(args: argparse.Namespace) -> int:
    try:
        fixtures = load_fixtures(args.dir)
    except FixtureError as exc:
        print(f"blog-archiver: error: {exc}", file=sys.stderr)
        return 2
    if args.names:
        fixtures = [f for f in fixtures if any(n in f.name for n in args.names)]
    if not fixtures:
        print(f"blog-archiver: error: no fixtures found in {args.dir}", file=sys.stderr)
        return 2
    fields = [f for f in (args.fields or "").split(",") if f.strip()] or None
    passed = failed = 0
    results: list[FixtureResult] = []
    for fx in fixtures:
        result = run_fixture(fx, fields)
        results.append(result)
        if result.passed:
            passed += 1
            if not args.quiet:
                print(f"PASS {fx.name}")
            continue
        failed += 1
        detail = f"{len(result.diffs)} field(s) differ" if not result.error else "parse failed"
        print(f"FAIL {fx.name} ({detail})")
        if result.error:
            print(f"  error: {result.error}")
        if result.diffs:
            print(format_diffs(result.diffs))
    if failed > 1:
        top = field_counts(results)[:12]
        print("fields differing most (fixtures): " + ", ".join(f"{f} ({n})" for f, n in top))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def run_add(args: argparse.Namespace) -> int:
    page: Path | bytes
    url, content_type = args.url, args.content_type
    note = None
    if args.archive is not None:
        try:
            capture, fetched_at = archived_page(Path(args.archive), args.page)
        except ArchiveError as exc:
            print(f"blog-archiver: error: {exc}", file=sys.stderr)
            return 2
        page = capture.content or capture.body
        url, content_type = url or capture.url, content_type or capture.content_type
        note = (
            f"added by `fixtures add --archive`, captured {fetched_at}: "
            "REVIEW every field against the page"
        )
    elif args.page.startswith(("http://", "https://")):
        capture = fetch_page(args.page)
        if capture.status != 200:
            print(f"blog-archiver: error: {args.page}: HTTP {capture.status}", file=sys.stderr)
            return 1
        page = capture.content or capture.body
        url, content_type = url or capture.url, content_type or capture.content_type
    else:
        page = Path(args.page)
        if not page.is_file():
            print(f"blog-archiver: error: no such file: {page}", file=sys.stderr)
            return 2
    dest = args.dir
    if dest is None:
        data = page if isinstance(page, bytes) else page.read_bytes()
        engine = parse_page(data, url, content_type=content_type).extractor.name
        dest = str(Path(DEFAULT_DIR) / engine)
    try:
        path = add_fixture(page, dest, url, args.name, content_type=content_type, note=note)
    except FileExistsError as exc:
        print(f"blog-archiver: error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path} (review every field before committing)")
    return 0
