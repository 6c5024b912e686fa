"""A bounded memo for the verdicts read from attribute strings.

Pages repeat the same class/id strings on many elements and themes repeat them across
pages, so the extractors keep what they read from each distinct string (a regex verdict,
a weight, a token). One crawl parses many thousand pages: past ``limit`` entries the memo
starts over, so memory stays bounded without the bookkeeping of an LRU.

A dict subclass because the hit is the hot path: ``memo[key]`` is one C-level lookup,
where ``functools.lru_cache`` also moves every hit in its recency list. A miss costs one
Python call more than the hand-written dicts did (``__missing__``); the scans over every
token of a page, where most tokens are new on a site's first page, call ``learn`` first.
"""

from __future__ import annotations

from collections.abc import Callable, KeysView
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

    def learn(self, keys: KeysView[_K]) -> None:
        """Compute every one of ``keys`` not known yet, in one call: for a scan over all
        the tokens of a page, most of them new on a site's first page, where a
        ``__missing__`` call per token would double the cost of the misses."""
        new = [key for key in keys if key not in self]  # ``keys - self.keys()`` walks self
        if not new:
            return
        if len(self) + len(new) > self._limit:
            self.clear()
        compute = self._compute
        for key in new:
            self[key] = compute(key)
