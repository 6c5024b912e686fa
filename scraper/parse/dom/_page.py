"""A parsed page and the lookups every extractor shares, computed once per page.

Extractors read ``Page`` and never mutate ``page.tree``: the same tree serves metadata,
body and comments, so a change made by one would silently corrupt another. Work on a
copy of a subtree when cleaning is needed.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from lxml import etree
from lxml.html import HtmlElement

__all__ = ["ElementIndex", "Page"]

_T = TypeVar("_T")
_LENIENT = json.JSONDecoder(strict=False)


class Page:
    """The tree of one HTML document plus its base URL and structured data."""

    __slots__ = ("__dict__", "tree", "url")

    def __init__(self, tree: HtmlElement, url: str | None = None) -> None:
        self.tree = tree
        self.url = url

    @functools.cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object on the page, ``@graph`` flattened; broken blocks are skipped."""
        out: list[dict[str, Any]] = []
        for script in self.by_tag("script"):
            if (script.get("type") or "").strip().lower() != "application/ld+json":
                continue
            raw = (script.text or "").strip()
            if not raw:
                continue
            try:
                data = json.loads(raw)
            except RecursionError:  # nested past the interpreter's limit: a hostile block
                continue
            except ValueError:
                # Real pages ship raw newlines in strings and a stray closing brace after
                # the object (a template's leftover); try once more with control characters
                # allowed, reading the first complete value, before giving up on the block.
                try:
                    data = _LENIENT.raw_decode(raw.replace("\n", " ").replace("\t", " "))[0]
                except (ValueError, RecursionError):
                    continue
            if _nested_deeper(data, _JSONLD_DEPTH):
                continue  # every reader of these objects recurses; real blocks are shallow
            out.extend(_flatten_jsonld(data))
        return out

    @functools.cached_property
    def meta(self) -> dict[str, list[str]]:
        """``<meta>`` contents keyed by lower-cased name/property/itemprop, in document order."""
        out: dict[str, list[str]] = {}
        for el in self.by_tag("meta"):
            # the names first (one call), then reads of those present only: a meta has
            # two or three of the five attributes asked about here
            names = el.keys()
            if "content" not in names:
                continue
            content = el.get("content")
            for attr in _META_KEYS:
                if attr in names and (key := el.get(attr)):
                    out.setdefault(key.strip().lower(), []).append(content.strip())
        return out

    @functools.cached_property
    def elements(self) -> list[HtmlElement]:
        """Every element of the document in document order, listed once per page.

        lxml builds a Python object for each element a walk visits (through a Python-level
        class lookup in ``lxml.html``), which is most of the cost of a full walk; a shared
        list pays it once for every extractor, and keeps the objects alive for later
        ``getparent()`` calls.
        """
        # ``iter(etree.Element)``: libxml2 leaves out comments, PIs and entities itself, so
        # no Python test runs per node; every element of an ``lxml.html`` tree is an
        # ``HtmlElement`` (the parser's class lookup makes no other kind)
        found: list[HtmlElement] = list(self.tree.iter(etree.Element))
        return found

    @functools.cached_property
    def tags(self) -> dict[str, list[HtmlElement]]:
        """``elements`` by tag name, each list in document order.

        One pass over the element list costs about as much as three libxml2 walks for
        one tag (``tree.iter("meta")``), and a page asks a dozen tags.
        """
        tags: dict[str, list[HtmlElement]] = {}
        for el in self.elements:
            tag = el.tag
            found = tags.get(tag)
            if found is None:
                tags[tag] = [el]
            else:
                found.append(el)
        return tags

    def by_tag(self, tag: str) -> list[HtmlElement]:
        """The elements named ``tag`` (lower-case), in document order: what
        ``tree.iter(tag)`` finds. The list is shared: do not change it."""
        found = self.tags.get(tag)
        return found if found is not None else []

    def memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()`` once per page under ``key``: for facts two extractors need (the
        comment items: the body leaves them out, the thread reads them)."""
        store: dict[str, Any] = self.__dict__.setdefault("_memo", {})
        if key not in store:
            store[key] = compute()
        result: _T = store[key]
        return result

    @functools.cached_property
    def index(self) -> ElementIndex:
        """``elements`` indexed by class token and id, with document positions."""
        return ElementIndex(self.elements, self.tags)

    @functools.cached_property
    def hrefs(self) -> list[tuple[HtmlElement, str]]:
        """Every ``<a href>`` in document order (what ``.//a[@href]`` finds) with its
        ``href``, read once for the list and for the readers that look at targets (the
        "Comments (3)" link to ``#comments``)."""
        return [(el, href) for el in self.index.by_tag("a") if (href := el.get("href")) is not None]

    @functools.cached_property
    def links(self) -> list[HtmlElement]:
        """The elements of ``hrefs``."""
        return [el for el, _ in self.hrefs]

    @functools.cached_property
    def body_classes(self) -> frozenset[str]:
        body = self.tree.find("body")
        if body is None:
            return frozenset()
        return frozenset((body.get("class") or "").split())

    @functools.cached_property
    def generator(self) -> str:
        """The ``<meta name=generator>`` value(s), lower-cased, joined; '' when absent."""
        return " ".join(self.meta.get("generator", ())).lower()


# the attributes that name a ``<meta>``'s content, in the order ``Page.meta`` files it
_META_KEYS = ("property", "name", "itemprop", "http-equiv")

# The attribute names listed by the index pass: those the extractors ask ``with_attr``
# about on every page (all that the 1,872 bench pages asked). Listing every name (href,
# src, style, data-*) cost ~15 % of the pass; any other name is found by one scan.
_INDEXED_ATTRS = frozenset({"itemprop", "itemtype", "name", "property", "pubdate", "rel"})


class ElementIndex:
    """The document's elements by class token, by id, by tag and by attribute name, and
    each element's position in document order: built in one pass over ``Page.elements``
    so that a selector made of a class, an id or an attribute test costs a dictionary
    look-up and a few tests instead of a walk over the whole document.

    Every list is in document order.
    """

    __slots__ = ("_attrs", "_tags", "by_class", "by_id", "elements", "position")

    def __init__(
        self,
        elements: Sequence[HtmlElement],
        tags: dict[str, list[HtmlElement]] | None = None,
    ) -> None:
        self.elements = elements
        self.position: dict[HtmlElement, int] = {}
        self.by_class: dict[str, list[HtmlElement]] = {}
        self.by_id: dict[str, list[HtmlElement]] = {}
        # ``Page.tags`` when given; else grouped on the first ``by_tag``
        self._tags = tags
        self._attrs: dict[str, list[HtmlElement]] = {}
        position, by_class, by_id, attrs = self.position, self.by_class, self.by_id, self._attrs
        position.update(zip(elements, range(len(elements)), strict=True))
        # one keys() call per element fills every list: the class and id lists and the
        # elements carrying the attributes extractors ask about (``with_attr``). Names
        # only: ``items()`` also built a string and a tuple for every href, src and style
        # value the index never reads (a third of the pass).
        indexed = _INDEXED_ATTRS
        for el in elements:
            for name in el.keys():  # noqa: SIM118 (an lxml element, not a dict)
                if name == "class":
                    for token in el.get("class").split():
                        found = by_class.get(token)
                        if found is None:
                            by_class[token] = [el]
                        elif found[-1] is not el:  # class="a a" lists the element once
                            found.append(el)
                elif name == "id":
                    value = el.get("id")
                    if value:
                        by_id.setdefault(value, []).append(el)
                elif name in indexed:
                    found = attrs.get(name)
                    if found is None:
                        attrs[name] = [el]
                    elif found[-1] is not el:
                        found.append(el)

    def by_tag(self, tag: str) -> list[HtmlElement]:
        """Elements named ``tag`` (lower-case), in document order (shared: do not change)."""
        tags = self._tags
        if tags is None:
            tags = self._tags = {}
            for el in self.elements:
                tags.setdefault(el.tag, []).append(el)
        found = tags.get(tag)
        return found if found is not None else []

    def listed_with_attr(self, name: str) -> list[HtmlElement] | None:
        """``with_attr(name)`` when the index holds that list already (the names the index
        pass lists, and those asked before); ``None`` where ``with_attr`` would scan."""
        found = self._attrs.get(name)
        if found is None and name in _INDEXED_ATTRS:
            return []
        return found

    def with_attr(self, name: str) -> list[HtmlElement]:
        """Elements that carry attribute ``name`` (any value), in document order."""
        found = self._attrs.get(name)
        if found is None:
            if name in _INDEXED_ATTRS:
                return []
            # a name the index pass does not list: one scan, remembered; by the names
            # ``items()`` gives, as the pass reads them (``get`` refuses odd ones: "{")
            found = [el for el in self.elements if name in el.keys()]  # noqa: SIM118
            self._attrs[name] = found
        return found


_JSONLD_DEPTH = 64  # real JSON-LD nests a dozen levels at most


def _nested_deeper(data: Any, limit: int) -> bool:
    """True when lists and objects in ``data`` nest more than ``limit`` levels (no recursion)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, dict | list))
    return False


def _flatten_jsonld(data: Any) -> Iterable[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten_jsonld(item)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _flatten_jsonld(graph)
            rest = {k: v for k, v in data.items() if k != "@graph"}
            if "@type" in rest:
                yield rest
        else:
            yield data
