"""One HTML page in, everything the crawl needs from it out: ONE lxml tree per page.

``analyze_page`` decodes the payload, builds the tree once and from that same tree runs the
post/listing decision (``is_listing_page``, then the parser, ``parse_tree``), link discovery
(``html_links``), the parser's comment-page links and the REST hints. It is pure (no I/O,
no clock), so the crawler runs it in worker processes (``scraper.crawler._pagepool``): the event
loop keeps fetching while pages are parsed on the other cores, and only the payload goes
out and a small ``PageResult`` (the ``Post`` and link lists) comes back.

What to *do* with the result (write the post, queue links, finish the job) stays with the
crawler (``crawl_pages``), on its writer thread and in the same order as before.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .._protocols import JobKind
from .._records import Post
from .._urls import Scope, canonicalize, comment_page_post
from ..discover._discover import (
    Found,
    api_root,
    html_links,
    is_listing_page,
    is_post_view,
    published_day,
    wp_post_id,
)
from ..discover._wpapi import comments_url
from ..parse._parse import parse_tree
from ..parse.dom._html import build_tree, decode_html_utf8
from ..parse.dom._page import Page

__all__ = [
    "LISTING",
    "POST",
    "SKIP",
    "Analysis",
    "PageResult",
    "PageTask",
    "analyze_page",
]

POST, LISTING, SKIP = "post", "listing", "skip"


@dataclass(frozen=True, slots=True)
class Analysis:
    """The crawl's settings a page's analysis depends on (sent to each worker once)."""

    scope: Scope
    since: date | None = None
    assets: bool = False
    wp_json: bool = True


@dataclass(frozen=True, slots=True)
class PageTask:
    """One fetched HTML page: the decoded payload and what the job knew about it."""

    payload: bytes
    content_type: str | None
    url: str
    kind: JobKind
    post_url: str | None = None  # the job's post (comment pages)


@dataclass(frozen=True, slots=True)
class PageResult:
    """What ``analyze_page`` found.

    ``verdict``: ``post`` (a post or comment page: ``post`` is set, ``links`` are the
    in-scope post links), ``listing`` (``links`` in scope, ``api_root`` when advertised) or
    ``skip`` (a post published before ``since``: ``reason``).
    """

    verdict: str
    links: tuple[Found, ...] = ()
    post: Post | None = None
    post_url: str | None = None
    is_comments: bool = False
    api_root: str | None = None
    reason: str | None = None
    sha256: str = ""


def analyze_page(task: PageTask, analysis: Analysis) -> PageResult:
    """Parse one page and discover its links, from a single tree. Raises ``ParseError``."""
    url = task.url
    text, utf8 = decode_html_utf8(task.payload, task.content_type)
    tree = build_tree(text, url, utf8)
    page = Page(tree, url)
    comment_post = task.post_url or comment_page_post(url)
    is_comments = task.kind is JobKind.COMMENTS or comment_post is not None
    scope = analysis.scope
    # a listing known from its URL or its articles is not parsed: its record is not kept
    listing = not is_comments and is_listing_page(tree, url)
    post = None if listing else parse_tree(page)
    if post is None or (not is_comments and post.body is None and not is_post_view(tree)):
        links = html_links(tree, url, since=analysis.since, assets=analysis.assets)
        found = [f for f in links if f.kind is JobKind.ASSET or f.url in scope]
        root = api_root(tree, url) if analysis.wp_json else None
        return PageResult(LISTING, tuple(found), api_root=root)
    post_url = comment_post if is_comments and comment_post else _post_url(post, url)
    day = published_day(post)
    since = analysis.since
    if not is_comments and since and day is not None and day < since:
        return PageResult(SKIP, reason=f"published {day} before --since {since}")
    found = _post_links(tree, page, url, post_url, analysis)
    if not is_comments:
        found += _comments_api(tree, url, post_url, analysis)
    digest = hashlib.sha256(task.payload).hexdigest()
    return PageResult(POST, tuple(found), post, post_url, is_comments, sha256=digest)


def _comment_links_from_parser(page: Page) -> list[str]:
    """The comments parser's own comment-page links, when that function exists."""
    from ..parse.comments import _comments as comments_mod

    fn: Any = getattr(comments_mod, "comment_page_links", None)
    if fn is None:
        return []
    try:
        return [str(u) for u in fn(page)]
    except Exception:  # a parser bug must not cost the crawl its own discovery
        return []


def _canonical_comment_page(tree: HtmlElement, url: str, post_url: str) -> list[str]:
    """The comment page a post names as its canonical: WordPress's block themes write
    ``.../comment-page-1/#comments`` there even when no link leads to it, and replay then
    answers 404 for the page's own canonical URL."""
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower().strip() == "canonical":
            target = canonicalize(el.get("href") or "", url)
            if target and target != url and comment_page_post(target) == post_url:
                return [target]
            return []
    return []


def _post_links(
    tree: HtmlElement, page: Page, url: str, post_url: str, analysis: Analysis
) -> list[Found]:
    scope = analysis.scope
    out = []
    extra = [u for u in (canonicalize(x, url) for x in _comment_links_from_parser(page)) if u]
    extra += _canonical_comment_page(tree, url, post_url)
    extra_set = set(extra)
    found = html_links(tree, url, assets=analysis.assets)
    found += [Found(u, JobKind.COMMENTS) for u in extra]
    for f in found:
        if f.kind is JobKind.COMMENTS or f.url in extra_set:
            # a comment page of ANOTHER post (the "Latest Comments" widget links to
            # .../other-post/comment-page-1/#comment-94) belongs to that post, not this one
            if f.url in scope:
                owner = comment_page_post(f.url) or post_url
                out.append(Found(f.url, JobKind.COMMENTS, owner))
        elif f.kind is JobKind.ASSET or f.url in scope:
            out.append(f)
    return out


def _comments_api(tree: HtmlElement, url: str, post_url: str, analysis: Analysis) -> list[Found]:
    if not analysis.wp_json:
        return []
    root = api_root(tree, url)
    pid = wp_post_id(tree)
    if root is None or pid is None or not analysis.scope.has_host(root):
        return []
    return [Found(comments_url(root, pid, 1), JobKind.API, post_url)]


def _post_url(post: Post, url: str) -> str:
    """The post's canonical URL, when it names one on the same host; else the fetched URL."""
    canon = canonicalize(post.url, url) if post.url else None
    if canon is None or urlsplit(canon).netloc != urlsplit(url).netloc:
        return url
    return comment_page_post(canon) or canon
