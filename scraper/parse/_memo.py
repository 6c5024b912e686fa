"""A bounded memo for the verdicts read from attribute strings.

Pages repeat the same class/id strings on many elements and themes repeat them across
pages, so the extractors keep what they read from each distinct string (a regex verdict,
a weight, a token). One crawl parses many thousand pages: past ``limit`` entries the memo
starts over, so memory stays bounded without the bookkeeping of an LRU.

A dict subclass because the hit is the hot path: ``memo[key]`` is one C-level lookup, as
cheap as the ``dict.get`` plus ``is None`` test it replaces, where ``functools.lru_cache``
also moves every hit in its recency list. A miss costs one Python call more than the
hand-written dicts did (``__missing__``): +0.7 % instructions over 120 pages of 120
different sites, where most class strings are new; a crawl reads many pages per site.
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
