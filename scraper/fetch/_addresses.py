"""Which hosts the fetcher may connect to: the check that keeps a crawl out of private networks.

A public page must not steer the crawler into the operator's network, so a host that
resolves to a loopback or private address is refused, unless the user named it (a seed)
or allowed private addresses. A host is resolved once; the addresses that passed go into
the ``Pins`` map, which the transport of ``scraper.fetch._pinning`` connects to, so DNS
rebinding between the check and the connection cannot send the request elsewhere.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

from .._errors import DisallowedError, UnreachableError
from .._urls import is_private_address
from ._causes import connect_cause
from ._pinning import Pins

__all__ = ["AddressCheck", "Resolver", "system_resolve"]

Resolver = Callable[[str, int], Awaitable[list[str]]]


async def system_resolve(host: str, port: int) -> list[str]:
    """The host's addresses; ``socket.gaierror`` when the name does not resolve."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class AddressCheck:
    """``trusted_hosts``: ``(host, port)`` pairs, or a bare host name for every port of it,
    that may be loopback or private (a seed on 127.0.0.1:8080 trusts that port, not the
    machine's other services)."""

    def __init__(
        self,
        *,
        allow_private: bool,
        trusted_hosts: Iterable[str | tuple[str, int]],
        resolve: Resolver,
        pins: Pins,
    ) -> None:
        self._allow_private = allow_private
        self._trusted = frozenset(
            (h.lower(), None) if isinstance(h, str) else (h[0].lower(), h[1]) for h in trusted_hosts
        )
        self._resolve = resolve
        self._pins = pins

    async def check(self, url: str) -> None:
        """Resolve the host once, refuse a private address, and pin the addresses that passed
        for the connection (a seed's own host and port, and ``allow_private``, skip both)."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme == "https" else 80)
        key = (host, port)
        if key in self._pins:
            return
        if self._allow_private or (host, None) in self._trusted or key in self._trusted:
            return  # nothing to check, so nothing to pin: the connection resolves as usual
        if _is_ip(host):
            addresses = [host]
        else:
            try:
                addresses = await self._resolve(host, port)
            except OSError as exc:
                raise UnreachableError(url, connect_cause(exc)) from exc
            if not addresses:
                raise UnreachableError(url, "DNS failure: no address")
        bad = next((a for a in addresses if is_private_address(a)), None)
        if bad is not None:
            raise DisallowedError(url, f"private address refused: {host} is {bad}")
        if not _is_ip(host):
            self._pins[key] = tuple(dict.fromkeys(addresses))


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
