"""JSON-LD readers: the article object, its people, its site, its dates.

Schema.org data comes in every shape (a string where an object is expected, a list where
one value is, ``@id`` references into an ``@graph``), so these helpers normalise shapes and
never trust types. They only read ``page.jsonld`` (parsed once per page).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..._records import Person
from ..dom._page import Page
from ..dom._text import collapse

__all__ = [
    "article_object",
    "ids_of",
    "iter_values",
    "ld_people",
    "ld_strings",
    "ld_text",
    "ld_types",
    "objects_of_type",
    "resolve",
]

# Types that describe "the post" itself, strongest first; WebPage is the weakest witness
# because its name is often the <title> with the site suffix.
_ARTICLE_RANK = {
    "blogposting": 0,
    "newsarticle": 0,
    "article": 1,
    "reportagenewsarticle": 0,
    "analysisnewsarticle": 0,
    "opinionnewsarticle": 0,
    "backgroundnewsarticle": 0,
    "reviewnewsarticle": 0,
    "liveblogposting": 0,
    "socialmediaposting": 1,
    "discussionforumposting": 1,
    "techarticle": 1,
    "scholarlyarticle": 1,
    "report": 1,
    "review": 2,
    "creativework": 3,
    "webpage": 4,
    "itempage": 4,
    "aboutpage": 5,
    "collectionpage": 6,
}
_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "website"})


def ld_types(obj: dict[str, Any]) -> set[str]:
    """The lower-cased ``@type`` names of one object (a string or a list of strings)."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {n.rsplit("/", 1)[-1].lower() for n in names if isinstance(n, str)}


def objects_of_type(page: Page, *types: str) -> list[dict[str, Any]]:
    wanted = set(types)
    return [obj for obj in page.jsonld if ld_types(obj) & wanted]


def article_object(page: Page) -> dict[str, Any] | None:
    """The JSON-LD object that stands for the post: the best-ranked article-like type."""
    best: tuple[int, int] | None = None
    found: dict[str, Any] | None = None
    for i, obj in enumerate(page.jsonld):
        ranks = [_ARTICLE_RANK[t] for t in ld_types(obj) if t in _ARTICLE_RANK]
        if not ranks:
            continue
        key = (min(ranks), i)
        if best is None or key < best:
            best, found = key, obj
    return found


def ids_of(page: Page) -> dict[str, dict[str, Any]]:
    """``@id`` -> object for the page's JSON-LD; build once per page and pass around."""
    out: dict[str, dict[str, Any]] = {}
    for obj in page.jsonld:
        ident = obj.get("@id")
        if isinstance(ident, str) and len(obj) > 2:
            out.setdefault(ident, obj)
    return out


def resolve(ids: dict[str, dict[str, Any]], value: Any) -> Any:
    """Follow an ``{"@id": ...}`` reference into the page's graph when it is one."""
    if isinstance(value, dict) and "@id" in value:
        full = ids.get(str(value["@id"]))
        if full is not None and full is not value:
            return {**full, **value}
    return value


def ld_text(value: Any) -> str | None:
    """A display string from a string, a ``{name: ...}`` object or the first of a list."""
    if isinstance(value, list):
        for item in value:
            text = ld_text(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = collapse(str(value))
        return text or None
    return None


def ld_strings(value: Any) -> list[str]:
    """Every display string in a value; comma-separated strings (keywords) are split."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        text = ld_text(item)
        if not text:
            continue
        parts = text.split(",") if isinstance(item, str) else [text]
        out.extend(p for p in (collapse(x) for x in parts) if p)
    return out


def ld_people(
    ids: dict[str, dict[str, Any]],
    value: Any,
    publisher: str | None = None,
    *,
    orgs: bool = True,
) -> list[Person]:
    """People named in an ``author``/``creator`` value; organisations only when they are
    the sole byline and differ from the publisher (a newsroom credit is still a credit)."""
    items = value if isinstance(value, list) else [value]
    people: list[Person] = []
    org_people: list[Person] = []
    for item in items:
        item = resolve(ids, item)
        if isinstance(item, str):
            text = collapse(item)
            if text and not text.startswith(("http://", "https://")):
                people.append(Person(name=text))
            continue
        if not isinstance(item, dict):
            continue
        name = ld_text(item.get("name")) or _given_family(item)
        if not name:
            continue
        url = item.get("url") or item.get("sameAs")
        url = url if isinstance(url, str) else None
        person = Person(name=name, url=url)
        (org_people if _is_org(item, name, publisher) else people).append(person)
    if people or not orgs:
        return people
    return [p for p in org_people if p.name != publisher]


def _given_family(item: dict[str, Any]) -> str | None:
    """A Person written as ``givenName`` + ``familyName`` without a ``name``."""
    parts = [ld_text(item.get(k)) for k in ("givenName", "familyName")]
    return " ".join(p for p in parts if p) or None


def _is_org(item: dict[str, Any], name: str, publisher: str | None) -> bool:
    """An organisation by its type, or by what only an organisation has: a logo, or the
    publisher's own name ({"name": "STERN.de", "logo": ...}, a "Person" named "El
    Colombiano" on the site www.elcolombiano.com)."""
    types = ld_types(item)
    if types & _ORG_TYPES:
        return True
    # a blog named after its author ("Jane Doe") keeps a typed Person of that name
    named_as_site = publisher is not None and (not types or _is_host(publisher))
    if named_as_site and _letters(name) == _letters(_SITE_AFFIXES.sub("", publisher or "")):
        return True
    return not types and "logo" in item


def _is_host(name: str) -> bool:
    return "." in name and " " not in name


# "www." before and a top-level domain after a site name written as its host
_SITE_AFFIXES = re.compile(r"^www\.|\.[a-z]{2,3}$", re.IGNORECASE)


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def iter_values(objs: Iterable[dict[str, Any]], key: str) -> Iterable[Any]:
    for obj in objs:
        if key in obj and obj[key] not in (None, "", []):
            yield obj[key]
