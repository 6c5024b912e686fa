"""The text of a headline element without the parts set inside it that are not the headline.

News and magazine themes put the kicker ("Dachzeile", "overline") above the headline and
sometimes a subtitle, the date or the byline below it *inside* the same ``<h1>``, styled
apart by a class or a ``<small>``. A reader sees two lines; the element's text glues them
into one ("Nach Corona-Lockerungen Autohäuser rechnen ..."). The markup names the parts, so
they can be left out without guessing from the words. Where a page has several ``h1`` and
none in the post, the one its head declares too is the headline (``declared_h1``).
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from ..dom._page import Page
from ..dom._text import collapse
from ._candidates import el_text
from ._structured import ld_text
from ._witnesses import SEP, norm

__all__ = ["declared_h1", "headline_text", "in_widget", "inner_heading"]

# class names themes give the line above or below a headline (kicker, "Dachzeile",
# "Spitzmarke", overline, eyebrow; subtitle, subheading, "h1small"), matched within a token
_ASIDE_CLASS = re.compile(
    r"kicker|dachzeile|spitzmarke|overline|topline|toptitle|supertitle|super-title|eyebrow"
    r"|roofline|sub-?title|sub-?head|subline|h1small",
    re.IGNORECASE,
)
# elements inside a headline that are never headline text: small print, a date, and in a
# heading another heading (a theme's byline block)
_ASIDE_TAGS = frozenset({"small", "time"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP = frozenset({"script", "style", "noscript", "template"})
_RANKED = frozenset({"h1", "h2", "h3"})
_INLINE = frozenset({"span", "strong", "b", "em", "i", "mark"})
# a separator kept for screen readers and copy-paste between a kicker and the headline
# ("Klimaschutz<span class="visually-hidden">: </span>Bohren, bis es heiß wird")
_SEP_ONLY = re.compile(r"^\s*[|\-–—:·•/]+\s*$")
_HIDDEN_CLASS = re.compile(r"hidden|offscreen|sr-only|screen-reader|visually", re.IGNORECASE)
_EDGE_SEP = re.compile(r"^[|\-–—:·•/]+\s+|\s+[|\-–—:·•/]+$")
# the class Google's translation widget gives the boxes it adds to a page ("Original text"
# in an h1 of its own); a page saved from a browser that translated it keeps them
_WIDGET_CLASS = re.compile(r"(?:^|\s)skiptranslate(?:\s|$)")


def headline_text(el: HtmlElement, limit: int = 400) -> str:
    """``el``'s text without a kicker, subtitle or date the markup sets apart inside it;
    the whole text when nothing is set apart or nothing else would remain."""
    whole = el_text(el, limit)
    if not len(el):
        return whole
    walk = _Walk(el.tag in _HEADINGS)
    walk.parts.append(el.text or "")
    if _glued_kicker(el):
        walk.dropped = True
        walk.start = len(walk.parts)  # the headline starts at the kicker's tail
        walk.parts.append(el[0].tail or "")
        walk.children(el[1:], 0)
    else:
        walk.children(el, 0)
    if not walk.dropped or walk.shown_sep:
        return whole
    text = collapse("".join(walk.parts[walk.start :]))
    text = _EDGE_SEP.sub("", text)[:limit]
    return text if len(text) >= 3 else whole


class _Walk:
    """The text pieces of a headline in document order, with where the kept part starts."""

    __slots__ = ("aside", "dropped", "parts", "shown_sep", "start")

    def __init__(self, heading: bool) -> None:
        self.aside = _ASIDE_TAGS | _HEADINGS if heading else _ASIDE_TAGS
        self.parts: list[str] = []
        self.start = 0  # text before a hidden separator is the kicker
        self.dropped = False
        # a separator the reader sees ("Kicker<span>: </span>Headline") makes one line of
        # kicker and headline: the page shows the kicker as part of its title
        self.shown_sep = False

    def children(self, el: HtmlElement | list[HtmlElement], depth: int) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:  # a comment, a script
                pass
            elif tag in self.aside or _ASIDE_CLASS.search(child.get("class") or ""):
                self.dropped = True
                self.parts.append(" ")
            elif _separator(child):
                if _hidden(child):
                    self.dropped = True
                    self.start = len(self.parts)
                else:
                    self.shown_sep = True
                self.parts.append(child.text or "")
            elif tag == "br":
                self.parts.append(" ")
            else:
                self.parts.append(child.text or "")
                if depth < 8:
                    self.children(child, depth + 1)
            self.parts.append(child.tail or "")


def _glued_kicker(el: HtmlElement) -> bool:
    """A heading that opens with a few words in an element of their own, the headline's
    capital following with no space ("<span>Nationale Demo</span>Der 9. Juli naht ..."):
    the theme sets that element on a line of its own (a kicker), or a reader would see
    "DemoDer"."""
    first = el[0]
    text, tail = first.text or "", first.tail or ""
    if (el.text or "").strip() or len(first) or first.tag not in _INLINE:
        return False
    glued = text[-1:].isalpha() and tail[:1].isupper()
    return glued and len(text.split()) >= 2 and len(tail.split()) >= 3


def _separator(el: HtmlElement) -> bool:
    return not len(el) and _SEP_ONLY.match(el.text or "") is not None


def _hidden(el: HtmlElement) -> bool:
    return el.get("aria-hidden") == "true" or bool(_HIDDEN_CLASS.search(el.get("class") or ""))


def in_widget(el: HtmlElement) -> bool:
    """A heading inside the box of a browser's translation widget, not the page's own."""
    for _ in range(4):
        el = el.getparent()
        if el is None:
            return False
        if _WIDGET_CLASS.search(el.get("class") or ""):
            return True
    return False


def inner_heading(el: HtmlElement) -> HtmlElement:
    """The heading inside a box that a theme gave the title class ("post-title" around
    the ``h2`` and the category and comment links beside it), else the box itself. Only
    the box's children and grandchildren are looked at: a title box is small, and a large
    element that happens to carry a title class is not read whole again."""
    if el.tag in _HEADINGS:
        return el
    best = el
    for child in el:
        for node in (child, *child) if len(child) <= 8 else (child,):
            tag = node.tag
            if tag in _RANKED and (best is el or tag < best.tag):
                best = node
    return best


def declared_h1(
    h1s: list[HtmlElement], page: Page, title: str | None, article: dict[str, Any] | None
) -> HtmlElement | None:
    """Of several ``h1`` outside any article (a theme that gives the logo, the section and
    the post an ``h1`` each, or prints the headline twice for two screen sizes), the one
    the page also declares. A heading the CMS wrote into the head as well is the post's, not
    a box's: first one that is Open Graph's or JSON-LD's headline (or ends with it, after a
    kicker), else the longest that is a part of ``<title>``, since the site's name is a
    part of ``<title>`` too; a page that prints a translation of its headline in another
    ``h1`` has only one of the two in ``og:title``."""
    shared = {norm(v) for key in ("og:title", "twitter:title") for v in page.meta.get(key, ())}
    if article:
        shared.add(norm(ld_text(article.get("headline")) or ""))
    shared.discard("")
    parts = {norm(p) for p in SEP.split(title or "")}
    parts.add(norm(title or ""))
    best, rank = None, (0, 0)
    for el in h1s[:8]:
        n = norm(el_text(el))
        if not n:
            continue
        tier = 2 if n in shared or any(len(x) >= 15 and n.endswith(x) for x in shared) else 0
        tier = tier or (1 if n in parts else 0)
        if tier and (tier, len(n)) > rank:
            best, rank = el, (tier, len(n))
    return best
