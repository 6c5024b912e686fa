"""Title, authors, dates, categories, tags, language, site and canonical URL.

Every field is read from witnesses in order of trust: JSON-LD first, then the platform
profile's selectors, then Open Graph / ``<meta>``, microdata and microformats, then plain
markup (``h1``, ``<title>``, bylines, visible dates), and a date in the URL last. The first
witness that gives a clean value wins; unknown stays ``None``.

The tree is scanned once (``scan_page``) for every element any field might want, so the
per-field rules below work on short candidate lists instead of walking the tree again.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from ..._records import Person
from .._results import Metadata
from ..dom._css import page_select
from ..dom._page import Page
from ..dom._text import collapse, http_url
from ..profiles._profile import Profile
from ._bylines import clean_author, name_shaped
from ._candidates import Scan, el_text, scan_page
from ._coauthors import cousin_bylines, listed_people
from ._declared import trim_to_declared, with_linked
from ._nearby import Near, in_teaser
from ._people import (
    GLUED,
    GLUED_LABEL,
    WEB_NAME,
    in_full,
    inner_name,
    labelled_field,
    labelled_in,
    ld_credits,
    meta_names,
    namespaced_meta,
    same_name,
    script_author,
    signature_line,
    site_as_author,
    slug,
    unslugged,
    with_listed,
    without_handles,
)
from ._people import clean_people as _clean_people
from ._plainbylines import about_author, address_byline, icon_byline, name_by_date
from ._pubdates import DateContext, modified_of, published_of
from ._regions import in_comments
from ._siteinfo import (
    Labelled,
    canonical_url,
    categories_of,
    first_meta,
    language_of,
    normalize_language,
    site_of,
    tags_of,
)
from ._structured import article_object, ids_of, iter_values, ld_people, ld_types
from ._textbylines import byline_in_texts, credit_line
from ._titles import pick_title

__all__ = ["extract_metadata", "normalize_language"]

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
    url = canonical_url(page, scan, article)
    site_name = first_meta(page, "og:site_name")
    title = pick_title(page, profile, scan, article, site_name)
    site = site_of(page, scan, url, title)
    if site.name != site_name and title:
        title = pick_title(page, profile, scan, article, site.name)
    language = language_of(page, scan, article)
    near = Near(page, scan)
    labelled = Labelled(page, scan)
    categories = categories_of(page, profile, scan, article, labelled)
    dates = DateContext(page, profile, scan, article, language, url, near)
    return Metadata(
        url=url,
        title=title,
        site=site,
        authors=_authors(page, profile, scan, article, ids, site.name, near),
        published=published_of(dates),
        modified=modified_of(dates),
        categories=categories,
        tags=tags_of(page, profile, scan, article, labelled, categories),
        language=language,
    )


# --- authors -------------------------------------------------------------------------------


def _authors(
    page: Page,
    profile: Profile,
    scan: Scan,
    article: dict[str, Any] | None,
    ids: dict[str, dict[str, Any]],
    site_name: str | None,
    near: Near,
) -> tuple[Person, ...]:
    people = _find_authors(page, profile, scan, article, ids, site_name, near)
    if people and all(same_name(p.name, site_name) for p in people):
        # the site's own name as the author (a newsroom account): a person who signs
        # the post under its text is the better credit
        signed = _clean_people([Person(name=signature_line(page.by_tag("p")))])
        people = signed or people
    if people:
        declared = _declared_names(page, article, ids)
        people = trim_to_declared(unslugged(people, declared), declared)
        people = with_listed(people, page, _AUTHOR_META)
        if len(people) == 1 and (people[0].name in declared or not declared):
            people = with_linked(people, scan.author_groups(), page.url)
        if len(people) == 1 and people[0].name and " " not in people[0].name:
            bylines = [byline_in_texts(texts) for texts in near.around]
            people = (in_full(people[0], article, ids, bylines),)
    if any(p.url is None for p in people):
        people = _with_urls(page, scan, people)
    return people


def _with_urls(page: Page, scan: Scan, people: tuple[Person, ...]) -> tuple[Person, ...]:
    """A byline named without a link gets the URL of a link elsewhere on the page whose
    text is exactly that name (the sidebar's profile link, the author archive)."""
    wanted = {p.name.casefold() for p in people if p.name and p.url is None}
    found: dict[str, str] = {}
    links = [h.el for h in scan.rel_author] + page.links
    for link in links:
        if len(link):
            key = el_text(link, 120).casefold()
        else:  # el_text of a leaf link, without the call
            text = link.text
            key = collapse(text)[:120].casefold() if text else ""
        if key in wanted and key not in found and not in_comments(link):
            url = http_url(page.url, link.get("href"))
            if url:
                found[key] = url
                if len(found) == len(wanted):
                    break  # later links cannot change a name found already
    return tuple(
        Person(p.name, found.get(p.name.casefold())) if p.name and p.url is None else p
        for p in people
    )


def _find_authors(
    page: Page,
    profile: Profile,
    scan: Scan,
    article: dict[str, Any] | None,
    ids: dict[str, dict[str, Any]],
    site_name: str | None,
    near: Near,
) -> tuple[Person, ...]:
    """People before organisations: a newsroom credited in JSON-LD or ``<meta>`` yields to
    a person's byline on the page, and is used only when no byline names anyone."""
    values = ld_credits(page, article)
    for value in values:
        people = _clean_people(ld_people(ids, value, site_name, orgs=False))
        if people:
            return people
    for sel in profile.author:
        found = [
            el
            for el in page_select(page, sel)
            if not in_comments(el) and not in_teaser(el, near.headline)
        ]
        byline = _people_from(_first_byline(found), page.url) if found else []
        people = _clean_people(byline, element=True)
        if people:
            return people
    for group in scan.author_groups():
        group = [el for el in group if not in_teaser(el, near.headline)]
        if not group:
            continue
        first = cousin_bylines(group, _first_byline(group))
        people = _clean_people(_people_from(first, page.url), element=True)
        people = without_handles(people, page.url)
        if len(first) == 1 and len(people) <= 1:
            # the block's text read as one name ("Jane Doe John Roe"), or as none
            listed = listed_people(first[0], page.url)
            if not any(p.name == q.name for p in people for q in listed):
                people = tuple(listed) or people
        glued = (people[0].name or "") if len(people) == 1 else ""
        if GLUED.search(glued) or GLUED_LABEL.search(glued):
            name = labelled_in(group[0])
            if name and name != people[0].name and name in (people[0].name or ""):
                people = (Person(name=name, url=people[0].url),)
            else:
                name = inner_name(group, people[0].name or "")
                people = (Person(name=name, url=people[0].url),) if name else people
        if not people:
            people = _clean_people(_linked_people(group[0], page.url), element=True)
        if not people:
            people = _clean_people([Person(name=labelled_in(group[0]))])
        if not people:
            people = _inner_byline(group, page.url)
        if people:
            return people
    for texts in near.around:
        people = _clean_people([Person(name=byline_in_texts(texts))])
        if people:
            return people
    site_key = (site_name or "").casefold()
    for key in _AUTHOR_META:
        names = [v for v in meta_names(page, key) if not v.startswith(("http", "@"))]
        names = [v for v in names if v.casefold() != site_key and not WEB_NAME.search(v)]
        people = _clean_people([Person(name=v) for v in names])
        if people:
            return people
    names = [v for v in namespaced_meta(page, _AUTHOR_META) if not v.startswith(("http", "@"))]
    names = [v for v in names if v.casefold() != site_key and not WEB_NAME.search(v)]
    people = _clean_people([Person(name=v) for v in names])
    if people:
        return people
    people = _clean_people([Person(name=v) for v in _labelled_meta_author(page)])
    if people and (people[0].name or "").casefold() != site_key:
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
    people = _clean_people([Person(name=credit_line(near.body))])
    if not people:
        people = _clean_people([Person(name=labelled_field(page))])
    if not people:
        head = el_text(near.headline, 200) if near.headline is not None else None
        name = _plain_byline(page, near, (scan.title, site_name, head))
        people = _clean_people([Person(name=name)])
    if not people:
        people = _clean_people([Person(name=signature_line(page.by_tag("p")))])
    if not people:
        people = _clean_people([Person(name=script_author(page))])
    return people or site_as_author(page, values, ids, _AUTHOR_META)


def _plain_byline(page: Page, near: Near, not_names: tuple[str | None, ...]) -> str | None:
    """A byline in plain markup, without a label or a class (``_plainbylines``)."""
    return (
        name_by_date(near.around[0], not_names)
        or about_author(page)
        or icon_byline(page, near.headline)
        or address_byline(page, near.headline)
    )


# Yoast writes the author as a labelled Twitter card field ("Written by" / "Verfasst von" ...)
_AUTHOR_LABEL = re.compile(
    r"^(?:written|posted|geschrieben|verfasst|escrito|écrit|ecrit|scritto|geschreven|skrevet|"
    r"napisane|autor|author|auteur|autore|by|von|par|por)\b",
    re.IGNORECASE,
)


def _labelled_meta_author(page: Page) -> list[str]:
    """The Twitter card's labelled fields that name the author: WordPress sites with Yoast
    carry them when no other ``<meta>`` names the author."""
    meta = page.meta
    for n in ("1", "2"):
        labels = meta.get(f"twitter:label{n}", ())
        if labels and _AUTHOR_LABEL.match(labels[0].strip()):
            return [v for v in meta.get(f"twitter:data{n}", ())[:1] if not v.startswith("http")]
    return []


def _declared_names(
    page: Page, article: dict[str, Any] | None, ids: dict[str, dict[str, Any]]
) -> list[str]:
    """Author names the page declares in markup no reader sees (``<meta>``, JSON-LD)."""
    names = [v for key in _AUTHOR_META for v in meta_names(page, key)]
    names += _labelled_meta_author(page)
    if article:
        for value in iter_values([article], "author"):
            names += [p.name for p in ld_people(ids, value) if p.name]
    return [collapse(n) for n in names if n]


def _first_byline(group: list[HtmlElement]) -> list[HtmlElement]:
    """The first byline of a group and its co-author siblings: later matches are the
    authors of teasers, related posts or author boxes. A link without text before it is
    the byline's avatar (``<a rel=author><img></a><a rel=author>Jane Doe</a>``)."""
    while len(group) > 1 and group[0].tag == "a" and not group[0].text_content().strip():
        group = group[1:]
    parent = group[0].getparent()
    return [el for el in group if el is group[0] or el.getparent() is parent]


def _inner_byline(group: list[HtmlElement], base: str | None) -> tuple[Person, ...]:
    """The element classed as the name inside a byline block whose whole text is no
    name: an author card's ``author-card-name`` inside ``author-card``, beside "Read
    more posts by this author." and a button. Its whole text must be the name, written
    as names are (not "JANE DOE, THE OUTLET" in capitals: a declared spelling is better)."""
    for el in group[1:4]:
        if "name" in (el.get("class") or "") and any(a is group[0] for a in el.iterancestors()):
            text = el_text(el, 80)
            if name_shaped(text) and clean_author(text) == text:
                return _clean_people(_people_from([el], base), element=True)
    return ()


def _people_from(elements: list[HtmlElement], base: str | None) -> list[Person]:
    people = []
    for el in elements:
        name_el = el.find(".//*[@itemprop='name']") if el.get("itemprop") == "author" else None
        if name_el is None and el.tag != "a":
            name_el = _person_link(el)
        text = el_text(name_el if name_el is not None else el) or el.get("title") or ""
        href = el.get("href") if el.tag == "a" else None
        if href is None:
            link = el.find(".//a[@href]")
            href = link.get("href") if link is not None and len(el) <= 3 else None
        people.append(Person(name=text, url=http_url(base, href)))
    return people


_PERSON_PATH = re.compile(
    r"/(?:author|authors|autor|autoren|auteur|auteurs|autore|people|person|profiles?|staff|"
    r"writers?|journalist|redakteur|by)/|/@[\w.-]+(?:[/?]|$)",
    re.I,
)
# a co-author's name joined right before or after the linked one ("<a>A</a> and B")
_JOINED_AFTER = re.compile(r"^\s*(?:(?:and|und|et|y|e)\b|[,&+/])", re.I)
_JOINED_BEFORE = re.compile(r"(?:\b(?:and|und|et|y|e)|[,&+/])\s*$", re.I)


def _linked_people(el: HtmlElement, base: str | None) -> list[Person]:
    """The links to people's pages inside a byline whose whole text is no name ("Jane Doe,
    John Roe y Ann Poe" glued to "Hace 13 horas"): each link is one person."""
    out = []
    for a in el.iter("a"):
        href = a.get("href")
        if href and _PERSON_PATH.search(href):
            name = el_text(a, 120)
            key = slug(name)
            # the link's address spells the name: not "View Profile", nor "RSS" on /jane/rss
            if len(key) >= 5 and key in slug(href):
                out.append(Person(name=name, url=http_url(base, href)))
                if len(out) == 8:
                    break
    return out


def _person_link(el: HtmlElement) -> HtmlElement | None:
    """The one link to a person's page inside a byline that says more than the name
    ("By <a href=/people/jane>Jane Doe</a><span>Staff Writer</span>", written without a
    space): the link's text is the name, the rest is a role or the outlet."""
    links = [a for a in el.iter("a") if a.get("href")]
    if len(links) > 3:
        return None
    texts = [a for a in links if a.text_content().strip()] if len(links) > 1 else links
    if len(texts) != 1 or not _PERSON_PATH.search(texts[0].get("href") or ""):
        return None
    name = el_text(texts[0])
    if not name or clean_author(name) != name:
        return None
    # an avatar's link beside it counts when the address spells the name ("/@janedoe"),
    # not an author box's "All posts" link
    if len(links) > 1 and _letters(name) not in _letters(texts[0].get("href") or ""):
        return None
    before, _, after = el_text(el).partition(name)
    # "<a>A</a> and B": both count; a date's comma or a follow button after it do not
    joined = _JOINED_AFTER.search(after) or _JOINED_BEFORE.search(before)
    return None if joined else texts[0]


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())
