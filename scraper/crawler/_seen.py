"""The URLs a crawl has already seen in this run, at 8-16 bytes a URL instead of ~150.

A sitemap index may list a million URLs. Kept as a ``set`` of strings they cost the
crawler ~150 MB (a 100-byte string plus its slot each), the largest thing in the process;
the frontier on disk already dedups exactly, this set only spares it the URLs that are
found again and again (every listing links to the same posts) and keeps the trap budget
from counting a URL twice. So it keeps each URL's 64-bit ``hash()`` in one flat ``array``
with open addressing: 8 bytes a slot, at most 70 % full.

Two different URLs with the same 64-bit hash would make the second look seen; with a
million URLs the chance that this happens at all in a run is ~3e-8 (``hash`` of a ``str``
is SipHash, keyed per process, so a hostile site cannot aim for it either).
"""

from __future__ import annotations

from array import array

__all__ = ["SeenSet"]

_MIN_SLOTS = 1 << 12
_EMPTY = 0


class SeenSet:
    """A set of URLs that answers ``add`` (new or not) and ``in``; nothing can be removed."""

    __slots__ = ("_mask", "_n", "_table")

    def __init__(self) -> None:
        self._table = array("q", bytes(8 * _MIN_SLOTS))
        self._mask = _MIN_SLOTS - 1
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def __contains__(self, url: object) -> bool:
        h = hash(url) or 1  # 0 marks an empty slot
        table, mask = self._table, self._mask
        i = h & mask
        while (v := table[i]) != _EMPTY:
            if v == h:
                return True
            i = (i + 1) & mask
        return False

    def add(self, url: str) -> bool:
        """Remember ``url``; ``True`` if it was not seen before."""
        h = hash(url) or 1
        table, mask = self._table, self._mask
        i = h & mask
        while (v := table[i]) != _EMPTY:
            if v == h:
                return False
            i = (i + 1) & mask
        table[i] = h
        self._n += 1
        if self._n * 10 > (mask + 1) * 7:
            self._grow()
        return True

    def _grow(self) -> None:
        old = self._table
        size = 2 * len(old)
        table = array("q", bytes(8 * size))
        mask = size - 1
        for h in old:
            if h != _EMPTY:
                i = h & mask
                while table[i] != _EMPTY:
                    i = (i + 1) & mask
                table[i] = h
        self._table, self._mask = table, mask
