"""Which date on the page is the post's: publication and modification.

``datewitnesses`` lists the publication witnesses in order of trust; here the first is
weighed against the others: a day the article's header shows outranks an unqualified
``date`` field, a re-dated post is known by the day it presents, and a UTC instant is
shown in the page's own offset when the page gives that too.

Which day: the day the page shows its reader, as written. A date the page writes (in its
text, or a local time without a zone in its markup) is never shifted by a zone; a time
written with its zone ("9:23 PM UTC") keeps the day beside it. Only an instant (a machine
value with an offset) is placed on a local day: the day the header shows when it is the
next or the previous one, else the day of the one zone the page gives, else the day its
country's zones all agree on (``_zones``), else the instant's own. Sets whose gold is a
parser's output normalised to UTC (metascraper, Postlight, fundus) count the UTC day
instead: on the dev pages that is every "day off" left where the page shows its day.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from lxml.html import HtmlElement

from ..dom._css import page_select
from ..dom._page import Page
from ._candidates import Scan, el_text
from ._dates import parse_clock, parse_iso, parse_text
from ._datewitnesses import (
    MODIFIED_META,
    PUBLISHED_META,
    DateContext,
    date_of,
    published_witnesses,
)
from ._nearby import Near
from ._pagedates import UPDATED_LABEL
from ._siteinfo import first_meta
from ._structured import ld_text
from ._urldates import date_from_url, month_from_url
from ._zones import day_in_country

__all__ = ["DateContext", "modified_of", "published_of"]


def published_of(ctx: DateContext) -> str | None:
    """The publication date; a UTC instant is shown in the page's own time zone when
    another witness on the page gives the same instant with its local offset."""
    found = _first_witness(ctx)
    if found is None:
        return None
    page, scan, near, dayfirst = ctx.page, ctx.scan, ctx.near, ctx.dayfirst
    label, value = found
    if label in _UNQUALIFIED:
        shown = _header_dates(scan, near, dayfirst, anywhere=False)
        if shown and shown[0][:10] != value[:10]:
            value = shown[0]  # "date" alone is often the day the page was generated
    elif label.startswith(_MARKED):
        value = _as_presented(value, ctx)
    if value.endswith("+00:00"):
        local = _localize(value, _instant_witnesses(page, scan))
        if local == value:
            local = _visible_day(value, scan, near, dayfirst) or (
                day_in_country(value, ctx.url or page.url) or value
            )
        return local
    if "T" in value and value[-6] not in "+-":
        return _localize(value, _instant_witnesses(page, scan))
    if len(value) == 10:
        return value + _footer_clock(scan)
    return value


def _first_witness(ctx: DateContext) -> tuple[str, str] | None:
    """The most trusted witness, unless the URL names the month of publication
    (``/2019/10/``) and it gives another month, or the URL names the day and a visible
    date without markup gives another: then the first that agrees with the URL (a
    draft's creation date, a widget's date, a masthead's), or the most trusted when none
    does."""
    witnesses = published_witnesses(ctx)
    first = next(witnesses, None)
    month = month_from_url(ctx.url or ctx.page.url)
    if first is None or month is None:
        return first
    if first[1].startswith(month):
        # a visible date no markup vouches for, on another day of the URL's month, is a
        # masthead's "today" or a teaser's day: the URL was fixed when the post went out
        day = date_from_url(ctx.url) or date_from_url(ctx.page.url)
        if first[0] not in _UNMARKED or day is None or first[1].startswith(day):
            return first
        if _labelled_update(first[1][:10], ctx):
            return first  # "Updated March 14": the day the page presents, not a masthead's
        month = day
    for count, found in enumerate(witnesses):
        if found[1].startswith(month):
            return found
        if count > 40:
            break
    return first


def _labelled_update(day: str, ctx: DateContext) -> bool:
    """True when the header shows ``day`` after an "Updated" label."""
    return any((_updated_day(text, ctx) or "").startswith(day) for text in ctx.near.texts[:30])


def _updated_day(text: str, ctx: DateContext) -> str | None:
    """The date written after an "Updated" label in ``text`` ("Updated May 06, 2019")."""
    m = UPDATED_LABEL.search(text)
    return parse_text(text[m.end() :], dayfirst=ctx.dayfirst) if m else None


_MARKED = ("ld:", "meta:", "profile", "element")
_UNMARKED = frozenset({"date-text", "near", "dateline", "side", "listed"})
# Date fields that do not say which date they hold: a CMS fills them with the day the
# page was generated or last saved as often as with the day of publication, so the
# date the article's own header shows outranks them.
_UNQUALIFIED = frozenset({"meta:date", "meta:dc.date", "meta:dcterms.date"})


def _as_presented(value: str, ctx: DateContext) -> str:
    """The day the page presents the post under, when its markup says another.

    A post that was revised is often re-dated on the page ("1. Januar 2023" under the
    headline, the first publication in 2021 left in JSON-LD only): readers, citations
    and the page itself know it by the day it shows. A shown day counts only when the
    page's own machine data gives it too (its modification date, another publication
    field), so a teaser's or a sidebar's date never wins; the machine value is kept when
    the page shows its day anywhere in the header."""
    machine = [m for m in _machine_dates(ctx.page, ctx.article) if m[:10] != value[:10]]
    if not machine:
        return value  # the page's data knows no other day: nothing to weigh
    shown = _header_dates(ctx.scan, ctx.near, ctx.dayfirst)
    if value[:10] in {s[:10] for s in shown}:
        return value
    for day in shown:
        if _adjacent_instant(value, day):
            continue  # a time-zone question, not another date: see _visible_day
        for other in machine:
            if other[:10] == day[:10]:
                return other
    return _updated_shown(value, ctx) or value


def _updated_shown(value: str, ctx: DateContext) -> str | None:
    """The later day an evergreen article shows as "Updated May 06, 2019" in its own
    dateline, the first publication left in its markup only: the day the page presents
    the post under (a reader, a citation, an archive's annotator know no other). Only
    the first date-classed elements of the article, only with the label before the day
    (a teaser is not labelled so), and only a day after the machine one."""
    hits = [h for h in ctx.scan.date_texts if h.in_article and not (h.in_comment or h.in_side)]
    for hit in hits[:3]:
        day = _updated_day(el_text(hit.el, 120), ctx)
        if day and day[:10] > value[:10]:
            return day
    return None


def _adjacent_instant(value: str, day: str) -> bool:
    """True for a UTC instant whose day is next to ``day``: the same moment may well
    fall on that day where the page is written (an instant with a local offset says
    its local day itself)."""
    if not value.endswith("+00:00"):
        return False
    gap = datetime.fromisoformat(day[:10]).date() - datetime.fromisoformat(value[:10]).date()
    return abs(gap.days) == 1


def _header_texts(
    scan: Scan, near: Near, dayfirst: bool | None, *, anywhere: bool = True
) -> list[str]:
    """Texts of the post's header, most telling first: date-classed elements inside the
    article, the texts around the headline, then (``anywhere``) date-classed elements
    elsewhere (a news site's masthead prints today's date, which is not the post's).
    Those elsewhere count only while they name one day: cards of other posts ("Read
    more", "Latest") each show their own, and one of them may be the day this post was
    last saved, which its markup gives too."""
    inside = outside = 0
    first: list[str] = []
    rest: list[str] = []
    for hit in scan.date_texts:
        if hit.in_comment or hit.in_side:
            continue
        if hit.in_article and inside < 6:
            first.append(el_text(hit.el))
            inside += 1
        elif anywhere and not hit.in_article and outside < 6:
            rest.append(el_text(hit.el))
            outside += 1
    if len({v[:10] for v in (parse_text(t, dayfirst=dayfirst) for t in rest) if v}) > 1:
        rest = []
    return first + near.texts[:12] + rest[: 6 - inside]


def _header_dates(
    scan: Scan, near: Near, dayfirst: bool | None, *, anywhere: bool = True
) -> list[str]:
    """Dates written in the post's header, in the order of ``_header_texts``."""
    texts = _header_texts(scan, near, dayfirst, anywhere=anywhere)
    return [v for v in (parse_text(t, dayfirst=dayfirst) for t in texts) if v]


def _machine_dates(page: Page, article: dict[str, Any] | None) -> list[str]:
    """The page's machine-readable dates of the post, publication before modification."""
    raw: list[str | None] = []
    if article:
        raw += [ld_text(article.get(k)) for k in ("datePublished", "dateCreated")]
    raw += [v for key in PUBLISHED_META for v in page.meta.get(key, ())]
    if article:
        raw.append(ld_text(article.get("dateModified")))
    raw += [v for key in MODIFIED_META for v in page.meta.get(key, ())]
    return [v for v in map(parse_iso, raw) if v]


_AT_CLOCK = re.compile(
    r"(?:^|\s)(?:at|um|à|alle|a las|às)\s+(\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)"
)
_FOOTER_WORDS = ("footer", "byline", "posted", "timestamp", "meta")


def _footer_clock(scan: Scan) -> str:
    """The time of day of a post whose date stands alone: TypePad and old Blogger themes
    print the day in a date header and "Posted by X at 09:15 AM" in the post's footer."""
    root = scan.article_root
    if root is None:
        return ""
    for count, el in enumerate(root.iter()):
        if count > 3000:
            break
        label = (el.get("class") or "").lower() if isinstance(el.tag, str) else ""
        if label and any(w in label for w in _FOOTER_WORDS):
            m = _AT_CLOCK.search(el_text(el, 200))
            if m:
                return parse_clock(m.group(1))
    return ""


def _visible_day(value: str, scan: Scan, near: Near, dayfirst: bool | None) -> str | None:
    """A UTC instant whose day is not the day the page shows: the reader's day wins. With a
    visible time of day the offset follows from the two; without one the visible date is
    all that can be said honestly. ``None`` when the header shows neither day."""
    when = datetime.fromisoformat(value)
    for text in _header_texts(scan, near, dayfirst):
        shown = parse_text(text, dayfirst=dayfirst)
        if not shown or _updated_only(text, shown, dayfirst):
            continue
        day = datetime.fromisoformat(shown[:10]).date()
        if abs((day - when.date()).days) != 1:
            if day == when.date():
                return value
            continue
        if len(shown) > 10:
            shift = datetime.fromisoformat(shown) - when.replace(tzinfo=None)
            if abs(shift) <= timedelta(hours=14) and not shift % timedelta(minutes=15):
                return datetime.fromisoformat(shown).replace(tzinfo=timezone(shift)).isoformat()
        return shown[:10]
    return None


def _updated_only(text: str, shown: str, dayfirst: bool | None) -> bool:
    """True when the one date of ``text`` is an update's ("November 28, 2013 -- Updated
    0203 GMT", "Updated May 6, 2019"): the day the page was changed, which says nothing of
    the day the publication instant fell on where the page is written. A text that names
    another date after the label ("May 5 · Updated May 6") shows the publication first."""
    m = UPDATED_LABEL.search(text)
    if m is None:
        return False
    after = parse_text(text[m.end() :], dayfirst=dayfirst)
    return after is None or after[:10] == shown[:10]


def _instant_witnesses(page: Page, scan: Scan) -> list[str]:
    out = [v for key in PUBLISHED_META for v in page.meta.get(key, ())]
    out += [v for obj in page.jsonld for v in [obj.get("datePublished")] if isinstance(v, str)]
    for el in scan.published_elements():
        out += [v for v in (el.get("datetime"), el.get("content")) if v]
    return out[:40]


def _localize(value: str, witnesses: list[str]) -> str:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return value
    for raw in witnesses:
        iso = parse_iso(raw)
        if not iso or "T" not in iso:
            continue
        try:
            other = datetime.fromisoformat(iso)
        except ValueError:
            continue
        if when.tzinfo is None and other.tzinfo is not None:
            when, other = other, when
        if when.tzinfo is None:
            continue
        if other.tzinfo is not None:
            if other == when and other.utcoffset() != when.utcoffset():
                return iso
            continue
        shift = other - when.replace(tzinfo=None) + (when.utcoffset() or timedelta(0))
        if shift and abs(shift) <= timedelta(hours=14) and not shift % timedelta(minutes=15):
            return other.replace(tzinfo=timezone(shift)).isoformat()
    return value


def modified_of(ctx: DateContext) -> str | None:
    """The modification date: JSON-LD, the profile, ``<meta>``, then updated classes."""
    page, article = ctx.page, ctx.article
    if article:
        value = parse_iso(ld_text(article.get("dateModified")))
        if value:
            return value
    both = False  # the page's updated date is its published one (see _also_published)
    for sel in ctx.profile.modified:
        for el in page_select(page, sel):
            if _also_published(el):
                both = True
                break
            value = date_of(el, dayfirst=None)
            if value:
                return value
        if both:
            break
    for key in MODIFIED_META:
        value = parse_iso(first_meta(page, key))
        if value:
            return value
    if both:
        return None
    for el in ctx.scan.modified_elements():
        if _also_published(el):
            return None
        value = date_of(el, dayfirst=None)
        if value:
            return value
    return None


def _also_published(el: HtmlElement) -> bool:
    """``<time class="entry-date published updated">``: one date marked both ways because
    hAtom asks for an ``updated`` (Twenty Twelve to Twenty Twenty-One always write it so).
    It says when the post was published, not that it was never edited since."""
    classes = (el.get("class") or "").split()
    return "published" in classes and "updated" in classes
