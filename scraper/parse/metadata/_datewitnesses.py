"""The witnesses of a post's publication date, in order of trust.

JSON-LD, the profile, ``article:published_time`` and kin, microdata and hAtom classes,
``<time datetime>``, visible datelines near the headline, the URL, and finally a
standalone dateline anywhere. ``pubdates`` weighs them against each other; the rules
here only find them, each reading one ``DateContext``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..dom._page import Page
from ..profiles._profile import Profile
from ._candidates import Scan, el_text
from ._dateelements import listing, profile_elements, quoted
from ._datelines import (
    POSTED_LABEL,
    YEARS,
    dateline_after,
    split_dateline,
    standalone_dateline,
    title_date,
    update_of,
)
from ._dates import parse_clock, parse_iso, parse_text
from ._headdates import (
    DATELINE_LETTERS,
    NOW_LABEL,
    head_dateline,
    in_banner,
    member_since,
    url_month_shown,
)
from ._nearby import Near, body_texts
from ._pagedates import modified_last, script_date, updated_date
from ._siteinfo import first_meta
from ._structured import ld_text, ld_types
from ._urldates import date_from_url
from ._zones import COUNTRY_ZONES

__all__ = [
    "MODIFIED_META",
    "PUBLISHED_META",
    "DateContext",
    "date_of",
    "published_witnesses",
]

_NOT_THE_POST = frozenset(
    "imageobject videoobject audioobject mediaobject person organization comment".split()
)

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "date",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "article_date_original",
    "og:published_time",
    "created",
    # less common names of the same statement, as publishers and analytics tags spell it
    "article:published",
    "article:published_date",
    "publish_date",
    "og:pubdate",
    "og:datepublished",
    "bt:pubdate",
    "dcsext.articlefirstpublished",
    "article.created",
    "dc.created",
    "dc:date",
    "shareaholic:article_published_time",
    "mediator_published_time",
    "analyticsattributes.articledate",
    "cxenseparse:recs:publishtime",
    "datecreated",
    # rarer spellings that publishers' CMSs and news platforms write (htmldate reads them too)
    *"""article:post_date article:publicationdate content_create_date date_created
    date_published dateposted dc.date.publication dc:created displaydate doc_date
    og:publish_date og:regdate pdate ptime publish_time published-date published_date
    publisheddate publication_date rbpubdate rnews:datepublished twt-published-at
    vr:published_time""".split(),
)
MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "og:updated_time",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
    *"""article:modified article:modified_date modified_time og:modified_time updated_time
    dc.modified modificationdate bt:moddate""".split(),
)


# country-code domains of countries that write the day before the month; not the US,
# Canada or the Philippines (month first), nor East Asia (year first)
_DAYFIRST_COUNTRIES = frozenset(COUNTRY_ZONES) - {"us", "ca", "ph", "jp", "kr", "cn", "tw", "hk"}


@dataclass(frozen=True, slots=True)
class DateContext:
    """What every date rule of one page reads: the page, its profile and scan, the
    JSON-LD article object, the language (which decides day-first dates) and the URL."""

    page: Page
    profile: Profile
    scan: Scan
    article: dict[str, Any] | None
    language: str | None
    url: str | None
    near: Near

    @property
    def dayfirst(self) -> bool | None:
        """Whether "02/03" is the 2nd of March: ``None`` when neither the language nor the
        site's country says. English alone (or no language) is settled by a country-code
        domain of a country that writes the day first (.uk, .au, .in, .de, ...)."""
        language = self.language
        if language in ("en-US", "en-PH", "en-CA"):
            return False
        if language and language != "en":
            return True
        host = urlsplit(self.url or self.page.url or "").hostname or ""
        return True if host.rsplit(".", 1)[-1] in _DAYFIRST_COUNTRIES else None


def date_of(el: HtmlElement, *, dayfirst: bool | None) -> str | None:
    for attr in ("datetime", "content", "data-datetime", "data-date"):
        value = parse_iso(el.get(attr))
        if value:
            return value
    if el.tag == "abbr":
        value = parse_iso(el.get("title"))
        if value:
            return value
    text = el_text(el)
    # a short date-classed element is a dateline: "31.10.23" is a date there
    value = parse_text(text, dayfirst=dayfirst, short_year=len(text) <= 40)
    if value and NOW_LABEL.search(text):
        return None  # the page's own clock ("It is currently ...")
    if value and len(value) == 10:
        # Twenty Ten and kin: the time only in the permalink's title ("6:40 pm")
        for holder in (el, el.getparent()):
            if holder is not None and holder.get("title"):
                return value + parse_clock(holder.get("title"))
    return value


def published_witnesses(ctx: DateContext) -> Iterator[tuple[str, str]]:
    """``(witness, date)`` pairs in order of trust, computed lazily: the first is the
    answer, the later ones are there to be weighed against it."""
    page, scan, article, dayfirst = ctx.page, ctx.scan, ctx.article, ctx.dayfirst
    for obj in [article] if article else []:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            value = parse_iso(ld_text(obj.get(key)))
            if value:
                yield f"ld:{key}", value
    for key in PUBLISHED_META[:6]:
        value = parse_iso(first_meta(page, key))
        if value:
            yield f"meta:{key}", value
    for el in profile_elements(page, ctx.profile, scan):
        value = date_of(el, dayfirst=dayfirst)
        if value:
            yield "profile", value
    marked = [
        (el, value)
        for el in scan.published_elements()[:_LOOKED_AT]
        if not quoted(el)  # an embedded tweet's or Instagram post's date is not the post's
        for value in [date_of(el, dayfirst=dayfirst)]
        if value
    ]
    mlisted = listing(marked)
    url_day = date_from_url(ctx.url) or date_from_url(page.url)
    for el, value in marked:
        if id(el) not in mlisted or (url_day and value.startswith(url_day)):
            # a list item of the URL's day is the post itself (its siblings are the
            # comments' or the related posts' dates, in the same markup)
            yield "element", value
    for key in PUBLISHED_META[6:]:
        value = parse_iso(first_meta(page, key))
        if value:
            yield f"meta:{key}", value
    for obj in page.jsonld:
        if ld_types(obj) & _NOT_THE_POST:
            continue  # an image's or a video's date is not the post's
        value = parse_iso(ld_text(obj.get("datePublished")))
        if value:
            yield "ld:other", value
    dated = modified_last(
        [
            (el, value)
            for el in scan.date_text_elements()[:_LOOKED_AT]
            if not quoted(el)
            for value in [date_of(el, dayfirst=dayfirst)]
            if value
        ],
        [h.el for h in scan.modified if not h.in_comment],
        dayfirst,
    )
    # a date-classed element outside the article, in the site's banner, is today's date:
    # it comes last, and it never keeps the header's dateline from outranking it
    outside = {id(h.el) for h in scan.date_texts if not h.in_article}
    banner = {id(el) for el, _ in dated if id(el) in outside and in_banner(el, ctx.near.headline)}
    if banner:
        dated = [d for d in dated if id(d[0]) not in banner] + [
            d for d in dated if id(d[0]) in banner
        ]
    listed = listing(dated)
    later = [value for el, value in marked + dated if id(el) in listed | mlisted]
    if dated:
        # the URL's day shown near the headline: two witnesses agree, which outranks a
        # date-classed element (today's date in a masthead, a widget's)
        agreed = _url_day_shown(page, ctx.url, ctx.near, dayfirst)
        if agreed:
            yield "url+near", _timed(agreed, [value for _, value in dated])
    headed = False
    for el, value in dated:
        if id(el) in listed:
            continue
        if not headed:
            # a date-classed element the post's header does not show (a masthead's
            # "today", a teaser's, a footer's) is weaker than the dateline under the
            # headline, where readers look for the post's date
            headed = True
            inside = any(h.el is el and h.in_article for h in scan.date_texts)
            shown = "" if id(el) in banner else value[:10]
            head = head_dateline(ctx.near, dayfirst, shown, updates=not inside)
            if head:
                yield "near", _timed(head, later)
        yield "date-text", _timed(value, later)
    yield from _from_url_or_text(page, ctx.url, ctx.near, dayfirst, later)


def _url_day_shown(page: Page, url: str | None, near: Near, dayfirst: bool | None) -> str | None:
    """The URL's date as a visible text near the headline gives it (with its time), if
    one does."""
    from_url = date_from_url(url) or date_from_url(page.url)
    if from_url:
        for text in near.texts[:30]:
            value = parse_text(text, dayfirst=dayfirst)
            if value and value.startswith(from_url):
                return value
    return None


# dated elements weighed per kind: a post's own come first (inside the article) or among
# the first; an archive page's hundredth item adds cost, not evidence
_LOOKED_AT = 200


def _timed(value: str, listed: list[str]) -> str:
    """A day shown on its own, with the time of another witness of that very day (a list
    item of that day is the post itself: its own dateline often shares the markup of its
    siblings)."""
    if len(value) == 10:
        return next((v for v in listed if len(v) > 10 and v.startswith(value)), value)
    return value


# ``near.texts`` interleaves the texts after and before the headline: the first twenty are
# the ten on either side that ``head_dateline`` reads as the post's header
_HEADER_REACH = 20


def _from_url_or_text(
    page: Page, url: str | None, near: Near, dayfirst: bool | None, listed: list[str]
) -> Iterator[tuple[str, str]]:
    """The unmarked witnesses: the URL's date, the title's, visible dates near the headline,
    the days of a list's items (see ``_listing``), a dateline."""
    from_url = date_from_url(url) or date_from_url(page.url)
    if from_url:
        # the URL gives the day; a visible date of that day may add the time
        agreed = _url_day_shown(page, url, near, dayfirst)
        if agreed:
            yield "url+near", agreed
        yield "url", from_url
    # a date the site writes into every page's <title> is its statement of the page's day;
    # a visible date near the headline may be a caption's or a teaser's
    titled = title_date(near.scan.title, dayfirst)
    if titled:
        yield "title", titled
    first = True
    texts = near.texts
    revised: list[str] = []
    for i, text in enumerate(texts):
        # a line that is nothing but "02.12.19" (or "06.11.23 -") is a dateline too
        short = len(text) <= 16 and not any(c.isalpha() for c in text)
        value = parse_text(text, dayfirst=dayfirst, short_year=short)
        if not value or member_since(texts, i) or NOW_LABEL.search(text):
            continue
        update = update_of(text, dayfirst)
        prose = update is None and sum(c.isalpha() for c in text) > DATELINE_LETTERS
        if first and prose:
            # the first date near the headline stands in a sentence: a date the text
            # mentions, unless the page states no date of its own
            updated = updated_date(near, dayfirst)
            if updated:
                yield "updated", _timed(updated, listed)
        first = False
        if prose and i >= _HEADER_REACH and len(value) == 10 and not POSTED_LABEL.search(text):
            # a sentence's date past the header is one the text cites; the post's own in a
            # footer is labelled ("Posted by Anna on", "Originally published") or timed
            # ("Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von")
            continue
        # "Updated: ... | Published: March 3, 2014": the publication it names first, and
        # the update's day after the dateline that follows it in the header
        if update:
            yield "near", _timed(update, listed)
        if update or (update is not None and dateline_after(texts, i, dayfirst)):
            revised.append(value)
            continue
        yield "near", _timed(value, listed)
    for value in revised:
        yield "near", _timed(value, listed)
    split = split_dateline(near, dayfirst)
    if split:
        yield "near", split
    if from_url is None:
        partial = url_month_shown(near, url or page.url)
        if partial:
            yield "near", partial
    for value in listed:
        yield "listed", value
    # a sidebar's date stands for the post in old themes; one markup with three days or
    # more there is a "recent posts" widget, each day another post's (two are a footer's
    # "Published" and "Updated")
    side = [
        (el, value)
        for el in near.scan.side_date_text_elements()[:5]
        for value in [date_of(el, dayfirst=dayfirst)]
        if value
    ]
    days: dict[tuple[str, str], set[str]] = {}
    for el, value in side:
        days.setdefault((el.tag, el.get("class") or ""), set()).add(value[:10])
    for el, value in side:
        if len(days[(el.tag, el.get("class") or "")]) < 3:
            yield "side", value
    for label, value in (
        ("dateline", standalone_dateline(near.body, dayfirst)),
        ("script", script_date(page)),
    ):
        if value:
            yield label, value
    # nothing else dates the page: its post may be the item of a list (a blog whose
    # posts are <li>s, a meta line as <ul class="info">), which the walks leave out; a
    # list's text with two years is an event's span ("23.10.2015 - 25.10.2015")
    texts = [t for t in body_texts(page, lists=True) if len(YEARS.findall(t)) <= 1]
    value = standalone_dateline(texts, dayfirst)
    if value:
        yield "dateline", value
