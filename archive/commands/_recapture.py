"""``blog-archiver recapture DIR [--every 6h] [--max-age 30d]``: re-capture with conditional
requests; unchanged pages become WARC revisits, changed ones a new version of their post.

With ``--every`` it keeps running: one round per tick, a failed round is reported and tried
again at the next tick. A round that got no answer at all (the site is down) is recorded as
failed (``history`` shows it) and exits 1. SIGINT/SIGTERM stop it within a moment: the
requests in flight are cancelled, what was captured is kept and the WARC closed whole.
``--quiet`` prints only failures (what a cron job should mail).

On a shared PostgreSQL catalog, ``blog-archiver worker --archive DIR`` processes started
during the round take part in it; this command waits for the round and reports it.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import datetime
from types import FrameType
from typing import Any

from scraper._config import CrawlConfig, FetchConfig

from .._errors import UsageError
from .._folder import CATALOG_NAME, is_archive
from ..recapture._recapture import (
    RecaptureConfig,
    RecaptureStats,
    RoundFailedError,
    parse_duration,
    run_every,
)
from ._crawl import DefaultsFormatter, check_politeness, flag_words


def register(sub: Any) -> None:
    d = CrawlConfig()
    p = sub.add_parser(
        "recapture",
        help="re-capture an archive's posts with conditional requests",
        formatter_class=DefaultsFormatter,
    )
    p.add_argument("archive", metavar="DIR", help="the archive folder")
    p.add_argument(
        "--every",
        metavar="DURATION",
        help="keep running: one round every 6h, 1d ... (default: one round, then exit)",
    )
    p.add_argument(
        "--max-age",
        metavar="DURATION",
        help="only posts published within 30d ... (default: every post)",
    )
    p.add_argument("--delay", type=float, default=d.delay, help="seconds between requests per host")
    p.add_argument("--concurrency", type=int, default=d.concurrency, help="requests in flight")
    p.add_argument("--per-host", type=int, default=d.per_host, help="requests in flight per host")
    p.add_argument("--ignore-robots", action="store_true", help="do not obey robots.txt")
    p.add_argument("--user-agent", default=d.fetch.user_agent, help="User-Agent to send")
    p.add_argument("--contact", help="URL or e-mail added to the User-Agent")
    p.add_argument(
        "--lease", type=float, default=30.0, metavar="SECONDS",
        help="on a PostgreSQL catalog: how long a silent process's claims last before "
        "others take them (give workers the same)",
    )  # fmt: skip
    p.add_argument(
        "--quiet", action="store_true",
        help="print only failures (for cron: a mail only when something went wrong)",
    )  # fmt: skip
    p.set_defaults(func=run)


def _duration(text: str | None, flag: str) -> Any:
    if text is None:
        return None
    try:
        return parse_duration(text)
    except ValueError as exc:
        raise UsageError(f"{flag}: {exc}") from None


def report(stats: RecaptureStats) -> str:
    head = "interrupted" if stats.interrupted else "done"
    if stats.resumed_records:
        head += f" (resumed: {stats.resumed_records} records of an interrupted run included)"
    return (
        f"[{datetime.now().isoformat(timespec='seconds')}] round {stats.crawl_id} {head}: "
        f"{stats.requests} requests, {stats.not_modified} not modified (304), "
        f"{stats.identical} identical, {stats.changed} changed, {stats.new} new, "
        f"{stats.failed} failed; {stats.changed_posts} posts with a new version; "
        f"wrote {stats.warc_bytes:,} WARC bytes, catalog +{stats.catalog_bytes:,} bytes "
        f"in {stats.elapsed:.1f}s"
    )


def run(args: argparse.Namespace) -> int:
    every = _duration(args.every, "--every")
    check_politeness(args)
    max_age = _duration(args.max_age, "--max-age")
    if not is_archive(args.archive):
        raise UsageError(f"{args.archive} is not an archive (no {CATALOG_NAME})")
    try:
        crawl = CrawlConfig(
            delay=args.delay,
            concurrency=args.concurrency,
            per_host=args.per_host,
            obey_robots=not args.ignore_robots,
            fetch=FetchConfig(user_agent=args.user_agent, contact=args.contact),
        )
    except ValueError as exc:
        raise UsageError(flag_words(exc)) from None
    if not args.lease > 0:
        raise UsageError(f"--lease must be more than 0 seconds (got {args.lease})")
    config = RecaptureConfig(crawl=crawl, max_age=max_age, lease=args.lease)
    stop = threading.Event()
    results: list[RecaptureStats] = []
    errors: list[BaseException] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        print(
            "stopping: the requests in flight are cancelled, what was captured is kept",
            file=sys.stderr,
        )
        stop.set()

    def on_round(stats: RecaptureStats) -> None:
        results.append(stats)
        if not args.quiet or stats.failed:
            print(report(stats), flush=True)

    def on_error(exc: BaseException) -> None:
        errors.append(exc)
        stamp = datetime.now().isoformat(timespec="seconds")
        text = str(exc) if isinstance(exc, RoundFailedError) else f"recapture round failed: {exc}"
        print(f"[{stamp}] blog-archiver: error: {text}", file=sys.stderr, flush=True)

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        run_every(
            args.archive,
            config,
            every if every is not None else parse_duration("0s"),
            stop=stop,
            on_round=on_round,
            on_error=on_error,
            rounds=None if every is not None else 1,
        )
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
    if stop.is_set():
        return 130
    if every is None and errors:
        return 1
    return 1 if results and results[-1].failed else 0
