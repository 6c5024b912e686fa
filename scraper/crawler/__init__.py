"""The crawl: frontier -> fetch -> sink, polite per host, pages analyzed in worker processes,
storage calls on one writer thread. ``MemoryFrontier``/``MemorySink`` keep a crawl in memory."""

from ._crawler import crawl
from ._events import CrawlEvent, CrawlStats
from ._memory import MemoryFrontier, MemorySink

__all__ = ["CrawlEvent", "CrawlStats", "MemoryFrontier", "MemorySink", "crawl"]
