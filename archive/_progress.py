"""What a crawl shows while it runs and says when it ends.

``Progress`` is the crawler's ``on_event`` callback: it tallies events, draws a rich live
panel on a terminal (pages, queue, rate, errors, bytes), writes one JSON object per event
to a stream with ``--log-json``, and stays silent otherwise (pipes, cron). ``summary``
renders the closing report, which is always printed. Events are read by attribute
(``kind``, ``url``, ``status``, ``bytes``, ``reason``) so any event object will do.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from rich.console import Console
from rich.live import Live
from rich.table import Table

__all__ = ["Progress", "Tally", "human_bytes", "summary"]


_PAGE_KINDS = frozenset({"listing", "post", "comments"})


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(n) < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"  # pragma: no cover


@dataclass(slots=True)
class Tally:
    """Counts of one run's events (thread-safe enough: single increments under a lock)."""

    fetched: int = 0
    pages: int = 0  # of ``fetched``: HTML pages (what --max-pages counts), not feeds/sitemaps
    failed: int = 0
    skipped: int = 0
    queued: int = 0
    bytes: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    skip_reasons: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        return self.fetched / self.elapsed if self.elapsed > 0 else 0.0


class Progress:
    """Tally crawl events; draw them live (``live``) and/or log them as JSON (``log``)."""

    def __init__(
        self,
        *,
        live: bool = False,
        log: TextIO | None = None,
        console: Console | None = None,
        pending: Callable[[], int] | None = None,
    ) -> None:
        self.tally = Tally()
        self._log = log
        self._lock = threading.Lock()
        self._pending = pending
        self._live = (
            Live(self, console=console, refresh_per_second=4, transient=True) if live else None
        )

    def __call__(self, event: Any) -> None:
        kind = str(getattr(event, "kind", ""))
        kind = getattr(getattr(event, "kind", None), "value", kind)
        with self._lock:
            t = self.tally
            if kind == "fetched":
                t.fetched += 1
                if getattr(event, "job_kind", None) in _PAGE_KINDS:
                    t.pages += 1
                t.bytes += int(getattr(event, "bytes", 0) or 0)
            elif kind == "failed":
                t.failed += 1
                t.reasons[str(getattr(event, "reason", "") or "unknown")] += 1
            elif kind == "skipped":
                t.skipped += 1
                t.skip_reasons[str(getattr(event, "reason", "") or "unknown")] += 1
            elif kind == "queued":
                t.queued += int(getattr(event, "count", 1) or 1)
        if self._log is not None:
            self._log.write(json.dumps(_event_dict(kind, event), ensure_ascii=False) + "\n")
            self._log.flush()

    def __rich__(self) -> Table:
        t = self.tally
        table = Table.grid(padding=(0, 2))
        pending = self._pending() if self._pending else t.queued
        table.add_row("pages fetched", f"{t.fetched:,}", "rate", f"{t.rate:.1f}/s")
        table.add_row("queued", f"{pending:,}", "bytes", human_bytes(t.bytes))
        table.add_row("errors", f"{t.failed:,}", "skipped", f"{t.skipped:,}")
        return table

    def __enter__(self) -> Progress:
        if self._live is not None:
            self._live.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._live is not None:
            self._live.stop()


def _event_dict(kind: str, event: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"event": kind, "time": round(time.time(), 3)}
    for name in ("url", "status", "bytes", "reason", "job_kind", "count"):
        value = getattr(event, name, None)
        if value is not None:
            out[name] = value
    return out


def summary(
    *,
    tally: Tally,
    stats: Mapping[str, Any],
    failures: Counter[str],
    archive_path: Path,
    interrupted: bool = False,
) -> str:
    """The closing report: this run's pages and rate, the archive's totals, top failures."""
    urls: Mapping[str, int] = stats.get("urls", {})
    lines = [
        ("Interrupted" if interrupted else "Done")
        + f": {tally.pages:,} pages fetched"
        + (f" (+ {other:,} feeds, sitemaps, API)" if (other := tally.fetched - tally.pages) else "")
        + f" in {tally.elapsed:.1f} s "
        f"({tally.rate:.1f}/s, {human_bytes(tally.bytes)}), {tally.failed:,} failed, "
        f"{tally.skipped:,} skipped",
        f"Archive {archive_path}: {stats.get('posts', 0):,} posts, "
        f"{stats.get('captures', 0):,} captures, {human_bytes(stats.get('warc_bytes', 0))} "
        f"of WARC, {urls.get('queued', 0) + urls.get('claimed', 0):,} URLs still queued",
    ]
    total_failed = sum(failures.values())
    if total_failed:
        lines.append(f"Failed URLs: {total_failed:,}; top reasons:")
        for reason, n in failures.most_common(5):
            lines.append(f"  {n:>6,}  {reason}")
    if tally.skipped:
        # Skips are policy (robots.txt, scope, content type), but a user whose crawl fetched
        # nothing needs to see which policy stopped it.
        lines.append(f"Skipped URLs: {tally.skipped:,}; top reasons:")
        for reason, n in tally.skip_reasons.most_common(5):
            lines.append(f"  {n:>6,}  {reason}")
    return "\n".join(lines)
