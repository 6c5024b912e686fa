"""Per-host politeness and robots.txt state, shared by every worker of one crawl.

``HostGate`` keeps at most ``per_host`` requests in flight per host and spaces their starts
by the host's delay (the configured delay, or robots.txt ``Crawl-delay`` when larger).
``RobotsBook`` fetches robots.txt once per origin (through the gate, so it is polite too)
and applies the unavailable-robots policy documented in ``scraper.fetch._robots``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from ..fetch._retry import Sleep
from ..fetch._robots import RobotsRules, RobotsStatus

__all__ = ["HostGate", "RobotsBook"]


class HostGate:
    def __init__(
        self, per_host: int, sleep: Sleep, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._per_host = max(1, per_host)
        self._sleep = sleep
        self._clock = clock
        self._sems: dict[str, asyncio.Semaphore] = {}
        self._next: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, host: str, delay: float) -> AsyncIterator[None]:
        """Hold one of the host's slots; the next request may start ``delay`` s after this ends."""
        sem = self._sems.setdefault(host, asyncio.Semaphore(self._per_host))
        async with sem:
            wait = self._next.get(host, 0.0) - self._clock()
            if wait > 0:
                await self._sleep(wait)
            try:
                yield
            finally:
                self._next[host] = self._clock() + max(0.0, delay)


class RobotsBook:
    """robots.txt rules per origin, fetched on first need by ``load(origin)``."""

    def __init__(
        self,
        load: Callable[[str], Awaitable[RobotsRules]],
        *,
        retry_delay: float,
        retries: int,
        sleep: Sleep,
    ) -> None:
        self._load = load
        self._retry_delay = retry_delay
        self._retries = retries
        self._sleep = sleep
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def known(self, origin: str) -> RobotsRules | None:
        return self._rules.get(origin)

    async def rules(self, origin: str) -> RobotsRules:
        if origin in self._rules:
            return self._rules[origin]
        async with self._locks.setdefault(origin, asyncio.Lock()):
            if origin in self._rules:
                return self._rules[origin]
            rules = await self._load(origin)
            for _ in range(self._retries):
                if rules.status is not RobotsStatus.UNAVAILABLE:
                    break
                await self._sleep(self._retry_delay)  # the host is disallowed meanwhile
                rules = await self._load(origin)
            self._rules[origin] = rules
            return rules
