"""A bounded memo for the verdicts read from attribute strings.

Pages repeat the same class/id strings on many elements and themes repeat them across
pages, so the extractors keep what they read from each distinct string (a regex verdict,
a weight, a token). One crawl parses many thousand pages: past ``limit`` entries the memo
starts over, so memory stays bounded without the bookkeeping of an LRU.

A dict subclass because the hit is the hot path: ``memo[key]`` is one C-level lookup,
where ``functools.lru_cache`` also moves every hit in its recency list. A miss costs one
Python call more than the hand-written dicts did (``__missing__``). The scans over every
class token of a page ask ``memo.get(key)`` and fall back to ``memo[key]``: one lookup per
known token, where checking all tokens first for new ones (a batch for the misses) looked
each one up twice, and a memo of tens of thousands of tokens makes every lookup a cache miss.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import TypeVar

__all__ = ["Memo", "holding"]

_K = TypeVar("_K")
_V = TypeVar("_V")

_LIMIT = 1 << 16


class Memo(dict[_K, _V]):
    """``compute(key)`` once per key: ``memo[key]``."""

    __slots__ = ("_compute", "_limit")

    def __init__(self, compute: Callable[[_K], _V], limit: int = _LIMIT) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key: _K) -> _V:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._compute(key)
        return value

    def remember(self, key: _K, value: _V) -> None:
        """Keep ``value``, computed by the caller for a batch of misses (see ``holding``)."""
        if len(self) >= self._limit:
            self.clear()
        self[key] = value


def holding(texts: Sequence[str], words: Iterable[str]) -> set[int]:
    """The indexes of the ``texts`` that hold any of ``words``; no text holds a newline.

    For a batch of misses (a page's new class tokens): one ``str.find`` per word and per
    text that holds it, over the texts joined. A regex alternation of the words tried
    every branch at nearly every character of every text (``sre`` skips only characters
    no word starts with), some ten times the instructions.
    """
    joined = "\n".join(texts)
    # ends[k]: where text k+1 starts (one past the newline after text k); built at the
    # first hit, as most batches hold none of the words
    ends: list[int] = []
    found: set[int] = set()
    for word in words:
        at = joined.find(word)
        if at >= 0 and not ends:
            ends = list(accumulate(len(text) + 1 for text in texts))
        while at >= 0:
            k = bisect_right(ends, at)
            found.add(k)
            at = joined.find(word, ends[k]) if k + 1 < len(ends) else -1
    return found
