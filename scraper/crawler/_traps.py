"""Crawler traps: URL spaces without end that a hostile or careless site offers.

A calendar that links to ever newer months, ``?page=N`` that never runs dry, a path that
repeats itself (``/a/b/a/b/a/b/``), a listing reached only through hundreds of listings:
each page is new to the frontier, so a crawl that trusts links never finishes. Heritrix
and Scrapy users meet these on real blogs; the rules here are the ones they use:

* a path segment repeated ``max_repeats`` times or more, or a path deeper than
  ``max_path_depth`` segments;
* a date in the URL (``/2031/07/``, ``?month=2031-07``) later than next year;
* more than ``max_query_variants`` distinct queries on one path (query churn);
* a listing more than ``max_listing_depth`` listings away from its seed;
* a per-host page budget (``max_pages_per_host``): past it, "budget reached". It is the
  crawl's: a resumed crawl first counts what its earlier runs queued (``remember``).

Session-id parameters are not a trap here: ``canonicalize`` strips them, so the same page
under a new id is the same URL. The guard is pure bookkeeping on the event loop's thread
(no I/O); ``verdict`` returns the reason a URL is refused, or ``None``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from .._protocols import JobKind

__all__ = ["TrapGuard", "TrapLimits"]

_PAGE_KINDS = frozenset({JobKind.LISTING, JobKind.POST, JobKind.COMMENTS})
_YEAR_IN_PATH = re.compile(r"(?:^|/)((?:19|20|21)\d{2})(?=/|$)")  # a segment that is a year
_YEAR_IN_QUERY = re.compile(r"=((?:19|20|21)\d{2})(?=$|[&/-])")  # ?month=2031-07, ?y=2031


@dataclass(frozen=True, slots=True, kw_only=True)
class TrapLimits:
    """How much of a URL space the crawl explores before calling it a trap."""

    max_repeats: int = 3  # the same path segment this often: /a/b/a/b/a/
    max_path_depth: int = 16  # path segments
    max_query_variants: int = 200  # distinct queries on one path
    max_listing_depth: int = 1000  # listings between a seed and this listing
    max_pages_per_host: int = 100_000  # pages queued per host by the crawl (all its runs)
    future_years: int = 1  # a date archive this many years past today is a calendar trap
    max_api_pages: int = 2_000  # REST API pages per endpoint (100 posts each)


class TrapGuard:
    """Per-run state of the trap rules; ``verdict`` is called once per new URL."""

    def __init__(self, limits: TrapLimits | None = None, today: date | None = None) -> None:
        self.limits = limits or TrapLimits()
        self._last_year = (today or date.today()).year + self.limits.future_years
        self._variants: dict[tuple[str, str], int] = {}
        self._pages: Counter[str] = Counter()

    def verdict(self, url: str, kind: JobKind, depth: int) -> str | None:
        """Why ``url`` (found at ``depth``) must not be queued, or ``None``."""
        lim = self.limits
        parts = urlsplit(url)
        host = parts.netloc
        if kind is JobKind.API:  # "loop until an empty page": a server may never send one
            return self._churn(host, parts.path, parts.query, lim.max_api_pages)
        if kind not in _PAGE_KINDS:
            return None
        if self._pages[host] >= lim.max_pages_per_host:
            return f"budget reached: {lim.max_pages_per_host:,} pages from {host}"
        segments = [s for s in parts.path.split("/") if s]
        if len(segments) > lim.max_path_depth:
            return f"trap: path deeper than {lim.max_path_depth} segments"
        if segments:
            seg, n = Counter(segments).most_common(1)[0]
            if n >= lim.max_repeats and not seg.isdigit():
                return f"trap: path segment {seg!r} repeated {n} times"
        if self._future(parts.path, _YEAR_IN_PATH) or self._future(parts.query, _YEAR_IN_QUERY):
            return f"trap: date archive after {self._last_year} (an endless calendar)"
        if kind is JobKind.LISTING and depth > lim.max_listing_depth:
            return f"trap: listing more than {lim.max_listing_depth} listings deep"
        if (why := self._churn(host, parts.path, parts.query, lim.max_query_variants)) is not None:
            return why
        self._pages[host] += 1
        return None

    def remember(self, url: str, kind: JobKind) -> None:
        """Count ``url``, queued by an earlier run of this crawl, as ``verdict`` counted it
        then: a resumed crawl's budget and query variants go on from where they were."""
        if kind is not JobKind.API and kind not in _PAGE_KINDS:
            return
        # A stored URL is canonical (scheme://host/path?query, no fragment): a split on "/"
        # gives what urlsplit would, at a fifth of its cost over a million URLs.
        _scheme, _empty, host, rest = [*url.split("/", 3), ""][:4]
        path, mark, query = rest.partition("?")
        if mark and query:
            key = (host, "/" + path)
            self._variants[key] = self._variants.get(key, 0) + 1
        if kind is not JobKind.API:
            self._pages[host] += 1

    def _churn(self, host: str, path: str, query: str, limit: int) -> str | None:
        if not query:
            return None
        key = (host, path)
        seen = self._variants.get(key, 0)
        if seen >= limit:
            return f"trap: more than {limit} query variants of {path}"
        self._variants[key] = seen + 1
        return None

    def _future(self, text: str, pattern: re.Pattern[str]) -> bool:
        return any(int(y) > self._last_year for y in pattern.findall(text))
