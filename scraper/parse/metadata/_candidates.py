"""One pass over the tree collecting every element a metadata field might read.

A single XPath (evaluated in C) finds the elements that carry a hint — a ``rel``, an
``itemprop``, a ``<time>``, an ``h1``, a class naming a title, byline, date, category or
tag — and Python sorts the few hundred hits into lists by role. Each hit also learns
whether it sits in the comment thread or in a sidebar, because a comment's date or a
"recent posts" byline is the classic wrong answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from lxml.html import HtmlElement

from ..dom._css import page_select
from ..dom._page import Page
from ..dom._signals import text_of
from ..dom._text import collapse
from ..profiles._profile import Profile
from ._classfacts import (
    ARTICLE,
    FACT_BITS,
    FACTS,
    HINT,
    ROLE_BITS,
    TOKEN_MASKS,
    ClassFacts,
    token_masks,
)
from ._regions import Regions

__all__ = ["Hit", "Scan", "el_text", "scan_page"]

_HINT_TAGS = frozenset({"title", "h1", "time", "article"})
_ROOT_TAGS = frozenset({"article", "div", "main", "section"})
_REL_ROLES = frozenset({"canonical", "home", "author", "tag", "category"})


class _Hints(NamedTuple):
    hits: list[HtmlElement]  # in document order: the hints a role may come from
    found: set[HtmlElement]  # every element carrying a hint
    articles: list[HtmlElement]  # the hints whose class names the post's container
    masks: dict[HtmlElement, int]  # what the class tokens of each element say


def _hints(page: Page) -> _Hints:
    """Elements carrying any hint, read from the page's element index.

    A class says what its tokens say (``class_facts`` is true of a class when true of
    one of its tokens, save ``modified_only``), so the facts are read once per distinct
    token (``token_masks``) and each element gets the union of its tokens' (``masks``).
    Only the hints that can give a role are listed in ``hits``: most match a loose word
    ("meta", "entry", "cat") and nothing else, and are known without reading them."""
    index = page.index
    found: set[HtmlElement] = set()
    useful: set[HtmlElement] = set()
    articles: list[HtmlElement] = []
    masks: dict[HtmlElement, int] = {}
    for tag in _HINT_TAGS:
        found.update(index.by_tag(tag))
    useful.update(index.by_tag("title")[:1], index.by_tag("h1"), index.by_tag("time"))
    memo = TOKEN_MASKS
    get = memo.get  # one lookup per known token (see ``Memo``)
    missing: list[str] = []
    for token, members in index.by_class.items():
        mask = get(token)
        if mask is None:
            missing.append(token)
        elif mask:
            _mark(mask, members, found, useful, articles, masks)
    if missing:  # new tokens, read in one batch
        for token, mask in zip(missing, token_masks(missing), strict=True):
            memo.remember(token, mask)
            if mask:
                _mark(mask, index.by_class[token], found, useful, articles, masks)
    marked = [el for el in index.with_attr("itemprop") if el.get("itemprop")]
    found.update(marked)
    useful.update(marked)
    # ``property`` gives a role only as RDFa's date on an element (``<meta>`` is read
    # elsewhere); ``rel`` only as the canonical ``<link>`` or a link's role
    marked = [el for el in index.with_attr("property") if el.get("property")]
    found.update(marked)
    useful.update(el for el in marked if el.tag != "meta" and "date" in el.get("property").lower())
    for el in index.with_attr("rel"):  # one read of each value (most say "nofollow")
        rel = el.get("rel")
        if rel and el.tag in ("a", "link"):
            found.add(el)
            if not _REL_ROLES.isdisjoint(rel.lower().split()):
                useful.add(el)
    found.update(
        el for el in index.with_attr("itemtype") if el.tag in _ROOT_TAGS and el.get("itemtype")
    )
    useful.update(index.with_attr("pubdate"))
    useful &= found  # a role's class on an element without a hint is not read
    return _Hints(sorted(useful, key=index.position.__getitem__), found, articles, masks)


def _mark(
    mask: int,
    members: list[HtmlElement],
    found: set[HtmlElement],
    useful: set[HtmlElement],
    articles: list[HtmlElement],
    masks: dict[HtmlElement, int],
) -> None:
    """File the elements of one class token by what the token says (``mask``)."""
    if mask & HINT:
        found.update(members)
    if mask & ROLE_BITS:
        useful.update(members)
    if mask & ARTICLE:
        articles += members
    if mask & FACT_BITS:
        for el in members:
            masks[el] = masks.get(el, 0) | mask


_SKIP = frozenset({"script", "style", "noscript", "template"})
_NO_REL: list[str] = []


def el_text(el: HtmlElement, limit: int = 400) -> str:
    """Collapsed text of a small element, scripts and styles left out, cut at ``limit``."""
    if not len(el):  # a leaf (most links and bylines): its own text is all there is
        text = el.text
        return collapse(text)[:limit] if text and el.tag not in _SKIP else ""
    if el.tag not in _SKIP:
        # a few elements, none of them skipped and no comment or PI among them: libxml2's
        # text serialization reads the same texts in the same order, in one call instead
        # of a Python step per node (and ``_gather`` stops short only past ``room``)
        below = list(islice(el.iterdescendants(), _SERIALIZED + 1))
        if len(below) <= _SERIALIZED and all(
            isinstance(tag := d.tag, str) and tag not in _SKIP for d in below
        ):
            text = text_of(el)
            if len(text) < limit * 4:
                return collapse(text)[:limit]
    parts: list[str] = [el.text or ""] if el.tag not in _SKIP else []
    _gather(el, parts, limit * 4 - len(parts[0]) if parts else limit * 4)
    return collapse("".join(parts))[:limit]


_SERIALIZED = 16  # descendants: a byline or a date line, not a container


def _gather(el: HtmlElement, parts: list[str], room: int) -> int:
    """The texts of ``el``'s descendants in reading order, each element's tail after its own
    children's texts ("<span>Israel<i>:</i></span> Palestinians" reads "Israel:
    Palestinians", not "Israel :Palestinians"); what is left of ``room`` when done. A
    stack, not recursion: a page may nest 2,000 elements deep (issue 13's limit)."""
    stack: list[tuple[Iterator[HtmlElement], HtmlElement | None]] = [(iter(el), None)]
    while stack:
        children, owner = stack[-1]
        child = next(children, None)
        if child is None:  # the owner's children are read: its tail follows them
            stack.pop()
            if owner is not None and owner.tail:
                parts.append(owner.tail)
                room -= len(owner.tail)
                if room <= 0:
                    break
            continue
        if child.tag not in _SKIP:
            if child.text:
                parts.append(child.text)
                room -= len(child.text)
            if len(child) and room > 0:
                stack.append((iter(child), child))
                continue
        if child.tail:
            parts.append(child.tail)
            room -= len(child.tail)
        if room <= 0:
            break
    else:
        return room
    # out of room: each open element's tail still follows, as when read level by level
    for _, owner in reversed(stack):
        if owner is not None and owner.tail:
            parts.append(owner.tail)
            room -= len(owner.tail)
    return room


@dataclass(frozen=True, slots=True)
class Hit:
    el: HtmlElement
    in_comment: bool
    in_side: bool
    in_article: bool


@dataclass(frozen=True, slots=True)
class Scan:
    lang: str | None
    title: str | None
    canonical: str | None
    article_root: HtmlElement | None
    h1: tuple[Hit, ...]
    titles: tuple[Hit, ...]
    itemprops: tuple[tuple[str, Hit], ...]
    rel_author: tuple[Hit, ...]
    author_names: tuple[Hit, ...]
    author_blocks: tuple[Hit, ...]
    fn: tuple[Hit, ...]
    published: tuple[Hit, ...]
    modified: tuple[Hit, ...]
    times: tuple[Hit, ...]
    date_texts: tuple[Hit, ...]
    categories: list[HtmlElement]
    tags: list[HtmlElement]
    site_titles: tuple[Hit, ...]
    home_links: tuple[Hit, ...]
    rdfa_dates: tuple[tuple[str, Hit], ...]

    def prop(self, *names: str) -> list[Hit]:
        return [hit for name, hit in self.itemprops if name in names and not hit.in_comment]

    def author_groups(self) -> list[list[HtmlElement]]:
        """Byline witnesses, most specific first: microdata, rel=author, h-card, classes."""
        micro = self.prop("author", "creator")
        first = [h.el for h in micro if h.in_article] + [h.el for h in micro if not h.in_article]
        groups = [
            list(self.rel_author),
            list(self.fn),
            list(self.author_names),
            list(self.author_blocks),
        ]
        return [g for g in [first, *(_best(group) for group in groups)] if g]

    def published_elements(self) -> list[HtmlElement]:
        # microdata says what it is: trusted even in a card footer, never in comments
        out = [h.el for h in self.prop("datePublished", "dateCreated")]
        out += _best([hit for name, hit in self.rdfa_dates if "modified" not in name])
        out += _best(list(self.published))
        out += _best(list(self.times))
        return out

    def modified_elements(self) -> list[HtmlElement]:
        return _best(self.prop("dateModified")) + _best(list(self.modified))

    def date_text_elements(self) -> list[HtmlElement]:
        return _best(list(self.date_texts))

    def side_date_text_elements(self) -> list[HtmlElement]:
        """Date-classed elements in sidebar-like regions: broken themes put posts there."""
        return [h.el for h in self.date_texts if h.in_side and not h.in_comment]


def _best(hits: list[Hit]) -> list[HtmlElement]:
    """Elements outside comments and sidebars, those inside the article first."""
    good = [h for h in hits if not h.in_comment and not h.in_side]
    inside = [h.el for h in good if h.in_article]
    return inside + [h.el for h in good if not h.in_article]


def _tokens(el: HtmlElement, attr: str) -> list[str]:
    return (el.get(attr) or "").lower().split()


def _find_article(page: Page, profile: Profile, hints: _Hints) -> HtmlElement | None:
    """The post's container: the profile's, else the first hint whose class or microdata
    type names a post, else the first ``<article>``."""
    if profile.article:
        found = page_select(page, profile.article)
        if found:
            return found[0]
    index = page.index
    typed = [
        el
        for el in index.with_attr("itemtype")
        if el in hints.found and _ARTICLE_TYPE.search(el.get("itemtype") or "")
    ]
    first = min(hints.articles + typed, key=index.position.__getitem__, default=None)
    if first is not None:
        return first
    tags = index.by_tag("article")
    return tags[0] if tags else None


_ARTICLE_TYPE = re.compile("Article|BlogPosting")


def scan_page(page: Page, profile: Profile) -> Scan:
    """Collect the candidate elements of every field in one pass over the tree."""
    hints = _hints(page)
    root = _find_article(page, profile, hints)
    regions = Regions(root)
    lists: dict[str, list[Hit]] = {
        k: []
        for k in "h1 titles rel_author author_names author_blocks fn published modified "
        "times date_texts site_titles home_links".split()
    }
    itemprops: list[tuple[str, Hit]] = []
    rdfa: list[tuple[str, Hit]] = []
    categories: list[HtmlElement] = []
    tags: list[HtmlElement] = []
    title = canonical = None
    for el in hints.hits:
        tag = el.tag
        if tag == "title":
            if title is None:
                title = el_text(el)
            continue
        # rel counts on links only (``_roles`` reads it for ``<a>``)
        rel = _tokens(el, "rel") if tag == "a" or tag == "link" else _NO_REL
        if tag == "link":
            if "canonical" in rel and canonical is None:
                canonical = el.get("href")
            continue
        roles = _roles(el, tag, FACTS[hints.masks.get(el, 0)], rel)
        props = (el.get("itemprop") or "").split()
        rdfa_prop = (el.get("property") or "").lower()
        is_rdfa = bool(rdfa_prop) and tag != "meta" and "date" in rdfa_prop
        if not roles and not props and not is_rdfa:
            continue
        hit = Hit(el, *regions.of(el))
        if is_rdfa and el.get("content"):
            rdfa.append((rdfa_prop, hit))
        itemprops.extend((prop, hit) for prop in props)
        _file(hit, roles, lists, tags, categories)
    return Scan(
        lang=page.tree.get("lang") or page.tree.get("xml:lang"),
        title=title,
        canonical=canonical,
        article_root=root,
        itemprops=tuple(itemprops),
        rdfa_dates=tuple(rdfa),
        categories=categories,
        tags=tags,
        **{k: tuple(v) for k, v in lists.items()},
    )


def _file(
    hit: Hit,
    roles: list[str],
    lists: dict[str, list[Hit]],
    tags: list[HtmlElement],
    categories: list[HtmlElement],
) -> None:
    """Put one hit into the candidate lists its roles name."""
    for role in roles:
        if role == "tag_link":
            tags.append(hit.el)
        elif role == "category_link":
            categories.append(hit.el)
        elif role in ("tags", "categories"):
            if not hit.in_comment:
                (tags if role == "tags" else categories).append(hit.el)
        else:
            lists[role].append(hit)


def _roles(el: HtmlElement, tag: str, cls: ClassFacts, rel: list[str]) -> list[str]:
    """The candidate lists one element belongs to, from its tag, classes and rel."""
    roles = []
    if cls.site:
        roles.append("site_titles")
    if tag == "h1":
        roles.append("h1")
    if cls.title:
        roles.append("titles")
    if tag == "a":
        if "home" in rel:
            roles.append("home_links")
        if "author" in rel:
            roles.append("rel_author")
        if "tag" in rel and "category" not in rel:
            roles.append("tag_link")
        elif "category" in rel:
            roles.append("category_link")
    if cls.category:
        roles.append("categories")
    if cls.tag:
        roles.append("tags")
    if cls.fn or (cls.p_name and _in_card(el)):
        roles.append("fn")
    if cls.author_name:
        roles.append("author_names")
    elif cls.authorish:
        roles.append("author_blocks")
    if (cls.published or el.get("pubdate") is not None) and not cls.modified_only:
        roles.append("published")
    elif cls.modified:
        roles.append("modified")
    if tag == "time" and (el.get("datetime") or "").strip():
        roles.append("times")
    if tag == "time" or cls.date_word or "author_blocks" in roles:
        roles.append("date_texts")  # bylines often carry the date: "Jane Doe, 10.11.2021"
    return roles


def _in_card(el: HtmlElement) -> bool:
    parent = el.getparent()
    return parent is not None and "h-card" in (parent.get("class") or "")
