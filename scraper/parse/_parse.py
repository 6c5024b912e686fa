"""Parsing: bytes or text in, a ``Post`` out. Pure: no network, clock or files.

Layers, most trustworthy first: structured data (JSON-LD, Open Graph, microformats,
``<time datetime>``, ``rel=author``), then the page's platform profile (WordPress,
Blogger ...), then generic heuristics for markup never seen before.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Callable, Iterator
from typing import TypeVar

from lxml import etree

from .._errors import ParseError
from .._records import Capture, Extractor, Post, Source, WarcRef
from .._version import __version__
from ._guard import guard_post
from ._merge import merge_comment_pages
from .body._body import extract_body
from .comments._comments import extract_comments
from .dom._html import build_tree, tree_of_bytes
from .dom._page import Page
from .metadata._metadata import extract_metadata
from .profiles import detect_profile

__all__ = ["merge_comment_pages", "parse_capture", "parse_page", "parse_tree", "read_page"]

T = TypeVar("T")

_PARSER_BUGS = (
    LookupError,  # also covers IndexError, KeyError
    ValueError,  # also covers UnicodeError
    TypeError,
    AttributeError,
    RecursionError,
    etree.LxmlError,
)


def parse_page(
    html: bytes | str,
    url: str | None = None,
    *,
    content_type: str | None = None,
    source: str | None = None,
) -> Post:
    """Parse one page into a ``Post``.

    ``html`` may be bytes in any charset (sniffed from BOM, ``content_type``, ``<meta>``) or
    text. ``url`` is where the page lives; it resolves relative links and is the record's
    URL when the page names no canonical one. ``source`` names the page in errors
    (a path, say); it defaults to ``url``.

    >>> parse_page(b"<html><body><article><h1>Hi</h1><p>Text.</p></article></body></html>").title
    'Hi'
    """
    return read_page(html, url, parse_tree, content_type=content_type, source=source)


def read_page(
    html: bytes | str,
    url: str | None,
    read: Callable[[Page], T],
    *,
    content_type: str | None = None,
    source: str | None = None,
) -> T:
    """The one way a page is read, by ``parse_page`` and by the crawl (which also finds the
    page's links): decoded, built into ONE tree, handed to ``read``. What fails is the
    page's ``ParseError`` (naming ``source``, else ``url``) whoever reads it."""
    name = source or url
    with _collector_paused():
        try:
            tree = (
                tree_of_bytes(html, content_type, name)
                if isinstance(html, bytes)
                else build_tree(html, name)
            )
            out = read(Page(tree, url))
        except _PARSER_BUGS as exc:
            # A bug of ours on markup nobody foresaw must cost one page, not the crawl or
            # the CLI: a ParseError naming the page, the cause chained for a report.
            raise ParseError(f"parser failed ({type(exc).__name__}: {exc})", name) from exc
        # The tree and its element proxies go while the collector is still held off: alive
        # when it resumes, they would be the first pass's work, all for nothing.
        del tree
    return out


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector held off for one parse, as Mercurial's ``nogc`` does.

    A parse allocates some twenty thousand container objects (an lxml proxy per element,
    the index's lists, per-element dicts), nearly all freed by reference counting when it
    ends; the collector would run a pass every 700 of them, and now and then over the
    host's whole heap, for no garbage. Whatever cycles the parse makes are collected by
    the first pass after it. A host that turned the collector off keeps it off; with
    parses in several threads, the one that paused it turns it back on when it ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def parse_tree(page: Page) -> Post:
    """Run the extractors over an already built page."""
    # The element list first: while it holds every element's Python proxy, later walks
    # (metadata, body, comments) reuse them instead of building new ones.
    page.elements  # noqa: B018
    profile = detect_profile(page)
    meta = extract_metadata(page, profile)
    body = extract_body(page, profile, meta)
    thread = extract_comments(page, profile, meta)
    post = Post(
        url=meta.url or page.url,
        title=meta.title,
        site=meta.site,
        author=meta.authors[0] if meta.authors else None,
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        categories=meta.categories,
        tags=meta.tags,
        language=meta.language,
        body=body.body,
        quotes=body.quotes,
        links=body.links,
        read_more=body.read_more,
        images=body.images,
        comment_count=thread.count,
        comments=thread.comments,
        source=None,
        extractor=Extractor(profile.name, __version__),
    )
    return guard_post(post)


def parse_capture(capture: Capture, warc: WarcRef | None = None) -> Post:
    """Parse an archived response; the record's ``source`` says where it came from."""
    import dataclasses

    post = parse_page(
        capture.content or capture.body, capture.url, content_type=capture.content_type
    )
    src = Source(
        fetched_url=capture.url,
        fetched_at=capture.fetched_at,
        status=capture.status,
        sha256=hashlib.sha256(capture.content or capture.body).hexdigest(),
        warc=warc,
    )
    return dataclasses.replace(post, source=src)
