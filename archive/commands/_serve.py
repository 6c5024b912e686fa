"""``blog-archiver serve DIR``: read an archive in the browser (posts, threads, history, replay)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

DEFAULT_PORT = 8700


def register(sub: Any) -> None:
    p = sub.add_parser(
        "serve", help="a read-only web view of an archive: posts, threads, history, replay"
    )
    p.add_argument("archive", metavar="DIR", help="the archive folder")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    p.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"the app's port ({DEFAULT_PORT}; 0: any)"
    )
    p.add_argument(
        "--replay-port",
        type=int,
        help="the port archived pages are replayed from, a separate origin (--port + 1)",
    )
    p.add_argument(
        "--index",
        metavar="FILE",
        help="where the search index lives (DIR/search.sqlite, or a temp file when DIR is "
        "not writable)",
    )
    p.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="another Host name to answer to (e.g. this machine's name with --host 0.0.0.0)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        from ..serve import ServeConfig, run_server
    except ModuleNotFoundError as exc:
        print(
            f"blog-archiver: error: serve needs {exc.name}: pip install 'blog-archiver[serve]'",
            file=sys.stderr,
        )
        return 2
    config = ServeConfig(
        archive=Path(args.archive),
        host=args.host,
        port=args.port,
        replay_port=args.replay_port,
        index_path=Path(args.index) if args.index else None,
        allowed_hosts=tuple(args.allow_host),
    )
    return run_server(config)
