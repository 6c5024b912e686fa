"""The crawl: frontier -> fetch -> sink, polite per host, pages analyzed in worker processes,
storage calls on one writer thread. ``PagePool`` is those processes, for a caller that
runs many crawls on one pool. ``MemoryFrontier``/``MemorySink`` keep a crawl in memory."""

from ._crawler import crawl
from ._events import CrawlEvent, CrawlStats
from ._memory import MemoryFrontier, MemorySink
from ._pagepool import PagePool

__all__ = ["CrawlEvent", "CrawlStats", "MemoryFrontier", "MemorySink", "PagePool", "crawl"]
