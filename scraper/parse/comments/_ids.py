"""A comment's identity: its stable id and the permalink the page gives it.

Both are read, never made: an id comes from the item's own attributes, an inner anchor or
the permalink's fragment, and a permalink only from a link the page holds.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..dom._text import join_url

__all__ = ["comment_id", "permalink"]


def comment_id(item: HtmlElement, pattern: str, link_el: HtmlElement | None = None) -> str | None:
    """The stable id: from the item's id attribute (``comment-123`` -> ``123``), an inner
    ``id=comment-N`` anchor, or the permalink's fragment."""
    rx = re.compile(pattern)
    candidates = [
        item.get("id") or "",
        item.get("data-comment-id") or "",
        item.get("data-id") or "",
    ]
    for el in item.iterdescendants():
        ident = el.get("id") if isinstance(el, HtmlElement) else None
        if ident and "comment" in ident.lower():
            candidates.append(ident)
            break
    if link_el is not None:
        # the fragment, split as urllib does but without its ValueError on malformed URLs
        candidates.append((link_el.get("href") or "").partition("#")[2])
    for cand in candidates:
        hexed = _HEX_ID.search(cand.strip()) if cand else None
        if hexed:
            return hexed.group(1)
        m = rx.search(cand.strip()) if cand else None
        if m:
            return m.group(1)
    return None


# ids that are hashes, not counters (comment-5023c5aeeab8eaf833000003): keep them whole
_HEX_ID = re.compile(r"(?:^|[-_])(?:comment|c)[-_]?(?=[0-9a-f]*[a-f])([0-9a-f]{12,})$", re.I)
_NOT_PERMALINK = re.compile(r"form|respond|reply|comments$", re.I)


def permalink(link_el: HtmlElement | None, base: str | None) -> str | None:
    """The permalink the page gives; none is made up from an element id."""
    href = link_el.get("href") if link_el is not None else None
    if not href or href.strip().startswith(("javascript:", "mailto:")) or href.strip() == "#":
        return None
    if _NOT_PERMALINK.search(href.partition("#")[2]):
        return None  # "#comment-form", "#respond": the form, not this comment
    return join_url(base, href) if base else str(href)
