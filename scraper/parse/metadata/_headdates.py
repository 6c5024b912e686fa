"""Dates the post's header shows, read when a weaker witness competes or none is found.

The dateline under (or right over) the headline is where readers, and the annotators of
the benchmarks, look for a post's date; htmldate prefers it too. A date-classed element
the header does not show (a teaser's, a masthead's "today") is weaker. Labels say which
header dates are not the post's (a forum member's "Joined" day, an event's day).
"""

from __future__ import annotations

import re
from itertools import pairwise

from lxml.html import HtmlElement

from ._candidates import el_text
from ._dates import day_in_month, parse_iso, parse_text
from ._nearby import Near
from ._pagedates import UPDATED_LABEL

__all__ = ["DATELINE_LETTERS", "NOW_LABEL", "head_dateline", "member_since", "url_month_shown"]

# a dateline is little more than its date: "Miércoles, 15 de Abril de 2020" has 24 letters
DATELINE_LETTERS = 25

# how far from the headline a dateline still belongs to the post's header
_HEAD_TEXTS = 10


def head_dateline(
    near: Near, dayfirst: bool | None, other: str, *, updates: bool = True
) -> str | None:
    """The first text of the post's header that is little more than a date (the dateline
    under or right over the headline), when no text of the header shows the day
    ``other`` (empty: a banner's clock, which the header's showing does not excuse); a
    member's "Joined" day or an event's day is not the post's. Without
    ``updates`` an "Updated: ..." line is not a dateline either: against a date-classed
    element inside the article (Wix prints the post's day in a list over the headline,
    which the walk leaves out, and "Updated: ..." under the post) it names the revision."""
    texts = _meta_list(near.headline) + near.texts[:_HEAD_TEXTS]
    found = None
    for i, text in enumerate(texts):
        if len(text) > 60 or not any(c.isdigit() for c in text):
            continue
        value = parse_text(text, dayfirst=dayfirst)
        if value is None:
            continue
        if other and value.startswith(other):
            return None
        if found is None and sum(c.isalpha() for c in text) <= DATELINE_LETTERS:
            # the label may stand two texts back: the walk interleaves both sides
            labels = [t for t in texts[max(i - 2, 0) : i] if len(t) <= 20]
            if not any(_NOT_POSTED.search(t) for t in (text, *labels)) and (
                updates or not UPDATED_LABEL.search(text)
            ):
                found = value
    return found


def _meta_list(headline: HtmlElement | None) -> list[str]:
    """The items of a short list right after the headline: themes write the post's meta
    line so (``<ul class="info"><li>27 juin 2019</li><li>Par ...</li></ul>``), and the
    walk around the headline leaves lists out (menus, teasers)."""
    nxt = headline.getnext() if headline is not None else None
    if nxt is None or nxt.tag not in ("ul", "ol") or len(nxt) > 6:
        return []
    return [el_text(li, 120) for li in nxt if li.tag == "li"]


# labels of dates that are not a post's: a forum member's, an event's
_MEMBER_WORDS = r"member since|registered|mitglied seit|registriert|dabei seit|inscrit"
_NOT_POSTED = re.compile(rf"joined|{_MEMBER_WORDS}|termin|veranstaltung|event", re.IGNORECASE)
_MEMBER = re.compile(rf"\bjoined\b|{_MEMBER_WORDS}", re.IGNORECASE)


# the page's own clock: a forum's "It is currently ..." line, a masthead's "Aktuelles Datum":
# the day the page was generated, never a post's
NOW_LABEL = re.compile(
    r"it is currently|current (?:date|time)|aktuelle[sr]? (?:datum|zeit)|es ist jetzt|"
    r"heute ist|date actuelle|nous sommes le|fecha actual|data attuale|huidige (?:datum|tijd)",
    re.IGNORECASE,
)


def member_since(texts: list[str], i: int) -> bool:
    """True for the date of a forum member's "Joined" / "Mitglied seit" line, in the text
    or in a short label one or two texts before it (the walk interleaves both sides of
    the headline): the day the poster signed up, never the post's."""
    return any(_MEMBER.search(t) for t in (texts[i], *texts[max(i - 2, 0) : i]) if len(t) <= 40)


_URL_YEAR_MONTH = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/")


def url_month_shown(near: Near, url: str | None) -> str | None:
    """The day a header shows without its year ("Publicado el 11 de mayo"), in the year
    and month the URL names (``/2022/5/``): each part is stated by the page, none
    guessed."""
    m = _URL_YEAR_MONTH.search(url or "")
    if m is None:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    for text in near.texts[:_HEAD_TEXTS]:
        day = day_in_month(text, month)
        if day is not None:
            return parse_iso(f"{year}-{month:02d}-{day:02d}")
    # a calendar icon writes the month and the day as two elements ("Mar" "3"), which
    # the walk gives as two texts in a row on the headline's one side
    for side in near.around:
        for text, nxt in pairwise(side[:_HEAD_TEXTS]):
            if len(text) <= 12 and len(nxt) <= 12:
                day = day_in_month(f"{text} {nxt}", month)
                if day is not None:
                    return parse_iso(f"{year}-{month:02d}-{day:02d}")
    return None


# the site's banner: where news themes print today's date (tagDiv's "td_data_time",
# Jannah's "topbar-today-date", "header-date" bars), never a post's
_BANNER_TOKENS = frozenset(
    "masthead site-header header top-bar topbar header-top top-header header-bar".split()
)


def in_banner(el: HtmlElement, headline: HtmlElement | None) -> bool:
    """True for an element of the site's banner: inside a ``<header>``, ``role=banner`` or
    a masthead/top-bar class that does not hold the post's headline (a post's own
    ``<header>`` holds its headline and its dateline together)."""
    for anc in el.iterancestors():
        if (
            anc.tag == "header"
            or anc.get("role") == "banner"
            or _BANNER_TOKENS.intersection(f"{anc.get('class', '')} {anc.get('id', '')}".split())
        ):
            return headline is None or not any(a is anc for a in headline.iterancestors())
    return False
