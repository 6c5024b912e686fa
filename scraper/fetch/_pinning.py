"""Connect to the address that was checked: the defence against DNS rebinding.

The fetcher resolves a host once, refuses it when an address is private (unless allowed),
and records the address it approved in a ``Pins`` map. The httpx transport built here
connects to that address instead of asking DNS again, so a name that answers a public
address to the check and 127.0.0.1 to the connection (rebinding) still reaches the public
one. Only the TCP connection is redirected: the URL, the ``Host`` header, TLS SNI and
certificate checks keep the host name.

httpx does not take a network backend, so the transport's connection pool is rebuilt with
one (``httpcore.AsyncConnectionPool(network_backend=...)``, the same settings httpx uses);
``tests/fetch/test_pinning.py`` fails loudly if a new httpx moves that attribute.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable, MutableMapping
from typing import Any

import httpcore
import httpx

__all__ = ["PinnedBackend", "Pins", "pinned_transport"]

#: ``(host, port) -> addresses`` approved by the fetcher (host lowercase, as in the URL),
#: tried in order (``localhost`` may be ::1 first with a server on 127.0.0.1 only).
Pins = MutableMapping[tuple[str, int], tuple[str, ...]]


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """anyio's backend, except that a pinned host is connected to by its pinned address."""

    def __init__(self, pins: Pins, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._pins = pins
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = self._pins.get((host.lower(), port)) or (host,)
        for i, address in enumerate(addresses):
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )  # fmt: skip
            except httpcore.ConnectError:
                if i == len(addresses) - 1:
                    raise
        raise AssertionError("unreachable: at least one address is tried")

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:  # pragma: no cover - the crawler never uses sockets
        return await self._inner.connect_unix_socket(
            path, timeout=timeout, socket_options=socket_options
        )

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def pinned_transport(
    pins: Pins, *, limits: httpx.Limits, verify: ssl.SSLContext | bool = True
) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose connections go to the pinned addresses."""
    transport = httpx.AsyncHTTPTransport(limits=limits, verify=verify)
    old = getattr(transport, "_pool", None)
    if not isinstance(old, httpcore.AsyncConnectionPool):
        raise RuntimeError("httpx.AsyncHTTPTransport changed: cannot pin addresses")
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=getattr(old, "_ssl_context", None),  # httpx's, as it built it
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        http1=True,
        http2=False,
        network_backend=PinnedBackend(pins),
    )
    return transport
