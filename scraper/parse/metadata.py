"""Title, authors, dates, categories, tags, language, site and canonical URL.

Every field is read from witnesses in order of trust: JSON-LD first, then the platform
profile's selectors, then Open Graph / ``<meta>``, microdata and microformats, then plain
markup (``h1``, ``<title>``, bylines, visible dates), and a date in the URL last. The first
witness that gives a clean value wins; unknown stays ``None``.

The tree is scanned once (``scan_page``) for every element any field might want, so the
per-field rules below work on short candidate lists instead of walking the tree again.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from ..records import Person, Site
from .candidates import Scan, body_texts, el_text, headline_texts, scan_page
from .dates import date_from_url, parse_iso, parse_text
from .page import Page, select
from .profile import Profile
from .results import Metadata
from .structured import (
    article_object,
    ids_of,
    iter_values,
    ld_people,
    ld_strings,
    ld_text,
    ld_types,
    objects_of_type,
)
from .text import collapse
from .titles import (
    byline_in_texts,
    clean_author,
    links_home,
    pick_title,
    split_authors,
    title_remainder,
    unescape_text,
)

__all__ = ["extract_metadata"]

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
_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
)


def extract_metadata(page: Page, profile: Profile) -> Metadata:
    """All metadata fields of one page; see the module doc for the order of witnesses."""
    scan = scan_page(page, profile)
    ids = ids_of(page)
    article = article_object(page)
    url = _canonical(page, scan, article)
    site_name = _first_meta(page, "og:site_name")
    title = pick_title(page, profile, scan, article, site_name)
    site = _site(page, scan, url, title)
    if site.name != site_name and title:
        title = pick_title(page, profile, scan, article, site.name)
    language = _language(page, scan, article)
    near = _Near(page, scan)
    return Metadata(
        url=url,
        title=title,
        site=site,
        authors=_authors(page, profile, scan, article, ids, site.name, near),
        published=_published(page, profile, scan, article, language, url, near),
        modified=_modified(page, profile, scan, article),
        categories=_categories(page, profile, scan, article),
        tags=_tags(page, profile, scan, article),
        language=language,
    )


class _Near:
    """The texts around the headline, walked only when a field falls back to them."""

    def __init__(self, page: Page, scan: Scan) -> None:
        self.page = page
        self.scan = scan

    @functools.cached_property
    def around(self) -> tuple[list[str], list[str]]:
        return headline_texts(self.page, self.scan)

    @functools.cached_property
    def texts(self) -> list[str]:
        """After and before the headline interleaved: nearest first."""
        after, before = self.around
        out: list[str] = []
        for i in range(max(len(after), len(before))):
            out.extend(x[i] for x in (after, before) if i < len(x))
        return out


# --- url, site, language -------------------------------------------------------------------


def _http_url(base: str | None, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    absolute = urljoin(base or "", value.strip())
    return absolute if absolute.startswith(("http://", "https://")) else None


def _canonical(page: Page, scan: Scan, article: dict[str, Any] | None) -> str | None:
    candidates: list[Any] = [scan.canonical, *page.meta.get("og:url", ())]
    if article:
        main = article.get("mainEntityOfPage")
        candidates += [article.get("url"), main.get("@id") if isinstance(main, dict) else main]
    page_path = urlsplit(page.url or "").path.strip("/")
    for value in candidates:
        url = _http_url(page.url, value)
        # a canonical that points at the home page of a post is a theme bug, not a fact
        if url and (urlsplit(url).path.strip("/") or not page_path):
            return url
    return page.url


def _site(page: Page, scan: Scan, url: str | None, title: str | None) -> Site:
    """The site's name and home: structured witnesses, then the theme's site title (or
    its ``rel=home`` link), then what ``<title>`` holds besides the post title."""
    name = _first_meta(page, "og:site_name")
    site_url = None
    for obj in objects_of_type(page, "website"):
        name = name or ld_text(obj.get("name"))
        site_url = site_url or _http_url(page.url, obj.get("url"))
    article = article_object(page)
    if not name and article:
        name = ld_text(article.get("publisher"))
    name = name or _first_meta(page, "application-name")
    home = _home_element(scan)
    if home is not None:
        name = name or el_text(home, 120) or None
        link = home if home.tag == "a" else home.find(".//a[@href]")
        if link is not None and not site_url:
            site_url = _http_url(page.url, link.get("href"))
    if not name and title and scan.title:
        name = title_remainder(scan.title, title)
    if name and not site_url:
        site_url = _link_named(page, name)
    if not site_url and url:
        parts = urlsplit(url)
        site_url = f"{parts.scheme}://{parts.netloc}/" if parts.netloc else None
    return Site(name=unescape_text(name) or None, url=site_url)


def _home_element(scan: Scan) -> HtmlElement | None:
    for hit in scan.site_titles:
        if not hit.in_comment and not hit.in_article and el_text(hit.el, 120):
            return hit.el
    for hit in scan.home_links:
        if not hit.in_comment and not hit.in_article and el_text(hit.el, 120):
            return hit.el
    for hit in scan.h1:
        if not hit.in_article and links_home(hit.el, None) and el_text(hit.el, 120):
            return hit.el
    return None


def _link_named(page: Page, name: str) -> str | None:
    """The href of a link whose text is the site's name: the home page, on the same host."""
    host = urlsplit(page.url or "").netloc
    for link in page.tree.iterfind(".//a[@href]"):
        if (link.text or "").strip() == name:
            href = _http_url(page.url, link.get("href"))
            if href and (not host or urlsplit(href).netloc == host):
                return href
    return None


def _first_meta(page: Page, *keys: str) -> str | None:
    for key in keys:
        for value in page.meta.get(key, ()):
            text = collapse(value)
            if text:
                return text
    return None


_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z0-9]{2,8}))*$")


def normalize_language(value: str | None) -> str | None:
    """A language tag in BCP 47 spelling (``de_DE`` -> ``de-DE``); ``None`` when it is none."""
    if not value:
        return None
    value = value.strip().split(",")[0].strip()
    if not _LANG.match(value):
        return None
    parts = value.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part)
    return "-".join(out)


def _language(page: Page, scan: Scan, article: dict[str, Any] | None) -> str | None:
    candidates = [scan.lang, *page.meta.get("og:locale", ())]
    candidates += page.meta.get("content-language", ())
    candidates += page.meta.get("language", ())
    if article:
        candidates.append(ld_text(article.get("inLanguage")))
    for value in candidates:
        lang = normalize_language(value)
        if lang:
            return lang
    return None


# --- authors -------------------------------------------------------------------------------


def _authors(
    page: Page,
    profile: Profile,
    scan: Scan,
    article: dict[str, Any] | None,
    ids: dict[str, dict[str, Any]],
    site_name: str | None,
    near: _Near,
) -> tuple[Person, ...]:
    """People before organisations: a newsroom credited in JSON-LD or ``<meta>`` yields to
    a person's byline on the page, and is used only when no byline names anyone."""
    values = list(iter_values([article], "author")) if article else []
    for value in values:
        people = _clean_people(ld_people(ids, value, site_name, orgs=False))
        if people:
            return people
    for sel in profile.author:
        people = _clean_people(_people_from(select(page.tree, sel), page.url))
        if people:
            return people
    for group in scan.author_groups():
        people = _clean_people(_people_from(_first_byline(group), page.url))
        if people:
            return people
    for texts in near.around:
        people = _clean_people([Person(name=byline_in_texts(texts))])
        if people:
            return people
    site_key = (site_name or "").casefold()
    for key in _AUTHOR_META:
        names = [v for v in page.meta.get(key, ()) if not v.startswith(("http", "@"))]
        people = _clean_people([Person(name=v) for v in names if v.casefold() != site_key])
        if people:
            return people
    for value in values:
        people = _clean_people(ld_people(ids, value, site_name))
        if people:
            return people
    for obj in page.jsonld:
        if "author" in obj and ld_types(obj) & {"webpage", "website"}:
            people = _clean_people(ld_people(ids, obj["author"], site_name))
            if people:
                return people
    return ()


def _first_byline(group: list[HtmlElement]) -> list[HtmlElement]:
    """The first byline of a group and its co-author siblings: later matches are the
    authors of teasers, related posts or author boxes."""
    parent = group[0].getparent()
    return [el for el in group if el is group[0] or el.getparent() is parent]


def _people_from(elements: list[HtmlElement], base: str | None) -> list[Person]:
    people = []
    for el in elements:
        name_el = el.find(".//*[@itemprop='name']") if el.get("itemprop") == "author" else None
        text = el_text(name_el if name_el is not None else el) or el.get("title") or ""
        href = el.get("href") if el.tag == "a" else None
        if href is None:
            link = el.find(".//a[@href]")
            href = link.get("href") if link is not None and len(el) <= 3 else None
        people.append(Person(name=text, url=_http_url(base, href)))
    return people


def _clean_people(people: list[Person]) -> tuple[Person, ...]:
    out: list[Person] = []
    seen: set[str] = set()
    for person in people:
        for name in split_authors(clean_author(person.name)):
            key = name.casefold()
            if key in seen:
                continue
            seen.add(key)
            out.append(Person(name=name, url=person.url))
    return tuple(out)


# --- dates ---------------------------------------------------------------------------------


def _date_of(el: HtmlElement, *, dayfirst: bool | None) -> str | None:
    for attr in ("datetime", "content", "data-datetime", "data-date"):
        value = parse_iso(el.get(attr))
        if value:
            return value
    if el.tag == "abbr":
        value = parse_iso(el.get("title"))
        if value:
            return value
    return parse_text(el_text(el), dayfirst=dayfirst)


def _dayfirst(language: str | None) -> bool | None:
    if not language:
        return None
    if language in ("en-US", "en-PH", "en-CA"):
        return False
    return None if language == "en" else True


def _published(
    page: Page,
    profile: Profile,
    scan: Scan,
    article: dict[str, Any] | None,
    language: str | None,
    url: str | None,
    near: _Near,
) -> str | None:
    """The publication date; a UTC instant is shown in the page's own time zone when
    another witness on the page gives the same instant with its local offset."""
    value = _published_raw(page, profile, scan, article, language, url, near)
    if value and (value.endswith("+00:00") or ("T" in value and value[-6] not in "+-")):
        return _localize(value, _instant_witnesses(page, scan))
    return value


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
    near: _Near,
) -> str | None:
    dayfirst = _dayfirst(language)
    for obj in [article] if article else []:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            value = parse_iso(ld_text(obj.get(key)))
            if value:
                return value
    for sel in profile.published:
        for el in select(page.tree, sel):
            value = _date_of(el, dayfirst=dayfirst)
            if value:
                return value
    for key in _PUBLISHED_META[:6]:
        value = parse_iso(_first_meta(page, key))
        if value:
            return value
    for el in scan.published_elements():
        value = _date_of(el, dayfirst=dayfirst)
        if value:
            return value
    for key in _PUBLISHED_META[6:]:
        value = parse_iso(_first_meta(page, key))
        if value:
            return value
    for obj in page.jsonld:
        value = parse_iso(ld_text(obj.get("datePublished")))
        if value:
            return value
    for el in scan.date_text_elements():
        value = _date_of(el, dayfirst=dayfirst)
        if value:
            return value
    from_url = date_from_url(url) or date_from_url(page.url)
    if from_url:
        # the URL gives the day; a visible date of that day may add the time
        for text in near.texts[:30]:
            value = parse_text(text, dayfirst=dayfirst)
            if value and value.startswith(from_url):
                return value
        return from_url
    for text in near.texts:
        value = parse_text(text, dayfirst=dayfirst)
        if value:
            return value
    return _standalone_dateline(page, dayfirst)


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


def _modified(
    page: Page, profile: Profile, scan: Scan, article: dict[str, Any] | None
) -> str | None:
    if article:
        value = parse_iso(ld_text(article.get("dateModified")))
        if value:
            return value
    for sel in profile.modified:
        for el in select(page.tree, sel):
            value = _date_of(el, dayfirst=None)
            if value:
                return value
    for key in _MODIFIED_META:
        value = parse_iso(_first_meta(page, key))
        if value:
            return value
    for el in scan.modified_elements():
        value = _date_of(el, dayfirst=None)
        if value:
            return value
    return None


# --- categories and tags -------------------------------------------------------------------


def _names(elements: list[HtmlElement]) -> tuple[str, ...]:
    out: list[str] = []
    for el in elements:
        links = [el] if el.tag == "a" else el.findall(".//a") or [el]
        for link in links:
            text = el_text(link)
            if text and len(text) < 80 and text not in out:
                out.append(text)
    return tuple(out)


def _dedupe(values: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        v = collapse(v)
        if v and len(v) < 80 and v not in out:
            out.append(v)
    return tuple(out)


def _categories(
    page: Page, profile: Profile, scan: Scan, article: dict[str, Any] | None
) -> tuple[str, ...]:
    if article and article.get("articleSection"):
        found = _dedupe(ld_strings(article["articleSection"]))
        if found:
            return found
    for sel in profile.categories:
        found = _names(select(page.tree, sel))
        if found:
            return found
    found = _names(scan.categories)
    if found:
        return found
    return _dedupe(page.meta.get("article:section", []))


def _tags(
    page: Page, profile: Profile, scan: Scan, article: dict[str, Any] | None
) -> tuple[str, ...]:
    """Tags without the categories (block themes mark category links ``rel=tag`` too)
    and without a hashtag's ``#``."""
    found = _raw_tags(page, profile, scan, article)
    categories = set(_categories(page, profile, scan, article))
    return tuple(t for t in (x.lstrip("#").strip() for x in found) if t and t not in categories)


def _raw_tags(
    page: Page, profile: Profile, scan: Scan, article: dict[str, Any] | None
) -> tuple[str, ...]:
    for sel in profile.tags:
        found = _names(select(page.tree, sel))
        if found:
            return found
    found = _names(scan.tags)
    if found:
        return found
    found = _dedupe(page.meta.get("article:tag", []))
    if found:
        return found
    if article and article.get("keywords"):
        return _dedupe(ld_strings(article["keywords"]))
    return ()
