"""One exception tree for the whole tool; callers catch the base or a branch.

    ScraperError
    ├── ParseError             the bytes could not be read as a page (empty, binary, too large)
    ├── FetchError             a URL could not be captured (carries ``url`` and ``reason``)
    │   ├── TransientFetchError    worth retrying: timeouts, resets, 5xx, 429, truncated bodies
    │   │   └── UnreachableError   no connection at all: refused, DNS failure, connect timeout
    │   ├── HTTPStatusError        a final non-success status (404, 410, 403 ...)
    │   ├── TooLargeError          body (or decompressed body) over the size cap
    │   ├── DisallowedError        robots.txt forbids it, or the address is out of bounds
    │   └── UnsupportedContentError  a content type the crawl does not keep
    └── ArchiveError           (in ``archive``) WARC, catalog and export failures

Third-party exceptions (httpx, lxml, sqlite3) are translated once, at the module that
calls them, so that nothing above needs to know which library failed.
"""

from __future__ import annotations

__all__ = [
    "DisallowedError",
    "FetchError",
    "HTTPStatusError",
    "ParseError",
    "ScraperError",
    "TooLargeError",
    "TransientFetchError",
    "UnreachableError",
    "UnsupportedContentError",
]


class ScraperError(Exception):
    """Base of every error this project raises on purpose."""


class ParseError(ScraperError):
    """A page could not be parsed; ``source`` names the page (path or URL)."""

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)


class FetchError(ScraperError):
    """A URL could not be captured; ``reason`` is short and stable enough to group by."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class TransientFetchError(FetchError):
    """A failure that may pass: retried with backoff; ``retry_after`` is the server's wish (s)."""

    def __init__(self, url: str, reason: str, retry_after: float | None = None) -> None:
        super().__init__(url, reason)
        self.retry_after = retry_after


class UnreachableError(TransientFetchError):
    """No connection could be made (refused, name does not resolve, connect timeout).

    Retried for a page of a host that answered before (a restart); not for a host's first
    request, robots.txt, where it means the site cannot be reached at all and the crawl
    should say so at once instead of waiting through backoffs."""


class HTTPStatusError(FetchError):
    def __init__(self, url: str, status: int) -> None:
        super().__init__(url, f"HTTP {status}")
        self.status = status


class TooLargeError(FetchError):
    """``head``: the decoded bytes read before the cap, when the caller can use a prefix
    (robots.txt is read up to 500 KiB, as Google does, and the rest ignored)."""

    def __init__(self, url: str, reason: str, head: bytes = b"") -> None:
        super().__init__(url, reason)
        self.head = head


class DisallowedError(FetchError):
    pass


class UnsupportedContentError(FetchError):
    pass
