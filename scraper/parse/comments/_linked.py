"""Comment lists found by their permalinks: every comment system of the era prints in each
comment a link to that comment (``#comment-340``, ``#c12``) or WordPress's reply link
(``?replytocom=340``), whatever its classes and ids are called. Asked only when the hinted
areas, numbered ids and a comments heading found nothing: the boxes that hold those links
side by side are the candidates, and they must still pass the generic group test."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..dom._page import Page
from ._markers import ITEM_ID, ITEM_TAGS, Sig, signature

__all__ = ["linked_group", "own_links", "permalink", "permalinks"]


def permalink(href: str | None) -> bool:
    """``href`` points at one comment: a fragment shaped like a comment's id, or
    WordPress's reply link (``?replytocom=340``)."""
    if not href:
        return False
    if "#" in href and ITEM_ID.match(href.rpartition("#")[2]):
        return True
    return "replytocom=" in href


def permalinks(page: Page) -> list[HtmlElement]:
    """The page's links to one comment, in document order (read once per page)."""
    found: list[HtmlElement] = page.memo(
        "comment-permalinks",
        lambda: [a for a in page.index.by_tag("a") if permalink(a.get("href"))],
    )
    return found


def own_links(links: list[HtmlElement]) -> list[HtmlElement]:
    """The links of ``links`` that point into one document, the one most of them name: a
    thread's permalinks all lead to the page itself (``#comment-3``, ``/post/#comment-3``,
    ``/post/?replytocom=3#respond``); a recent-comments list's lead to many posts."""
    by_doc: dict[str, list[HtmlElement]] = {}
    for a in links:
        doc = (a.get("href") or "").partition("#")[0].partition("?")[0]
        by_doc.setdefault(doc, []).append(a)
    return max(by_doc.values(), key=len) if by_doc else []


def linked_group(
    links: list[HtmlElement],
) -> tuple[HtmlElement, Sig, list[HtmlElement]] | None:
    """(the list, the items' kind, the items): the same-kind children of one element
    that hold most of ``links`` each in a box of its own; ``None`` unless at least two do.
    A comment's own two links (its date's permalink, its reply link) sit in one box, so
    the level where they part is the list of comments."""
    holders: dict[tuple[HtmlElement, Sig], set[HtmlElement]] = {}
    for link in links:
        child = link
        for parent in link.iterancestors():
            if parent.tag in ("body", "html"):
                break
            if child.tag in ITEM_TAGS:
                holders.setdefault((parent, signature(child)), set()).add(child)
            child = parent
    if not holders:
        return None
    (parent, sig), boxes = max(holders.items(), key=lambda kv: len(kv[1]))
    if len(boxes) < 2:
        return None
    members = [c for c in parent if isinstance(c, HtmlElement) and c.tag in ITEM_TAGS]
    return parent, sig, [c for c in members if signature(c) == sig]
