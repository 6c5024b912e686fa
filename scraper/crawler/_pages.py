"""What the crawl does with each kind of response: sitemaps, feeds, REST pages, HTML pages.

Split from ``_crawler`` so the loop (scheduling, politeness, I/O) and the handling (parse,
discover, record) can be read separately. Handlers finish the job in the frontier, write
posts to the sink and queue what they discover, all through the crawl's writer thread.
What a handler may ask of the crawl is ``CrawlContext``: a handler cannot reach the loop's
state, and the loop's counters change only through its methods.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Protocol
from urllib.parse import parse_qsl, urlsplit

from .._errors import ParseError
from .._protocols import Job, JobKind, URLState
from .._records import Capture, Post, Source, WarcRef
from .._urls import Scope, origin
from ..discover._discover import Found, guess_kind
from ..discover._sitemaps import Entry, SitemapReader, parse_feed
from ..discover._wpapi import (
    PER_PAGE,
    is_past_last_page,
    parse_comment_ids,
    parse_posts,
    posts_url,
)
from ._analyze import LISTING, SKIP, PageResult, PageTask

__all__ = ["CrawlContext", "PageHandler"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Sitemap entries queued per trip to the writer thread: small enough that a sitemap of
#: 50,000 URLs never sits in memory whole, large enough that the trips cost nothing.
SITEMAP_BATCH = 2_000


class CrawlContext(Protocol):
    """What the page handlers need of a running crawl (``_crawler._Crawl`` provides it)."""

    @property
    def scope(self) -> Scope:
        """The URLs this crawl may fetch (known once the seeds are)."""
        ...

    async def analyze(self, task: PageTask) -> PageResult:
        """Parse an HTML page and find its links (in a worker process or inline)."""
        ...

    def ref_for(self, url: str) -> WarcRef | None:
        """The WARC record the capture of ``url`` was written to."""
        ...

    async def finish(
        self,
        job: Job,
        state: URLState,
        reason: str | None = None,
        *,
        status: int | None = None,
        bytes: int = 0,
    ) -> None:
        """Record the job's final state (and report it)."""
        ...

    async def queue(self, found: Iterable[Found], via: str | None, depth: int) -> int:
        """Add the URLs never seen in this run to the frontier; returns how many were new."""
        ...

    async def settle(
        self,
        job: Job,
        state: URLState,
        found: Iterable[Found],
        via: str | None,
        depth: int,
        *,
        post: tuple[str, str, Post] | None = None,
        status: int | None = None,
        bytes: int = 0,
    ) -> None:
        """Write the page's post, queue what it led to and finish it, in one storage trip."""
        ...

    def count_post(self, *, comment_page: bool) -> None:
        """One more post (or comment page) parsed and written."""
        ...

    def warn(self, url: str, reason: str) -> None:
        """Report something wrong that fails no job."""
        ...


class PageHandler:
    def __init__(self, crawl: CrawlContext, *, since: date | None, max_bytes: int) -> None:
        self.c = crawl
        self._since = since
        self._max_bytes = max_bytes
        self.api_started: set[str] = set()
        self.html_comments: dict[str, set[str]] = {}
        self.api_comments: dict[str, set[str]] = {}

    async def handle(self, job: Job, capture: Capture) -> None:
        c = self.c
        if capture.status >= 300:
            await self._bad_status(job, capture)
            return
        try:
            if job.kind is JobKind.SITEMAP:
                await self._sitemap(job, capture)
            elif job.kind is JobKind.FEED:
                await self._feed(job, capture)
            elif job.kind is JobKind.API:
                await self._api(job, capture)
            elif job.kind is JobKind.ASSET or not _is_html(capture):
                await c.finish(
                    job, URLState.FETCHED, status=capture.status, bytes=len(capture.body)
                )
            else:
                await self._html(job, capture)
        except ParseError as exc:
            await c.finish(job, URLState.FAILED, exc.reason, status=capture.status)

    async def _settle(self, job: Job, capture: Capture, found: Iterable[Found], depth: int) -> None:
        """Queue what the page led to and finish it as fetched, in one trip to the writer."""
        await self.c.settle(
            job,
            URLState.FETCHED,
            found,
            job.url,
            depth,
            status=capture.status,
            bytes=len(capture.body),
        )

    async def _bad_status(self, job: Job, capture: Capture) -> None:
        status = capture.status
        state, reason = URLState.FAILED, f"HTTP {status}"
        if status == 304:  # a conditional request (re-capture) answered: nothing new to read
            state, reason = URLState.FETCHED, "not modified"
        elif job.kind is JobKind.API and is_past_last_page(capture):
            state, reason = URLState.FETCHED, "end of pages"
        elif job.kind in (JobKind.SITEMAP, JobKind.FEED) and status in (404, 410):
            state, reason = URLState.SKIPPED, f"HTTP {status} (none here)"
        elif 300 <= status < 400:
            reason = f"HTTP {status} without Location"
        await self.c.finish(job, state, reason, status=status)

    # --- URL lists -----------------------------------------------------------------------
    def _fresh(self, entries: Iterable[Entry]) -> list[Entry]:
        since = self._since
        kept = []
        for e in entries:
            if since is not None and e.when is not None and e.when < since:
                continue
            kept.append(e)
        return kept

    async def _sitemap(self, job: Job, capture: Capture) -> None:
        """Queue a sitemap's entries one batch at a time, then finish it with the last batch.

        Interrupted half way, the sitemap is still claimed: a resume reads it again and the
        frontier drops the URLs already queued."""
        c = self.c
        reader = SitemapReader(capture.content or capture.body, capture.url, self._max_bytes)
        found: list[Found] = []
        for doc in reader.batches(SITEMAP_BATCH):
            if found:
                await c.queue(found, job.url, job.depth + 1)
            found = [Found(e.url, JobKind.SITEMAP) for e in doc.sitemaps if c.scope.has_host(e.url)]
            found += [
                Found(e.url, guess_kind(e.url)) for e in self._fresh(doc.urls) if e.url in c.scope
            ]
        if reader.truncated:
            c.warn(job.url, reader.truncated)
        await self._settle(job, capture, found, job.depth + 1)

    async def _feed(self, job: Job, capture: Capture) -> None:
        c = self.c
        entries = parse_feed(capture.content or capture.body, capture.url, self._max_bytes)
        found = [
            Found(e.url, guess_kind(e.url, bookmark=True))
            for e in self._fresh(entries)
            if e.url in c.scope
        ]
        await self._settle(job, capture, found, job.depth + 1)

    async def _api(self, job: Job, capture: Capture) -> None:
        c = self.c
        if "wp/v2/comments" in job.url and job.post_url:
            ids = parse_comment_ids(capture)
            self.api_comments.setdefault(job.post_url, set()).update(ids)
            more = []
            if len(ids) >= PER_PAGE:
                more.append(Found(_next_page(job.url), JobKind.API, job.post_url))
            await self._settle(job, capture, more, job.depth)
        else:
            entries = parse_posts(capture)
            found = [Found(e.url, JobKind.POST) for e in self._fresh(entries) if e.url in c.scope]
            if entries:  # loop until an empty page or a 400: TotalPages is not trusted
                found.append(Found(_next_page(job.url), JobKind.API))
            await self._settle(job, capture, found, job.depth + 1)

    # --- HTML ----------------------------------------------------------------------------
    async def _html(self, job: Job, capture: Capture) -> None:
        c = self.c
        url = capture.url
        task = PageTask(
            capture.content or capture.body, capture.content_type, url, job.kind, job.post_url
        )
        res = await c.analyze(task)
        if res.verdict == LISTING:
            await self._listing(job, capture, res)
            return
        if res.verdict == SKIP:
            await c.finish(job, URLState.SKIPPED, res.reason, status=capture.status)
            return
        assert res.post is not None
        assert res.post_url is not None
        post, post_url, is_comments = res.post, res.post_url, res.is_comments
        record = self._with_source(post, capture, res.sha256)
        ids = self.html_comments.setdefault(post_url, set())
        ids.update(cm.id or f"anon:{url}:{i}" for i, cm in enumerate(post.comments))
        await c.settle(
            job,
            URLState.PARSED,
            res.links,
            url,
            job.depth + 1,
            post=(url, post_url, record),
            status=capture.status,
            bytes=len(capture.body),
        )
        c.count_post(comment_page=is_comments)

    async def _listing(self, job: Job, capture: Capture, res: PageResult) -> None:
        c = self.c
        found = list(res.links)
        root = res.api_root
        if root and origin(root) not in self.api_started and c.scope.has_host(root):
            self.api_started.add(origin(root))
            found.append(Found(posts_url(root, 1), JobKind.API))
        await c.settle(
            job,
            URLState.FETCHED,
            found,
            capture.url,
            job.depth + 1,
            status=capture.status,
            bytes=len(capture.body),
        )

    def _with_source(self, post: Post, capture: Capture, sha256: str) -> Post:
        src = Source(
            fetched_url=capture.url,
            fetched_at=capture.fetched_at,
            status=capture.status,
            sha256=sha256,
            warc=self.c.ref_for(capture.url),
        )
        return dataclasses.replace(post, source=src)

    async def report_missing_comments(self) -> None:
        """Warn where the REST API knows more comments than the HTML pages showed."""
        for post_url, api_ids in self.api_comments.items():
            html_ids = self.html_comments.get(post_url)
            if html_ids is None or len(api_ids) <= len(html_ids):
                continue
            reason = f"comments missing: HTML {len(html_ids)}, API {len(api_ids)}"
            self.c.warn(post_url, reason)


def _is_html(capture: Capture) -> bool:
    ctype = (capture.content_type or "").split(";")[0].strip().lower()
    return not ctype or ctype in _HTML_TYPES


def _next_page(url: str) -> str:
    """The same REST URL with ``page`` incremented."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    page = next((int(v) for k, v in pairs if k == "page" and v.isdigit()), 1)
    query = "&".join(f"{k}={page + 1 if k == 'page' else v}" for k, v in pairs)
    if not any(k == "page" for k, _ in pairs):
        query += f"&page={page + 1}"
    return parts._replace(query=query).geturl()
