"""Many CSS selectors, one walk over the document.

A CSS selector run by libxml2 is a full XPath scan with string functions per element
(about half a millisecond on a news page), and the body asks a dozen of them (the
profile's ``body`` list, structured-data hints, post-item markers): more than the rest
of the body extraction together. ``select_groups`` instead walks the tree once in
Python and tests each element only against the selectors indexed under its tag, its
class tokens or its attributes. Selectors made of tags, classes, ids, attribute tests
and descendant/child combinators are handled so; anything else (``+``, ``~``,
pseudo-classes) runs through ``page.css`` as before.

Each group keeps ``page.select``'s meaning: the elements matched by the first selector
(in order) that matches anything; a selector list ("a, b") in one string matches any of
its parts, in document order.
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

__all__ = ["page_select", "select_any", "select_groups"]


@dataclass(frozen=True, slots=True)
class _Compound:
    """One compound selector (``div.a.b[x=y]#id``), tested in Python."""

    tag: str | None
    classes: frozenset[str]
    ident: str | None
    attrs: tuple[tuple[str, str, str | None], ...]

    def matches(self, el: etree._Element) -> bool:
        if self.tag is not None and el.tag != self.tag:
            return False
        if self.classes and not self.classes.issubset((el.get("class") or "").split()):
            return False
        if self.ident is not None and el.get("id") != self.ident:
            return False
        for name, op, value in self.attrs:  # noqa: SIM110 (all(genexpr) builds a generator)
            if not _attr_ok(el.get(name), op, value):
                return False
        return True


@dataclass(frozen=True, slots=True)
class _Chain:
    """``left right`` / ``left > right``: ``right`` with a matching ancestor / parent."""

    left: _Compound | _Chain
    right: _Compound
    child: bool

    def matches(self, el: etree._Element) -> bool:
        if not self.right.matches(el):
            return False
        node = el.getparent()
        while node is not None:
            if self.left.matches(node):
                return True
            if self.child:
                return False
            node = node.getparent()
        return False


_Test = _Compound | _Chain


def _attr_ok(actual: str | None, op: str, value: str | None) -> bool:
    if actual is None:
        return False
    if op == "exists" or value is None:
        return True
    if op == "=":
        return actual == value
    if op == "~=":
        return value in actual.split()
    if op == "*=":
        return value in actual
    if op == "^=":
        return actual.startswith(value)
    if op == "$=":
        return actual.endswith(value)
    if op == "|=":
        return actual == value or actual.startswith(value + "-")
    return False


def select_groups(
    root: HtmlElement,
    groups: Sequence[Sequence[str]],
    elements: Sequence[etree._Element] = (),
    index: ElementIndex | None = None,
) -> list[list[HtmlElement]]:
    """For each group of selectors, what ``page.select(root, group)`` would return.

    ``elements`` may hold ``list(root.iter())`` already built by the caller; ``index``
    (``Page.index`` of those same elements) lets the scan visit only the elements that
    carry a class, id, tag or attribute some selector needs.
    """
    plan = _compile(tuple(tuple(g) for g in groups))
    hits: dict[int, list[HtmlElement]] = {}
    if plan.indexed:
        if index is not None and not plan.anywhere:
            _scan(_candidates(plan, index), plan, hits)
        else:
            _scan(elements or list(root.iter()), plan, hits)
    out: list[list[HtmlElement]] = []
    for group in plan.groups:
        found: list[HtmlElement] = []
        for number in group:
            if plan.tests[number] is None:
                result = _css(plan.selectors[number], root)
                found = (
                    [e for e in result if isinstance(e, HtmlElement)]
                    if isinstance(result, list)
                    else []
                )
            else:
                found = hits.get(number, [])
            if found:
                break
        out.append(found)
    return out


def page_select(page: Page, selectors: Sequence[str] | str) -> list[HtmlElement]:
    """``page.select(page.tree, selectors)`` answered from the page's element index."""
    group = (selectors,) if isinstance(selectors, str) else tuple(selectors)
    return select_groups(page.tree, (group,), page.elements, page.index)[0]


def select_any(selectors: Sequence[str], index: ElementIndex) -> list[HtmlElement] | None:
    """Elements of the indexed document matched by any of ``selectors``, in document
    order; ``None`` when one is more than a compound selector (``div.a[x]``, no
    combinator), whose meaning under a given root is not the document's."""
    plan = _compile(tuple((sel,) for sel in selectors))
    if plan.anywhere or not all(
        test is not None and all(isinstance(part, _Compound) for part in test.parts)
        for test in plan.tests
    ):
        return None
    hits: dict[int, list[HtmlElement]] = {}
    _scan(_candidates(plan, index), plan, hits)
    found = {el for matched in hits.values() for el in matched}
    return sorted(found, key=index.position.__getitem__)


def _candidates(plan: _Plan, index: ElementIndex) -> list[HtmlElement]:
    """The elements ``_scan`` would test, in document order: those with an indexed tag,
    class token or attribute (a plan with unindexed selectors scans everything)."""
    found: set[HtmlElement] = set()
    for tag in plan.by_tag:
        found.update(index.by_tag(tag))
    for token in plan.by_class:
        found.update(index.by_class.get(token, ()))
    for name in plan.by_attr:
        found.update(index.with_attr(name))
    for ident in plan.by_id:
        found.update(index.by_id.get(ident, ()))
    return sorted(found, key=index.position.__getitem__)


def _scan(
    elements: Sequence[etree._Element], plan: _Plan, hits: dict[int, list[HtmlElement]]
) -> None:
    by_class, by_tag, by_attr, anywhere = plan.by_class, plan.by_tag, plan.by_attr, plan.anywhere
    by_id = plan.by_id
    attrs = tuple(by_attr.items())
    for el in elements:
        tag = el.tag
        todo: list[int] | None = None
        if tag in by_tag:
            todo = [*anywhere, *by_tag[tag]]
        cls = el.get("class")
        if cls:
            # each token once: a class attribute repeating "comment" 50,000 times (a
            # hostile page) grew this list once per repeat, quadratic in its length
            for token in dict.fromkeys(cls.split()) if len(cls) > 200 else cls.split():
                if token in by_class:
                    todo = [*(todo or anywhere), *by_class[token]]
        for name, indexes in attrs:
            if el.get(name) is not None:
                todo = [*(todo or anywhere), *indexes]
        if by_id:
            ident = el.get("id")
            if ident is not None and ident in by_id:
                todo = [*(todo or anywhere), *by_id[ident]]
        if todo is None:
            if not anywhere:
                continue
            todo = anywhere
        if not isinstance(el, HtmlElement):
            continue
        for index in sorted(set(todo)):
            test = plan.tests[index]
            if test is not None and test.matches(el):
                hits.setdefault(index, []).append(el)


def _css(selector: str, root: HtmlElement) -> object:
    """``page.css`` for what the Python tests cannot express; a broken selector (a typo in
    a profile) matches nothing instead of failing the page."""
    try:
        return css(selector)(root)
    except (SelectorError, etree.XPathError):
        return []


class _Plan:
    """Selectors of all groups, parsed, and indexed by what an element must have."""

    __slots__ = (
        "anywhere",
        "by_attr",
        "by_class",
        "by_id",
        "by_tag",
        "groups",
        "indexed",
        "selectors",
        "tests",
    )

    def __init__(self, groups: tuple[tuple[str, ...], ...]) -> None:
        self.selectors: list[str] = []
        self.groups: list[tuple[int, ...]] = []
        self.tests: list[_Any | None] = []
        for group in groups:
            start = len(self.selectors)
            self.selectors.extend(group)
            self.groups.append(tuple(range(start, len(self.selectors))))
        self.by_class: dict[str, list[int]] = {}
        self.by_tag: dict[str, list[int]] = {}
        self.by_attr: dict[str, list[int]] = {}
        self.by_id: dict[str, list[int]] = {}
        self.anywhere: list[int] = []
        for index, sel in enumerate(self.selectors):
            parts = _parse(sel)
            self.tests.append(_Any(tuple(parts)) if parts else None)
            for part in parts or ():
                self._index(index, part.right if isinstance(part, _Chain) else part)
        self.indexed = any(t is not None for t in self.tests)

    def _index(self, index: int, key: _Compound) -> None:
        # the rarest thing a match must have: a class, an id, a tag, an attribute
        if key.classes:
            self.by_class.setdefault(min(key.classes), []).append(index)
        elif key.ident is not None:
            self.by_id.setdefault(key.ident, []).append(index)
        elif key.tag is not None:
            self.by_tag.setdefault(key.tag, []).append(index)
        elif key.attrs:
            self.by_attr.setdefault(key.attrs[0][0], []).append(index)
        else:
            self.anywhere.append(index)


@dataclass(frozen=True, slots=True)
class _Any:
    """A selector list: matches when any part does."""

    parts: tuple[_Test, ...]

    def matches(self, el: etree._Element) -> bool:
        return any(p.matches(el) for p in self.parts)


@functools.lru_cache(maxsize=256)
def _compile(groups: tuple[tuple[str, ...], ...]) -> _Plan:
    return _Plan(groups)


def _parse(selector: str) -> list[_Test] | None:
    """The Python tests for ``selector``; ``None`` when it uses something not handled."""
    try:
        parsed = parse(selector)
    except SelectorError:
        return None
    out: list[_Test] = []
    for part in parsed:
        if part.pseudo_element is not None:
            return None
        test = _tree(part.parsed_tree)
        if test is None:
            return None
        out.append(test)
    return out


def _tree(tree: Tree) -> _Test | None:
    if isinstance(tree, CombinedSelector):
        if tree.combinator not in (" ", ">"):
            return None
        left = _tree(tree.selector)
        right = _tree(tree.subselector)
        if left is None or not isinstance(right, _Compound):
            return None
        return _Chain(left, right, tree.combinator == ">")
    return _compound(tree)


def _compound(tree: Tree) -> _Compound | None:
    tag: str | None = None
    classes: set[str] = set()
    ident: str | None = None
    attrs: list[tuple[str, str, str | None]] = []
    node: Tree | None = tree
    while node is not None:
        if isinstance(node, Element):
            if node.element and node.element != "*":
                tag = node.element.lower()
            node = None
        elif isinstance(node, Class):
            classes.add(node.class_name)
            node = node.selector
        elif isinstance(node, Hash):
            ident = node.id
            node = node.selector
        elif isinstance(node, Attrib) and node.namespace is None:
            value = node.value.value if node.value is not None else None
            attrs.append((node.attrib.lower(), node.operator, value))
            node = node.selector
        else:
            return None
    return _Compound(tag, frozenset(classes), ident, tuple(attrs))
