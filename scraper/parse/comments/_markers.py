"""Which elements speak of comments: the words of ids and classes that name a comment area,
an item, an author or a date, read once per word from the page's index (``hinted_sets``),
and the tag-plus-class signature repeated items share (``signature``). ``_generic`` builds
its areas and items on these."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .._memo import Memo, holding
from ..dom._page import Page
from ..dom._signals import HINT_MAX

__all__ = [
    "AREA", "AUTHORISH", "COMMENTISH", "DATEISH", "HEX_DIGITS", "ITEM_ID", "ITEM_TAGS",
    "META_WORD", "MIN_TEXT", "NOT_AREA", "Sig", "hint_of", "hinted", "hinted_sets",
    "signature", "word_kinds",
]  # fmt: skip

AREA = re.compile(
    # a word's start: after a separator, or inside a camelCase name ("itemComments")
    r"(?:^|[-_\s]|(?-i:(?<=[a-z])(?=C)))(?:comments?|commentlist|comment-?list|comments?-?area|comments?-?block|"
    r"disqus_thread|dsq-content|dsq-comments|discussion|responses|user-?comments|"
    r"reader-?comments|talkback|commentary)(?:$|[-_\s]|(?-i:[A-Z]))",
    re.I,
)
AREA_KEYS = re.compile(r"comment|disqus|dsq|discussion|responses|talkback", re.I)
# "commentary" (an opinion column) and "responsive" (a layout flag) are no comments
COMMENTISH = re.compile(r"comment(?!ary)|dsq|reply|respon(?!sive)", re.I)
# comment-123, li-comment-123, dsq-comment-123, lf_comment_123, c123, cmt-123
# (or a hex id: comment-5023c5aeeab8eaf833000003)
ITEM_ID = re.compile(
    r"^(?:[a-z]+[-_])*(?:comment|cmt|c|reply|dsq)[-_]?(?:\d+|[0-9a-f]{12,})$", re.I
)
HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
# dd is no item: in a dl thread the dt is, and its dd siblings are read with it.
ITEM_TAGS = frozenset({"li", "div", "article", "section", "dt", "tr", "table", "dl", "ul", "ol"})
# a digit marks a state or a number ("depth-2", "comment-123"), except in a short
# namespace prefix that names the kind ("d2-comment", "h5-item")
_STATE = re.compile(
    r"(?<!^[a-z])(?<!^[a-z]{2})\d|\d(?![-_]?[a-z])|"
    r"^(?:even|odd|alt|first|last|parent|byuser|bypostauthor|thread-|depth-|"
    r"comment-author-|new|highlight|selected|clearfix|cf|group)",
    re.I,
)
AUTHORISH = re.compile(r"author|user|name|fn|vcard|poster|commenter|nick", re.I)
DATEISH = re.compile(r"date|time|posted|meta", re.I)
MIN_TEXT = 20
NOT_AREA = frozenset(
    {"body", "html", "head", "link", "script", "style", "meta", "a", "span", "form"}
)


def hint_of(el: HtmlElement) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''}"


Sig = tuple[str, str]


def signature(el: HtmlElement) -> Sig:
    """Tag plus the first stable class token.

    Later tokens vary between items of one list (``authored-by-Eve``, ``comment-author-x``,
    ``even``, ``depth-2``), the first one names the kind of element.
    """
    cls = el.get("class")
    if not cls:
        return el.tag, ""
    return el.tag, _SIG_TOKENS[cls]


# the signature's token per class attribute: the items of a list repeat theirs
_SIG_TOKENS: Memo[str, str] = Memo(
    lambda cls: next((t for t in cls.split() if not _STATE.search(t)), "")
)


def hinted(page: Page) -> list[HtmlElement]:
    """Elements whose id or a class token speaks of comments, in document order: a
    superset of those ``AREA`` finds in their hint (a match never spans two tokens), read
    from the page's index instead of testing every element."""
    return hinted_sets(page)[0]


def hinted_sets(page: Page) -> tuple[list[HtmlElement], set[HtmlElement]]:
    """(``hinted``, the elements whose id or a class token is author- or date-like: those
    ``_looks_like_item`` finds by their hint), from one pass over the index's words."""
    found: tuple[list[HtmlElement], set[HtmlElement]] = page.memo(
        "comment-hinted", lambda: _read_hints(page)
    )
    return found


def _read_hints(page: Page) -> tuple[list[HtmlElement], set[HtmlElement]]:
    index = page.index
    found: set[HtmlElement] = set()
    meta: set[HtmlElement] = set()
    memo = _KIND_MEMO
    get = memo.get  # one lookup per known word (see ``Memo``)
    missing: list[tuple[str, list[HtmlElement]]] = []
    hinted: list[tuple[int, list[HtmlElement]]] = []
    for table in (index.by_class, index.by_id):
        for word, members in table.items():
            kind = get(word)
            if kind is None:
                missing.append((word, members))
            elif kind:
                hinted.append((kind, members))
    if missing:  # new words, read in one batch (a new site's page has hundreds)
        kinds = word_kinds([word for word, _ in missing])
        for (word, members), kind in zip(missing, kinds, strict=True):
            memo.remember(word, kind)
            hinted.append((kind, members))
    for kind, members in hinted:
        if kind & AREA_WORD:
            found.update(members)
        if kind & META_WORD:
            meta.update(members)
    return sorted(found, key=index.position.__getitem__), meta


AREA_WORD = 1  # may be an area's hint (``AREA``)
META_WORD = 2  # an author- or date-like hint (``AUTHORISH``, ``DATEISH``)


def _word_kind(word: str) -> int:
    if len(word) > HINT_MAX:  # no real class or id; a hostile megabyte costs seconds here
        return 0
    # the cheap gate first: every ``AREA`` match holds an ``AREA_KEYS`` word
    area = AREA_KEYS.search(word) is not None and AREA.search(word) is not None
    meta = AUTHORISH.search(word) is not None or DATEISH.search(word) is not None
    return (AREA_WORD if area else 0) | (META_WORD if meta else 0)


# the words ``AREA_KEYS``, ``AUTHORISH`` and ``DATEISH`` search for, in lower case
_AREA_KEY_WORDS = ("comment", "disqus", "dsq", "discussion", "responses", "talkback")
_META_WORDS = (
    "author", "user", "name", "fn", "vcard", "poster", "commenter", "nick",
    "date", "time", "posted", "meta",
)  # fmt: skip


def word_kinds(words: list[str]) -> list[int]:
    """``_word_kind`` of each of ``words``, for a batch of memo misses.

    Three case-blind regex searches per word were most of a first parse's regex time
    (a new site's page brings hundreds of new words). For an ASCII word the searches of
    literal words are ``str.find`` over the batch lower-cased and joined (``holding``);
    ``AREA`` itself runs only on the words holding an ``AREA_KEYS`` word, as before. A
    word with other characters (where ``re.I`` matches more than ``lower()`` gives: the
    Kelvin sign, dotted capital I) or a newline, or a long one, asks ``_word_kind``."""
    kinds = [0] * len(words)
    batch: list[int] = []
    for i, word in enumerate(words):
        if word.isascii() and "\n" not in word and len(word) <= HINT_MAX:
            batch.append(i)
        else:
            kinds[i] = _word_kind(word)
    if not batch:
        return kinds
    lows = "\n".join([words[i] for i in batch]).lower().split("\n")
    for k in holding(lows, _META_WORDS):
        kinds[batch[k]] = META_WORD
    for k in holding(lows, _AREA_KEY_WORDS):
        if AREA.search(words[batch[k]]) is not None:
            kinds[batch[k]] |= AREA_WORD
    return kinds


# ``_word_kind`` per class token or id: a site's pages share their tokens, and the
# verdict is the page's most frequent question here
_KIND_MEMO: Memo[str, int] = Memo(_word_kind)
