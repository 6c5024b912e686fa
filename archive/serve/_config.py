"""``serve``'s settings as one value, and the origins and headers derived from them."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ServeConfig", "is_loopback"]

DEFAULT_PORT = 8700


def is_loopback(host: str) -> bool:
    """``127.0.0.0/8``, ``::1`` and ``localhost``: the addresses only this machine reaches."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """Where the archive is and how it is served.

    ``replay_port`` is the second origin archived pages are served from (default
    ``port + 1``): a page replayed there can never read or script the app's pages.
    ``allowed_hosts`` are the ``Host`` headers answered (others get 400), which stops a DNS
    rebinding page on the web from reading the archive through the browser.
    """

    archive: Path
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    replay_port: int | None = None
    index_path: Path | None = None
    page_size: int = 50
    allowed_hosts: tuple[str, ...] = ()

    @property
    def replay_port_number(self) -> int:
        return self.replay_port if self.replay_port is not None else self.port + 1

    def hosts(self) -> list[str]:
        """Host names the two origins answer to."""
        names = {self.host, "127.0.0.1", "localhost", "[::1]", *self.allowed_hosts}
        if not is_loopback(self.host) and self.host in ("0.0.0.0", "::"):
            return ["*"]  # bound to every address: the names it is reached by are unknown
        return sorted(names)
