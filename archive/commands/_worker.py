"""``blog-archiver worker --archive DIR``: join the crawl running on a shared catalog.

The crawl was started by ``blog-archiver crawl URL... --archive DIR --catalog
postgresql://...``, which keeps its seeds and flags in the catalog; a worker reads them
there, so any number of workers on any machines that see ``DIR`` (a shared mount) and the
server run the same crawl. The folder remembers the catalog's address; ``--catalog`` names
it for a folder that does not (a new mount point). A worker stops when nothing is left to
claim anywhere, and the last one to stop rebuilds the CDXJ index over every worker's files.

It joins a re-capture round the same way (``recapture DIR`` on the shared catalog leads it
and records it when every job is done; ``archive.recapture._shared_round``).
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from archive._errors import ArchiveError
from archive._joined import config_from_settings
from archive._store import Archive
from archive.commands._crawl import add_catalog_flags, crawl_into, lease_note
from archive.recapture._shared_round import join_round


def register(sub: Any) -> None:
    p = sub.add_parser("worker", help="join a crawl or re-capture round on a PostgreSQL catalog")
    p.add_argument("--archive", required=True, metavar="DIR", help="the crawl's archive folder")
    add_catalog_flags(p)
    p.add_argument("--log-json", action="store_true", help="one JSON object per event on stderr")
    p.add_argument("--quiet", action="store_true", help="no live progress display")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.archive)
    with Archive.open(path, catalog=args.catalog, readonly=True) as arc:
        if not arc.shared:
            raise ArchiveError(
                f"{path} has its own SQLite catalog: only a crawl on a shared catalog "
                "(crawl --catalog postgresql://...) takes workers"
            )
        found = arc.open_round("crawl")
        recapture = arc.open_round("recapture") if found is None else None
    if recapture is not None:
        return _join_recapture(path, args, recapture[1])
    if found is None:
        print(f"No crawl or re-capture round runs in {path}: nothing to join.", file=sys.stderr)
        return 0
    _crawl_id, settings = found
    if "args" not in settings:
        raise ArchiveError(f"the crawl in {path} was not started for workers (no settings)")
    return crawl_into(
        [str(s) for s in settings.get("seeds", [])],
        path,
        config_from_settings(settings["args"]),
        log_json=args.log_json,
        quiet=args.quiet,
        catalog=args.catalog,
        lease=args.lease,
    )


def _join_recapture(path: Path, args: argparse.Namespace, settings: dict[str, Any]) -> int:
    """One more worker on the running re-capture round; SIGINT/SIGTERM stop it cleanly
    (its claims in flight are dropped and go back to the queue when their lease ends)."""
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        lease = float(settings.get("lease", args.lease))  # the round's (``Archive._join``)
        if lease != args.lease:
            print(lease_note(lease, args.lease), file=sys.stderr)
        with Archive.open(path, catalog=args.catalog) as arc:
            arc.lease = args.lease
            work = asyncio.run(join_round(arc, stop=stop))
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
    r = work.result
    if not args.quiet:  # the lead (``recapture DIR``) reports and records the round
        print(
            f"round {work.crawl_id}: this worker re-captured {r.requests} URLs, "
            f"{r.failed} failed" + (" (stopped)" if work.interrupted else "")
        )
    return 130 if work.interrupted else 0
