"""Whole-page CSS selectors answered from the page's element index.

A profile selector such as ``.tags-links a`` or ``time.entry-date`` run as XPath by
libxml2 is a scan of every element with string functions per element, about 0.1 ms on a
news page, and a WordPress page asks some thirty of them for its metadata. Most are a
chain of simple compounds (tag, classes, id, attribute tests) joined by descendant or
child combinators; ``index_select`` answers those from ``ElementIndex`` (the class, id
or attribute lists, or the containers of a bare tag), with exactly the XPath meaning
cssselect gives them: class and ``~=`` tokens split on XML whitespace only, attribute
names and tag names lower-cased, values compared as written. Anything else (``+``,
``~``, pseudo-classes, namespaces) is ``None``: the caller runs the compiled XPath.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from cssselect import SelectorError, parse
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash, Tree
from lxml import etree
from lxml.html import HtmlElement

from ._page import ElementIndex, Page, css

__all__ = ["index_select", "page_css"]

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
            tokens = _xml_tokens(cls)
            if any(c not in tokens for c in self.classes):
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
        return bool(value) and not set(value) & set(" \t\n\r\f") and value in _xml_tokens(actual)
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
    # XPath class tokens never hold whitespace: such a class matches nothing there
    if any(not c or set(c) & set(" \t\n\r\f") for c in classes):
        return None
    return _Compound(tag, tuple(classes), ident, tuple(attrs))


def page_css(page: Page, selectors: Sequence[str] | str) -> list[HtmlElement]:
    """``select(page.tree, selectors)``: the elements matched by the first selector (in
    order) that matches anything, answered from the index where it can be."""
    if isinstance(selectors, str):
        selectors = (selectors,)
    for sel in selectors:
        found = index_select(page.index, sel)
        if found is None:
            try:
                result = css(sel)(page.tree)
            except (SelectorError, etree.XPathError):
                result = []  # a typo in a profile matches nothing, as in hints.page_select
            found = (
                [el for el in result if isinstance(el, HtmlElement)]
                if isinstance(result, list)
                else []
            )
        if found:
            return found
    return []


def index_select(index: ElementIndex, selector: str) -> list[HtmlElement] | None:
    """What the compiled XPath of ``selector`` finds from the document root, in document
    order; ``None`` when the selector uses something this does not handle."""
    chains = _compile(selector)
    if chains is None:
        return None
    found: set[HtmlElement] = set()
    for chain in chains:
        found.update(_match_chain(index, chain))
    return sorted(found, key=index.position.__getitem__)


def _keyed(index: ElementIndex, comp: _Compound) -> list[HtmlElement] | None:
    """A superset of ``comp``'s matches from the index; ``None`` for a bare ``*``."""
    if comp.ident is not None:
        return index.by_id.get(comp.ident, [])
    if comp.classes:
        # str.split() tokens include every XML-whitespace token: a superset
        return index.by_class.get(comp.classes[0], [])
    if comp.tag is not None:
        return index.by_tag(comp.tag)
    if comp.attrs:
        return index.with_attr(comp.attrs[0][0])
    return None


def _match_chain(index: ElementIndex, chain: _Chain) -> list[HtmlElement]:
    first, rest = chain
    last = rest[-1][1] if rest else first
    keyed = _keyed(index, last)
    if keyed is not None and (last.tag is None or last.classes or last.ident or not rest):
        # a telling last compound: its few candidates, each checked leftwards
        return [el for el in keyed if last.matches(el) and _left_ok(el, first, rest)]
    if not rest or (keyed is None and _keyed(index, first) is None):
        return [el for el in index.elements if last.matches(el) and _left_ok(el, first, rest)]
    # a bare tag after a combinator (".tags-links a"): from the containers down
    containers = _match_chain(index, (first, rest[:-1]))
    combinator = rest[-1][0]
    out: list[HtmlElement] = []
    for box in containers:
        kids = box.iterchildren(last.tag) if combinator == ">" else box.iterdescendants(last.tag)
        out.extend(el for el in kids if isinstance(el, HtmlElement) and last.matches(el))
    return out


def _left_ok(el: HtmlElement, first: _Compound, rest: tuple[tuple[str, _Compound], ...]) -> bool:
    """Whether ``el`` (matching the last compound) has the ancestors the chain asks."""
    if not rest:
        return True
    combinator = rest[-1][0]
    left = rest[-2][1] if len(rest) > 1 else first
    node = el.getparent()
    while node is not None:
        if left.matches(node) and _left_ok(node, first, rest[:-1]):
            return True
        if combinator == ">":
            return False
        node = node.getparent()
    return False
