"""Dates a page states outside its article: its "last updated" statement, the footer's
last-change line and the inline state object of a client-rendered page. All are last
resorts of ``datewitnesses``, read only when the page's markup gave nothing better."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lxml.html import HtmlElement

from ..dom._page import Page
from ._candidates import el_text
from ._classfacts import PUBLISHED_CLASSES
from ._dates import parse_iso, parse_text

if TYPE_CHECKING:
    from ._nearby import Near

__all__ = ["UPDATED_LABEL", "lastmod_line", "modified_last", "script_date", "updated_date"]

_LASTMOD_IDS = ("lastmod", "last-modified", "lastmodified", "last_modified")


def lastmod_line(page: Page, dayfirst: bool | None) -> str | None:
    """The footer line a wiki or a CMS gives the page's last change under an id of its own
    (MediaWiki's ``footer-info-lastmod``: "Diese Seite wurde zuletzt am 29. Januar 2020
    geändert"): the walk of ``near.body`` leaves footers and lists out. One look-up per id
    of the page, for the few pages that get this far."""
    for ident, found in page.index.by_id.items():
        low = ident.lower()
        if any(k in low for k in _LASTMOD_IDS):
            value = parse_text(el_text(found[0], 300), dayfirst=dayfirst)
            if value:
                return value
    return None


_SCRIPT_KEY = re.compile(
    r"""["']?(?:datePublished|published_at|publishedAt|publish_date|publishDate|pubDate|"""
    r"""date_published|publicationDate|publication_date|publishedDate|published_date|"""
    r"""firstPublished|first_published_at|firstPublishedDate|pub_date|publishTime|"""
    r"""publish_time|publishedTime|published_time)["']?\s*:\s*["']([^"']{8,40})["']"""
)


# an inline script that is one call with a date: it writes the page's dateline
# (``<script>showDate("2020/04/17 01:43:09")</script>``)
_WRITTEN = re.compile(r"""^\s*[\w.$]+\(\s*["'](\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[^"']{0,30})["']""")


def script_date(page: Page) -> str | None:
    """A publication date in a page's inline JSON state (``"published_at": "..."``): what
    a client-rendered page knows but does not print; else the date a one-call script
    writes where the page shows its date (old CMSs print the dateline so)."""
    written = None
    for script in page.by_tag("script"):
        text = script.text or ""
        if "ld+json" in (script.get("type") or "") or len(text) > 500_000:
            continue
        m = _SCRIPT_KEY.search(text)
        if m:
            value = parse_iso(m.group(1))
            if value:
                return value
        if written is None and len(text) < 120:
            call = _WRITTEN.match(text)
            written = parse_iso(call.group(1)) if call else None
    return written


# "Aktualisiert am", "Stand:", "Diese Seite wurde zuletzt am ... geändert", "Last updated"
UPDATED_LABEL = re.compile(
    r"aktualisiert|zuletzt|geändert|stand:|last (?:updated|modified|edited)|updated|"
    r"mis à jour|actualizado|atualizado|aggiornato|bijgewerkt",
    re.IGNORECASE,
)


def updated_date(near: Near, dayfirst: bool | None) -> str | None:
    """The day a page without any publication mark says it was last updated ("Aktualisiert:
    30.12.2016" in its footer, a wiki's "zuletzt am 29. Januar 2020 geändert"): the page's
    own statement of its date, where the unlabelled dates in its text are dates it
    mentions. Read only for pages that got this far (no machine or marked date, a date
    in a sentence near the headline)."""
    texts = near.body
    for i, text in enumerate(texts):
        if len(text) > 120:
            continue
        m = UPDATED_LABEL.search(text)
        if m is None:
            continue
        digit = next((k for k, c in enumerate(text) if c.isdigit()), len(text))
        if m.start() > digit:
            continue  # a date before the label is another's ("erschienen am 3.4., geändert")
        value = parse_text(text[m.end() :], dayfirst=dayfirst)
        if value is None and digit == len(text) and i + 1 < len(texts) and len(texts[i + 1]) <= 40:
            value = parse_text(texts[i + 1], dayfirst=dayfirst, short_year=True)
        if value:
            return value
    return lastmod_line(near.page, dayfirst)


def modified_last(
    dated: list[tuple[HtmlElement, str]], modified: list[HtmlElement], dayfirst: bool | None
) -> list[tuple[HtmlElement, str]]:
    """Date-classed elements with the modification's reading put last: an element classed
    only as the update (``time.updated``, ``entry-modified-time``, a block theme's
    ``wp-block-post-date__modified-date``), and a meta line whose first date is such an
    element's (GeneratePress writes ``time.updated`` before ``time.published``, Avada a
    hidden ISO ``span.updated`` before the visible day). A meta line is read again
    without its update; one that holds nothing else keeps its place after the others."""
    mods = {
        id(el) for el in modified if not PUBLISHED_CLASSES.intersection(el.get("class", "").split())
    }  # tagDiv's "entry-date updated" is its publication
    if not mods:
        return dated
    holders = {id(anc) for el in modified if id(el) in mods for anc in el.iterancestors()}
    first: list[tuple[HtmlElement, str]] = []
    last: list[tuple[HtmlElement, str]] = []
    for el, value in dated:
        if id(el) in mods:
            last.append((el, value))
        elif id(el) in holders:
            rest = parse_text(_text_without(el, mods), dayfirst=dayfirst)
            (first if rest else last).append((el, rest or value))
        else:
            first.append((el, value))
    return first + last


def _text_without(el: HtmlElement, skip: set[int]) -> str:
    """``el``'s text with the subtrees of the elements in ``skip`` left out (their tails
    kept: they belong to the parent)."""
    parts: list[str] = [el.text or ""]
    stack: list[tuple[Iterator[HtmlElement], HtmlElement | None]] = [(iter(el), None)]
    while stack and len(parts) < 400:
        children, owner = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.append(owner.tail or "" if owner is not None else "")
            continue
        if id(child) not in skip and isinstance(child.tag, str):
            parts.append(child.text or "")
            if len(child):
                stack.append((iter(child), child))
                continue
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())[:400]
