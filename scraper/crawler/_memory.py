"""In-memory ``Frontier`` and ``CaptureSink``: for tests, and for library users who want the
records without an archive folder. Thread-safe (the crawler calls them from its writer thread).
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Iterable

from .._protocols import Job, URLState
from .._records import Capture, Post, WarcRef
from ..parse._parse import merge_comment_pages

__all__ = ["MemoryFrontier", "MemorySink"]


class MemoryFrontier:
    """FIFO frontier with the same contract as the SQLite one, including resume.

    ``requeue_claimed()`` does what re-opening a killed crawl's frontier does: claimed but
    unfinished jobs go back to the queue.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.jobs: dict[str, Job] = {}
        self.states: dict[str, URLState] = {}
        self.reasons: dict[str, str | None] = {}
        self._queue: deque[str] = deque()

    def add(self, jobs: Iterable[Job]) -> int:
        new = 0
        with self._lock:
            for job in jobs:
                if job.url in self.jobs:
                    continue
                self.jobs[job.url] = job
                self.states[job.url] = URLState.QUEUED
                self._queue.append(job.url)
                new += 1
        return new

    def claim(self, limit: int) -> list[Job]:
        out: list[Job] = []
        with self._lock:
            while self._queue and len(out) < limit:
                url = self._queue.popleft()
                if self.states[url] is URLState.QUEUED:
                    self.states[url] = URLState.CLAIMED
                    out.append(self.jobs[url])
        return out

    def finish(self, url: str, state: URLState, reason: str | None = None) -> None:
        with self._lock:
            self.states[url] = state
            self.reasons[url] = reason

    def pending(self) -> int:
        with self._lock:
            live = (URLState.QUEUED, URLState.CLAIMED)
            return sum(1 for s in self.states.values() if s in live)

    def requeue_claimed(self) -> int:
        with self._lock:
            claimed = [u for u, s in self.states.items() if s is URLState.CLAIMED]
            for url in claimed:
                self.states[url] = URLState.QUEUED
                self._queue.append(url)
            return len(claimed)

    def with_state(self, state: URLState) -> dict[str, str | None]:
        """URL -> reason for every job in ``state``."""
        with self._lock:
            return {u: self.reasons.get(u) for u, s in self.states.items() if s is state}


class MemorySink:
    """Keeps every capture and every page parse; ``post(url)`` merges a post's pages."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self.captures: list[Capture] = []
        self.pages: list[tuple[str, str, Post]] = []  # (page_url, post_url, post)

    def write_capture(self, capture: Capture) -> WarcRef:
        with self._lock:
            self.captures.append(capture)
            n = next(self._ids)
        return WarcRef(file="memory", record_id=f"<urn:memory:{n}>")

    def write_post(self, page_url: str, post_url: str, post: Post) -> None:
        with self._lock:
            self.pages.append((page_url, post_url, post))

    def post_urls(self) -> list[str]:
        with self._lock:
            return list(dict.fromkeys(p for _, p, _ in self.pages))

    def post(self, post_url: str) -> Post:
        """The merged record of a post: its page and all its comment pages."""
        with self._lock:
            parts = [post for _, url, post in self.pages if url == post_url]
        return merge_comment_pages(parts)

    def captured_urls(self) -> list[str]:
        with self._lock:
            return [c.url for c in self.captures]
