"""The storage side of a re-capture round: what to ask, what to keep.

``RecaptureFrontier`` hands the crawler the archive's URLs (``archive.recapture._state``
reads them) and accepts only URLs never seen before (new posts), so ``--max-age`` is
honoured even when old posts are linked from a fresh listing page. ``RecaptureSink`` sits
between the crawler and the archive's sink and turns an unchanged response into a
``revisit`` record instead of a second copy:

* ``304 Not Modified`` -> revisit, profile ``server-not-modified``;
* ``200`` whose payload digest equals the stored one -> revisit, ``identical-payload-digest``;
* anything else -> a normal response; its parse becomes part of a new version of the post.

A version of a post is what one crawl round holds for all its pages (``archive._posts``), so
when any page of a post changed, ``carry_over`` links the unchanged pages' previous parses to
this round's revisits; a post where nothing changed gets no new version at all.
"""

from __future__ import annotations

import contextlib
import errno
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from scraper._config import CrawlConfig
from scraper._protocols import Frontier, Job, URLState
from scraper._records import Capture, Post, WarcRef
from scraper.crawler._memory import MemoryFrontier
from scraper.fetch._pinning import Pins, pinned_transport

from .._sink import ArchiveSink, payload_digest
from ..catalog import (
    CaptureRow,
    Db,
    carry_page,
    newest_parse_json,
    page_urls_of_post,
    stored_in_round,
    transaction,
)
from ..warc._writer import PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED
from ._state import KnownState, Validators

__all__ = ["RecaptureFrontier", "RecaptureSink", "RoundCounts", "carry_over", "last_parse_lookup"]


class RecaptureFrontier(MemoryFrontier):
    """The archive's URLs first; of what discovery finds, only URLs never seen before.

    A URL found new is queued in ``record`` too (the archive's ``SQLiteFrontier``, the
    catalog's ``urls`` table) and its final state written there, as a crawl would: a post
    first seen by a re-capture is a member of the archive, which every later round asks
    again even when no listing links it any more. URLs the catalog already knows keep
    their rows as they are (a post that answers 404 one round is still asked the next).

    ``stopped()`` true drains the round: nothing more is claimed, the in-flight requests finish and
    the crawl returns, so a signal never cuts a write in half.
    """

    def __init__(
        self,
        state: KnownState,
        stopped: Callable[[], bool],
        *,
        not_modified: set[str],
        record: Frontier | None = None,
    ) -> None:
        super().__init__()
        self._known = state.known
        self._stopped = stopped
        self._not_modified = not_modified
        self._record = record
        self._recorded = set(state.unfinished)  # URLs whose urls row this round finishes
        self.answered_304 = 0
        if record is not None:
            for url, final in state.settled.items():
                record.finish(url, final, "re-captured by an interrupted run of this round")
        super().add(state.jobs)

    def add(self, jobs: Iterable[Job]) -> int:
        fresh: dict[str, Job] = {}
        for job in jobs:
            if job.url not in self._known and job.url not in self._recorded:
                fresh.setdefault(job.url, job)
        if not fresh:
            return 0
        if self._record is not None:
            self._record.add(fresh.values())  # committed before the crawler claims them
            self._recorded.update(fresh)
        return super().add(fresh.values())

    def claim(self, limit: int) -> list[Job]:
        return [] if self._stopped() else super().claim(limit)

    def pending(self) -> int:
        return 0 if self._stopped() else super().pending()

    def finish(self, url: str, state: URLState, reason: str | None = None) -> None:
        # The crawler takes any status >= 300 for a failure; a 304 is the answer we asked for
        # (the sink saw it first and stored the revisit).
        if state is URLState.FAILED and url in self._not_modified:
            self.answered_304 += 1
            state, reason = URLState.FETCHED, "not modified"
        if self._record is not None and url in self._recorded:
            self._record.finish(url, state, reason)
        super().finish(url, state, reason)


@dataclass(slots=True)
class RoundCounts:
    not_modified: int = 0  # 304 -> server-not-modified revisit
    identical: int = 0  # 200, same payload -> identical-payload-digest revisit
    changed: int = 0  # 200, a different payload than stored
    new: int = 0  # a URL the archive had never captured
    other: int = 0  # redirects, errors ... stored as they came
    pages_written: int = 0  # parses of changed or new pages
    same_parse: int = 0  # new bytes (a nonce, a timestamp) but the same record as stored
    changed_posts: set[str] = field(default_factory=set)


class RecaptureSink:
    """``CaptureSink`` that stores unchanged re-captures as revisits (see module docstring)."""

    def __init__(
        self,
        inner: ArchiveSink,
        state: KnownState,
        last_parse: Callable[[str], dict[str, Any] | None] | None = None,
    ) -> None:
        self.inner = inner
        self.state = state
        # the newest stored record of a page, to tell a real change from churning bytes
        self.last_parse = last_parse
        self.fatal: OSError | None = None  # a full disk: the round stops, see ``_guard``
        self.counts = RoundCounts()
        self.not_modified: set[str] = set()  # URLs answered 304 this round
        self._unchanged: set[str] = set()

    def write_capture(self, capture: Capture) -> WarcRef:
        with self._guard():
            return self._write_capture(capture)

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """A full disk will not heal during the round: stop claiming work and say so.

        Every record is appended whole or not at all (``archive.warc``) and each catalog
        change is one transaction, so what was stored before stays valid.
        """
        try:
            yield
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT) and self.fatal is None:
                self.fatal = exc
            raise

    def _write_capture(self, capture: Capture) -> WarcRef:
        base = self.state.responses.get(capture.url)
        if capture.url in self.state.done:
            stored = self._stored_this_round(capture, base)
            if stored is not None:
                return stored
        profile = None
        if base is not None and capture.status == 304:
            profile = PROFILE_NOT_MODIFIED
            self.counts.not_modified += 1
            self.not_modified.add(capture.url)
        elif (
            base is not None
            and capture.status == base.status
            and base.payload_digest == payload_digest(capture.body)
        ):
            profile = PROFILE_IDENTICAL
            self.counts.identical += 1
        if profile is not None and base is not None:
            ref = self.inner.write_revisit_ref(capture, base, profile)
            self._unchanged.add(capture.url)
            self._remember(capture)
            return ref
        if base is None:
            self.counts.new += 1
        elif capture.status == 200:
            self.counts.changed += 1
        else:
            self.counts.other += 1
        self._unchanged.discard(capture.url)
        return self.inner.write_capture(capture)

    def _stored_this_round(self, capture: Capture, base: CaptureRow | None) -> WarcRef | None:
        """The record an interrupted run of this round already stored for the same content
        (resumed rounds only): the URL gets no second record."""
        if capture.status == 304:
            digest = base.payload_digest if base is not None else None
        else:
            digest = payload_digest(capture.body)
        if digest is None:
            return None
        stored = stored_in_round(self.inner.catalog.db, capture.url, self.inner.crawl_id, digest)
        if stored is None:
            return None
        if capture.status == 304:
            self.not_modified.add(capture.url)  # the answer asked for, not a failure
        if stored.record_type == "revisit":
            self._unchanged.add(capture.url)
        # A stored response's parse may not have been written before the run died: the
        # crawler parses it again and ``write_post`` keeps it unless it is already there.
        return WarcRef(stored.warc_file, stored.record_id, stored.offset, stored.length)

    def _remember(self, capture: Capture) -> None:
        # A 304 carries the current validators; keep them for the next round in this run.
        v = self.state.validators.get(capture.url)
        etag, modified = capture.header("etag"), capture.header("last-modified")
        if etag or modified:
            self.state.validators[capture.url] = Validators(
                etag or (v.etag if v else None), modified or (v.last_modified if v else None)
            )

    def write_post(self, page_url: str, post_url: str, post: Post) -> None:
        if page_url in self._unchanged:
            return  # same payload as a stored parse: no new version from this page alone
        if self.last_parse is not None and _same_record(self.last_parse(page_url), post):
            # The bytes changed (nonces, "3 minutes ago", cache stamps) but the record did
            # not: the response is archived as captured, yet it is no new version of the post.
            self.counts.same_parse += 1
            return
        with self._guard():
            self.inner.write_post(page_url, post_url, post)
        self.counts.pages_written += 1
        self.counts.changed_posts.add(post_url)


def _same_record(stored: dict[str, Any] | None, post: Post) -> bool:
    if stored is None:
        return False
    new = post.to_dict()
    return {k: v for k, v in stored.items() if k != "source"} == {
        k: v for k, v in new.items() if k != "source"
    }


def last_parse_lookup(conn: Db) -> Callable[[str], dict[str, Any] | None]:
    """The newest stored record of a page URL (called on the crawler's writer thread)."""

    def lookup(page_url: str) -> dict[str, Any] | None:
        text = newest_parse_json(conn, page_url)
        if text is None:
            return None
        record: dict[str, Any] = json.loads(text)
        return record

    return lookup


def carry_over(conn: Db, crawl_id: int, posts: Iterable[str], now: str) -> int:
    """Complete this round's version of each changed post with its unchanged pages.

    A page counts as unchanged when this round stored a revisit for it; a page that now
    answers 404 has a response instead and is *not* carried, so its comments show as removed.
    Returns how many page parses were linked.
    """
    linked = 0
    for post_url in sorted(set(posts)):
        pages = page_urls_of_post(conn, post_url)
        with transaction(conn) as c:
            for page_url in pages:
                linked += carry_page(c, crawl_id, post_url, page_url, now)
    return linked


def conditional_client(
    asked: set[str], validators: dict[str, Validators], config: CrawlConfig, pins: Pins
) -> httpx.AsyncClient:
    """Conditional requests for the round's jobs as they are claimed (robots.txt and
    the pages the round discovers go without)."""

    async def conditional(request: httpx.Request) -> None:
        url = str(request.url)
        if request.method != "GET" or url not in asked:
            return
        v = validators.get(url)
        if v is not None:
            request.headers.update(v.headers())

    limits = httpx.Limits(
        max_connections=config.concurrency, max_keepalive_connections=config.concurrency
    )
    return httpx.AsyncClient(
        transport=pinned_transport(pins, limits=limits),
        follow_redirects=False,
        event_hooks={"request": [conditional]},
    )
