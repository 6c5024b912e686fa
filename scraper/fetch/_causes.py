"""httpx's exceptions, once, into ours, with the real cause of a failed connection.

httpx (through anyio) reports a refused port as "All connection attempts failed"; the cause
a user needs ("connection refused", "DNS failure: ...") is further down the exception chain.
"""

from __future__ import annotations

import errno
import socket

import httpx

from .._errors import FetchError, TransientFetchError, UnreachableError

__all__ = ["connect_cause", "translate"]


def translate(url: str, exc: httpx.HTTPError) -> FetchError:
    """httpx's exceptions, once, into ours: transient ones are retried."""
    if isinstance(exc, httpx.ConnectTimeout):
        return UnreachableError(url, "connect timeout")
    if isinstance(exc, httpx.TimeoutException):
        return TransientFetchError(url, "timeout")
    if isinstance(exc, httpx.ConnectError):
        return UnreachableError(url, connect_cause(exc))
    if isinstance(exc, httpx.RemoteProtocolError):
        text = str(exc)
        truncated = "incomplete" in text or "complete message body" in text
        return TransientFetchError(url, "truncated body" if truncated else "connection reset")
    if isinstance(exc, httpx.ReadError | httpx.WriteError | httpx.CloseError):
        return TransientFetchError(url, "connection reset")
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return FetchError(url, "invalid URL")
    return FetchError(url, f"{type(exc).__name__}: {exc}")


ERRNO_CAUSES = {
    errno.ECONNREFUSED: "connection refused",
    errno.EHOSTUNREACH: "no route to host",
    errno.ENETUNREACH: "network unreachable",
    errno.ECONNRESET: "connection reset while connecting",
}


def connect_cause(exc: BaseException) -> str:
    """The real cause of a failed connect, from the chain httpx and anyio wrap it in
    ("All connection attempts failed" hides a refused port)."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, socket.gaierror):
            return f"DNS failure: {seen.strerror or seen}"
        if isinstance(seen, OSError) and seen.errno in ERRNO_CAUSES:
            return ERRNO_CAUSES[seen.errno]
        seen = seen.__cause__ or seen.__context__
    return "connection failed"
