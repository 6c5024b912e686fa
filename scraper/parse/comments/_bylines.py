"""Bylines written as text: who and when, when the theme gives them no markup of their own.

Three shapes seen on hand-made and older themes: a lead line opening the comment ("<b>Mia</b>
wrote at 2013-03-21 19:40:<br>"), a short header block above the text ("<p><a>小林</a>
<em>2013-03-22 11:02</em></p>"), and a meta line "by NAME on DATE." after it. Each gives the
element naming the author, the date (ISO, via ``comments_dates``) and the nodes to leave out
of the comment's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from ..dom._signals import text_of
from ..dom._text import BLOCK_TAGS, collapse
from ._dates import parse_visible_date

__all__ = ["BYLINE", "Header", "Lead", "byline_block", "header_block", "lead_line", "who_when"]


@dataclass(frozen=True, slots=True)
class Lead:
    """A hand-written byline opening the comment: "<b>Mia</b> wrote at 2013-03-21 19:40:"."""

    author: HtmlElement
    date: str | None
    nodes: tuple[HtmlElement, ...]


_LEAD_TAGS = frozenset({"b", "strong", "cite", "a", "span", "em"})
_LEAD_VERB = re.compile(
    r"^\s*(?:wrote|says|said|writes|schreef|schrieb|schreibt|a écrit|écrit|dice|escribió)\b", re.I
)


def lead_line(item: HtmlElement) -> Lead | None:
    """The author line of a comment without markup for its parts, or ``None``.

    Old hand-made blogs write "NAME wrote at DATE:" then a line break; that line is the
    byline (author + date), the rest is the comment.
    """
    if (item.text or "").strip() or len(item) == 0:
        return None
    first = item[0]
    if not isinstance(first.tag, str) or first.tag not in _LEAD_TAGS:
        return None
    nodes = [first]
    rest = first.tail or ""
    for child in list(item)[1:]:
        if not isinstance(child.tag, str) or child.tag in BLOCK_TAGS:
            break
        nodes.append(child)
        if child.tag == "br":
            break
        rest += text_of(child) + (child.tail or "")
    rest = collapse(rest)
    if len(rest) > 80 or not (_LEAD_VERB.match(rest) or rest.endswith(":")):
        return None
    date_text = _LEAD_VERB.sub("", rest).strip(" :")
    return Lead(author=first, date=parse_visible_date(date_text), nodes=tuple(nodes))


@dataclass(frozen=True, slots=True)
class Header:
    """A short line above the comment text naming who and when, without field classes."""

    block: HtmlElement
    author: HtmlElement | None
    date: str
    name_block: HtmlElement | None = None  # the name's own line above the date's


_HEAD_TAGS = frozenset({"p", "div", "header", "h3", "h4", "h5", "span"})
_BYLINE_TAGS = frozenset({"p", "div", "span", "small", "footer", "cite"})
_NAME_TAGS = frozenset({"a", "strong", "b", "span", "cite", "em"})


def _own_blocks(
    item: HtmlElement,
    owner: Callable[[HtmlElement], HtmlElement | None],
    tags: frozenset[str],
    own: list[HtmlElement] | None,
) -> Iterator[HtmlElement]:
    """The elements of ``item`` itself (not a reply's) with one of ``tags``, in document
    order: from ``own`` (``own_parts``) when the caller listed them already."""
    if own is not None:
        yield from (el for el in own if el.tag in tags)
        return
    for block in item.iter(*tags):
        if block is not item and owner(block) is item:
            yield block


def header_block(
    item: HtmlElement,
    owner: Callable[[HtmlElement], HtmlElement | None],
    own: list[HtmlElement] | None = None,
) -> Header | None:
    """The first short block of ``item`` that holds a date and is followed by more text:
    "<p><a>小林</a><em>2013-03-22 11:02</em></p><div>text</div>"."""
    for block in _own_blocks(item, owner, _HEAD_TAGS, own):
        if not _text_follows(block):
            continue
        text = collapse(text_of(block))
        when = parse_visible_date(text) if 0 < len(text) <= 100 else None
        if when is None:
            continue
        name = _name_in(block)
        if name is None and (above := _name_line(item, block)) is not None:
            inner = _name_in(above)
            who = inner if inner is not None else above
            return Header(block=block, author=who, date=when, name_block=above)
        return Header(block=block, author=name, date=when)
    return None


_EMPTY_BOXES = 3  # a float's clearing box or two between the header and the text


def _text_follows(block: HtmlElement) -> bool:
    """More text right after ``block`` among its siblings: an empty box between (a float's
    clearing ``<div style="clear:both">``) does not end the comment."""
    seen = 0
    for sib in block.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if text_of(sib).strip():
            return True
        seen += 1
        if seen >= _EMPTY_BOXES:
            break
    return False


def _name_in(block: HtmlElement) -> HtmlElement | None:
    return next(
        (
            e
            for e in block.iterdescendants()
            if isinstance(e.tag, str)
            and e.tag in _NAME_TAGS
            and collapse(text_of(e))
            and parse_visible_date(collapse(text_of(e))) is None
        ),
        None,
    )


def _name_line(item: HtmlElement, block: HtmlElement) -> HtmlElement | None:
    """The name on its own line just above the date line, both opening the comment
    ("<div><b>john</b></div><div>10/12/2012</div>"): the first thing the item says."""
    above = block.getprevious()
    if above is None or not isinstance(above.tag, str) or above.getparent() is not item:
        return None
    if (item.text or "").strip() or item.index(above) != 0:
        return None
    text = collapse(text_of(above))
    if not 0 < len(text) <= 60 or parse_visible_date(text) is not None:
        return None
    return above if _name_in(above) is not None or above.tag in _NAME_TAGS else None


BYLINE = re.compile(
    r"^(?:comment\s*#?\d+\s*[-–—:]\s*)?"
    r"(?:by|posted by|written by|comment(?:ed)? by|von|par|por|door|di)"
    r"\s*:?\s+(.+?)"
    r"(?:\s*,|\s+(?:on|at|am|le|el|op|il|\||-|–|—|»|·))\s+(.+)$",
    re.I,
)
# the other order, as twentyeleven and many news templates print it:
# "posted on Wednesday, October 24, 2012 at 7:26 PM by Darren"
_DATE_FIRST = re.compile(
    r"^(?:posted|published|written|submitted|geschrieben|publié)?\s*(?:on|am|le|el)\s+(.+?)"
    r"\s+(?:by|von|par|por)\s*:?\s+(.+)$",
    re.I,
)


def who_when(text: str) -> tuple[str, str] | None:
    """(name, date text) of a meta line in either order, or ``None``."""
    if (m := BYLINE.match(text)) is not None:
        return m.group(1), m.group(2)
    if (m := _DATE_FIRST.match(text)) is not None:
        return m.group(2), m.group(1)
    return None


def byline_date(el: HtmlElement) -> str | None:
    """The date of an author element that is a whole byline, "by <strong>NAME</strong>
    » Wed Oct 03, 2012 9:15 am" (phpBB's ``p.author``), or ``None``."""
    text = collapse(text_of(el))
    found = who_when(text) if len(text) <= 150 else None
    return parse_visible_date(found[1]) if found is not None else None


def byline_block(
    item: HtmlElement,
    owner: Callable[[HtmlElement], HtmlElement | None],
    own: list[HtmlElement] | None = None,
) -> Header | None:
    """A meta line "by NAME on DATE." (or "posted on DATE by NAME") anywhere in the
    comment (often after the text)."""
    for block in _own_blocks(item, owner, _BYLINE_TAGS, own):
        text = collapse(text_of(block))
        found = who_when(text) if 0 < len(text) <= 150 else None
        if found is None or len(found[0]) > 60:
            continue
        name, when_text = found
        when = parse_visible_date(when_text)
        if when is None:
            continue
        link = next((a for a in block.iter("a") if collapse(text_of(a)) == name), None)
        return Header(block=block, author=link if link is not None else block, date=when)
    return None
