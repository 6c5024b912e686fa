"""What the crawler needs from storage, as Protocols: ``archive`` implements them on SQLite
and WARC files, tests implement them in memory. ``scraper`` never imports ``archive``.

Every method is synchronous and may block on disk; the crawler calls them from a single
writer thread so that the event loop never waits on a write and writes stay ordered.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ._records import Capture, Post, WarcRef

__all__ = [
    "CaptureSink",
    "Frontier",
    "Job",
    "JobKind",
    "KnownFrontier",
    "SharedFrontier",
    "URLState",
]


class JobKind(enum.StrEnum):
    ROBOTS = "robots"
    SITEMAP = "sitemap"
    FEED = "feed"
    API = "api"  # WordPress REST (wp-json)
    LISTING = "listing"  # home, archive and pagination pages
    POST = "post"
    COMMENTS = "comments"  # a further comment page of a post
    ASSET = "asset"


class URLState(enum.StrEnum):
    QUEUED = "queued"
    CLAIMED = "claimed"  # handed to a worker; a killed run's claims go back to QUEUED
    FETCHED = "fetched"
    PARSED = "parsed"
    FAILED = "failed"
    SKIPPED = "skipped"  # robots.txt, scope, content type: recorded with its reason


@dataclass(frozen=True, slots=True)
class Job:
    url: str  # canonical form: the dedup key
    kind: JobKind
    depth: int = 0
    post_url: str | None = None  # for COMMENTS: the post the page belongs to
    via: str | None = None  # the page that linked here


class Frontier(Protocol):
    def add(self, jobs: Iterable[Job]) -> int:
        """Queue jobs whose URL was never seen; return how many were new."""
        ...

    def claim(self, limit: int) -> list[Job]:
        """Take up to ``limit`` queued jobs (marking them claimed)."""
        ...

    def finish(self, url: str, state: URLState, reason: str | None = None) -> None:
        """Record the final state of a claimed job, with the reason when it failed."""
        ...

    def pending(self) -> int:
        """Queued plus claimed jobs: the crawl is done when this is 0 and nothing is in flight."""
        ...


@runtime_checkable
class KnownFrontier(Frontier, Protocol):
    """A frontier that outlives a run (the archive's catalog): a resumed crawl reads what
    its earlier runs queued before it queues anything, so those URLs are not sent to the
    frontier again and they count against the crawl's trap limits (the per-host budget is
    the crawl's, not one run's)."""

    def known(self) -> Iterator[tuple[str, JobKind]]:
        """Every URL the frontier holds, with its kind, streamed in batches."""
        ...


@runtime_checkable
class SharedFrontier(Frontier, Protocol):
    """A frontier other crawler processes work on at the same time (``archive`` implements
    it on PostgreSQL). ``claim`` hands out only jobs whose host may be asked now, so an
    empty claim no longer means the crawl is over: that is ``pending() == 0``, and until
    then the crawler asks again every ``poll_interval`` seconds. robots.txt is fetched by
    the first process that needs it and read from here by the others."""

    poll_interval: float

    def known_robots(self, origin: str) -> tuple[int, bytes] | None:
        """``(status, body)`` of ``origin``'s robots.txt as another process fetched it."""
        ...

    def save_robots(self, origin: str, status: int, body: bytes, crawl_delay: float) -> None:
        """Share a fetched robots.txt, and its ``Crawl-delay`` for every process's claims."""
        ...

    def settle(self, url: str, state: URLState, reason: str | None, jobs: Iterable[Job]) -> int:
        """``add(jobs)`` then ``finish(url, state, reason)`` as one unit (one round trip to
        a server, which no other process sees half done); returns how many jobs were new."""
        ...


class CaptureSink(Protocol):
    def write_capture(self, capture: Capture) -> WarcRef:
        """Store one request/response pair durably (WARC + index) before returning."""
        ...

    def write_post(self, page_url: str, post_url: str, post: Post) -> None:
        """Keep the parse of one page of a post; pages of one post are merged on read."""
        ...
