"""The visible byline against the names the page declares (``<meta>``, JSON-LD).

A theme glues a role, an outlet or a date to the name it shows ("Meg WagnerNEW YORK DAILY
NEWS"), or shows only the first of several declared co-authors; the declared names, which
no reader sees but the publisher wrote on purpose, say where the name ends and who else
wrote the post.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from ..._records import Person
from ..dom._text import collapse, http_url
from ._bylines import clean_author
from ._people import label_end

__all__ = ["CO_AUTHOR", "trim_to_declared", "with_linked"]

# a second person after the name ("A and B", "A, B", "A & B")
CO_AUTHOR = re.compile(r"\b(?:and|und|et|y|e)\b|[,&+/]", re.I)

_CO_AUTHORS_AFTER = re.compile(r"^\s*(?:,|&|\+|and\b|und\b|et\b|y\b)\s*\w", re.IGNORECASE)


def _with_co_authors(name: str, declared: list[str]) -> str | None:
    """The declared credit when the visible byline shows only its first name: a byline
    element holding one person of "Jane Doe, John Roe" (the others in sibling markup the
    byline did not reach)."""
    for d in declared:
        rest = d[len(name) :]
        if d[: len(name)].casefold() != name.casefold() or not _CO_AUTHORS_AFTER.match(rest):
            continue
        others = [o.split() for o in _CO_SPLIT.split(rest) if o.strip()]
        # each one a name of two words or more: not ", CNN", ", PhD", ", dpa"
        if others and all(_co_author(o) for o in others):
            return re.sub(r"\s*,\s*", ", ", d)
    return None


# words of an outlet or a role after the comma ("Jill Doe, CNN Business", "…, Staff Writer")
_OUTLET_WORDS = frozenset(
    "news press business insider reporter political correspondent staff writer editor "
    "times post agency associated online magazine media daily contributor redaktion "
    "redakteur redakteurin desk team bureau service wire journal tribune herald".split()
)


def _co_author(words: list[str]) -> bool:
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and not _OUTLET_WORDS.intersection(w.casefold() for w in words)
    )


_CO_SPLIT = re.compile(r"\s*(?:[,&+]|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)


_TRIM_AT = frozenset(" \u00a0|/(·•–—:")


def trim_to_declared(people: tuple[Person, ...], declared: list[str]) -> tuple[Person, ...]:
    """A visible byline that reads as a declared name plus more ("Jane Doe Staff Writer",
    "Meg WagnerNEW YORK DAILY NEWS", "Jane Doe Dec. 22"): the role, outlet or date the
    markup glued on is cut at the end of the declared name. Only names of two words or
    more trim, so a first name never cuts a full one."""
    full = [d for d in declared if len(d.split()) >= 2]
    if not full:
        return people
    if len(people) == 1 and people[0].name:
        co = _with_co_authors(people[0].name, full)
        if co:
            return (Person(name=co, url=None),)
    out = []
    for person in people:
        name = person.name or ""
        for d in full:
            lead = name[: -len(d)].split()
            if lead and name[-len(d) :].casefold() == d.casefold() and label_end(lead):
                person = Person(name=name[-len(d) :], url=person.url)
                break
            rest = name[len(d) :]
            if (
                rest
                and name[: len(d)].casefold() == d.casefold()
                and (
                    (
                        (rest[0] in _TRIM_AT or (rest[0].isupper() and d[-1].islower()))
                        and not CO_AUTHOR.search(rest)
                    )
                    or _place_or_role(rest)
                )
            ):
                person = Person(name=name[: len(d)], url=person.url)
                break
        out.append(person)
    return tuple(out)


def _place_or_role(rest: str) -> bool:
    """ ", Frankfurt", ", Staff Writer": what follows a declared name after a comma is a
    dateline's place or a role when none of its parts is a co-author's name."""
    parts = [o.split() for o in _CO_SPLIT.split(rest) if o.strip()]
    return rest.startswith(",") and bool(parts) and not any(_co_author(o) for o in parts)


def with_linked(
    people: tuple[Person, ...], groups: list[list[HtmlElement]], base: str | None
) -> tuple[Person, ...]:
    """Every co-author of a visible byline whose first link is the one declared person
    (asked when the one person found is a name the page declares, or when it declares
    none: a small site's byline is then the only witness of its co-authors).
    Ghost's JSON-LD, like many CMSs' ``<meta name=author>``, credits only a post's primary
    author while its byline links each of them ("By <a>Jane Doe</a>, <a>John Roe</a>"):
    when the byline's text is nothing but its links' names joined by commas or "and"
    (after a label), and the first link names the declared person, the byline's list is
    the post's authors. A byline element holding one link is read with its parent (one
    element per author, as WordPress's Co-Authors Plus prints them)."""
    if len(people) != 1 or not people[0].name:
        return people
    for group in groups:
        for el in group[:2]:
            links = list(islice(el.iter("a"), 9))
            # one link: the author's own element, its parent holds the others
            box = el if len(links) > 1 else el.getparent() if links else None
            others = _co_links(people[0].name, box, base) if box is not None else None
            if others:
                return (people[0], *others)
    return people


def _co_links(first: str, box: HtmlElement, base: str | None) -> list[Person] | None:
    links = [a for a in islice(box.iter("a"), 9) if a.get("href")]
    if not 1 < len(links) <= 8 or collapse(links[0].text_content()).casefold() != first.casefold():
        return None
    if sum(1 for _ in islice(box.iter(), 41)) > 40:
        return None  # a byline is a few elements, not a post's container
    names = [collapse(a.text_content()) for a in links]
    parts = [p for p in _CO_SPLIT.split(collapse(box.text_content())) if p]
    lead = parts[0][: -len(names[0])].split() if parts else []
    if lead and parts[0].endswith(names[0]) and label_end(lead):
        parts[0] = names[0]
    if parts != names or any(clean_author(n) != n for n in names[1:]):
        return None
    return [Person(n, http_url(base, a.get("href"))) for n, a in zip(names, links, strict=True)][1:]
