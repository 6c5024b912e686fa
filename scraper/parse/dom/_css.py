"""The one CSS selector engine: lxml's ``CSSSelector`` answers, mostly from the page's index.

A profile selector such as ``.tags-links a`` or ``time.entry-date`` run as XPath by
libxml2 is a scan of every element with string functions per element, about 0.1 ms on a
news page, and a page asks some fifty of them (metadata fields, body hints, comment
thread). Most are a chain of compounds (tag, classes, id, attribute tests) joined by
descendant or child combinators; those are answered here from ``ElementIndex`` (the
class, id or attribute lists, or the containers of a bare tag). Anything else (``+``,
``~``, pseudo-classes, namespaces, attribute flags) runs as the XPath cssselect compiles.

Both paths must give the same elements in the same order, so the Python tests follow
cssselect's XPath to the letter rather than a browser: class and ``~=`` tokens split on
XML whitespace (space, tab, LF, CR: ``normalize-space()``; NBSP and form feed do not
split), an empty value never matches ``^= $= *= ~=``, tag and attribute names are
lower-cased and values compared as written. ``tests/parse/test_css.py`` holds every
selector of the profiles against ``CSSSelector`` over every fixture page.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cssselect import SelectorError, parse
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash, Tree
from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

if TYPE_CHECKING:
    from ._page import ElementIndex, Page

__all__ = [
    "css",
    "index_select",
    "page_select",
    "select",
    "select_all",
    "subtree_end",
]


@functools.lru_cache(maxsize=4096)
def css(selector: str) -> etree.XPath:
    """Compile a CSS selector once; profiles hold strings, this holds the compiled form."""
    return CSSSelector(selector, translator="html")


def select(
    root: HtmlElement, selectors: Sequence[str] | str, index: ElementIndex | None = None
) -> list[HtmlElement]:
    """Elements under ``root`` (itself included) matched by the first selector (in order)
    that matches anything. ``index``, the index of the document ``root`` belongs to,
    lets most selectors skip the XPath walk."""
    if isinstance(selectors, str):
        selectors = (selectors,)
    for sel in selectors:
        found = index_select(index, sel, root) if index is not None else None
        if found is None:
            found = _xpath(sel, root)
        if found:
            return found
    return []


def select_all(
    root: HtmlElement, selectors: Sequence[str], index: ElementIndex | None = None
) -> list[HtmlElement]:
    """Elements under ``root`` matched by any of ``selectors``, in document order."""
    found: set[HtmlElement] = set()
    for sel in selectors:
        hits = index_select(index, sel, root) if index is not None else None
        found.update(hits if hits is not None else _xpath(sel, root))
    if index is not None:
        return sorted(found, key=index.position.__getitem__)
    order = {el: n for n, el in enumerate(root.iter(etree.Element))}
    return sorted(found, key=order.__getitem__)


def page_select(page: Page, selectors: Sequence[str] | str) -> list[HtmlElement]:
    """``select`` over the whole document, answered from the page's index."""
    return select(page.tree, selectors, page.index)


def _xpath(selector: str, root: HtmlElement) -> list[HtmlElement]:
    """The compiled XPath's answer; a broken selector (a typo in a profile) matches
    nothing instead of failing the page."""
    try:
        result = css(selector)(root)
    except (SelectorError, etree.XPathError):
        return []
    return [el for el in result if isinstance(el, HtmlElement)] if isinstance(result, list) else []


# XPath's normalize-space() splits on these four only (not on NBSP or form feed)
_XML_WS = str.maketrans("\t\n\r", "   ")


def _xml_tokens(value: str) -> list[str]:
    return value.translate(_XML_WS).split(" ")


@dataclass(frozen=True, slots=True)
class _Compound:
    tag: str | None
    classes: tuple[str, ...]
    ident: str | None
    attrs: tuple[tuple[str, str, str | None], ...]

    def matches(self, el: HtmlElement) -> bool:
        if self.tag is not None and el.tag != self.tag:
            return False
        if self.classes:
            cls = el.get("class")
            if cls is None:
                return False
            # a token of the value is a substring of it: most elements tested (the
            # ancestors a chain walks up through) fail here, without splitting the value
            for c in self.classes:
                if c not in cls:
                    return False
            tokens = _xml_tokens(cls)
            for c in self.classes:
                if c not in tokens:
                    return False
        if self.ident is not None and el.get("id") != self.ident:
            return False
        for name, op, value in self.attrs:  # a loop, not all(genexpr): this is hot
            actual = el.get(name)
            if op == "=":
                if actual != value:
                    return False
            elif not _attr_ok(actual, op, value):
                return False
        return True


def _attr_ok(actual: str | None, op: str, value: str | None) -> bool:
    """cssselect's XPath for one attribute test (an empty value never matches ``^= $= *=
    ~=``)."""
    if actual is None:
        return False
    if op == "exists":
        return True
    assert value is not None
    if op == "=":
        return actual == value
    if op == "~=":
        # a token of the value is a substring of it: most values tested (every itemprop
        # of the page for ``[itemprop~=articleBody]``) fail there, before the split
        if not value or value not in actual:
            return False
        return not set(value) & set(" \t\n\r\f") and value in _xml_tokens(actual)
    if op == "|=":
        return actual == value or actual.startswith(value + "-")
    if op == "^=":
        return bool(value) and actual.startswith(value)
    if op == "$=":
        return bool(value) and actual.endswith(value)
    if op == "*=":
        return bool(value) and value in actual
    return False


# a chain of compounds: the first, then (combinator, compound) pairs left to right
_Chain = tuple[_Compound, tuple[tuple[str, _Compound], ...]]


@functools.lru_cache(maxsize=1024)
def _compile(selector: str) -> tuple[_Chain, ...] | None:
    try:
        parsed = parse(selector)
    except SelectorError:
        return None
    out: list[_Chain] = []
    for part in parsed:
        if part.pseudo_element is not None:
            return None
        chain = _chain(part.parsed_tree)
        if chain is None:
            return None
        out.append(chain)
    return tuple(out)


def _chain(tree: Tree) -> _Chain | None:
    if isinstance(tree, CombinedSelector):
        if tree.combinator not in (" ", ">"):
            return None
        left = _chain(tree.selector)
        right = _compound(tree.subselector)
        if left is None or right is None:
            return None
        return left[0], (*left[1], (tree.combinator, right))
    first = _compound(tree)
    return (first, ()) if first is not None else None


_OPS = frozenset({"exists", "=", "~=", "|=", "^=", "$=", "*="})


def _compound(tree: Tree) -> _Compound | None:
    tag: str | None = None
    classes: list[str] = []
    ident: str | None = None
    attrs: list[tuple[str, str, str | None]] = []
    node: Tree | None = tree
    while node is not None:
        if isinstance(node, Element):
            if node.namespace is not None:
                return None
            if node.element and node.element != "*":
                tag = node.element.lower()
            node = None
        elif isinstance(node, Class):
            classes.append(node.class_name)
            node = node.selector
        elif isinstance(node, Hash):
            if ident is not None:
                return None
            ident = node.id
            node = node.selector
        elif (
            isinstance(node, Attrib)
            and node.namespace is None
            and node.operator in _OPS
            and getattr(node, "flag", None) is None
        ):
            value = node.value.value if node.value is not None else None
            attrs.append((node.attrib.lower(), node.operator, value))
            node = node.selector
        else:
            return None
    # the index lists class tokens as str.split() cuts them: a class holding any
    # whitespace (XML's, which never matches, or NBSP, which may) goes to the XPath
    if any(c.split() != [c] for c in classes):
        return None
    return _Compound(tag, tuple(classes), ident, tuple(attrs))


@dataclass(frozen=True, slots=True)
class _Scope:
    """``root``'s subtree: its elements are ``index.elements[start:end]``, and a chain's
    ancestors must be found below ``top`` (``root``'s parent), as the XPath's
    ``descendant-or-self::`` steps from ``root`` require."""

    top: HtmlElement
    start: int
    end: int


def index_select(
    index: ElementIndex, selector: str, root: HtmlElement | None = None
) -> list[HtmlElement] | None:
    """What the compiled XPath of ``selector`` finds from ``root`` (by default the
    document's root), in document order; ``None`` when the selector uses something this
    does not handle, or ``root`` is not in the indexed document."""
    chains = _compile(selector)
    if chains is None:
        return None
    scope: _Scope | None = None
    if root is not None:
        top = root.getparent()
        if top is not None:
            scope = _scope(index, root, top)
            if scope is None:
                return None
        elif index.position.get(root) != 0:
            return None
    if len(chains) == 1:
        return _match_chain(index, chains[0], scope)
    found: set[HtmlElement] = set()
    for chain in chains:
        found.update(_match_chain(index, chain, scope))
    return sorted(found, key=index.position.__getitem__)


def _scope(index: ElementIndex, root: HtmlElement, top: HtmlElement) -> _Scope | None:
    start = index.position.get(root)
    if start is None:
        return None
    return _Scope(top, start, subtree_end(index.position, root))


def subtree_end(position: dict[HtmlElement, int], el: HtmlElement) -> int:
    """The document position just past ``el``'s subtree (that of its next listed element):
    an element is under ``el`` when its position lies between the two."""
    node: HtmlElement | None = el
    while node is not None:
        for sib in node.itersiblings():
            end = position.get(sib)  # comments and PIs are not listed
            if end is not None:
                return end
        node = node.getparent()
    return len(position)


def _keyed(index: ElementIndex, comp: _Compound) -> list[HtmlElement] | None:
    """A superset of ``comp``'s matches from the index; ``None`` for a bare ``*``."""
    if comp.ident is not None:
        return index.by_id.get(comp.ident, [])
    if comp.classes:
        # str.split() tokens include every XML-whitespace token: a superset
        return index.by_class.get(comp.classes[0], [])
    if comp.tag is not None:
        tagged = index.by_tag(comp.tag)
        if comp.attrs:
            # ``a[rel=tag]``: the few elements with a ``rel`` rather than every link,
            # when the index lists that attribute already (no scan to find out)
            named = index.listed_with_attr(comp.attrs[0][0])
            if named is not None and len(named) < len(tagged):
                return named
        return tagged
    if comp.attrs:
        return index.with_attr(comp.attrs[0][0])
    return None


def _within(index: ElementIndex, found: list[HtmlElement], scope: _Scope) -> list[HtmlElement]:
    position, start, end = index.position, scope.start, scope.end
    return [el for el in found if start <= position[el] < end]


def _match_chain(index: ElementIndex, chain: _Chain, scope: _Scope | None) -> list[HtmlElement]:
    """The elements matching ``chain``, in document order."""
    first, rest = chain
    last = rest[-1][1] if rest else first
    top = scope.top if scope is not None else None
    keyed = _keyed(index, last)
    if keyed is not None and (last.tag is None or last.classes or last.ident or not rest):
        # a telling last compound: its few candidates, each checked leftwards
        if scope is not None:
            keyed = _within(index, keyed, scope)
        return [el for el in keyed if last.matches(el) and _left_ok(el, first, rest, top)]
    if not rest or (keyed is None and _keyed(index, first) is None):
        elements = index.elements
        if scope is not None:
            elements = elements[scope.start : scope.end]
        return [el for el in elements if last.matches(el) and _left_ok(el, first, rest, top)]
    # a bare tag after a combinator (".tags-links a"): from the containers down
    containers = _match_chain(index, (first, rest[:-1]), scope)
    combinator = rest[-1][0]
    out: list[HtmlElement] = []
    for box in containers:
        kids = box.iterchildren(last.tag) if combinator == ">" else box.iterdescendants(last.tag)
        out.extend(el for el in kids if isinstance(el, HtmlElement) and last.matches(el))
    if len(containers) > 1:
        # nested containers find the same descendants twice, and out of order
        out = sorted(set(out), key=index.position.__getitem__)
    return out


def _left_ok(
    el: HtmlElement,
    first: _Compound,
    rest: tuple[tuple[str, _Compound], ...],
    top: HtmlElement | None,
) -> bool:
    """Whether ``el`` (matching the last compound) has the ancestors the chain asks,
    below ``top``."""
    if not rest:
        return True
    combinator = rest[-1][0]
    left = rest[-2][1] if len(rest) > 1 else first
    node = el.getparent()
    while node is not None and node is not top:
        if left.matches(node) and _left_ok(node, first, rest[:-1], top):
            return True
        if combinator == ">":
            return False
        node = node.getparent()
    return False
