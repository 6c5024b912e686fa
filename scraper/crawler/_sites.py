"""The crawl's sites: which seeds are whole sites, and each origin's robots.txt.

Split from ``_crawler`` so that the loop reads without the robots.txt policy in it. A seed
at a site's root (or a root-level listing) makes its origin a seed site: its sitemaps and
feeds are queued with it, and so are the sitemaps its robots.txt names. robots.txt is
fetched once per origin through the host gate (polite like any page), shared between the
processes of one crawl on a ``SharedFrontier``, and read up to 500 KiB as Google does. Its
rules are applied to redirect targets only when already loaded (``refuse``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

import httpx

from .._config import CrawlConfig
from .._errors import DisallowedError, FetchError, TooLargeError, UnreachableError
from .._protocols import JobKind, SharedFrontier
from .._urls import Scope, canonicalize, host_of, origin
from ..discover._discover import Found, guess_kind, site_discovery
from ..fetch._fetch import Fetcher, Sleep
from ..fetch._robots import RobotsRules, robots_url
from ._events import CrawlEvent
from ._hosts import HostGate, RobotsBook

__all__ = ["ROBOTS_MAX_BYTES", "SiteContext", "Sites"]

T = TypeVar("T")
ROBOTS_MAX_BYTES = 500 * 1024  # Google's limit: rules past it are ignored


class SiteContext(Protocol):
    """What the sites need of a running crawl (``_crawler._Crawl`` provides it)."""

    @property
    def scope(self) -> Scope:
        """The URLs this crawl may fetch (a robots.txt sitemap outside it is not queued)."""
        ...

    @property
    def fetcher(self) -> Fetcher | None:
        """The crawl's fetcher (made when the crawl starts)."""
        ...

    async def io(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a frontier call on the writer thread."""
        ...

    def emit(self, event: CrawlEvent) -> None:
        """Report an event."""
        ...

    async def queue(self, found: Iterable[Found], via: str | None, depth: int) -> int:
        """Add the URLs never seen in this run to the frontier; returns how many were new."""
        ...


class Sites:
    def __init__(
        self,
        crawl: SiteContext,
        config: CrawlConfig,
        gate: HostGate,
        shared: SharedFrontier | None,
        sleep: Sleep,
    ) -> None:
        self.c = crawl
        self._config = config
        self._gate = gate
        self._shared = shared
        self.origins: set[str] = set()  # the seed sites
        self._robots = RobotsBook(
            self._load,
            retry_delay=config.robots_retry_delay,
            retries=config.robots_retries,
            sleep=sleep,
        )

    def seed_jobs(self, seeds: list[str]) -> list[Found]:
        """The seeds, and the sitemaps and feeds of those that are a site's front page."""
        found = [Found(s, guess_kind(s)) for s in seeds]
        for seed in seeds:
            path = httpx.URL(seed).path
            if path == "/" or (
                path.endswith("/") and path.count("/") == 2 and guess_kind(seed) is JobKind.LISTING
            ):
                self.origins.add(origin(seed))
                if self._config.sitemaps:
                    found += [f for f in site_discovery(seed) if f.kind is JobKind.SITEMAP]
                if self._config.feeds:
                    found += [f for f in site_discovery(seed) if f.kind is JobKind.FEED]
        return found

    async def rules(self, site: str) -> RobotsRules:
        """The robots.txt rules of origin ``site``, loaded on first need."""
        return await self._robots.rules(site)

    def refuse(self, url: str) -> str | None:
        """Why a redirect target may not be followed (robots.txt), as far as already known.

        Only rules already loaded are consulted (always the case for a same-site redirect):
        loading another host's robots.txt here could wait on that host's politeness slot
        while holding this one's.
        """
        if not self._config.obey_robots:
            return None
        rules = self._robots.known(origin(url))
        if rules is not None and not rules.allowed(url, self._config.fetch.full_user_agent):
            return rules.reason or "robots.txt disallows"
        return None

    async def _load(self, site: str) -> RobotsRules:
        fetcher = self.c.fetcher
        assert fetcher is not None
        url = robots_url(site)
        shared = self._shared
        known = await self.c.io(shared.known_robots, site) if shared is not None else None
        if known is not None:  # another process of this crawl fetched it
            rules = RobotsRules.from_response(*known)
        else:
            async with self._gate.slot(host_of(url), self._config.delay):
                try:
                    capture = await fetcher.fetch(
                        url, retry_unreachable=False, max_bytes=ROBOTS_MAX_BYTES
                    )
                except TooLargeError as exc:  # the first 500 KiB apply, the rest is ignored
                    self.c.emit(
                        CrawlEvent(
                            "warning",
                            url,
                            reason=f"robots.txt {exc.reason}: "
                            "only its first 500 KiB are read (not archived)",
                        )
                    )
                    return await self._read(site, RobotsRules.from_response(200, exc.head))
                except UnreachableError as exc:
                    return RobotsRules.unreachable(exc.reason)
                except DisallowedError as exc:
                    return RobotsRules.refused(exc.reason)
                except FetchError as exc:
                    return RobotsRules.unavailable(exc.reason)
            body = capture.content or capture.body
            rules = RobotsRules.from_response(capture.status, body)
            if shared is not None:
                delay = rules.crawl_delay(self._config.fetch.full_user_agent) or 0.0
                await self.c.io(shared.save_robots, site, capture.status, body, delay)
        return await self._read(site, rules)

    async def _read(self, site: str, rules: RobotsRules) -> RobotsRules:
        """A seed site's robots.txt was read (whole, or its first 500 KiB): queue the
        sitemaps it names, which a huge file names in its head as well."""
        url = robots_url(site)
        if not self._config.obey_robots:
            self.c.emit(CrawlEvent("warning", url, reason="robots.txt ignored (--ignore-robots)"))
        if site in self.origins and self._config.sitemaps:
            maps = [canonicalize(u, url) for u in rules.sitemaps]
            found = [Found(u, JobKind.SITEMAP) for u in maps if u and self.c.scope.has_host(u)]
            await self.c.queue(found, url, 1)
        return rules
