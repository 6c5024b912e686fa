"""Where an element sits: in a comment thread, in a sidebar-like region, in the article.

A comment's date or a "recent posts" byline is the classic wrong answer for a post's
metadata, so every candidate learns its region from the ids and classes of its
ancestors. Pages repeat the same id/class strings on many elements; the verdict is
remembered per string.
"""

from __future__ import annotations

import functools
import re

from lxml.html import HtmlElement

__all__ = ["Regions", "in_comments", "region_by_label", "region_of"]

_SIDE_TAGS = frozenset({"aside", "nav", "footer"})


class Regions:
    """Where each element sits (comment thread, sidebar, the article), memoised per
    ancestor so that a page's hundred hits walk each ancestor chain once."""

    __slots__ = ("memo", "root")

    def __init__(self, root: HtmlElement | None) -> None:
        self.root = root
        self.memo: dict[HtmlElement, tuple[bool, bool, bool]] = {}

    def of(self, el: HtmlElement) -> tuple[bool, bool, bool]:
        chain: list[HtmlElement] = []
        state = (False, False, False)
        node = el.getparent()
        while node is not None and node.tag not in ("body", "html"):
            known = self.memo.get(node)
            if known is not None:
                state = known
                break
            chain.append(node)
            node = node.getparent()
        for anc in reversed(chain):
            kind = region_of(anc)
            state = (
                state[0] or kind == "comment",
                state[1] or kind == "side" or anc.tag in _SIDE_TAGS,
                state[2] or anc is self.root,
            )
            self.memo[anc] = state
        in_comment, in_side, in_article = state
        return in_comment, in_side and not in_article, in_article or el is self.root


_LABEL_SPLIT = re.compile(r"[\s_\-]+")
_COMMENT_PARTS = frozenset({"comment", "comments", "commentlist", "disqus", "kommentare"})
_COMMENT_FLAGS = frozenset({"comments-open", "comments-closed", "has-comments", "no-comments"})
# a share bar that counts the comments ("nyo-social-comments", "share-comments"): the
# post's meta line often sits in it, and no comment does
_SHARE_PARTS = frozenset({"social", "share", "sharing"})
_SIDE_PARTS = frozenset(
    "sidebar widget widgets related nav navbar navigation menu "
    "recommended recommendations aside breadcrumb breadcrumbs".split()
)

# a verdict needs a part equal to one of these words: a label without any has none
_REGION_WORD = re.compile("|".join(sorted(_COMMENT_PARTS | _SIDE_PARTS, key=len, reverse=True)))


def in_comments(el: HtmlElement) -> bool:
    """True for an element inside a comment thread."""
    return any(region_of(anc) == "comment" for anc in el.iterancestors())


def region_of(el: HtmlElement) -> str | None:
    """ "comment" or "side" when the element's id/class names a comment thread or a
    sidebar-like region. Side words count only at either end of a class token
    (``main-nav``, ``sidebar-left``), not inside one (``c-navigation-overlay-wrapper``)."""
    return _region(el.get("id"), el.get("class"))


@functools.lru_cache(maxsize=8192)
def _region(ident: str | None, cls: str | None) -> str | None:
    """``region_of`` by label: pages repeat the same id/class strings on many elements."""
    label = f"{ident or ''} {cls or ''}".lower()
    if not _REGION_WORD.search(label):  # most labels: no region's word, no verdict
        return None
    side = False
    # each token once: a hostile label repeats one word a million times
    for token in dict.fromkeys(label.split()) if len(label) > 200 else label.split():
        if token in _COMMENT_FLAGS:
            continue
        # a BEM modifier ("l-outer--nav") qualifies its block, it does not name a region
        parts = [p for p in _LABEL_SPLIT.split(token.split("--")[0]) if p]
        if parts[:2] == ["elementor", "widget"]:
            parts = parts[2:]  # Elementor wraps every block in one ("-text-editor", "-heading")
        if not parts:
            continue
        if _COMMENT_PARTS.intersection(parts) and not _SHARE_PARTS.intersection(parts):
            return "comment"
        if parts[0] in _SIDE_PARTS or parts[-1] in _SIDE_PARTS:
            side = True
    return "side" if side else None


# ``region_of`` from an element's ``id`` and ``class`` values read by the caller (a walk
# that reads them anyway, and skips the call when both are empty)
region_by_label = _region
