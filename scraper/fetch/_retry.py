"""The retry policy for one URL as one value: which failures are retried, how long to wait.

Exponential backoff with jitter for transient failures (``TransientFetchError``), the
server's ``Retry-After`` (seconds or HTTP date, capped) as the wait when it sent one, a
bounded number of attempts; the sleep is injected (tests record it).
"""

from __future__ import annotations

import email.utils
from collections.abc import Awaitable, Callable
from datetime import UTC

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_exponential_jitter

from .._config import FetchConfig
from .._errors import TransientFetchError

__all__ = ["Sleep", "parse_retry_after", "retry_policy"]

Sleep = Callable[[float], Awaitable[None]]


def parse_retry_after(value: str | None, now: float, cap: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta seconds or HTTP date), capped.

    >>> parse_retry_after("7", 0.0, 120.0)
    7.0
    >>> parse_retry_after("Thu, 01 Jan 1970 00:10:00 GMT", 0.0, 120.0)
    120.0
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, min(when.timestamp() - now, cap))


def retry_policy(config: FetchConfig, sleep: Sleep) -> AsyncRetrying:
    """The retry policy for one URL: retry transient failures only, waits as documented above."""
    backoff = wait_exponential_jitter(
        multiplier=config.backoff_base, max=config.backoff_max, jitter=config.backoff_base
    )

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, TransientFetchError) and exc.retry_after is not None:
            return min(exc.retry_after, config.retry_after_cap)
        return float(backoff(state))

    return AsyncRetrying(
        stop=stop_after_attempt(config.max_attempts),
        wait=wait,
        retry=retry_if_exception_type(TransientFetchError),
        sleep=sleep,
        reraise=True,
    )
