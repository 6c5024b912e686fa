"""``blog-archiver crawl URL... --archive DIR``: capture and parse a blog into an archive.

Flags become one ``CrawlConfig``; the archive provides the frontier and the sink; the
crawler does the rest. Re-running the same command after a crash resumes the crawl (the
archive repairs itself on open). Ctrl-C or SIGTERM stops cleanly: the crawl task is
cancelled, in-flight writes finish, the WARC is closed whole, and the summary is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import signal
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from rich.console import Console

from archive._errors import UsageError
from archive._joined import config_to_args
from archive._progress import Progress, summary
from archive._store import Archive
from archive.catalog import PgFrontier
from scraper._config import CrawlConfig, FetchConfig


class DefaultsFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """States each flag's default in ``--help``, except where there is none to state."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default in (None, False, [], argparse.SUPPRESS) or "default" in (
            action.help or ""
        ):
            return action.help
        return super()._get_help_string(action)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "crawl",
        help="capture a blog (or single posts) into an archive folder",
        formatter_class=DefaultsFormatter,
    )
    p.add_argument("urls", nargs="+", metavar="URL", help="seed URLs: a blog's home or posts")
    p.add_argument("--archive", required=True, metavar="DIR", help="archive folder (created)")
    add_crawl_flags(p)
    add_catalog_flags(p)
    p.set_defaults(func=run)


def add_catalog_flags(p: argparse.ArgumentParser) -> None:
    """The flags of a crawl on a shared catalog (``crawl`` and ``worker``)."""
    p.add_argument(
        "--catalog", metavar="ADDRESS",
        help="a PostgreSQL catalog (postgresql://user@host/db) that workers share; the folder "
        "remembers it without the password (give that in PGPASSWORD, ~/.pgpass or a service)",
    )  # fmt: skip
    p.add_argument(
        "--lease", type=float, default=30.0, metavar="SECONDS",
        help="with --catalog: how long a silent worker's claims last before others take them",
    )  # fmt: skip


def add_crawl_flags(p: argparse.ArgumentParser) -> None:
    """The flags shared by ``crawl`` and ``demo``."""
    d = CrawlConfig()
    p.add_argument("--delay", type=float, default=d.delay, help="seconds between requests per host")
    p.add_argument("--concurrency", type=int, default=d.concurrency, help="requests in flight")
    p.add_argument("--per-host", type=int, default=d.per_host, help="requests in flight per host")
    p.add_argument("--max-pages", type=int, help="stop after N pages (the rest stays queued)")
    p.add_argument("--since", type=_day, help="skip posts published before YYYY-MM-DD")
    p.add_argument("--ignore-robots", action="store_true", help="do not obey robots.txt")
    p.add_argument(
        "--scope", action="append", default=[], metavar="HOST_OR_PREFIX",
        help="also crawl this host or URL prefix (repeatable)",
    )  # fmt: skip
    p.add_argument("--assets", action="store_true", help="also keep images, CSS and scripts")
    p.add_argument("--user-agent", default=d.fetch.user_agent, help="User-Agent to send")
    p.add_argument("--contact", help="URL or e-mail added to the User-Agent")
    p.add_argument(
        "--allow-private", action="store_true",
        help="let pages lead to loopback/private addresses (seeds there are always allowed)",
    )  # fmt: skip
    p.add_argument("--log-json", action="store_true", help="one JSON object per event on stderr")
    p.add_argument("--quiet", action="store_true", help="no live progress display")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def check_politeness(args: argparse.Namespace) -> None:
    """The flags argparse cannot check by type alone (shared with ``recapture``)."""
    for flag, value in (("--concurrency", args.concurrency), ("--per-host", args.per_host)):
        if value < 1:
            raise UsageError(f"{flag} must be at least 1 (got {value})")
    if not args.delay >= 0:  # NaN too
        raise UsageError(f"--delay must be 0 or more seconds (got {args.delay})")
    if getattr(args, "max_pages", None) is not None and args.max_pages < 1:
        raise UsageError(f"--max-pages must be at least 1 (got {args.max_pages})")


def config_from_args(args: argparse.Namespace) -> CrawlConfig:
    """The flags as a ``CrawlConfig``; a value it refuses ends the command with its reason."""
    check_politeness(args)
    try:
        return CrawlConfig(
            delay=args.delay,
            concurrency=args.concurrency,
            per_host=args.per_host,
            max_pages=args.max_pages,
            since=args.since,
            obey_robots=not args.ignore_robots,
            scope=tuple(args.scope),
            fetch=FetchConfig(
                assets=args.assets,
                user_agent=args.user_agent,
                contact=args.contact,
                allow_private=args.allow_private,
            ),
        )
    except ValueError as exc:
        raise UsageError(flag_words(exc)) from None


def flag_words(exc: ValueError) -> str:
    """``CrawlConfig.per_host must be >= 1`` as the user typed it: ``--per-host must be >= 1``."""
    text = str(exc)
    owner, _, rest = text.partition(".")
    if owner not in ("CrawlConfig", "FetchConfig") or not rest:
        return text
    name, _, tail = rest.partition(" ")
    return f"--{name.replace('_', '-')} {tail}"


def bad_seed(url: str) -> str | None:
    """Why ``url`` cannot start a crawl, or ``None`` when it can."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError as exc:
        return f"{url!r} is not a valid URL ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an http(s) URL (e.g. https://blog.example/)"
    return None


def run(args: argparse.Namespace) -> int:
    problems = [p for p in map(bad_seed, args.urls) if p]
    if problems:
        for problem in problems:
            print(f"blog-archiver crawl: error: {problem}", file=sys.stderr)
        return 2
    config = config_from_args(args)
    return crawl_into(
        list(args.urls),
        Path(args.archive),
        config,
        log_json=args.log_json,
        quiet=args.quiet,
        catalog=args.catalog,
        lease=args.lease,
    )


def lease_note(used: float, asked: float) -> str:
    """Why a joining worker's ``--lease`` is not the one it holds claims under."""
    return (
        f"Note: this round's workers hold claims for {used:g} s, the --lease it was started "
        f"with (a worker judges the others dead by it); --lease {asked:g} is not used."
    )


def crawl_into(
    seeds: list[str],
    path: Path,
    config: CrawlConfig,
    *,
    log_json: bool = False,
    quiet: bool = False,
    out: TextIO | None = None,
    catalog: str | None = None,
    lease: float = 30.0,
) -> int:
    """Crawl ``seeds`` into the archive at ``path``; print the summary; return the exit code.

    On a shared catalog this process is the crawl's first worker: the round it starts (or
    joins, when one is unfinished) is what ``blog-archiver worker`` joins."""
    out = out or sys.stdout
    live = not quiet and not log_json and sys.stdout.isatty() and sys.stderr.isatty()
    settings: dict[str, Any] = {"seeds": seeds, "config": _settings(config)}
    with Archive.open(path, catalog=catalog) as arc:
        if arc.shared:
            settings["args"] = config_to_args(config)
            arc.lease = lease
        if arc.recovery:
            r = arc.recovery
            print(
                f"Recovered {path} after an interrupted run: {r.reindexed} records re-indexed, "
                f"{r.truncated_bytes} bytes of an unfinished record set aside"
                + (f", {r.lost_records} records lost (warned above)" if r.lost_records else ""),
                file=sys.stderr,
            )
        crawl_id = arc.begin_crawl("crawl", settings)
        if arc.shared and arc.lease != lease:
            print(lease_note(arc.lease, lease), file=sys.stderr)
        arc.batch_writes()
        frontier = arc.frontier
        shared = isinstance(frontier, PgFrontier)
        progress = Progress(
            live=live,
            log=sys.stderr if log_json else None,
            console=Console(file=sys.stderr),
            pending=frontier.pending_cached if shared else frontier.pending,  # type: ignore[union-attr]
        )
        with progress:
            stats, interrupted = _run_crawl(seeds, arc, config, progress)
        failures = Counter(reason for _, reason in arc.failures())
        # A worker that stopped at its own --max-pages leaves the round to the others.
        if not interrupted and (not arc.shared or frontier.pending() == 0):
            arc.end_crawl(crawl_id, {**progress_stats(progress), **stats})
        else:  # replay tools find what was captured so far; a resume rebuilds it again
            arc.write_index()
        arc_stats = arc.stats()
    print(
        summary(
            tally=progress.tally,
            stats=arc_stats,
            failures=failures,
            archive_path=path,
            interrupted=interrupted,
        ),
        file=out,
    )
    if interrupted:
        print("Run the same command again to resume.", file=out)
        return 130
    if not arc_stats.get("captures"):
        print("Nothing was captured: see the reasons above.", file=out)
        return 1
    return 1 if failures else 0


def progress_stats(progress: Progress) -> dict[str, Any]:
    t = progress.tally
    return {
        "fetched": t.fetched,
        "failed": t.failed,
        "skipped": t.skipped,
        "bytes": t.bytes,
        "elapsed_s": round(t.elapsed, 3),
    }


def _settings(config: CrawlConfig) -> dict[str, Any]:
    return dataclasses.asdict(config)


def _run_crawl(
    seeds: list[str], arc: Archive, config: CrawlConfig, progress: Progress
) -> tuple[dict[str, Any], bool]:
    """Run the crawler until done or until SIGINT/SIGTERM cancels it."""
    from scraper.crawler._crawler import crawl

    async def main() -> tuple[dict[str, Any], bool]:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        assert task is not None
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, task.cancel)
        try:
            result = await crawl(seeds, arc.frontier, arc.sink, config, on_event=progress)
        except asyncio.CancelledError:
            return {}, True
        finally:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)
        return _as_dict(result), False

    return asyncio.run(main())


def _as_dict(result: object) -> dict[str, Any]:
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return dataclasses.asdict(result)
    return {}
