"""The batch reading of class and id words (``word_kinds``) says what ``_word_kind`` says
of each word, one regex search at a time: the batch is only a faster way to ask."""

from __future__ import annotations

from scraper.parse.comments._markers import (
    AREA,
    AREA_KEYS,
    AREA_WORD,
    AUTHORISH,
    DATEISH,
    META_WORD,
    _word_kind,
    word_kinds,
)
from scraper.parse.dom._signals import HINT_MAX

_WORDS = [
    "comments", "comment-list", "itemComments", "commentary", "COMMENT-Area", "disqus_thread",
    "dsq-content", "user-comments", "responses", "talkback", "discussion-box", "no-comment",
    "author", "comment-author", "vcard", "fn", "nickname", "postedOn", "entry-date", "Meta",
    "TIME", "wrapper", "col-md-6", "", " ", "x" * (HINT_MAX + 1) + "comment",
    # characters ``re.I`` matches beyond ``str.lower``: the Kelvin sign, dotted capital I,
    # long s; a newline (an id may hold one)
    "\u212avcard", "t\u0130me", "po\u017fted", "a\nauthor", "comment\nlist", "caf\u00e9-date",
]  # fmt: skip


def test_batch_says_what_each_search_says() -> None:
    assert word_kinds(_WORDS) == [_word_kind(w) for w in _WORDS]


def test_batch_of_one_and_of_none() -> None:
    assert word_kinds([]) == []
    for word in _WORDS:
        assert word_kinds([word]) == [_word_kind(word)]


def test_kinds_are_the_patterns_verdicts() -> None:
    for word in ("comment-list", "entry-date", "comment-author", "wrapper"):
        area = bool(AREA_KEYS.search(word) and AREA.search(word))
        meta = bool(AUTHORISH.search(word) or DATEISH.search(word))
        expected = (AREA_WORD if area else 0) | (META_WORD if meta else 0)
        assert word_kinds([word]) == [expected]
