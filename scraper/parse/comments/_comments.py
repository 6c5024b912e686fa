"""The comment thread: every comment, in thread order, with its parent and depth.

Layers, most trustworthy first, as for the rest of the record: the platform profile's
selectors (WordPress ``ol.commentlist`` ...), then the generic repeated-item detector,
then JSON-LD ``Comment`` objects (rarely complete, but better than nothing). The count is
what the page *declares* (``comments_count``), never ``len(comments)``.
"""

from __future__ import annotations

import dataclasses

from lxml.html import HtmlElement

from ..._records import Comment
from .._quotes import extract_quotes
from .._results import Metadata, ThreadResult
from ..dom._css import page_select, select
from ..dom._page import Page
from ..profiles._profile import CommentSelectors, Profile
from ._count import declared_count, parse_count
from ._flat import flat_items, flat_runs
from ._generic import generic_items, looks_like_comments
from ._hints import GENERIC_HINTS
from ._jsonld import jsonld_comments
from ._links import comment_page_links
from ._thread import excluded, make_owner, prune_parts, walk_thread
from ._tree import as_tree

__all__ = ["comment_nodes", "comment_page_links", "extract_comments", "parse_count"]


def extract_comments(page: Page, profile: Profile, meta: Metadata) -> ThreadResult:
    base = page.url or meta.url
    comments: tuple[Comment, ...] = ()
    sel = profile.comments
    items = _profile_items(page, profile)
    if items:
        comments = walk_thread(items, _generic_hints(sel), base, extract_quotes)
    if not comments:
        items = _generic_items(page)
        if items:
            comments = walk_thread(items, _generic_hints(sel), base, extract_quotes)
    if not comments:
        items = flat_items(page)
        if items:  # generic markup whatever the engine: ids are the anchors' numbers
            flat = dataclasses.replace(_generic_hints(sel), id_pattern=r"(\d+)$")
            comments = walk_thread(items, flat, base, extract_quotes)
    if not comments:
        items = []
        comments = jsonld_comments(page, base)
    first = items[0] if items else None
    return ThreadResult(comments=as_tree(comments), count=declared_count(page, profile, first))


def comment_nodes(page: Page, profile: Profile) -> tuple[HtmlElement, ...]:
    """The top-level comment elements of the page (no replies: they sit inside these),
    for the body extractor to leave out: the same detection ``extract_comments`` uses.
    Elements of ``page.tree``, in document order; empty when the page has no thread."""
    items = _profile_items(page, profile) or _generic_items(page)
    if not items:  # a flat thread: its anchors and paragraphs, all of them
        return tuple(el for run in flat_runs(page) for el in run)
    kept = prune_parts(items)
    owner = make_owner(kept)
    return tuple(el for el in kept if (p := el.getparent()) is None or owner(p) is None)


def _profile_items(page: Page, profile: Profile) -> list[HtmlElement]:
    sel = profile.comments
    if not sel.item:
        return []
    return page.memo(f"comment-items:{profile.name}", lambda: profile_items(page, sel))


def _generic_items(page: Page) -> list[HtmlElement]:
    return page.memo("comment-items:generic", lambda: generic_items(page))


def _generic_hints(sel: CommentSelectors) -> CommentSelectors:
    # A known engine with an unknown theme: its own field selectors first, generic after.
    return dataclasses.replace(
        sel,
        author=(*sel.author, *GENERIC_HINTS.author),
        author_url=(*sel.author_url, *GENERIC_HINTS.author_url),
        date=(*sel.date, *GENERIC_HINTS.date),
        permalink=(*sel.permalink, *GENERIC_HINTS.permalink),
        content=(*sel.content, *GENERIC_HINTS.content),
        strip=(*sel.strip, *GENERIC_HINTS.strip),
    )


def profile_items(page: Page, sel: CommentSelectors) -> list[HtmlElement]:
    """Items inside the profile's thread containers, else anywhere outside sidebars/forms."""
    roots = _outermost([r for sel_ in sel.thread for r in page_select(page, sel_)])
    memo: dict[HtmlElement, bool] = page.memo("comment-excluded", dict)
    for scope in (roots, [page.tree]):
        found: list[HtmlElement] = []
        seen: set[HtmlElement] = set()
        for root in scope:
            for item_sel in sel.item:
                for el in select(root, item_sel, page.index):
                    if isinstance(el, HtmlElement) and el not in seen and not excluded(el, memo):
                        seen.add(el)
                        found.append(el)
        if found:
            order = page.index.position
            found.sort(key=lambda e: order.get(e, 0))
            # Outside the engine's thread containers its item selectors also hit a theme's
            # "Leave a comment" link box (div.comment): there, what they find must look
            # like comments, as the generic finder asks (a custom comment callback without
            # the engine's classes is then read by the generic finder).
            if scope is roots or looks_like_comments(page, found):
                return found
            return []
    return []


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(elements)
    out = []
    for el in elements:
        if not any(a in chosen for a in el.iterancestors()) and el not in out:
            out.append(el)
    return out
