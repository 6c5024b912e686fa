"""Which date on the page is the post's: publication and modification, by witness.

JSON-LD, the profile, ``article:published_time`` and kin, microdata and hAtom classes,
``<time datetime>``, visible datelines near the headline, the URL, and finally a
standalone dateline anywhere. A UTC instant is shown in the page's own offset when the
page gives that too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

from lxml.html import HtmlElement

from .candidates import Scan, el_text, region_of
from .dates import date_from_url, day_in_country, parse_clock, parse_iso, parse_text
from .nearby import Near, body_texts
from .page import Page
from .profile import Profile
from .selectors import page_css
from .siteinfo import first_meta
from .structured import ld_text, ld_types

__all__ = ["modified_of", "published_of", "published_witnesses"]

_NOT_THE_POST = frozenset(
    "imageobject videoobject audioobject mediaobject person organization comment".split()
)

_PUBLISHED_META = (
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
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "og:updated_time",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
)


def _date_of(el: HtmlElement, *, dayfirst: bool | None) -> str | None:
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
    if value and len(value) == 10:
        # Twenty Ten and kin: the time only in the permalink's title ("6:40 pm")
        for holder in (el, el.getparent()):
            if holder is not None and holder.get("title"):
                return value + parse_clock(holder.get("title"))
    return value


def _dayfirst(language: str | None) -> bool | None:
    if not language:
        return None
    if language in ("en-US", "en-PH", "en-CA"):
        return False
    return None if language == "en" else True


def published_of(
    page: Page,
    profile: Profile,
    scan: Scan,
    article: dict[str, Any] | None,
    language: str | None,
    url: str | None,
    near: Near,
) -> str | None:
    """The publication date; a UTC instant is shown in the page's own time zone when
    another witness on the page gives the same instant with its local offset."""
    found = next(published_witnesses(page, profile, scan, article, language, url, near), None)
    if found is None:
        return None
    label, value = found
    if label in _UNQUALIFIED:
        shown = _header_dates(scan, near, _dayfirst(language), anywhere=False)
        if shown and shown[0][:10] != value[:10]:
            value = shown[0]  # "date" alone is often the day the page was generated
    elif label.startswith(_MARKED):
        value = _as_presented(value, page, scan, article, near, _dayfirst(language))
    if value.endswith("+00:00"):
        local = _localize(value, _instant_witnesses(page, scan))
        if local == value:
            local = _visible_day(value, scan, near, _dayfirst(language)) or (
                day_in_country(value, url or page.url) or value
            )
        return local
    if "T" in value and value[-6] not in "+-":
        return _localize(value, _instant_witnesses(page, scan))
    if len(value) == 10:
        return value + _footer_clock(scan)
    return value


_MARKED = ("ld:", "meta:", "profile", "element")
# Date fields that do not say which date they hold: a CMS fills them with the day the
# page was generated or last saved as often as with the day of publication, so the
# date the article's own header shows outranks them.
_UNQUALIFIED = frozenset({"meta:date", "meta:dc.date", "meta:dcterms.date"})


def _as_presented(
    value: str,
    page: Page,
    scan: Scan,
    article: dict[str, Any] | None,
    near: Near,
    dayfirst: bool | None,
) -> str:
    """The day the page presents the post under, when its markup says another.

    A post that was revised is often re-dated on the page ("1. Januar 2023" under the
    headline, the first publication in 2021 left in JSON-LD only): readers, citations
    and the page itself know it by the day it shows. A shown day counts only when the
    page's own machine data gives it too (its modification date, another publication
    field), so a teaser's or a sidebar's date never wins; the machine value is kept when
    the page shows its day anywhere in the header."""
    machine = [m for m in _machine_dates(page, article) if m[:10] != value[:10]]
    if not machine:
        return value  # the page's data knows no other day: nothing to weigh
    shown = _header_dates(scan, near, dayfirst)
    if value[:10] in {s[:10] for s in shown}:
        return value
    for day in shown:
        if _adjacent_instant(value, day):
            continue  # a time-zone question, not another date: see _visible_day
        for other in machine:
            if other[:10] == day[:10]:
                return other
    return value


def _adjacent_instant(value: str, day: str) -> bool:
    """True for a UTC instant whose day is next to ``day``: the same moment may well
    fall on that day where the page is written (an instant with a local offset says
    its local day itself)."""
    if not value.endswith("+00:00"):
        return False
    gap = datetime.fromisoformat(day[:10]).date() - datetime.fromisoformat(value[:10]).date()
    return abs(gap.days) == 1


def _header_texts(scan: Scan, near: Near, *, anywhere: bool = True) -> list[str]:
    """Texts of the post's header, most telling first: date-classed elements inside the
    article, the texts around the headline, then (``anywhere``) date-classed elements
    elsewhere (a news site's masthead prints today's date, which is not the post's)."""
    inside = outside = 0
    first: list[str] = []
    rest: list[str] = []
    for hit in scan.date_texts:
        if hit.in_comment or hit.in_side:
            continue
        if hit.in_article and inside < 6:
            first.append(el_text(hit.el))
            inside += 1
        elif not hit.in_article and outside < 6 - inside:
            rest.append(el_text(hit.el))
            outside += 1
    return first + near.texts[:12] + (rest[: 6 - inside] if anywhere else [])


def _header_dates(
    scan: Scan, near: Near, dayfirst: bool | None, *, anywhere: bool = True
) -> list[str]:
    """Dates written in the post's header, in the order of ``_header_texts``."""
    texts = _header_texts(scan, near, anywhere=anywhere)
    return [v for v in (parse_text(t, dayfirst=dayfirst) for t in texts) if v]


def _machine_dates(page: Page, article: dict[str, Any] | None) -> list[str]:
    """The page's machine-readable dates of the post, publication before modification."""
    raw: list[str | None] = []
    if article:
        raw += [ld_text(article.get(k)) for k in ("datePublished", "dateCreated")]
    raw += [v for key in _PUBLISHED_META for v in page.meta.get(key, ())]
    if article:
        raw.append(ld_text(article.get("dateModified")))
    raw += [v for key in _MODIFIED_META for v in page.meta.get(key, ())]
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
    for text in _header_texts(scan, near):
        shown = parse_text(text, dayfirst=dayfirst)
        if not shown:
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


def _instant_witnesses(page: Page, scan: Scan) -> list[str]:
    out = [v for key in _PUBLISHED_META for v in page.meta.get(key, ())]
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


def _published_raw(
    page: Page,
    profile: Profile,
    scan: Scan,
    article: dict[str, Any] | None,
    language: str | None,
    url: str | None,
    near: Near,
) -> str | None:
    for _, value in published_witnesses(page, profile, scan, article, language, url, near):
        return value
    return None


def published_witnesses(
    page: Page,
    profile: Profile,
    scan: Scan,
    article: dict[str, Any] | None,
    language: str | None,
    url: str | None,
    near: Near,
) -> Iterator[tuple[str, str]]:
    """``(witness, date)`` pairs in order of trust, computed lazily: the first is the
    answer, the later ones are there to be weighed against it."""
    dayfirst = _dayfirst(language)
    for obj in [article] if article else []:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            value = parse_iso(ld_text(obj.get(key)))
            if value:
                yield f"ld:{key}", value
    for key in _PUBLISHED_META[:6]:
        value = parse_iso(first_meta(page, key))
        if value:
            yield f"meta:{key}", value
    for el in _profile_elements(page, profile, scan):
        value = _date_of(el, dayfirst=dayfirst)
        if value:
            yield "profile", value
    for el in scan.published_elements():
        if _quoted(el):
            continue  # an embedded tweet's or Instagram post's date is not the post's
        value = _date_of(el, dayfirst=dayfirst)
        if value:
            yield "element", value
    for key in _PUBLISHED_META[6:]:
        value = parse_iso(first_meta(page, key))
        if value:
            yield f"meta:{key}", value
    for obj in page.jsonld:
        if ld_types(obj) & _NOT_THE_POST:
            continue  # an image's or a video's date is not the post's
        value = parse_iso(ld_text(obj.get("datePublished")))
        if value:
            yield "ld:other", value
    for el in scan.date_text_elements():
        if _quoted(el):
            continue
        value = _date_of(el, dayfirst=dayfirst)
        if value:
            yield "date-text", value
    yield from _from_url_or_text(page, url, near, dayfirst)


def _profile_elements(page: Page, profile: Profile, scan: Scan) -> Iterator[HtmlElement]:
    """The profile's date elements, selector by selector (lazily: each is a walk of the
    tree), those inside the article first; a selector as broad as "time.published" also
    finds the dates of comments and of related-post lists, which are never the post's."""
    root = scan.article_root
    for sel in profile.published:
        other: list[HtmlElement] = []
        for el in page_css(page, sel):
            regions = set()
            in_article = False
            for anc in el.iterancestors():
                in_article = in_article or anc is root
                kind = region_of(anc)
                if kind:
                    regions.add(kind)
            if "comment" in regions:
                continue
            if in_article:
                yield el
            elif "side" not in regions:
                other.append(el)
        yield from other


def _quoted(el: HtmlElement) -> bool:
    return any(anc.tag == "blockquote" for anc in el.iterancestors())


def _from_url_or_text(
    page: Page, url: str | None, near: Near, dayfirst: bool | None
) -> Iterator[tuple[str, str]]:
    """The unmarked witnesses: the URL's date, visible dates near the headline, a dateline."""
    from_url = date_from_url(url) or date_from_url(page.url)
    if from_url:
        # the URL gives the day; a visible date of that day may add the time
        for text in near.texts[:30]:
            value = parse_text(text, dayfirst=dayfirst)
            if value and value.startswith(from_url):
                yield "url+near", value
                break
        yield "url", from_url
    for text in near.texts:
        # a line that is nothing but "02.12.19" is a dateline too
        value = parse_text(text, dayfirst=dayfirst, short_year=len(text) <= 8)
        if value:
            yield "near", value
    for el in near.scan.side_date_text_elements()[:5]:
        value = _date_of(el, dayfirst=dayfirst)
        if value:
            yield "side", value
    for label, value in (
        ("dateline", _standalone_dateline(page, dayfirst)),
        ("title", _title_date(near.scan.title, dayfirst)),
        ("script", _script_date(page)),
    ):
        if value:
            yield label, value


_SCRIPT_KEY = re.compile(
    r"""["']?(?:datePublished|published_at|publishedAt|publish_date|publishDate|pubDate|"""
    r"""date_published)["']?\s*:\s*["']([^"']{8,40})["']"""
)


def _script_date(page: Page) -> str | None:
    """A publication date in a page's inline JSON state (``"published_at": "..."``): what
    a client-rendered page knows but does not print."""
    for script in page.tree.iter("script"):
        text = script.text or ""
        if "ld+json" in (script.get("type") or "") or len(text) > 500_000:
            continue
        m = _SCRIPT_KEY.search(text)
        if m:
            value = parse_iso(m.group(1))
            if value:
                return value
    return None


def _title_date(title: str | None, dayfirst: bool | None) -> str | None:
    """A date that ``<title>`` carries as its own segment ("... | DW | 23.05.2011")."""
    if not title:
        return None
    for part in reversed(title.split("|")):
        value = parse_text(part, dayfirst=dayfirst)
        if value and sum(c.isalpha() for c in part) <= 25:
            return value
    return None


def _standalone_dateline(page: Page, dayfirst: bool | None) -> str | None:
    """The first text on the page that is little more than a date ("23.10.2018",
    "Miércoles, 15 de Abril de 2020"): a dateline, not a date mentioned in prose."""
    for text in body_texts(page):
        if len(text) > 60 or not any(c.isdigit() for c in text):
            continue
        value = parse_text(text, dayfirst=dayfirst)
        if value and sum(c.isalpha() for c in text) <= 25:
            return value
    return None


def modified_of(
    page: Page, profile: Profile, scan: Scan, article: dict[str, Any] | None
) -> str | None:
    if article:
        value = parse_iso(ld_text(article.get("dateModified")))
        if value:
            return value
    for sel in profile.modified:
        for el in page_css(page, sel):
            value = _date_of(el, dayfirst=None)
            if value:
                return value
    for key in _MODIFIED_META:
        value = parse_iso(first_meta(page, key))
        if value:
            return value
    for el in scan.modified_elements():
        value = _date_of(el, dayfirst=None)
        if value:
            return value
    return None
