"""``blog-archiver wacz DIR --out FILE.wacz``: package an archive for ReplayWeb.page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser(
        "wacz",
        help="package the WARC files, their index and the list of posts as one WACZ file",
    )
    p.add_argument("archive", metavar="DIR", help="the archive folder")
    p.add_argument(
        "--out", metavar="FILE", help="the .wacz to write (default DIR/exports/<DIR name>.wacz)"
    )
    p.add_argument("--title", help="the package's title (ReplayWeb.page shows it)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .._store import Archive

    folder = Path(args.archive)
    if not folder.is_dir():
        print(f"blog-archiver: error: no archive at {folder}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else folder / "exports" / f"{folder.resolve().name}.wacz"
    with Archive.open(folder, readonly=True) as archive:
        result = archive.write_wacz(out, title=args.title)
    print(
        f"{result.path}\t{result.pages} posts, {result.warc_files} WARC files, "
        f"{result.index_lines} index lines, {result.bytes:,} bytes"
    )
    return 0
