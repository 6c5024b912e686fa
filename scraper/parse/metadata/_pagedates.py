"""Dates a page states outside its article: its "last updated" statement, the footer's
last-change line and the inline state object of a client-rendered page. All are last
resorts of ``datewitnesses``, read only when the page's markup gave nothing better."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..dom._page import Page
from ._candidates import el_text
from ._dates import parse_iso, parse_text

if TYPE_CHECKING:
    from ._nearby import Near

__all__ = ["UPDATED_LABEL", "lastmod_line", "script_date", "updated_date"]

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
