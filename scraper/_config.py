"""The crawl's settings as one frozen, typed value; only the CLI reads flags and builds it.

``CrawlConfig`` is what ``crawl()`` takes. ``FetchConfig`` is the subset the fetcher needs
(``CrawlConfig.fetch`` derives it), so that fetch tests do not have to think about discovery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ._version import __version__

__all__ = ["DEFAULT_USER_AGENT", "CrawlConfig", "FetchConfig", "Timeouts"]

# The project's name and version only: a contact URL is the operator's to give (--contact);
# naming one this project does not own would send site owners to a stranger.
DEFAULT_USER_AGENT = f"blog-archiver/{__version__}"
MB = 1024 * 1024


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


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchConfig:
    """How one URL is fetched: identity, caps, timeouts, retry policy, redirect rules."""

    user_agent: str = DEFAULT_USER_AGENT
    max_bytes: int = 20 * MB  # raw and decompressed payload cap
    timeout: Timeouts = field(default_factory=Timeouts)
    max_attempts: int = 4
    backoff_base: float = 1.0  # first retry waits about this long (jittered), then doubles
    backoff_max: float = 60.0
    retry_after_cap: float = 120.0  # a server's Retry-After is honoured up to this
    max_redirects: int = 10
    allow_private: bool = False  # let public pages lead to loopback/private/link-local hosts
    assets: bool = False  # keep images, CSS, JS ... (else only pages, feeds, sitemaps, JSON)


@dataclass(frozen=True, slots=True, kw_only=True)
class CrawlConfig:
    """Everything ``crawl()`` needs; defaults are polite (1 request per host, 1 s apart)."""

    delay: float = 1.0  # seconds between requests to one host (robots Crawl-delay if larger)
    concurrency: int = 8  # requests in flight overall
    per_host: int = 1  # requests in flight per host
    max_pages: int | None = None  # stop after this many HTML pages (the rest stays queued)
    since: date | None = None  # skip posts published before this day
    user_agent: str = DEFAULT_USER_AGENT
    contact: str | None = None  # URL or e-mail appended to the User-Agent
    max_bytes: int = 20 * MB
    timeout: Timeouts | float = field(default_factory=Timeouts)
    max_attempts: int = 4
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    retry_after_cap: float = 120.0
    max_redirects: int = 10
    obey_robots: bool = True
    robots_retry_delay: float = 60.0  # robots.txt 5xx/unreachable: wait, then ask again
    robots_retries: int = 2  # ... this many times before treating the host as disallowed
    scope: tuple[str, ...] = ()  # extra hosts ("cdn.example") or URL prefixes in scope
    assets: bool = False
    allow_private: bool = False
    wp_json: bool = True  # use the WordPress REST API for discovery and comment checks
    sitemaps: bool = True  # look for /wp-sitemap.xml, /sitemap.xml ... at site seeds
    feeds: bool = True

    @property
    def full_user_agent(self) -> str:
        """The User-Agent sent: the tool's name and version, plus the contact when given."""
        if not self.contact:
            return self.user_agent
        if self.user_agent.endswith(")"):
            return f"{self.user_agent[:-1]}; {self.contact})"
        return f"{self.user_agent} ({self.contact})"

    @property
    def fetch(self) -> FetchConfig:
        timeout = self.timeout
        if not isinstance(timeout, Timeouts):
            t = float(timeout)
            timeout = Timeouts(connect=t, read=t, write=t, pool=t, total=max(t, 180.0))
        return FetchConfig(
            user_agent=self.full_user_agent,
            max_bytes=self.max_bytes,
            timeout=timeout,
            max_attempts=self.max_attempts,
            backoff_base=self.backoff_base,
            backoff_max=self.backoff_max,
            retry_after_cap=self.retry_after_cap,
            max_redirects=self.max_redirects,
            allow_private=self.allow_private,
            assets=self.assets,
        )
