"""Visible text around the headline: where bylines and datelines stand without markup.

A bounded walk in reading order from the headline (and a few texts before it), skipping
comment threads, sidebars, navigation, lists and quotes, so that "von Daniela Obers" or
"Pressemitteilung vom 25. Januar 2022" is found without scanning the whole page.
"""

from __future__ import annotations

import functools

from lxml.html import HtmlElement

from ..dom._page import Page
from ..dom._text import collapse
from ._candidates import Scan
from ._regions import region_by_label

__all__ = ["Near", "body_texts", "headline_texts", "in_teaser"]

_SKIP_REGIONS = ("comment", "side")
_WALK_SKIP = frozenset(
    {"script", "style", "noscript", "template", "nav", "aside", "footer", "form", "select",
     "button", "svg", "figure", "figcaption", "blockquote", "ul", "ol"}
)  # fmt: skip


_LISTS = frozenset({"ul", "ol"})


def body_texts(page: Page, limit: int = 1000, *, lists: bool = False) -> list[str]:
    """Short texts of the whole body in reading order, comment threads left out (but not
    sidebars: an old blog's date may sit there): the last place to look for a dateline.
    ``lists`` also walks lists, for a page whose posts are the items of one, and leaves
    sidebars out then (their lists are widgets: "Popular", "Recent posts")."""
    body = page.tree.find("body")
    if body is None:
        return []
    if lists:
        return _walk([body], limit, skip=_SKIP_REGIONS, skip_tags=_WALK_SKIP - _LISTS)
    return _walk([body], limit, skip=("comment",))


def headline_texts(page: Page, scan: Scan, limit: int = 60) -> tuple[list[str], list[str]]:
    """Short texts around the headline, nearest first: where bylines and dates stand when
    no markup names them ("von Daniela Obers", "Pressemitteilung vom 25. Januar 2022").

    Returns the texts after the headline and those right before it (kickers, date
    lines), each in reading order; comment threads, sidebars, lists and quotes are not
    walked. Without a headline, the whole body is "after".
    """
    start = _headline(scan)
    if start is None:
        body = page.tree.find("body")
        if body is None:
            return [], []
        return _walk([body], limit * 3)[: limit * 2], []
    if start.tag not in _HEADINGS:
        # no ``<h1>``: the headline is the article itself (its title an ``<h2>`` or a
        # styled ``<div>``), and its byline is inside it, not after it
        return _walk([start], limit), _walk(_preceding(start), limit // 3)
    return _walk(_following(start), limit), _walk(_preceding(start), limit // 3)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _headline(scan: Scan) -> HtmlElement | None:
    for hit in scan.h1:
        if hit.in_article and not hit.in_comment:
            return hit.el
    visible = [h.el for h in scan.h1 if not h.in_comment and not h.in_side]
    if visible:
        return visible[0]
    if scan.article_root is not None:
        return scan.article_root
    # the only headline may sit in a region named like a sidebar (a breadcrumb bar)
    return next((h.el for h in scan.h1 if not h.in_comment), None)


def in_teaser(el: HtmlElement, headline: HtmlElement | None) -> bool:
    """True for an element inside another post's card: an ``<article>`` that does not
    hold the headline and stands in a row of them (a list item, or beside another
    ``<article>``). "Popular right now" and "related" cards carry their own bylines,
    often before the post's own byline, and often in the same classes."""
    card = el if el.tag == "article" else next(el.iterancestors("article"), None)
    if card is None or headline is None or card is headline:
        return False
    if any(a is card for a in headline.iterancestors("article")):
        return False
    parent = card.getparent()
    if parent is None:
        return False
    if parent.tag == "li":
        return True
    row = parent.getparent() if parent.getparent() is not None else parent
    # another <article> among the parent's children or the grandparent's grandchildren
    cards = seen = 0
    for child in row:
        for node in (child, *child):
            seen += 1
            if node.tag == "article":
                cards += 1
                if cards > 1:
                    return True
        if seen > 400:
            break
    return False


def _following(el: HtmlElement) -> list[HtmlElement]:
    out: list[HtmlElement] = []
    node: HtmlElement | None = el
    depth = 0
    while node is not None and node.tag not in ("body", "html") and depth < 6:
        out.extend(s for s in node.itersiblings() if isinstance(s.tag, str))
        node = node.getparent()
        depth += 1
    return out


def _preceding(el: HtmlElement) -> list[HtmlElement]:
    out: list[HtmlElement] = []
    node: HtmlElement | None = el
    for _ in range(3):
        if node is None or node.tag in ("body", "html"):
            break
        out.extend(s for s in node.itersiblings(preceding=True) if isinstance(s.tag, str))
        node = node.getparent()
    return out[:8]


def _walk(
    roots: list[HtmlElement],
    limit: int,
    *,
    skip: tuple[str, ...] = _SKIP_REGIONS,
    skip_tags: frozenset[str] = _WALK_SKIP,
) -> list[str]:
    texts: list[str] = []
    add = texts.append
    visited = 0
    budget = limit * 8
    for root in roots:
        stack = [root]
        pop, push = stack.pop, stack.extend
        while stack and len(texts) < limit and visited < budget:
            el = pop()
            visited += 1
            tag = el.tag
            if not isinstance(tag, str) or tag in skip_tags:
                continue
            # ``region_of`` without the call for the many elements with no id or class
            ident = el.get("id")
            cls = el.get("class")
            if (ident or cls) and region_by_label(ident, cls) in skip:
                continue
            # the element's text, then its tail (written out twice: a loop over the pair
            # cost a fifth of the walk); layout whitespace (most runs) collapses to
            # nothing and is skipped before the call; a long text is prose: only its
            # opening can be a dateline or byline
            t = el.text
            if t and not t.isspace():
                text = collapse(t[:600])
                if text:
                    add(text if len(text) < 200 else text[:40])
            t = el.tail
            if t and not t.isspace():
                text = collapse(t[:600])
                if text:
                    add(text if len(text) < 200 else text[:40])
            if len(el):
                push(reversed(el))
        if len(texts) >= limit:
            break
    return texts


class Near:
    """The texts around the headline, walked only when a field falls back to them."""

    def __init__(self, page: Page, scan: Scan) -> None:
        self.page = page
        self.scan = scan

    @functools.cached_property
    def around(self) -> tuple[list[str], list[str]]:
        return headline_texts(self.page, self.scan)

    @functools.cached_property
    def headline(self) -> HtmlElement | None:
        return _headline(self.scan)

    @functools.cached_property
    def body(self) -> list[str]:
        """The whole body's short texts (``body_texts``), for the last-resort witnesses."""
        return body_texts(self.page)

    @functools.cached_property
    def texts(self) -> list[str]:
        """After and before the headline interleaved: nearest first."""
        after, before = self.around
        out: list[str] = []
        for i in range(max(len(after), len(before))):
            out.extend(x[i] for x in (after, before) if i < len(x))
        return out
