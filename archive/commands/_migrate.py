"""``blog-archiver migrate DIR --to postgresql://...``: move an archive's SQLite catalog into
a PostgreSQL one, so that many workers can crawl into it.

The archive is opened for writing (its lock keeps any crawl out while rows move), every row
is copied in one PostgreSQL transaction and the counts are compared before it commits
(``archive.catalog._copy``). Only then does the folder learn the new address
(``catalog.url``, no password); ``catalog.sqlite`` is left as it was, a copy to go back to.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from archive._errors import ArchiveError
from archive._folder import CATALOG_NAME
from archive._shared import remember_address, remembered_address
from archive._store import Archive, writable_catalog
from archive.catalog import connect_pg, is_pg_address, redact
from archive.catalog._copy import copy_catalog


def register(sub: Any) -> None:
    p = sub.add_parser("migrate", help="move an archive's catalog to PostgreSQL")
    p.add_argument("archive", metavar="DIR", help="archive folder with a catalog.sqlite")
    p.add_argument(
        "--to", required=True, metavar="ADDRESS",
        help="postgresql://user@host/db of an empty database (password: PGPASSWORD, ~/.pgpass)",
    )  # fmt: skip
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.archive)
    if not is_pg_address(args.to):
        raise ArchiveError(f"--to needs a postgresql:// address, not {args.to!r}")
    if remembered_address(root) is not None:
        raise ArchiveError(f"{root} already uses the catalog {remembered_address(root)}")
    if not (root / CATALOG_NAME).exists():
        raise ArchiveError(f"{root} is not an archive (no {CATALOG_NAME})")
    with Archive.open(root) as arc:
        src = writable_catalog(arc).db
        dst = connect_pg(args.to, readonly=False)
        try:
            counts = copy_catalog(src, dst)
        finally:
            dst.close()
        remember_address(root, args.to)
    moved = ", ".join(f"{n:,} {table}" for table, n in counts.items())
    print(f"Moved the catalog of {root} to {redact(args.to)}: {moved}.")
    print(f"{root}/{CATALOG_NAME} is unchanged; {root}/catalog.url now names the new catalog.")
    return 0
