"""Dates a page states outside its article: the footer's last-change line and the inline
state object of a client-rendered page. Both are last resorts of ``datewitnesses``, read
only when the page's markup gave nothing better."""

from __future__ import annotations

import re

from ..dom._page import Page
from ._candidates import el_text
from ._dates import parse_iso, parse_text

__all__ = ["lastmod_line", "script_date"]

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
