"""DNS rebinding: a host is resolved once, checked, and connected to at the checked address;
the URL, Host header and SNI keep the name. No test leaves loopback: a "public" address is
never connected to, a recording backend stands in for the network."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import httpcore
import httpx
import pytest

from scraper._config import FetchConfig
from scraper._errors import DisallowedError, FetchError, UnreachableError
from scraper.fetch._fetch import Fetcher
from scraper.fetch._pinning import PinnedBackend, Pins, pinned_transport
from scraper.testing import SiteServer, gen_site

PUBLIC = "93.184.216.34"


class Recording(httpcore.AsyncNetworkBackend):
    """Records where connections go and refuses them all (nothing leaves the machine)."""

    def __init__(self) -> None:
        self.addresses: list[str] = []

    async def connect_tcp(self, host: str, port: int, *args: Any, **kw: Any) -> Any:
        self.addresses.append(host)
        raise httpcore.ConnectError("refused by the test")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def test_rebinding_host_is_connected_at_the_checked_address() -> None:
    answers = iter([[PUBLIC], ["127.0.0.1"], ["127.0.0.1"]])

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    pins: Pins = {}
    backend = Recording()

    async def main() -> Exception | None:
        transport = pinned_transport(pins, limits=httpx.Limits(max_connections=2))
        transport._pool._network_backend = PinnedBackend(pins, backend)  # type: ignore[attr-defined]
        async with httpx.AsyncClient(transport=transport) as client:
            fetcher = Fetcher(client, FetchConfig(max_attempts=2, backoff_base=0.0),
                              resolve=rebinding, pins=pins)  # fmt: skip
            for _ in range(2):
                try:
                    await fetcher.fetch("http://rebind.example/pic.png")
                except FetchError as exc:
                    last: Exception = exc
        return last

    result = asyncio.run(main())
    assert isinstance(result, UnreachableError)
    assert backend.addresses  # it tried to connect ...
    assert set(backend.addresses) == {PUBLIC}  # ... only where the check said


def test_pinned_connection_keeps_the_host_name() -> None:
    with SiteServer(gen_site(2, seed=1)) as srv:
        port = int(srv.url.rsplit(":", 1)[1])

        async def local(host: str, port: int) -> list[str]:
            return ["127.0.0.1"]

        async def main() -> int:
            # As if checked before: blog.test (which DNS does not know) is pinned to loopback.
            pins: Pins = {("blog.test", port): ("127.0.0.1",)}
            transport = pinned_transport(pins, limits=httpx.Limits(max_connections=2))
            async with httpx.AsyncClient(transport=transport) as client:
                fetcher = Fetcher(client, FetchConfig(), resolve=local, pins=pins)
                capture = await fetcher.fetch(f"http://blog.test:{port}/")
            return capture.status

        assert asyncio.run(main()) == 200
        assert srv.requests[-1].header("Host") == f"blog.test:{port}"


def test_a_private_answer_is_refused_and_not_pinned() -> None:
    async def private(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    async def main() -> Exception:
        pins: Pins = {}
        async with httpx.AsyncClient(transport=pinned_transport(pins, limits=httpx.Limits())) as c:
            try:
                await Fetcher(c, FetchConfig(), resolve=private, pins=pins).fetch("http://x.test/")
            except FetchError as exc:
                assert pins == {}
                return exc
        raise AssertionError("fetched")

    assert isinstance(asyncio.run(main()), DisallowedError)


def test_dns_failure_is_named() -> None:
    async def nxdomain(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    async def main() -> Exception:
        async with httpx.AsyncClient() as c:
            try:
                await Fetcher(c, FetchConfig(), resolve=nxdomain).fetch("http://nowhere.test/")
            except FetchError as exc:
                return exc
        raise AssertionError("fetched")

    err = asyncio.run(main())
    assert isinstance(err, UnreachableError)
    assert err.reason == "DNS failure: Name or service not known"


@pytest.mark.parametrize("attr", ["_pool"])
def test_httpx_still_has_the_pool_we_replace(attr: str) -> None:
    assert isinstance(getattr(httpx.AsyncHTTPTransport(), attr), httpcore.AsyncConnectionPool)


def test_a_seed_trusts_its_own_port_only() -> None:
    def ok(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"}, content=b"<p>x</p>")

    async def main(url: str) -> object:
        async with httpx.AsyncClient(transport=httpx.MockTransport(ok)) as c:
            fetcher = Fetcher(c, FetchConfig(), trusted_hosts=[("127.0.0.1", 8000)])
            try:
                return await fetcher.fetch(url)
            except FetchError as exc:
                return exc

    assert not isinstance(asyncio.run(main("http://127.0.0.1:8000/")), FetchError)
    refused = asyncio.run(main("http://127.0.0.1:6379/"))  # another service on that machine
    assert isinstance(refused, DisallowedError)


@pytest.mark.parametrize("rules_of", ["refused", "unreachable"])
def test_refused_or_unreachable_hosts_cost_no_robots_retries(rules_of: str) -> None:
    from scraper.crawler._hosts import RobotsBook
    from scraper.fetch._robots import RobotsRules

    loads: list[str] = []
    waits: list[float] = []

    async def load(origin: str) -> RobotsRules:
        loads.append(origin)
        return getattr(RobotsRules, rules_of)("private address refused: x is 10.0.0.1")

    async def sleep(s: float) -> None:
        waits.append(s)

    book = RobotsBook(load, retry_delay=60.0, retries=2, sleep=sleep)
    rules = asyncio.run(book.rules("http://cdn.internal"))
    assert rules.final
    assert not rules.allowed("http://cdn.internal/a.png", "bot")
    assert (loads, waits) == (["http://cdn.internal"], [])
