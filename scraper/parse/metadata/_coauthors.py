"""Co-authors a byline lists in elements of their own.

Newsrooms print several authors as one element each: ``<span>`` after ``<span>`` in a
byline block, or one ``<div itemtype=Person>`` per author with its ``<a rel=author>``
inside. Read as one text, the block is no name ("Jane Doe John Roe Ann Poe"); taken
element by element, the first link is only the first author. Both rules here ask the
same of the markup: the block holds nothing but the names, a label ("By", "Von") and
separators, so that a teaser's author, a date or a role never joins the list.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..._records import Person
from ..dom._text import http_url
from ._bylines import BYLINE, clean_author, name_shaped, role_word
from ._candidates import el_text
from ._dates import parse_text

__all__ = ["cousin_bylines", "listed_people"]

# what a list of names may hold besides the names: commas, "&", "and" in a few languages
_SEPARATORS = re.compile(r"(?:[\s,;&|·•/+]|\b(?:and|und|et|y|e|og|och|en)\b)*", re.I)
_LIST_MAX = 8
# a byline's buttons, name-shaped as they are: "Email Author", "View Profile", "Follow Us"
_UI_WORDS = frozenset(
    "email mail author autor auteur contact follow share profile posts view all more bio "
    "articles twitter facebook linkedin instagram".split()
)


def _only_names(block_text: str, names: list[str]) -> bool:
    """``block_text`` is the names (and dates), separators between them and at most a
    label before."""
    rest = block_text
    for name in names:
        head, found, tail = rest.partition(name)
        if not found:
            return False
        rest = f"{head} {tail}"
    rest = rest.strip()
    if _SEPARATORS.fullmatch(rest):
        return True
    label = BYLINE.match(rest)
    return label is not None and _SEPARATORS.fullmatch(label.group("rest") or "") is not None


def _dated(text: str) -> bool:
    """A short text with digits: a date without its year ("8 May, 17:46"), a time, "3 min";
    never a name."""
    return len(text) <= 40 and any(c.isdigit() for c in text)


def _person_name(text: str) -> str | None:
    """The text as one person's name: name-shaped once a label and separators are off, and
    no job ("Staff Writer" is name-shaped too)."""
    name = clean_author(text.strip(" ,;&|·•/+"), element=True)
    if not name or not name_shaped(name) or name not in text:
        return None
    words = name.split()
    if any(role_word(w) or w.casefold() in _UI_WORDS for w in words):
        return None
    return name


def listed_people(block: HtmlElement, base: str | None) -> list[Person]:
    """The co-authors of a byline block whose child elements each hold one name
    ("<div class=byline><span>Jane Doe</span><span>John Roe</span></div>"); empty unless
    there are two or more and the block says nothing else but the date after them.
    Wrappers with one child are looked through; a name split in first and last name spans
    is one child's text."""
    el = block
    while len(el) == 1:
        el = el[0]
    kids = [k for k in el if isinstance(k.tag, str)]
    if not 2 <= len(kids) <= _LIST_MAX:
        return []
    people: list[Person] = []
    dates: list[str] = []
    for kid in kids:
        text = el_text(kid, 120)
        if not text or _SEPARATORS.fullmatch(text):
            continue  # a comma or "and" in an element of its own
        name = _person_name(text)
        if name is None and people and (_dated(text) or parse_text(text)):
            dates.append(text)  # the byline's date or reading time after the names
            continue
        if name is None or dates:
            return []
        link = kid if kid.tag == "a" else kid.find(".//a[@href]")
        href = link.get("href") if link is not None else None
        people.append(Person(name=name, url=http_url(base, href)))
    names = [p.name or "" for p in people]
    if len({n.casefold() for n in names}) < len(names):
        return []  # one name twice: a phone's and a screen's copy, not co-authors
    if len(people) < 2 or not _only_names(el_text(block, 600), names + dates):
        return []
    return people


def cousin_bylines(group: list[HtmlElement], first: list[HtmlElement]) -> list[HtmlElement]:
    """``first`` (a group's first byline and its siblings) with the group's later elements
    that are its cousins in one list of names: each author's link in a container of its own
    (``<div itemtype=Person><address><a rel=author>``), the containers side by side. The
    nearest block holding the first and a later one, up to four levels up, must hold
    nothing but their names; a related post's author sits under a block with its title."""
    if len(first) > 1 or len(group) < 2:
        return first
    head = first[0]
    for depth, block in enumerate(head.iterancestors()):
        if depth == 4:
            break
        inside: list[HtmlElement] = []
        for el in group[1 : _LIST_MAX + 1]:
            ups = list(el.iterancestors())
            if el is head or not any(a is block for a in ups) or any(a is head for a in ups):
                continue
            if not any(m is el or any(a is m for a in ups) for m in inside):
                inside.append(el)  # not a member's inner element
        if not inside:
            continue
        members = [head, *inside]
        names = [_person_name(el_text(el, 120)) for el in members]
        found = [n for n in names if n]
        unique = len({n.casefold() for n in found}) == len(names)
        if unique and _only_names(el_text(block, 600), found):
            return members
        return first
    return first
