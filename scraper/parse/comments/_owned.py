"""Which elements of a comment item are its own (not a reply's), and the first of them a
field's selectors match: how every field of a comment is found.

The elements are listed once per item by a walk that does not enter nested items, and
each selector is tested on them in Python (``dom._css.matcher``): an XPath per field
walked the whole subtree (a thread nested 1,000 deep was quadratic) and costs more the
bigger the page (~80 us a call among 10,000 comments).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from lxml import etree
from lxml.html import HtmlElement

from ..dom._css import matcher, select

__all__ = ["SUBSTR_IN_SEL", "Own", "own_parts", "owned"]

Own = tuple[list[HtmlElement], tuple[frozenset[str], str]]
_CLASS_IN_SEL = re.compile(r"\.([\w-]+)")
SUBSTR_IN_SEL = re.compile(r"\[class\*=['\"]?([\w-]+)")


def owned(
    item: HtmlElement,
    selectors: Sequence[str],
    owner: Callable[[HtmlElement], HtmlElement | None],
    own: Own | None = None,
) -> HtmlElement | None:
    """First element matching ``selectors`` (in order) that belongs to ``item`` itself.

    ``owner`` maps an element to its nearest comment item, so that a reply's author or
    content is never taken for its parent's; ``own`` is ``own_parts(item, owner)`` when
    the caller has it already.
    """
    mine, classes = own_parts(item, owner) if own is None else own
    top = item.getparent()
    for sel in _candidates(tuple(selectors), classes):
        test = matcher(sel)
        if test is not None:
            found = next((el for el in mine if test(el, top)), None)
        else:  # a selector the matcher does not read: its XPath, over the whole subtree
            found = next((e for e in select(item, sel) if e is not item and owner(e) is item), None)
        if found is not None:
            return found
    return None


def own_parts(item: HtmlElement, owner: Callable[[HtmlElement], HtmlElement | None]) -> Own:
    """The elements under ``item`` (not itself) that are its own, in document order, and
    the class tokens of those and ``item`` (``_classes``). The walk does not enter a
    nested item (a reply): running each field's selectors over the whole subtree made a
    thread nested 1,000 deep quadratic, and an XPath call costs more the bigger the page
    (~80 us each among 10,000 comments)."""
    out: list[HtmlElement] = []
    walker = etree.iterwalk(item, events=("start",))
    for _, el in walker:
        if el is item or not isinstance(el, HtmlElement):
            continue
        if owner(el) is not item:
            walker.skip_subtree()
            continue
        out.append(el)
    return out, _classes(item, out)


def _classes(item: HtmlElement, own: list[HtmlElement]) -> tuple[frozenset[str], str]:
    """The class tokens of ``item`` and its own elements (and all of them as one string):
    a selector matching one of those names only classes found there."""
    tokens = {t for el in (item, *own) for t in (el.get("class") or "").split()}
    return frozenset(tokens), " ".join(sorted(tokens))


@functools.lru_cache(maxsize=256)
def _candidates(selectors: tuple[str, ...], classes: tuple[frozenset[str], str]) -> list[str]:
    """The selectors that may match under an item with these classes: the items of one
    thread share a handful of class sets, so this is asked once per set, not per item."""
    return [sel for sel in selectors if _may_match(sel, classes)]


def _may_match(sel: str, classes: tuple[frozenset[str], str]) -> bool:
    """A cheap pre-check: a selector naming a class absent from the subtree cannot match,
    so its XPath is not run (most of the generic hints miss on any given theme)."""
    tokens, joined = classes
    for need, subs in _needs(sel):
        if all(c in tokens for c in need) and all(x in joined for x in subs):
            return True
    return False


@functools.lru_cache(maxsize=1024)
def _needs(sel: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Per alternative of ``sel``: the classes it names, and the ``[class*=]`` parts."""
    return tuple(
        (
            tuple(_CLASS_IN_SEL.findall(alt.split("[")[0] if "[" in alt else alt)),
            tuple(SUBSTR_IN_SEL.findall(alt)),
        )
        for alt in sel.split(",")
    )
