"""The comment count a page declares: "One thought on …", "12 Responses", "コメント 3件".

Read from the comments heading (the profile's ``count`` selectors, then common ones) or
from JSON-LD ``commentCount`` / ``interactionStatistic``. ``None`` when the page does not
say: the number of comments we extracted is not a declaration.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any
from urllib.parse import urldefrag

from lxml.html import HtmlElement

from ..dom._css import page_select
from ..dom._page import Page
from ..dom._text import collapse, join_url
from ..profiles._profile import Profile

__all__ = ["declared_count", "parse_count"]

_GENERIC_COUNT = (
    ".comments-title",
    "#comments-title",
    ".wp-block-comments-title",
    "h2#comments",
    "h3#comments",
    "h4#comments",
    "#comments > h2",
    "#comments > h3",
    ".comments-area > h2",
    ".comments-header",
    ".comment-count",
    "#comments-count",
)
_WORDS = (
    r"thoughts?|responses?|comments?|repl(?:y|ies)|kommentare?|gedanken?|commentaires?|"
    r"comentarios?|commenti|commento|coment[aá]rios?|reacties?|reactions?|réponses?|"
    r"antworten|risposte|respuestas?|コメント|フィードバック|評論|评论|댓글|opmerkingen|"
    r"kommentarer?|kommentit|комментари[йяевюи]*|отзыв\w*|ответ\w*"
)
_ONE = r"one|ein|eine|einen|une?|uno|una|een|yksi|一"
_NONE = r"no|keine|aucun|aucune|ningún|sin|nessun|nenhum|geen|ingen"
_NUM_BEFORE = re.compile(
    rf"(\d[\d,.\s]*|\b(?:{_ONE})\b)\s*(?:件の?|条|個の?|\S+\s+)?(?:{_WORDS})", re.I
)
_NUM_AFTER = re.compile(rf"(?:{_WORDS})\s*[:(（]?\s*(\d[\d,.]*)\s*(?:件|個|개)?", re.I)
_ZERO = re.compile(rf"\b(?:{_NONE})\b\s+(?:\S+\s+)?(?:{_WORDS})", re.I)


def parse_count(text: str) -> int | None:
    """The number a comments heading declares, or ``None`` when it states none."""
    text = collapse(text)
    if not text or len(text) > 200:
        return None
    for rx in (_NUM_BEFORE, _NUM_AFTER):
        m = rx.search(text)
        if m:
            raw = m.group(1).strip()
            digits = re.sub(r"[,.\s]", "", raw)
            if digits.isdigit():
                return int(digits)
            return 1
    if _ZERO.search(text):
        return 0
    return None


def declared_count(
    page: Page, profile: Profile, first_item: HtmlElement | None = None
) -> int | None:
    """JSON-LD first (structured data is the most trustworthy layer), then headings: the
    known ones, the line just above the thread, then the post's own "Comments (3)" link."""
    n = _jsonld_count(page)
    if n is not None:
        return n
    n = _microdata_count(page)
    if n is not None:
        return n
    headings = (*profile.comments.count, *_GENERIC_COUNT)
    # one whole-tree pass to learn whether any heading exists; then the ordered lookups
    found = page_select(page, ", ".join(headings))
    for sel in headings if found else ():
        for el in page_select(page, sel):
            n = parse_count(el.text_content())
            if n is not None:
                return n
    if first_item is not None:
        n = _near_count(first_item)
        if n is not None:
            return n
    return _link_count(page)


def _near_count(item: HtmlElement) -> int | None:
    """A short line just before the thread ("<strong>评论</strong>(2)", "2 responses")."""
    cur: HtmlElement | None = item
    for _ in range(4):
        if cur is None:
            return None
        for sib in list(cur.itersiblings(preceding=True))[:4]:
            if not isinstance(sib.tag, str) or sib.tag in ("script", "style"):
                continue
            text = collapse(sib.text_content())
            if 0 < len(text) <= 80:
                n = parse_count(text)
                if n is not None:
                    return n
        cur = cur.getparent()
    return None


def _link_count(page: Page) -> int | None:
    """ "Comments (3)" linking to this very post's ``#comments``."""
    # most pages link no "#comments" at all: one search of every target, joined, tells
    # (a target that ends with it is followed by the separator or ends the string)
    targets = "\n".join(map(itemgetter(1), page.hrefs))
    if "#comments\n" not in targets and not targets.endswith("#comments"):
        return None
    base = urldefrag(page.url)[0].rstrip("/") if page.url else None
    # a[href$='#comments'], read from the page's link list
    for a, href in page.hrefs:
        if not href.endswith("#comments"):
            continue
        href = href.strip()
        if base is None and not href.startswith("#"):
            continue
        joined = join_url(page.url or "", href)
        if joined is None or (base is not None and urldefrag(joined)[0].rstrip("/") != base):
            continue
        n = parse_count(a.text_content())
        if n is not None:
            return n
    return None


# ``[itemprop=commentCount], [property='schema:commentCount'], [itemprop=interactionCount],
# [property='schema:interactionCount']``, read as two attribute lists of the page's index:
# the selector's four chains walked each list twice
_MICRODATA = (
    ("itemprop", frozenset({"commentCount", "interactionCount"})),
    ("property", frozenset({"schema:commentCount", "schema:interactionCount"})),
)


def _microdata_count(page: Page) -> int | None:
    """Microdata / RDFa: ``commentCount`` or ``interactionCount`` = "UserComments:4"."""
    index = page.index
    found = {
        el for name, values in _MICRODATA for el in index.with_attr(name) if el.get(name) in values
    }
    for el in sorted(found, key=index.position.__getitem__):
        value = (el.get("content") or el.text_content() or "").strip()
        kind, _, num = value.rpartition(":")
        if (not kind or "Comment" in kind) and num.strip().isdigit():
            return int(num.strip())
    return None


def _jsonld_count(page: Page) -> int | None:
    for obj in page.jsonld:
        value = obj.get("commentCount")
        n = _as_int(value)
        if n is not None:
            return n
        stats = obj.get("interactionStatistic")
        for stat in stats if isinstance(stats, list) else [stats]:
            if not isinstance(stat, dict):
                continue
            kind = stat.get("interactionType")
            kind_s = kind.get("@type", "") if isinstance(kind, dict) else str(kind or "")
            if "Comment" in kind_s:
                n = _as_int(stat.get("userInteractionCount"))
                if n is not None:
                    return n
    return None


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
