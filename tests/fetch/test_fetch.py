"""The fetcher against httpx.MockTransport: retries, caps, redirects, addresses, decoding."""

from __future__ import annotations

import asyncio
import email.utils
import gzip
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from scraper._config import CrawlConfig, FetchConfig, Timeouts
from scraper._errors import DisallowedError, FetchError, TooLargeError, UnsupportedContentError
from scraper._records import Capture
from scraper.fetch._fetch import Fetcher, parse_retry_after

HTML = {"content-type": "text/html; charset=utf-8"}
NOW = 1_700_000_000.0


class _Chunks(httpx.AsyncByteStream):
    def __init__(self, chunk: bytes, n: int) -> None:
        self.chunk, self.n = chunk, n

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.n):
            yield self.chunk


async def _public(host: str, port: int) -> list[str]:
    return {"internal.example": ["10.0.0.5"]}.get(host, ["93.184.216.34"])


def run(
    handler: Callable[[httpx.Request], httpx.Response],
    url: str,
    config: FetchConfig | None = None,
    trusted: tuple[str, ...] = (),
) -> tuple[Capture | Exception, list[Capture], list[float]]:
    """Fetch ``url``; return the result (or the error), the captures and the waits asked for."""
    captures: list[Capture] = []
    waits: list[float] = []

    async def on_capture(c: Capture) -> None:
        captures.append(c)

    async def sleep(s: float) -> None:
        waits.append(s)

    async def main() -> Capture | Exception:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            fetcher = Fetcher(
                client,
                config or FetchConfig(),
                on_capture=on_capture,
                sleep=sleep,
                resolve=_public,
                trusted_hosts=trusted,
                clock=lambda: NOW,
            )
            try:
                return await fetcher.fetch(url)
            except FetchError as exc:
                return exc

    return asyncio.run(main()), captures, waits


def R(
    status: int, headers: dict[str, str] | None = None, body: bytes = b""
) -> Callable[[], httpx.Response]:
    """A response factory: streamed like a real transport's (not pre-read like content=)."""
    return lambda: httpx.Response(status, headers=headers or {}, stream=_Chunks(body, 1))


def sequence(*responses: Callable[[], httpx.Response]) -> Callable[[httpx.Request], httpx.Response]:
    queue = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        return (queue.pop(0) if len(queue) > 1 else queue[0])()

    return handler


def test_plain_200_is_captured_with_request_headers() -> None:
    result, caps, _ = run(sequence(R(200, HTML, b"<p>hi")), "http://b.example/")
    assert isinstance(result, Capture)
    assert (result.status, result.content, result.body) == (200, b"<p>hi", b"<p>hi")
    assert result.fetched_at == "2023-11-14T22:13:20Z"  # the injected clock's NOW
    ua = dict((k.lower(), v) for k, v in result.request_headers)["user-agent"]
    assert ua.startswith("blog-archiver/")
    assert caps == [result]


def test_user_agent_carries_the_contact() -> None:
    config = FetchConfig(contact="mailto:ops@example.org")
    assert config.full_user_agent.startswith("blog-archiver/")
    assert "mailto:ops@example.org" in config.full_user_agent


def test_503_retry_after_seconds_is_the_wait() -> None:
    busy = R(503, {"retry-after": "7"}, b"busy")
    handler = sequence(busy, R(200, HTML, b"ok"))
    result, caps, waits = run(handler, "http://b.example/p/")
    assert isinstance(result, Capture)
    assert result.status == 200
    assert waits == [7.0]
    assert [c.status for c in caps] == [503, 200]  # the 503 is archived too


def test_429_retry_after_http_date() -> None:
    when = email.utils.formatdate(NOW + 42, usegmt=True)
    busy = R(429, {"retry-after": when})
    result, _, waits = run(sequence(busy, R(200, HTML)), "http://b.example/")
    assert isinstance(result, Capture)
    assert waits == [42.0]


def test_retry_after_is_capped() -> None:
    busy = R(503, {"retry-after": "86400"})
    _, _, waits = run(sequence(busy, R(200, HTML)), "http://b.example/")
    assert waits == [120.0]
    assert parse_retry_after("garbage", NOW, 120) is None


def test_persistent_503_fails_after_bounded_attempts() -> None:
    result, caps, waits = run(sequence(R(503)), "http://b.example/", FetchConfig(max_attempts=3))
    assert isinstance(result, FetchError)
    assert result.reason == "HTTP 503 after 3 attempts"
    assert len(caps) == 3
    assert len(waits) == 2
    assert all(0 < w <= 60 for w in waits)


def test_timeouts_are_retried_then_reported() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    result, caps, waits = run(handler, "http://b.example/", FetchConfig(max_attempts=3))
    assert isinstance(result, FetchError)
    assert result.reason == "timeout after 3 attempts"
    assert (caps, len(waits)) == ([], 2)


def test_connection_reset_then_success() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise httpx.ReadError("reset", request=request)
        return R(200, HTML, b"ok")()

    result, _, waits = run(handler, "http://b.example/")
    assert isinstance(result, Capture)
    assert len(waits) == 1


def test_404_is_not_retried_and_is_captured() -> None:
    result, caps, waits = run(sequence(R(404, HTML, b"nf")), "http://b.example/x")
    assert isinstance(result, Capture)
    assert result.status == 404
    assert (len(caps), waits) == (1, [])


def test_truncated_body_is_transient() -> None:
    short = R(200, {**HTML, "content-length": "100"}, b"x" * 10)
    result, _, waits = run(sequence(short, R(200, HTML, b"ok")), "http://b.example/")
    assert isinstance(result, Capture)
    assert result.content == b"ok"
    assert len(waits) == 1


def test_content_length_over_cap_fails_without_reading() -> None:
    big = R(200, {**HTML, "content-length": str(30 << 20)})
    result, caps, _ = run(sequence(big), "http://b.example/")
    assert isinstance(result, TooLargeError)
    assert result.reason == "body larger than 20 MB"
    assert caps == []


def test_streamed_body_over_cap() -> None:
    def stream() -> httpx.Response:
        return httpx.Response(200, headers=HTML, stream=_Chunks(b"x" * 65536, 40))

    result, _, _ = run(sequence(stream), "http://b.example/", FetchConfig(max_bytes=1 << 20))
    assert isinstance(result, TooLargeError)
    assert result.reason == "body larger than 1 MB"


def test_gzip_is_decoded_but_kept_raw() -> None:
    gz = gzip.compress(b"<p>hello</p>")
    resp = R(200, {**HTML, "content-encoding": "gzip"}, gz)
    result, _, _ = run(sequence(resp), "http://b.example/")
    assert isinstance(result, Capture)
    assert (result.body, result.content) == (gz, b"<p>hello</p>")


def test_gzip_bomb_is_stopped() -> None:
    bomb = gzip.compress(b"\0" * (8 << 20))
    resp = R(200, {**HTML, "content-encoding": "gzip"}, bomb)
    result, caps, _ = run(sequence(resp), "http://b.example/", FetchConfig(max_bytes=1 << 20))
    assert isinstance(result, TooLargeError)
    assert result.reason == "gzip bomb: decompressed size over cap"
    assert caps == []


def test_unsupported_content_type() -> None:
    resp = R(200, {"content-type": "video/mp4"}, b"\0")
    result, _, _ = run(sequence(resp), "http://b.example/v.mp4")
    assert isinstance(result, UnsupportedContentError)
    assert "video/mp4" in result.reason


def test_every_redirect_hop_is_captured() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old/":
            return R(301, {"location": "/new/"})()
        return R(200, HTML, b"new")()

    result, caps, _ = run(handler, "http://b.example/old/")
    assert isinstance(result, Capture)
    assert result.url == "http://b.example/new/"
    assert [(c.url, c.status) for c in caps] == [
        ("http://b.example/old/", 301),
        ("http://b.example/new/", 200),
    ]


def test_redirect_loop() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        nxt = "/b/" if request.url.path == "/a/" else "/a/"
        return R(302, {"location": nxt})()

    result, caps, _ = run(handler, "http://b.example/a/")
    assert isinstance(result, FetchError)
    assert result.reason == "redirect loop"
    assert len(caps) == 2


def test_too_many_redirects() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0)
        return R(302, {"location": f"/{n + 1}/"})()

    result, _, _ = run(handler, "http://b.example/0/", FetchConfig(max_redirects=3))
    assert isinstance(result, FetchError)
    assert result.reason == "too many redirects (over 3)"


@pytest.mark.parametrize(
    "target", ["http://127.0.0.1/admin", "http://internal.example/", "http://169.254.169.254/"]
)
def test_public_redirect_into_private_network_is_refused(target: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "b.example":
            return R(302, {"location": target})()
        return R(200, HTML, b"secret")()

    result, caps, _ = run(handler, "http://b.example/")
    assert isinstance(result, DisallowedError)
    assert result.reason.startswith("private address refused")
    assert len(caps) == 1
    allowed, _, _ = run(handler, "http://b.example/", FetchConfig(allow_private=True))
    assert isinstance(allowed, Capture)


def test_seed_on_loopback_is_allowed_explicitly() -> None:
    handler = sequence(R(200, HTML, b"local"))
    refused, _, _ = run(handler, "http://127.0.0.1:8000/")
    assert isinstance(refused, DisallowedError)
    result, _, _ = run(handler, "http://127.0.0.1:8000/", trusted=("127.0.0.1",))
    assert isinstance(result, Capture)


def test_retry_policy_lives_in_config() -> None:
    fetch = FetchConfig(max_attempts=2, backoff_base=0.5, timeout=Timeouts.all(5.0))
    config: Any = CrawlConfig(fetch=fetch).fetch
    assert (config.max_attempts, config.backoff_base, config.timeout.read) == (2, 0.5, 5.0)


def test_deflate_with_and_without_zlib_header() -> None:
    import zlib

    for body in (zlib.compress(b"<p>z</p>"), zlib.compress(b"<p>z</p>")[2:-4]):
        resp = R(200, {**HTML, "content-encoding": "deflate"}, body)
        result, _, _ = run(sequence(resp), "http://b.example/")
        assert isinstance(result, Capture)
        assert result.content == b"<p>z</p>"


def test_unknown_content_encoding_is_captured_then_reported() -> None:
    resp = R(200, {**HTML, "content-encoding": "zstd-weird"}, b"\x01\x02")
    result, caps, _ = run(sequence(resp), "http://b.example/")
    assert isinstance(result, FetchError)
    assert result.reason.startswith("undecodable body")
    assert caps[0].body == b"\x01\x02"


def test_requests_spread_over_several_clients_least_busy_first() -> None:
    """The crawler gives the fetcher several small connection pools (``crawler._clients``)."""
    seen: list[str] = []
    gate = asyncio.Event()

    def transport(name: str) -> httpx.AsyncBaseTransport:
        class Slow(httpx.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                seen.append(name)
                await gate.wait()
                return httpx.Response(200, headers=HTML, content=b"<p>hi</p>")

        return Slow()

    async def main() -> list[Capture]:
        clients = [httpx.AsyncClient(transport=transport(n)) for n in ("a", "b", "c")]
        fetcher = Fetcher(clients, FetchConfig(), resolve=_public)
        tasks = [asyncio.create_task(fetcher.fetch(f"http://blog.example/{i}/")) for i in range(6)]
        while len(seen) < 6:
            await asyncio.sleep(0)
        gate.set()
        out = await asyncio.gather(*tasks)
        for c in clients:
            await c.aclose()
        return out

    captures = asyncio.run(main())
    assert sorted(seen) == ["a", "a", "b", "b", "c", "c"]
    assert all(c.status == 200 for c in captures)
    assert captures[0].header("user-agent") is None  # response headers only
    assert dict(captures[0].request_headers)["User-Agent"].startswith("blog-archiver/")
