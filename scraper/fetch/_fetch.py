"""Fetch one URL into ``Capture`` records: caps, timeouts, retries, redirects, address checks.

This is the only module that talks to httpx, and the only place its exceptions are
translated (into the ``FetchError`` tree). Every response that comes back, including each
redirect hop, each retried 503 and each final 404, is handed to ``on_capture`` before
anything else happens, so the archive holds what the server said even when the fetch fails.
Bodies that are never read (over the size cap by ``Content-Length``, a content type the
crawl does not keep, a decompression bomb) are *not* captured: a WARC has no honest way to
store half a body.

The retry policy is one value built from ``FetchConfig`` (``scraper.fetch._retry``): exponential
backoff with jitter for transient failures, the server's ``Retry-After`` (seconds or HTTP
date, capped) as the wait when it sent one, a bounded number of attempts.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import httpx

from .._config import MB, FetchConfig
from .._errors import (
    DisallowedError,
    FetchError,
    TooLargeError,
    TransientFetchError,
    UnreachableError,
    UnsupportedContentError,
)
from .._records import Capture
from .._urls import canonicalize
from ._addresses import AddressCheck, Resolver, system_resolve
from ._causes import translate
from ._decoding import SUPPORTED_ENCODINGS, DecodeError, Decoder, Overflow, make_decoder
from ._pinning import Pins
from ._retry import Sleep, parse_retry_after, retry_policy

__all__ = [
    "RETRY_STATUSES",
    "CaptureHook",
    "Fetcher",
    "Resolver",
    "Sleep",
    "parse_retry_after",
    "retry_policy",
]

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_KEPT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-gzip",
        "application/gzip",
        "application/octet-stream",  # gzipped sitemaps are often served so
        "application/json",
        "text/plain",
    }
)
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.5"

CaptureHook = Callable[[Capture], Awaitable[None]]


def _size(n: int) -> str:
    return f"{n / MB:g} MB" if n >= MB else f"{n} bytes"


class Fetcher:
    """Fetches URLs with one shared ``httpx.AsyncClient`` and one ``FetchConfig``.

    ``trusted_hosts`` are what the user asked for explicitly (the seeds): ``(host, port)``
    pairs, or a bare host name for every port of it; they may be loopback or private
    addresses (a seed on 127.0.0.1:8080 trusts that port, not the machine's other services).
    Any other host that resolves to such an address is refused
    unless ``config.allow_private`` (a public page must not steer the crawler into the
    operator's network; ``scraper.fetch._addresses``). A host is resolved once; the address
    that passed the check is written to ``pins``, and a client built with
    ``scraper.fetch._pinning.pinned_transport`` on the same map connects to that address:
    DNS rebinding between the check and the connection cannot send the request elsewhere.
    """

    def __init__(
        self,
        client: httpx.AsyncClient | Sequence[httpx.AsyncClient],
        config: FetchConfig,
        *,
        on_capture: CaptureHook | None = None,
        sleep: Sleep = asyncio.sleep,
        resolve: Resolver = system_resolve,
        trusted_hosts: Iterable[str | tuple[str, int]] = (),
        clock: Callable[[], float] = time.time,
        pins: Pins | None = None,
    ) -> None:
        clients = [client] if isinstance(client, httpx.AsyncClient) else list(client)
        if not clients:
            raise ValueError("Fetcher needs at least one client")
        self._clients = clients
        self._busy = [0] * len(clients)  # requests in flight per client
        self._config = config
        self._on_capture = on_capture
        self._sleep = sleep
        self._addresses = AddressCheck(
            allow_private=config.allow_private,
            trusted_hosts=trusted_hosts,
            resolve=resolve,
            pins=pins if pins is not None else {},
        )
        self._clock = clock
        self._stamp: tuple[int, str] = (-1, "")  # (whole second, its ISO form)
        t = config.timeout
        self._timeout = httpx.Timeout(connect=t.connect, read=t.read, write=t.write, pool=t.pool)
        self._headers = {
            "User-Agent": config.full_user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": ", ".join(SUPPORTED_ENCODINGS),
        }

    async def fetch(
        self,
        url: str,
        *,
        in_scope: Callable[[str], bool] | None = None,
        refuse: Callable[[str], str | None] | None = None,
        retry_unreachable: bool = True,
        max_bytes: int | None = None,
    ) -> Capture:
        """The final response for ``url`` after redirects (any status), or a ``FetchError``.

        Each redirect target must pass ``in_scope`` and ``refuse`` (which returns a reason to
        refuse it, e.g. robots.txt, or ``None``) before it is requested.
        ``retry_unreachable=False``: a host that takes no connection at all (refused, DNS
        failure) raises ``UnreachableError`` at once (a host's first request, robots.txt).
        ``max_bytes``: a smaller cap for this URL (robots.txt: 500 KiB); its
        ``TooLargeError`` then carries the decoded ``head`` that fit under it.

        Transient failures that outlast the retries raise ``FetchError`` whose reason names
        the last failure and the attempts ("timeout after 4 attempts").
        """
        token = _CAP.set(max_bytes)
        try:
            return await self._follow(url, in_scope, refuse, retry_unreachable)
        finally:
            _CAP.reset(token)

    async def _follow(
        self,
        url: str,
        in_scope: Callable[[str], bool] | None,
        refuse: Callable[[str], str | None] | None,
        retry_unreachable: bool,
    ) -> Capture:
        seen = {url}
        current = url
        for _hop in range(self._config.max_redirects + 1):
            await self._addresses.check(current)
            capture = await self._with_retries(current, retry_unreachable)
            location = capture.header("location")
            if capture.status not in _REDIRECTS or not location:
                return capture
            target = canonicalize(location, current)
            if target is None:
                raise FetchError(url, f"redirect to unsupported URL {location!r}")
            if target in seen:
                raise FetchError(url, "redirect loop")
            if in_scope is not None and not in_scope(target):
                raise DisallowedError(url, f"redirect out of scope: {target}")
            if refuse is not None and (why := refuse(target)):
                raise DisallowedError(url, f"redirect to {target}: {why}")
            seen.add(target)
            current = target
        raise FetchError(url, f"too many redirects (over {self._config.max_redirects})")

    async def _with_retries(self, url: str, retry_unreachable: bool = True) -> Capture:
        try:  # most URLs succeed at once: the retry policy is built after a first failure
            return await self._once(url)
        except TransientFetchError as exc:
            if isinstance(exc, UnreachableError) and not retry_unreachable:
                raise
            first: TransientFetchError | None = exc
        policy = retry_policy(self._config, self._sleep)
        try:
            async for attempt in policy:
                with attempt:
                    if first is not None:  # attempt 1, already made: waits count from it
                        failed, first = first, None
                        raise failed
                    return await self._once(url)
        except TransientFetchError as exc:
            n = policy.statistics.get("attempt_number", self._config.max_attempts)
            kind = UnreachableError if isinstance(exc, UnreachableError) else FetchError
            raise kind(url, f"{exc.reason} after {n} attempts") from exc
        raise AssertionError("unreachable: tenacity either returns or raises")

    def _pick(self) -> int:
        """The least busy client: httpcore's pool scans all its connections on every request
        and response, so the crawler spreads its connections over several small pools."""
        busy = self._busy
        return busy.index(min(busy)) if len(busy) > 1 else 0

    async def _once(self, url: str) -> Capture:
        deadline = self._config.timeout.total
        try:
            async with asyncio.timeout(deadline) as clock:
                return await self._attempt(url, clock)
        except TimeoutError:
            raise TransientFetchError(
                url, f"deadline: no whole response in {deadline:g} s"
            ) from None

    async def _attempt(self, url: str, clock: asyncio.Timeout) -> Capture:
        i = self._pick()
        client = self._clients[i]
        self._busy[i] += 1
        try:
            try:
                request = client.build_request(
                    "GET", url, headers=self._headers, timeout=self._timeout
                )
                response = await client.send(request, stream=True, follow_redirects=False)
            except httpx.HTTPError as exc:
                raise translate(url, exc) from exc
            try:
                return await self._read(url, response, clock)
            except httpx.HTTPError as exc:
                raise translate(url, exc) from exc
            finally:
                await response.aclose()
        finally:
            self._busy[i] -= 1

    async def _read(self, url: str, response: httpx.Response, clock: asyncio.Timeout) -> Capture:
        cap = _CAP.get() or self._config.max_bytes
        declared = _content_length(response)
        if declared is not None and declared > cap and _CAP.get() is None:
            raise TooLargeError(url, f"body larger than {_size(cap)}")  # (a capped URL: a head)
        status = response.status_code
        if 200 <= status < 300 and not self._config.assets:
            ctype = (response.headers.get("content-type") or "").split(";")[0].strip().lower()
            if ctype and ctype not in _KEPT_TYPES and not ctype.endswith(("+json", "+xml")):
                raise UnsupportedContentError(url, f"content type {ctype} not kept")
        raw, content, decode_error = await self._body(url, response)
        if declared is not None and len(raw) < declared:
            raise TransientFetchError(url, "truncated body")
        capture = self._capture(url, response, raw, content)
        clock.reschedule(None)  # the response is whole: its write is never cut by the deadline
        if self._on_capture is not None:
            await self._on_capture(capture)
        if status in RETRY_STATUSES:
            wait = parse_retry_after(
                response.headers.get("retry-after"), self._clock(), self._config.retry_after_cap
            )
            raise TransientFetchError(url, f"HTTP {status}", retry_after=wait)
        if decode_error is not None:
            raise FetchError(url, f"undecodable body: {decode_error}")
        return capture

    async def _body(self, url: str, response: httpx.Response) -> tuple[bytes, bytes, str | None]:
        """Raw bytes as received and the decoded payload, both capped."""
        cap = _CAP.get() or self._config.max_bytes
        decoder: Decoder | None = None
        error: str | None = None
        try:
            decoder = make_decoder(response.headers.get("content-encoding"), cap)
        except DecodeError as exc:
            error = str(exc)
        if response.is_stream_consumed:  # built from bytes (httpx.MockTransport): already read
            if len(response.content) > cap:
                plain = not response.headers.get("content-encoding")
                head = response.content[:cap] if plain else b""  # as the stream would give
                raise TooLargeError(url, f"body larger than {_size(cap)}", head=head)
            return response.content, response.content, None
        raw: list[bytes] = []
        out: list[bytes] = []
        total = 0
        async for chunk in response.aiter_raw():
            total += len(chunk)
            if total > cap:
                raise TooLargeError(url, f"body larger than {_size(cap)}", head=_head(out, cap))
            raw.append(chunk)
            if decoder is not None and error is None:
                try:
                    out.append(decoder.feed(chunk))
                except Overflow as exc:
                    raise TooLargeError(url, "gzip bomb: decompressed size over cap") from exc
                except DecodeError as exc:
                    error = str(exc)
        if decoder is not None and error is None:
            try:
                out.append(decoder.flush())
            except Overflow as exc:
                raise TooLargeError(url, "gzip bomb: decompressed size over cap") from exc
            except DecodeError as exc:
                error = str(exc)
        return b"".join(raw), (b"" if error else b"".join(out)), error

    def _now_iso(self) -> str:
        """The clock's time as ``fetched_at`` text: one strftime per second, not per capture."""
        second = int(self._clock())
        if self._stamp[0] != second:
            text = datetime.fromtimestamp(second, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            self._stamp = (second, text)
        return self._stamp[1]

    def _capture(self, url: str, response: httpx.Response, raw: bytes, content: bytes) -> Capture:
        return Capture(
            url=url,
            status=response.status_code,
            fetched_at=self._now_iso(),
            request_headers=_pairs(response.request.headers.raw),
            response_headers=_pairs(response.headers.raw),
            body=raw,
            content=content,
            http_version=response.http_version or "HTTP/1.1",
            reason=response.reason_phrase,
            method=response.request.method,
            ip_address=_peer_ip(response),
        )


_CAP: contextvars.ContextVar[int | None] = contextvars.ContextVar("fetch_cap", default=None)


def _head(out: list[bytes], cap: int) -> bytes:
    return b"".join(out)[:cap]


def _pairs(raw: list[tuple[bytes, bytes]]) -> tuple[tuple[str, str], ...]:
    return tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in raw)


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


_PEERS: weakref.WeakKeyDictionary[Any, str | None] = weakref.WeakKeyDictionary()


def _peer_ip(response: httpx.Response) -> str | None:
    """The server's IP, once per connection (anyio builds every extra attribute per call)."""
    stream: Any = response.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        return _PEERS[stream]
    except (KeyError, TypeError):
        pass
    try:
        addr = stream.get_extra_info("server_addr")
    except Exception:  # transports differ; the IP is nice to have, never worth a failure
        return None
    ip = str(addr[0]) if isinstance(addr, tuple) and addr else None
    try:
        _PEERS[stream] = ip
    except TypeError:  # a stream that takes no weak reference: asked again next time
        pass
    return ip
