"""What the crawl does with each kind of response: sitemaps, feeds, REST pages, HTML pages.

Split from ``crawl.py`` so the loop (scheduling, politeness, I/O) and the handling (parse,
discover, record) can be read separately. Handlers finish the job in the frontier, write
posts to the sink and queue what they discover, all through the crawl's writer thread.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from lxml.html import HtmlElement

from .discover import (
    Found,
    api_root,
    guess_kind,
    html_links,
    is_post_page,
    published_day,
    wp_post_id,
)
from .errors import ParseError
from .parse import parse_tree
from .parse.html import build_tree, decode_html
from .parse.page import Page
from .protocols import Job, JobKind, URLState
from .records import Capture, Post, Source
from .sitemaps import Entry, parse_feed, parse_sitemap
from .urls import canonicalize, comment_page_post, origin
from .wpapi import (
    PER_PAGE,
    comments_url,
    is_past_last_page,
    parse_comment_ids,
    parse_posts,
    posts_url,
)

if TYPE_CHECKING:
    from .crawler import _Crawl

__all__ = ["PageHandler"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _comment_links_from_parser(page: Page) -> list[str]:
    """The comments parser's own comment-page links, when that function exists."""
    from .parse import comments as comments_mod

    fn: Any = getattr(comments_mod, "comment_page_links", None)
    if fn is None:
        return []
    try:
        return [str(u) for u in fn(page)]
    except Exception:  # a parser bug must not cost the crawl its own discovery
        return []


class PageHandler:
    def __init__(self, crawl: _Crawl) -> None:
        self.c = crawl
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

    async def _done(self, job: Job, capture: Capture) -> None:
        await self.c.finish(job, URLState.FETCHED, status=capture.status, bytes=len(capture.body))

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
    def _fresh(self, entries: Iterable[Entry], url: str) -> list[Entry]:
        since = self.c.config.since
        kept = []
        for e in entries:
            if since is not None and e.when is not None and e.when < since:
                continue
            kept.append(e)
        return kept

    async def _sitemap(self, job: Job, capture: Capture) -> None:
        c = self.c
        doc = parse_sitemap(capture.content or capture.body, capture.url, c.config.max_bytes)
        maps = [Found(e.url, JobKind.SITEMAP) for e in doc.sitemaps if c.scope.has_host(e.url)]
        pages = [
            Found(e.url, guess_kind(e.url))
            for e in self._fresh(doc.urls, capture.url)
            if e.url in c.scope
        ]
        await c.queue(maps + pages, job.url, job.depth + 1)
        await self._done(job, capture)

    async def _feed(self, job: Job, capture: Capture) -> None:
        c = self.c
        entries = parse_feed(capture.content or capture.body, capture.url, c.config.max_bytes)
        found = [
            Found(e.url, guess_kind(e.url, bookmark=True))
            for e in self._fresh(entries, capture.url)
            if e.url in c.scope
        ]
        await c.queue(found, job.url, job.depth + 1)
        await self._done(job, capture)

    async def _api(self, job: Job, capture: Capture) -> None:
        c = self.c
        if "wp/v2/comments" in job.url and job.post_url:
            ids = parse_comment_ids(capture)
            self.api_comments.setdefault(job.post_url, set()).update(ids)
            if len(ids) >= PER_PAGE:
                nxt = _next_page(job.url)
                await c.queue([Found(nxt, JobKind.API, job.post_url)], job.url, job.depth)
        else:
            entries = parse_posts(capture)
            found = [
                Found(e.url, JobKind.POST)
                for e in self._fresh(entries, capture.url)
                if e.url in c.scope
            ]
            if entries:  # loop until an empty page or a 400: TotalPages is not trusted
                found.append(Found(_next_page(job.url), JobKind.API))
            await c.queue(found, job.url, job.depth + 1)
        await self._done(job, capture)

    # --- HTML ----------------------------------------------------------------------------
    async def _html(self, job: Job, capture: Capture) -> None:
        c = self.c
        url = capture.url
        text = decode_html(capture.content or capture.body, capture.content_type)
        tree = build_tree(text, url)
        page = Page(tree, url)
        post = parse_tree(page)
        comment_post = job.post_url or comment_page_post(url)
        is_comments = job.kind is JobKind.COMMENTS or comment_post is not None
        if not is_comments and not is_post_page(tree, url, post):
            await self._listing(job, capture, tree)
            return
        post_url = comment_post if is_comments and comment_post else _post_url(post, url)
        day = published_day(post)
        if not is_comments and c.config.since and day is not None and day < c.config.since:
            reason = f"published {day} before --since {c.config.since}"
            await c.finish(job, URLState.SKIPPED, reason, status=capture.status)
            return
        await c.io(c.sink.write_post, url, post_url, self._with_source(post, capture))
        c.counts["comment_pages" if is_comments else "posts"] += 1
        ids = self.html_comments.setdefault(post_url, set())
        ids.update(cm.id or f"anon:{url}:{i}" for i, cm in enumerate(post.comments))
        found = self._post_links(tree, page, url, post_url)
        if not is_comments:
            found += self._comments_api(tree, url, post_url)
        await c.queue(found, url, job.depth + 1)
        await c.finish(job, URLState.PARSED, status=capture.status, bytes=len(capture.body))

    def _post_links(self, tree: HtmlElement, page: Page, url: str, post_url: str) -> list[Found]:
        c = self.c
        out = []
        extra = [u for u in (canonicalize(x, url) for x in _comment_links_from_parser(page)) if u]
        found = html_links(tree, url, assets=c.config.assets)
        found += [Found(u, JobKind.COMMENTS) for u in extra]
        for f in found:
            if f.kind is JobKind.COMMENTS or f.url in extra:
                if f.url in c.scope:
                    out.append(Found(f.url, JobKind.COMMENTS, post_url))
            elif f.kind is JobKind.ASSET or f.url in c.scope:
                out.append(f)
        return out

    def _comments_api(self, tree: HtmlElement, url: str, post_url: str) -> list[Found]:
        if not self.c.config.wp_json:
            return []
        root = api_root(tree, url)
        pid = wp_post_id(tree)
        if root is None or pid is None or not self.c.scope.has_host(root):
            return []
        return [Found(comments_url(root, pid, 1), JobKind.API, post_url)]

    async def _listing(self, job: Job, capture: Capture, tree: HtmlElement) -> None:
        c = self.c
        found = [
            f
            for f in html_links(tree, capture.url, since=c.config.since, assets=c.config.assets)
            if f.kind is JobKind.ASSET or f.url in c.scope
        ]
        root = api_root(tree, capture.url) if c.config.wp_json else None
        if root and origin(root) not in self.api_started and c.scope.has_host(root):
            self.api_started.add(origin(root))
            found.append(Found(posts_url(root, 1), JobKind.API))
        await c.queue(found, capture.url, job.depth + 1)
        await self._done(job, capture)

    def _with_source(self, post: Post, capture: Capture) -> Post:
        src = Source(
            fetched_url=capture.url,
            fetched_at=capture.fetched_at,
            status=capture.status,
            sha256=hashlib.sha256(capture.content or capture.body).hexdigest(),
            warc=self.c.ref_for(capture.url),
        )
        return dataclasses.replace(post, source=src)

    async def report_missing_comments(self) -> None:
        """Warn where the REST API knows more comments than the HTML pages showed."""
        from .crawler import CrawlEvent

        for post_url, api_ids in self.api_comments.items():
            html_ids = self.html_comments.get(post_url)
            if html_ids is None or len(api_ids) <= len(html_ids):
                continue
            reason = f"comments missing: HTML {len(html_ids)}, API {len(api_ids)}"
            self.c.counts["warnings"] += 1
            self.c.emit(CrawlEvent("warning", post_url, reason=reason))


def _is_html(capture: Capture) -> bool:
    ctype = (capture.content_type or "").split(";")[0].strip().lower()
    return not ctype or ctype in _HTML_TYPES


def _post_url(post: Post, url: str) -> str:
    """The post's canonical URL, when it names one on the same host; else the fetched URL."""
    canon = canonicalize(post.url, url) if post.url else None
    if canon is None or urlsplit(canon).netloc != urlsplit(url).netloc:
        return url
    return comment_page_post(canon) or canon


def _next_page(url: str) -> str:
    """The same REST URL with ``page`` incremented."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    page = next((int(v) for k, v in pairs if k == "page" and v.isdigit()), 1)
    query = "&".join(f"{k}={page + 1 if k == 'page' else v}" for k, v in pairs)
    if not any(k == "page" for k, _ in pairs):
        query += f"&page={page + 1}"
    return parts._replace(query=query).geturl()
