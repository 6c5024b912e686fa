"""The crawl's settings as one frozen, typed value; only the CLI reads flags and builds it.

``CrawlConfig`` is what ``crawl()`` takes; how each URL is fetched is its ``fetch``, a
``FetchConfig`` (what the fetcher alone needs, so fetch tests need not think about
discovery). Every value is checked when it is built: a crawl with ``concurrency=0`` would
return at once having fetched nothing, and say nothing about why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from ._version import __version__

__all__ = ["DEFAULT_USER_AGENT", "CrawlConfig", "FetchConfig", "Timeouts"]

# The project's name and version only: a contact URL is the operator's to give (--contact);
# naming one this project does not own would send site owners to a stranger.
DEFAULT_USER_AGENT = f"blog-archiver/{__version__}"
MB = 1024 * 1024


def _at_least(owner: str, name: str, value: object, low: float, *, integer: bool) -> None:
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        kind = "an integer" if integer else "a number"
        raise ValueError(f"{owner}.{name} must be {kind}, not {value!r}")
    if not (math.isfinite(value) and value >= low):
        raise ValueError(f"{owner}.{name} must be >= {low:g}, not {value!r}")


def _flags(owner: str, obj: object, *names: str) -> None:
    for name in names:
        if not isinstance(getattr(obj, name), bool):
            raise ValueError(f"{owner}.{name} must be True or False, not {getattr(obj, name)!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeouts:
    """Seconds per phase of one request (httpx.Timeout's fields), and ``total``: the deadline
    of the whole request, since a server trickling one byte every few seconds never lets a
    read timeout fire and would hold its host's slot for ever."""

    connect: float = 10.0
    read: float = 30.0
    write: float = 30.0
    pool: float = 60.0
    total: float = 180.0

    def __post_init__(self) -> None:
        for name in ("connect", "read", "write", "pool", "total"):
            value = getattr(self, name)
            _at_least("Timeouts", name, value, 0, integer=False)
            if value == 0:
                raise ValueError(f"Timeouts.{name} must be > 0, not {value!r}")

    @classmethod
    def all(cls, seconds: float) -> Timeouts:
        """The same limit for every phase; the whole request's deadline no shorter than the
        default's."""
        t = seconds
        return cls(connect=t, read=t, write=t, pool=t, total=max(t, cls().total))


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchConfig:
    """How one URL is fetched: identity, caps, timeouts, retry policy, redirect rules."""

    user_agent: str = DEFAULT_USER_AGENT
    contact: str | None = None  # URL or e-mail appended to the User-Agent
    max_bytes: int = 20 * MB  # raw and decompressed payload cap
    timeout: Timeouts = field(default_factory=Timeouts)
    max_attempts: int = 4
    backoff_base: float = 1.0  # first retry waits about this long (jittered), then doubles
    backoff_max: float = 60.0
    retry_after_cap: float = 120.0  # a server's Retry-After is honoured up to this
    max_redirects: int = 10
    allow_private: bool = False  # let public pages lead to loopback/private/link-local hosts
    assets: bool = False  # keep images, CSS, JS ... (else only pages, feeds, sitemaps, JSON)

    def __post_init__(self) -> None:
        owner = "FetchConfig"
        if not isinstance(self.user_agent, str) or not self.user_agent.strip():
            raise ValueError(f"{owner}.user_agent must be a non-empty string")
        if self.contact is not None and (
            not isinstance(self.contact, str) or not self.contact.strip()
        ):
            raise ValueError(f"{owner}.contact must be a non-empty string or None")
        if any(c in s for s in (self.user_agent, self.contact or "") for c in "\r\n"):
            raise ValueError(f"{owner}.user_agent and contact must be one line each")
        _at_least(owner, "max_bytes", self.max_bytes, 1, integer=True)
        if not isinstance(self.timeout, Timeouts):
            raise ValueError(f"{owner}.timeout must be a Timeouts, not {self.timeout!r}")
        _at_least(owner, "max_attempts", self.max_attempts, 1, integer=True)
        _at_least(owner, "backoff_base", self.backoff_base, 0, integer=False)
        _at_least(owner, "backoff_max", self.backoff_max, self.backoff_base, integer=False)
        _at_least(owner, "retry_after_cap", self.retry_after_cap, 0, integer=False)
        _at_least(owner, "max_redirects", self.max_redirects, 0, integer=True)
        _flags(owner, self, "allow_private", "assets")

    @property
    def full_user_agent(self) -> str:
        """The User-Agent sent: the tool's name and version, plus the contact when given."""
        if not self.contact:
            return self.user_agent
        if self.user_agent.endswith(")"):
            return f"{self.user_agent[:-1]}; {self.contact})"
        return f"{self.user_agent} ({self.contact})"


@dataclass(frozen=True, slots=True, kw_only=True)
class CrawlConfig:
    """Everything ``crawl()`` needs; defaults are polite (1 request per host, 1 s apart)."""

    delay: float = 1.0  # seconds between requests to one host (robots Crawl-delay if larger)
    concurrency: int = 8  # requests in flight overall
    per_host: int = 1  # requests in flight per host
    max_pages: int | None = None  # stop after this many HTML pages (the rest stays queued)
    since: date | None = None  # skip posts published before this day
    obey_robots: bool = True
    robots_retry_delay: float = 60.0  # robots.txt 5xx/unreachable: wait, then ask again
    robots_retries: int = 2  # ... this many times before treating the host as disallowed
    scope: tuple[str, ...] = ()  # extra hosts ("cdn.example") or URL prefixes in scope
    wp_json: bool = True  # use the WordPress REST API for discovery and comment checks
    sitemaps: bool = True  # look for /wp-sitemap.xml, /sitemap.xml ... at site seeds
    feeds: bool = True
    # What parsing one page may cost a parse worker, counted from when the worker starts it:
    # over either, the worker is killed and replaced and the page fails with the reason.
    # None: no limit. Memory is resident bytes over the worker's when it started the page
    # (libxml2's included; Linux only).
    parse_time_limit: float | None = 30.0  # seconds
    parse_memory_limit: int | None = 200 * MB  # bytes
    fetch: FetchConfig = field(default_factory=FetchConfig)

    def __post_init__(self) -> None:
        owner = "CrawlConfig"
        _at_least(owner, "delay", self.delay, 0, integer=False)
        _at_least(owner, "concurrency", self.concurrency, 1, integer=True)
        _at_least(owner, "per_host", self.per_host, 1, integer=True)
        if self.max_pages is not None:
            _at_least(owner, "max_pages", self.max_pages, 1, integer=True)
        if self.since is not None and not isinstance(self.since, date):
            raise ValueError(f"{owner}.since must be a date or None, not {self.since!r}")
        _at_least(owner, "robots_retry_delay", self.robots_retry_delay, 0, integer=False)
        _at_least(owner, "robots_retries", self.robots_retries, 0, integer=True)
        if not isinstance(self.scope, tuple) or not all(
            isinstance(s, str) and s.strip() for s in self.scope
        ):
            raise ValueError(f"{owner}.scope must be a tuple of hosts or URL prefixes")
        _flags(owner, self, "obey_robots", "wp_json", "sitemaps", "feeds")
        if self.parse_time_limit is not None:
            _at_least(owner, "parse_time_limit", self.parse_time_limit, 0.001, integer=False)
        if self.parse_memory_limit is not None:
            _at_least(owner, "parse_memory_limit", self.parse_memory_limit, MB, integer=True)
        if not isinstance(self.fetch, FetchConfig):
            raise ValueError(f"{owner}.fetch must be a FetchConfig, not {self.fetch!r}")
