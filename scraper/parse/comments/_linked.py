"""Links to one comment: every comment system of the era prints in each comment a link to
that comment (``#comment-340``, ``#c12``) or WordPress's reply link (``?replytocom=340``),
whatever its classes and ids are called. The group test counts a box holding one beside
text of its own as a comment (``_facts.Facts.has_permalink``)."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..dom._page import Page
from ._markers import ITEM_ID

__all__ = ["permalink", "permalinks"]


def permalink(href: str | None) -> bool:
    """``href`` points at one comment: a fragment shaped like a comment's id, or
    WordPress's reply link (``?replytocom=340``)."""
    if not href:
        return False
    if "#" in href and ITEM_ID.match(href.rpartition("#")[2]):
        return True
    return "replytocom=" in href


def permalinks(page: Page) -> list[HtmlElement]:
    """The page's links to one comment, in document order (read once per page, and only
    when a group of boxes without comment classes is being judged)."""
    found: list[HtmlElement] = page.memo(
        "comment-permalinks",
        lambda: [a for a in page.index.by_tag("a") if permalink(a.get("href"))],
    )
    return found
