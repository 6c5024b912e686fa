"""Who wrote one comment and when: the author element's name and link, the date element's
instant, the post author's mark. The name is cleaned of what themes print around it
("says:", "Posted by:", "| date", "(not verified)", "2 years ago").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from ..._records import Person
from ..dom._signals import text_of
from ..dom._text import collapse, join_url
from ..profiles._profile import CommentSelectors
from ._bylines import who_when
from ._dates import parse_visible_date
from ._owned import Own, owned

__all__ = ["author_of", "date_of", "has_digit", "is_post_author"]

_SAYS = re.compile(
    r"(?:^|\s+)(?:says|said|writes|wrote|dice|sagt|dit|disse|zegt|schreef)\s*(?::|\.\.\.|…)?\s*$",
    re.I,
)


def author_of(
    el: HtmlElement | None,
    hints: CommentSelectors,
    owner: Callable[[HtmlElement], HtmlElement | None],
    item: HtmlElement,
    base: str | None,
    own: Own,
) -> Person:
    if el is None:
        return Person()
    name = _clean_name(text_of(el))
    link = owned(item, hints.author_url, owner, own) if hints.author_url else None
    if link is None or link.get("href") is None:
        link = el if el.tag == "a" else next(el.iter("a"), None)
    if link is None:
        # <a class="url"><span class="fn">Name</span></a>: the link wraps the name
        link = next((a for a in el.iterancestors("a") if owner(a) is item), None)
    if link is not None and name and name not in collapse(text_of(link)):
        # "Posted by: Yuna | <a>March 22</a>": the link is the date's, not the author's
        link = next((a for a in el.iter("a") if collapse(text_of(a)) == name), None)
    href = link.get("href") if link is not None else None
    url = join_url(base or "", href) if href and not href.startswith(("#", "javascript")) else None
    return Person(name=name, url=url)


_POSTED_BY = re.compile(r"^(?:posted|written|comment(?:ed)?)\s+by\s*:?\s*", re.I)
_URL_FIRST = re.compile(r"^https?://\S+\s+(?=\S)")
_UNVERIFIED = re.compile(r"\s*\((?:not verified|unverified|guest)\)\s*$", re.I)
# "Ingrid 2 years, 9 months ago": a relative time after the name in one heading (Django's
# ``timesince``, Mezzanine's comments), which no name ends with
_AGO = re.compile(
    r"\s+(?:(?:\d+|an?)\s+(?:second|minute|hour|day|week|month|year)s?,?\s*)+ago$", re.I
)


def _clean_name(raw: str) -> str | None:
    """The author's name from the author element's text: no "says:", no "Posted by:",
    no "| date" tail, no "(not verified)"."""
    text = collapse(raw)
    byline = who_when(text)  # "by NAME on DATE", "posted on DATE by NAME"
    if byline is not None:
        text = byline[0]
    elif _POSTED_BY.match(text):
        text = _POSTED_BY.sub("", text).split("|")[0].strip()
    text = _UNVERIFIED.sub("", _SAYS.sub("", _AGO.sub("", text))).strip()
    # Disqus's static fallback prints the author's URL as bare text before the name
    # ("http://tdhurst.com/ <span>tdhurst</span>"): no name starts with a URL
    text = _URL_FIRST.sub("", text)
    return text if text and len(text) <= 80 else None


def has_digit(el: HtmlElement) -> bool:
    return any(ch.isdigit() for ch in text_of(el))


def _iso_like(value: str) -> bool:
    """An attribute value that starts like an ISO date ("2012-10-03...")."""
    return value[:4].isdigit() and len(value) >= 10 and value[4] == "-"


def date_of(el: HtmlElement | None) -> str | None:
    if el is None:
        return None
    for cand in (el, *el.iter("time", "abbr")):
        for attr in ("datetime", "title", "content"):
            value = (cand.get(attr) or "").strip()
            if _iso_like(value):
                return value
    # Drupal 7 prints RDFa on every comment: <span property="dc:date dc:created"
    # content="2012-10-03T09:15:00+00:00">10/03/2012 - 09:15</span>, the instant with its
    # offset, where the visible line may hold the name and a "Permalink" too
    for cand in el.iter("span", "div", "p"):
        value = (cand.get("content") or "").strip()
        typed = f"{cand.get('property') or ''} {cand.get('itemprop') or ''}"
        if "date" in typed and _iso_like(value):
            return value
    return parse_visible_date(collapse(text_of(el)))


def is_post_author(
    item: HtmlElement, author_el: HtmlElement | None, marker: str | None
) -> bool | None:
    """WordPress marks the item (``bypostauthor``), Blogger the author (``blog-author``);
    ``marker`` may list several classes. Without a marker the markup cannot tell: ``None``."""
    classes = (item.get("class") or "").split()
    if author_el is not None:
        classes += (author_el.get("class") or "").split()
    if "bypostauthor" in classes:
        return True
    if marker is None:
        return None
    return any(m in classes for m in marker.split())
