"""``len(text_of(el).strip())`` for many nested elements of one page in linear time.

The generic comment finder scores every group of sibling candidates by their text; in a
thread nested 600 deep each level is a group of one whose text is every reply below it,
so serializing each level's text read the thread once per level. Here each element's
text is summed up once from its children's: its length and how much whitespace leads
and trails it (what ``strip()`` removes), remembered for the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from lxml.html import HtmlElement

from ..dom._signals import text_of

__all__ = ["TextLengths"]

# (length, leading whitespace, trailing whitespace) of a run of text; all whitespace:
# leading == trailing == length
_Seg = tuple[int, int, int]
_EMPTY: _Seg = (0, 0, 0)


def _seg(text: str | None) -> _Seg:
    if not text:
        return _EMPTY
    n = len(text)
    lead = n - len(text.lstrip())
    if lead == n:
        return (n, n, n)
    return (n, lead, n - len(text.rstrip()))


def _cat(a: _Seg, b: _Seg) -> _Seg:
    """The run ``a`` then ``b``."""
    if not a[0]:
        return b
    if not b[0]:
        return a
    (ra, la, ta), (rb, lb, tb) = a, b
    return (ra + rb, la if la < ra else ra + lb, tb if tb < rb else rb + ta)


_SMALL = 64  # elements


def _small(el: HtmlElement) -> bool:
    return sum(1 for _ in islice(el.iter(), _SMALL)) < _SMALL


class TextLengths:
    """Stripped text lengths of a page's elements, each element's text summed once."""

    __slots__ = ("_memo",)

    def __init__(self) -> None:
        self._memo: dict[HtmlElement, _Seg] = {}

    def stripped(self, el: HtmlElement) -> int:
        """``len(text_of(el).strip())``: the text of ``el`` and everything under it
        (comments and processing instructions add only their tails), without its tail.
        A small subtree is serialized by libxml2 (faster than summing it up here): read
        whole once per ask, it is bounded by ``_SMALL`` elements."""
        if el not in self._memo and _small(el):
            return len(text_of(el).strip())
        n, lead, trail = self._segment(el)
        return 0 if lead == n else n - lead - trail

    def length(self, el: HtmlElement) -> int:
        """``len(text_of(el))``, the same way (a small subtree serialized)."""
        if el not in self._memo and _small(el):
            return len(text_of(el))
        return self._segment(el)[0]

    def _segment(self, el: HtmlElement) -> _Seg:
        memo = self._memo
        known = memo.get(el)
        if known is not None:
            return known
        # post-order without recursion: nesting goes 2,048 deep
        stack: list[tuple[HtmlElement, Iterator[HtmlElement], _Seg]] = [
            (el, iter(el), _seg(el.text))
        ]
        while stack:
            node, kids, acc = stack[-1]
            descended = False
            for kid in kids:
                if isinstance(kid.tag, str):
                    sub = memo.get(kid)
                    if sub is None:
                        stack[-1] = (node, kids, acc)
                        stack.append((kid, iter(kid), _seg(kid.text)))
                        descended = True
                        break
                    acc = _cat(acc, sub)
                acc = _cat(acc, _seg(kid.tail))
            if descended:
                continue
            memo[node] = acc
            stack.pop()
            if stack:
                parent, pkids, pacc = stack[-1]
                stack[-1] = (parent, pkids, _cat(_cat(pacc, acc), _seg(node.tail)))
        return memo[el]
