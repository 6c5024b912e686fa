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

from collections.abc import Callable
from typing import TypeVar

__all__ = ["Memo"]

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
