"""A weak body checked against what the page declares its article to be.

Most news and blog pages describe themselves in ``og:description`` / ``description``, and
most of those descriptions are the story's first sentence. When the chosen body is empty
or a few lines long and does not hold that sentence, the choice was probably wrong (a
browser notice, a sidebar module, CMS content blocks numbered like comments and skipped
as a thread), and the element that holds the sentence shows where the story is. The
declaration is used as a *witness* of the choice, never as the body itself: a page whose
description appears nowhere in its text (a summary written apart, a site tagline) is left
as it was.

Asked only after the usual choice came out weak (``body`` calls it then), so a page with a
body of some length costs nothing more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from lxml.html import HtmlElement

from .._results import BodyResult
from ..dom._page import Page
from ..dom._signals import text_of
from ._boilerplate import SKIP_TAGS, score_page
from ._locate import within

__all__ = ["WEAK", "declared_lead", "holder", "lead_key"]

# a body shorter than this (characters) is checked; a story's lead alone is about this long
WEAK = 400
_WORDS = re.compile(r"\w+")
_KEY_WORDS = 8
_DECLARATIONS = ("og:description", "description", "twitter:description")
_CONTAINERS = frozenset({"div", "section", "article", "main", "td"})


def declared_lead(
    page: Page,
    title: str | None,
    choice: tuple[Sequence[HtmlElement], Sequence[HtmlElement]],
    found: BodyResult,
    relocate: Callable[[Sequence[HtmlElement]], list[HtmlElement]],
    read: Callable[[Sequence[HtmlElement], Sequence[HtmlElement]], BodyResult],
) -> BodyResult:
    """A weak body (``found``, read from ``choice``: the chosen nodes and the comment
    items left out) checked against the page's description of its article: when the
    description's opening is missing from it but held by an element of the page, the
    story is where that element is. Inside a "comment" item, the item is a content block
    numbered like a comment (TYPO3's ``div#c2107``): it goes back to the page and the post
    is located again (``relocate`` with the other items); elsewhere, the best-scored
    container around it is the post. ``read`` cleans nodes with a thread left out. The
    new body is kept only when it holds the opening."""
    nodes, thread = choice
    key = lead_key(page, title)
    if key is None or (found.body is not None and states(found.body.text, key)):
        return found
    root = page.tree.find("body")
    if root is None:
        return found
    held = holder(root, key)
    if held is None or within(held, nodes):
        return found
    items = [el for el in thread if within(held, [el])]
    if items:
        thread = [el for el in thread if el not in items]
        nodes = relocate(thread)
    else:
        start = page.index.position.get(root, 0)
        scores = score_page(root, page.elements[start:], thread)
        nodes = [best_holder(held, [(c.element, c.score) for c in scores.ranked])]
    if not nodes:
        return found
    again = read(nodes, thread)
    if again.body is None or not states(again.body.text, key):
        return found
    return again


def _words(text: str) -> str:
    return " ".join(_WORDS.findall(text)).lower()


def lead_key(page: Page, title: str | None) -> str | None:
    """The opening words of the page's declared description, or ``None`` when it gives
    none of some length, or one that only repeats the title (many pages set both to the
    headline, which sits in the page's header, not in the story)."""
    meta = page.meta
    head = _words(title or "")
    for name in _DECLARATIONS:
        for value in meta.get(name, ()):
            words = _WORDS.findall(value)
            if len(words) < _KEY_WORDS + 2:
                continue
            key = " ".join(words[:_KEY_WORDS]).lower()
            if key in head:
                continue
            return key
    return None


def states(text: str, key: str) -> bool:
    """``text`` holds the declared opening (its longest word is looked for first, in the
    raw text: most texts asked are siblings without it). The opening's words are searched
    with any non-word run between them, which is ``key in _words(text)`` without
    splitting a whole page's text into words at every level of ``holder``'s descent."""
    lowered = text.lower()
    if max(key.split(), key=len) not in lowered:
        return False
    return _opening(key).search(lowered) is not None


@functools.lru_cache(maxsize=64)
def _opening(key: str) -> re.Pattern[str]:
    return re.compile(r"\W+".join(re.escape(word) for word in key.split()))


def holder(root: HtmlElement, key: str) -> HtmlElement | None:
    """The deepest element under ``root`` whose visible text holds ``key``, found by a
    descent (the child that holds it, level by level) rather than by reading every
    element's text; ``None`` when no element below ``root`` holds it on its own."""
    if not states(text_of(root), key):
        return None
    node = root
    while True:
        nxt = next((c for c in _children(node) if states(text_of(c), key)), None)
        if nxt is None:
            break
        node = nxt
    return None if node is root else node


def _children(el: HtmlElement) -> Sequence[HtmlElement]:
    return [
        c
        for c in el
        if isinstance(c, HtmlElement) and isinstance(c.tag, str) and c.tag not in SKIP_TAGS
    ]


def container(el: HtmlElement) -> HtmlElement:
    """The block container around the declared lead's paragraph (the lead itself when it
    is one)."""
    node: HtmlElement | None = el
    while node is not None and node.tag not in _CONTAINERS:
        node = node.getparent()
    return node if node is not None else el


def best_holder(el: HtmlElement, ranked: Sequence[tuple[HtmlElement, float]]) -> HtmlElement:
    """The best-scored container around ``el`` (``ranked``: the scorer's candidates, best
    first), else its nearest block container."""
    chain = {el, *el.iterancestors()}
    found = next((cand for cand, score in ranked if score > 0 and cand in chain), None)
    return found if found is not None else container(el)
