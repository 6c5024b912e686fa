"""Dates in a page's plain texts: a calendar badge split over three elements, the
publication day an "Updated" line also names, a date segment of ``<title>``, and a
standalone dateline anywhere. Pure text rules, asked by ``datewitnesses`` once the
marked witnesses are spent."""

from __future__ import annotations

import re

from ._dates import parse_text
from ._headdates import DATELINE_LETTERS, NOW_LABEL, member_since
from ._nearby import Near
from ._pagedates import UPDATED_LABEL

__all__ = [
    "POSTED_LABEL",
    "YEARS",
    "dateline_after",
    "split_dateline",
    "standalone_dateline",
    "title_date",
    "update_of",
]


# the label of a publication ("Posted by ... on", "Originally published"); after an
# update's in one line it names the publication
POSTED_LABEL = re.compile(
    r"published|posted|erstellt|veröffentlicht|erschienen|publié|publicado|pubblicato|"
    r"gepubliceerd|geplaatst",
    re.IGNORECASE,
)


def split_dateline(near: Near, dayfirst: bool | None) -> str | None:
    """A date the header writes as three elements, a calendar badge's day, month and year
    ("03" "Mar" "2014"), which the walk gives as three short texts in a row on one side
    of the headline; read only when no text near the headline held a date."""
    for side in near.around:
        head = side[:_HEAD_SPLIT]
        for i in range(len(head) - 2):
            parts = head[i : i + 3]
            if all(len(t) <= 10 for t in parts) and any(len(t) == 4 and t.isdigit() for t in parts):
                value = parse_text(" ".join(parts), dayfirst=dayfirst)
                if value:
                    return value
    return None


_HEAD_SPLIT = 12


def dateline_after(texts: list[str], i: int, dayfirst: bool | None) -> str | None:
    """The next few texts' dateline after an update's, with no label of its own: the
    post's header giving the day of publication under the day of its last revision."""
    for text in texts[i + 1 : i + 5]:
        if len(text) <= 60 and sum(c.isalpha() for c in text) <= DATELINE_LETTERS:
            value = parse_text(text, dayfirst=dayfirst)
            if value and update_of(text, dayfirst) is None:
                return value
    return None


def update_of(text: str, dayfirst: bool | None) -> str | None:
    """For a text whose first date follows an "Updated" label ("Last updated on March 9,
    2015"), the publication day it also names ("| Published: March 3, 2014") or ''; None
    for any other text. A post's header gives both days, and the publication is the
    post's date; the updated day is a fallback."""
    m = UPDATED_LABEL.search(text)
    if m is None or any(c.isdigit() for c in text[: m.start()]):
        return None
    posted = POSTED_LABEL.search(text, m.end())
    return (parse_text(text[posted.end() :], dayfirst=dayfirst) if posted else None) or ""


YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def title_date(title: str | None, dayfirst: bool | None) -> str | None:
    """A date that ``<title>`` carries as its own segment ("... | DW | 23.05.2011")."""
    if not title:
        return None
    for part in reversed(title.split("|")):
        value = parse_text(part, dayfirst=dayfirst)
        if value and sum(c.isalpha() for c in part) <= 25:
            return value
    return None


def standalone_dateline(texts: list[str], dayfirst: bool | None) -> str | None:
    """The first text on the page that is little more than a date ("23.10.2018",
    "Miércoles, 15 de Abril de 2020"): a dateline, not a date mentioned in prose."""
    for i, text in enumerate(texts):
        if len(text) > 60 or not any(c.isdigit() for c in text):
            continue
        value = parse_text(text, dayfirst=dayfirst)
        letters = sum(c.isalpha() for c in text)
        if (
            value
            and letters <= DATELINE_LETTERS
            and not member_since(texts, i)
            and not NOW_LABEL.search(text)
        ):
            return value
    return None
