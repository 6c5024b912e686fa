"""A list of prose items is no post when a post's worth of prose stands before it.

The scorer hands each paragraph's score to its ancestors, so a comment thread set as a
list (``ol > li > p``, ``dl > dd``) gathers half of every comment's score in the list
element, and a long thread outscores a short post. A site's thread is skipped when it is
found (``comments.comment_nodes`` reads its markup and class words); on a site whose
classes say nothing, the list wins. Readability weighs lists down by their tag for that
reason; the weight is fixed, a thread's score grows with it.

A post is paragraphs under its headline, its thread a list after it; a list whose items
hold headings is a listicle (or a teaser list) and may well be the post, so it stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from ._boilerplate import Candidate

__all__ = ["post_before_list"]

_LISTS = frozenset({"ol", "ul", "dl"})
_ITEMS = 4  # items with text: a short list is part of a post
_POST = 500  # prose of the block before it: a post's worth, not a standfirst


def post_before_list(
    top: Candidate, ranked: Sequence[Candidate], prose: Callable[[etree._Element], int]
) -> Candidate:
    """The best-scored candidate with a post's prose before ``top`` (not holding it, not
    in it, no list), when ``top`` is a list of ``_ITEMS`` or more items without headings;
    else ``top``."""
    el = top.element
    if el.tag not in _LISTS or next(el.iter("h2", "h3", "h4"), None) is not None:
        return top
    if sum(1 for item in el if prose(item) > 0) < _ITEMS:
        return top
    line = el.sourceline
    if line is None:
        return top
    for cand in ranked[1:]:
        other = cand.element
        if other.tag in _LISTS or prose(other) < _POST:
            continue
        if other.sourceline is None or other.sourceline >= line:
            continue
        if _nested(el, other):
            continue
        return cand
    return top


def _nested(a: etree._Element, b: etree._Element) -> bool:
    """One of ``a`` and ``b`` holds the other (or they are one)."""
    if a is b:
        return True
    return any(n is a for n in b.iterancestors()) or any(n is b for n in a.iterancestors())
