"""Bylines without a label or a class: the last witnesses, for small sites that declare
no author to machines and write the name in plain markup.

Asked only when no JSON-LD, ``<meta>``, byline class or labelled text named anyone, so
they can turn a miss into a name but never override a declared one:

- a name beside the post's date right under the headline ("Jane Doe | 06.11.23",
  "<span>Jane Doe</span><span>3 January 2020</span>", "1. Februar 2022, Jane Doe") or
  above the writer's account ("@janedoe"), and the Korean press's "김철수 기자";
- the name under an "About the author" heading, or in an author box's "About Jane Doe";
- the name after a theme's person icon (``<i class="fa fa-user"></i> Jane Doe``) or in an
  ``<address>`` in the lines under the headline.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..dom._page import Page
from ..dom._text import collapse
from ._bylines import clean_author, name_shaped
from ._dates import parse_text
from ._people import text_after
from ._regions import in_comments

__all__ = ["about_author", "address_byline", "icon_byline", "name_by_date"]

# "Jane Doe | 06.11.23", "1. Februar 2022, Jane Doe": a name and a date split by a mark
_SPLIT = re.compile(r"\s+[|·•–—/]\s+|\s*,\s+|\s+-\s+")
# a post's reading time or length in its meta line: "4 min", "5 min read", "3 Min. Lesezeit"
_READ_TIME = re.compile(
    r"(?:^|(?<=\s)|(?<=[|·•]))\d{1,3}\s?(?:min(?:ute)?s?\.?|Min\.?|words|Wörter)"
    r"(?:\s(?:read|reading|Lesezeit|Lesedauer|de lecture|de lectura|lettura))?(?=$|\s|[|·•])",
    re.IGNORECASE,
)
_MARKS = " |·•–—/-"
# a Korean reporter's byline: the name and the job, maybe the address after it
_KO_REPORTER = re.compile(r"^([\uac00-\ud7a3]{2,4})\s*(?:선임|수석|객원)?기자(?:\s|$|[(\[])")


# words of a date, a label or a role: "Published Tue", "Forum Moderator" are no names
_NOT_NAME = frozenset(
    "published updated posted modified veröffentlicht aktualisiert erstellt geändert stand "
    "publié publicado pubblicato mon tue wed thu fri sat sun monday tuesday wednesday "
    "thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag "
    "sonntag moderator administrator admin member mitglied team redaktion staff forum "
    "guest gast user".split()
)


_TITLE_PARTS = re.compile(r"\s[|–—:·•«»-]\s|\s*[|·•«»]\s*")
_HANDLE = re.compile(r"@\w{2,30}")
_CATEGORY_JOINS = frozenset({"in", "under", "im", "dans", "en"})


def _plain_name(text: str) -> str | None:
    """Two or three capitalised words and nothing else: four is more often a place or
    an event ("Ausstellung Palais Epstein Wien") than a name."""
    if not name_shaped(text.strip()):
        return None  # the cheap test first: the cleaned name must be the whole text
    name = clean_author(text)
    if not name or name != text.strip() or not name_shaped(name) or len(name.split()) > 3:
        return None
    return None if _NOT_NAME.intersection(name.casefold().split()) else name


def name_by_date(after: list[str], not_names: tuple[str | None, ...] = ()) -> str | None:
    """The name next to the date among the first texts after the headline, where themes
    of small sites put the byline without a label: the name alone in its text and the
    date in the next, or both in one text split by a mark. ``not_names``: the page's
    title, headline and site name, which a list of posts or an outlet's line puts there
    too; a name that is one of them, or a part of one between separators ("Just Keep
    Going | Rand's Blog"), is refused. Medium's "Title | by Jane Doe | Medium" keeps
    its "by"; a personal site named after its owner is missed, a small price against
    a post's title taken for its author."""
    texts = after[:6]
    refused = {p.strip().casefold() for n in not_names if n for p in _TITLE_PARTS.split(n)}
    for i, text in enumerate(texts):
        if len(text) > 80:
            continue
        korean = _KO_REPORTER.match(text)
        if korean:
            return korean.group(1)
        if i and texts[i - 1].rsplit(None, 1)[-1].casefold() in _CATEGORY_JOINS:
            continue  # "Posted by admin in" + "<a>Auto Blog</a>": the post's category
        low = text.casefold()
        if "min" in low or "word" in low or "wört" in low:
            timed = _READ_TIME.sub(" · ", text)
            if timed != text:
                # "March 3, 2020 · 4 min · Jane Doe": the reading time makes the line the
                # post's meta line (Hugo's PaperMod); what is left beside it is the name
                text = " ".join(_SPLIT.sub(" · ", timed).split())
                parts = [p.strip(_MARKS) for p in text.split(" · ")]
                names = [n for n in map(_plain_name, parts) if n and n.casefold() not in refused]
                if len(names) == 1:
                    return names[0]
                continue
        name = _plain_name(text)
        if name and name.casefold() in refused:
            continue
        if name:
            # the date in the next text; a date before a name is the date of a category
            nxt = texts[i + 1] if i + 1 < len(texts) else ""
            if len(nxt) < 60 and (_HANDLE.fullmatch(nxt) or parse_text(nxt)):
                # or the writer's account under the name: "@janedoe"; a name right
                # before is the writer's, this one the outlet's ("Jane Doe" + "The
                # Grayzone" + the date)
                before = _plain_name(texts[i - 1]) if i else None
                return before if before and before.casefold() not in refused else name
            continue
        parts = _SPLIT.split(text)
        if len(parts) == 2 and any(c.isdigit() for c in text):
            for a, b in (parts, parts[::-1]):
                name = _plain_name(a)
                if name and name.casefold() in refused:
                    break
                # "Jane Doe | 06.11.23": a byline's date may have a two-digit year
                if name and not any(c.isdigit() for c in a) and parse_text(b, short_year=True):
                    return name
    return None


# the heading of an author box at the end of a post, in the languages the date parser reads
_ABOUT = re.compile(
    r"^(?:about the author|about the writer|über (?:den|die) autor(?:in)?|zu[mr] autor(?:in)?|"
    r"à propos de l'auteur|a propos de l'auteur|sobre (?:el|o|a) autor[a]?|"
    r"sull'autore|l'autore|over de auteur|om forfatteren|om författaren|об авторе)"
    r"\s*[:\-–—]?\s*(.*)$",
    re.IGNORECASE,
)
_ABOUT_NAME = re.compile(r"^(?:about|über|à propos de|sobre|over|om)\s+(.+)$", re.IGNORECASE)
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def about_author(page: Page) -> str | None:
    """The name an author box gives under its heading: "About the author" and the name
    in the next element (or after a dash in the heading), or a heading "About Jane Doe"
    inside a block whose class names an author."""
    for tag in _HEADINGS:
        for el in page.by_tag(tag):
            if not _may_open_about(el):
                continue  # most headings: one text read, not the whole heading's
            text = collapse(el.text_content()[:120])
            m = _ABOUT.match(text) if text else None
            name = None
            if m:
                name = _plain_name(m.group(1)) if m.group(1) else _next_name(el)
            elif text:
                whole = _ABOUT_NAME.match(text)
                name = _plain_name(whole.group(1)) if whole and _in_author_box(el) else None
            if name and not in_comments(el):
                return name
    return None


# the first two letters of every opening ``_ABOUT`` and ``_ABOUT_NAME`` read
_ABOUT_OPENINGS = frozenset({"ab", "üb", "zu", "à ", "a ", "so", "su", "l'", "ov", "om", "об"})


def _may_open_about(el: HtmlElement) -> bool:
    t = el.text
    if not t or t.isspace():  # the text in a child: "<h3><span>About the author</span>"
        t = next((x for x in el.itertext() if not x.isspace()), "")
    t = t.lstrip()
    return bool(t) and (len(t) < 2 or t[:2].casefold() in _ABOUT_OPENINGS)


def _next_name(el: HtmlElement) -> str | None:
    after = el.getnext()
    if after is None:
        return None
    return _plain_name(collapse(after.text_content()[:120]))


def _in_author_box(el: HtmlElement) -> bool:
    parent = el.getparent()
    for anc in (parent, parent.getparent() if parent is not None else None):
        if anc is not None and "author" in (anc.get("class") or "").lower():
            return True
    return False


# a theme's icon of a person before the byline's name
_PERSON_ICONS = (
    "fa-user", "fa-user-o", "fa-user-circle", "fa-user-alt", "fa-pencil", "icon-user",
    "glyphicon-user", "dashicons-admin-users", "bi-person", "ti-user", "la-user",
)  # fmt: skip
_NEAR_HEADLINE = 120  # elements after the headline: the lines under it, not the footer


def address_byline(page: Page, headline: HtmlElement | None) -> str | None:
    """The name in an ``<address>`` under the headline: HTML's element for the contact of
    an article's author ("<address>Von Jane Doe, Redakteurin</address>"); the page
    footer's ``<address>`` (a postal address) stands far from the headline."""
    found = page.by_tag("address")
    if not found or headline is None:
        return None
    position = page.index.position
    start = position.get(headline)
    for el in found:
        at = position.get(el)
        if start is None or at is None or not start < at < start + _NEAR_HEADLINE:
            continue
        name = clean_author(collapse(el.text_content()[:200]))
        if name and name_shaped(name) and not in_comments(el):
            return name
    return None


def icon_byline(page: Page, headline: HtmlElement | None) -> str | None:
    """The name written right after a person icon in the lines under the headline
    ("<i class='fa fa-user'></i> Jane Doe"); the same icon on a login link ("My
    Account") stands in the header, before the headline."""
    if headline is None:
        return None
    index = page.index
    by_class = index.by_class
    start = index.position.get(headline)
    if start is None:
        return None
    for icon_class in _PERSON_ICONS:
        for icon in by_class.get(icon_class, ()):
            at = index.position[icon]
            if not start < at < start + _NEAR_HEADLINE or in_comments(icon):
                continue
            name = _plain_name(text_after(icon, 120))
            if name:
                return name
    return None
