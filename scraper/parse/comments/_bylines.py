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

__all__ = ["BYLINE", "Header", "Lead", "byline_block", "header_block", "lead_line"]


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
        nxt = block.getnext()
        if nxt is None or not isinstance(nxt.tag, str) or not text_of(nxt).strip():
            continue
        text = collapse(text_of(block))
        when = parse_visible_date(text) if 0 < len(text) <= 100 else None
        if when is None:
            continue
        name = next(
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
        return Header(block=block, author=name, date=when)
    return None


BYLINE = re.compile(
    r"^(?:comment\s*#?\d+\s*[-–—:]\s*)?(?:by|posted by|written by|von|par|por|door|di)"
    r"\s*:?\s+(.+?)"
    r"(?:\s*,|\s+(?:on|at|am|le|el|op|il|\||-|–|—))\s+(.+)$",
    re.I,
)


def byline_block(
    item: HtmlElement,
    owner: Callable[[HtmlElement], HtmlElement | None],
    own: list[HtmlElement] | None = None,
) -> Header | None:
    """A meta line "by NAME on DATE." anywhere in the comment (often after the text)."""
    for block in _own_blocks(item, owner, _BYLINE_TAGS, own):
        text = collapse(text_of(block))
        m = BYLINE.match(text) if 0 < len(text) <= 150 else None
        if m is None or len(m.group(1)) > 60:
            continue
        when = parse_visible_date(m.group(2))
        if when is None:
            continue
        name = m.group(1)
        link = next((a for a in block.iter("a") if collapse(text_of(a)) == name), None)
        return Header(block=block, author=link if link is not None else block, date=when)
    return None
