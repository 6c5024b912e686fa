"""The command line: the only place that reads argv, the environment and files.

Each subcommand lives in ``archive/commands/<name>.py`` with ``register(subparsers)``; the
module's ``run`` turns flags into explicit arguments for one library call. Exit codes:
0 ok, 1 some pages failed (reported, the rest kept), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from archive._errors import UsageError
from scraper import ScraperError, __version__

__all__ = ["main"]

# Order is the order of ``--help``.
_COMMANDS = (
    "parse",
    "crawl",
    "worker",
    "demo",
    "recapture",
    "export",
    "wacz",
    "reparse",
    "history",
    "serve",
    "fixtures",
    "schema",
    "migrate",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blog-archiver",
        description="Crawl news blogs into WARC archives and normalized post/comment records.",
    )
    parser.add_argument("--version", action="version", version=f"blog-archiver {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMANDS:
        try:
            module = importlib.import_module(f"archive.commands._{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"archive.commands._{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.func(args)
    except UsageError as exc:
        print(f"blog-archiver {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except ScraperError as exc:
        print(f"blog-archiver: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("blog-archiver: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): that is its choice, not our error. Point stdout
        # at /dev/null so that the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a killed writer
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
