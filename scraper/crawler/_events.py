"""What a crawl reports: one ``CrawlEvent`` per thing that happened, ``CrawlStats`` at the end.

Kept apart from the loop (``crawler``) so the page handlers (``crawl_pages``) and the
progress displays (``archive``) can use them without importing the crawler.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._protocols import URLState

__all__ = ["EVENT_KINDS", "CrawlEvent", "CrawlStats"]

EVENT_KINDS = {URLState.FAILED: "failed", URLState.SKIPPED: "skipped"}  # else "fetched"


@dataclass(frozen=True, slots=True)
class CrawlEvent:
    """One thing that happened, for progress displays and ``--log-json``.

    ``kind``: ``fetched`` | ``failed`` | ``skipped`` | ``queued`` | ``warning`` | ``error``.
    """

    kind: str
    url: str
    status: int | None = None
    bytes: int = 0
    reason: str | None = None
    job_kind: str | None = None
    count: int = 1  # for "queued": how many new jobs

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "url": self.url,
            "status": self.status,
            "bytes": self.bytes,
            "reason": self.reason,
            "job_kind": self.job_kind,
            "count": self.count,
        }


@dataclass(frozen=True, slots=True)
class CrawlStats:
    fetched: int = 0  # jobs fetched and handled
    failed: int = 0
    skipped: int = 0
    posts: int = 0  # post pages parsed and written (comment pages not counted)
    comment_pages: int = 0
    bytes: int = 0  # raw bytes received, all captures
    requests: int = 0  # captures written (every response, retries and redirects included)
    queued: int = 0  # new jobs added this run
    warnings: int = 0
    elapsed: float = 0.0
    limit_reached: bool = False
    error: str | None = None  # set when storage failed and the crawl stopped early
