"""Testing elements a caller already holds against a selector, in Python.

A comment item's fields (its author, date, text to strip) are found by selectors run
from each item; as XPath each call walks the item's whole subtree, and its cost grows
with the document's size. ``matcher`` compiles a selector once (with ``_css``'s parser,
so both engines read a selector alike) into a test of one element and its ancestors.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from lxml.html import HtmlElement

from ._css import _Chain, _compile, _left_ok, _xml_tokens

__all__ = ["matcher"]


@functools.lru_cache(maxsize=1024)
def matcher(selector: str) -> Callable[[HtmlElement, HtmlElement | None], bool] | None:
    """``test(el, top)``: whether the compiled XPath of ``selector``, run from a root whose
    parent is ``top``, finds ``el`` (an element under that root); ``None`` when the selector
    uses something this does not handle. For a caller that already holds the few elements
    to test: the XPath walks the whole subtree, and its cost grows with the document's size
    (~80 us a call in a page of 50,000 elements)."""
    chains = _compile(selector)
    return None if chains is None else functools.partial(_matches_any, _ChainGroup(chains))


class _ChainGroup:
    """A selector group's chains filed by what their last compound needs first: a class,
    else a tag, an id, an attribute. A comment's strip list has some thirty chains, and
    an element can only match those naming its own class, tag, id or attributes: one
    look-up each instead of a test per chain."""

    __slots__ = ("attrs", "by_class", "by_id", "by_tag", "rest")

    def __init__(self, chains: tuple[_Chain, ...]) -> None:
        self.by_class: dict[str, list[_Chain]] = {}
        self.by_tag: dict[str, list[_Chain]] = {}
        self.by_id: dict[str, list[_Chain]] = {}
        self.attrs: dict[str, list[_Chain]] = {}  # by the name of the first attribute test
        self.rest: list[_Chain] = []  # a bare ``*``
        for chain in chains:
            last = chain[1][-1][1] if chain[1] else chain[0]
            if last.classes:
                self.by_class.setdefault(last.classes[0], []).append(chain)
            elif last.tag is not None:
                self.by_tag.setdefault(last.tag, []).append(chain)
            elif last.ident is not None:
                self.by_id.setdefault(last.ident, []).append(chain)
            elif last.attrs:
                self.attrs.setdefault(last.attrs[0][0], []).append(chain)
            else:
                self.rest.append(chain)


def _matches_any(group: _ChainGroup, el: HtmlElement, top: HtmlElement | None) -> bool:
    """Whether any chain of ``group`` finds ``el``: only the chains filed under one of
    ``el``'s classes, its tag, its id or an attribute it carries are tested (every
    compound tests those, so the others cannot match)."""
    if _any_chain(group.rest, el, top):
        return True
    if group.by_tag and _any_chain(group.by_tag.get(el.tag, ()), el, top):
        return True
    if group.by_class:
        cls = el.get("class")
        if cls:
            by_class = group.by_class
            for token in _xml_tokens(cls):
                if _any_chain(by_class.get(token, ()), el, top):
                    return True
    if group.by_id:
        ident = el.get("id")
        if ident is not None and _any_chain(group.by_id.get(ident, ()), el, top):
            return True
    for name, chains in group.attrs.items():
        if el.get(name) is not None and _any_chain(chains, el, top):
            return True
    return False


def _any_chain(chains: Sequence[_Chain], el: HtmlElement, top: HtmlElement | None) -> bool:
    for first, rest in chains:
        last = rest[-1][1] if rest else first
        if last.matches(el) and _left_ok(el, first, rest, top):
            return True
    return False
