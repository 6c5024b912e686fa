"""How each ``FaultKind`` goes over the wire; kept apart from the server's happy path."""

from __future__ import annotations

import asyncio
import email.utils
import time
from typing import Protocol

from ._faults import BILLION_LAUGHS, Fault, FaultKind
from ._render import render
from ._response import Response
from ._site import Site

__all__ = ["FaultWire", "serve_fault"]

_HTML: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=UTF-8"),)


class FaultWire(Protocol):
    """What a fault needs of the server (``SiteServer``): its site, its URL, and its writers."""

    site: Site

    @property
    def url(self) -> str: ...

    async def _send(self, writer: asyncio.StreamWriter, resp: Response) -> None: ...

    def _head(
        self, status: int, headers: tuple[tuple[str, str], ...], length: int | None
    ) -> bytes: ...

    def _abort(self, writer: asyncio.StreamWriter) -> None: ...

    def _bomb(self, size: int) -> bytes: ...


async def serve_fault(
    server: FaultWire,
    writer: asyncio.StreamWriter,
    target: str,
    fault: Fault,
) -> bool:
    """Write the faulty response; return whether the connection can be reused."""
    kind = fault.kind
    small = f"<html><body><h1>{fault.status}</h1></body></html>".encode()
    if kind is FaultKind.STATUS:
        await server._send(writer, Response(fault.status, _HTML, small))
    elif kind is FaultKind.RETRY_AFTER_SECONDS:
        hdrs: tuple[tuple[str, str], ...] = (*_HTML, ("Retry-After", str(int(fault.seconds))))
        await server._send(writer, Response(fault.status, hdrs, small))
    elif kind is FaultKind.RETRY_AFTER_DATE:
        hdrs = (*_HTML, ("Retry-After", _http_date(fault.seconds)))
        await server._send(writer, Response(fault.status, hdrs, small))
    elif kind is FaultKind.STALL:
        await asyncio.sleep(fault.seconds)
        await server._send(writer, render(server.site, target, server.url))
    elif kind in (FaultKind.RESET, FaultKind.SHORT_BODY):
        resp = render(server.site, target, server.url)
        body = resp.body or b"x" * 1000
        extra = 0 if kind is FaultKind.RESET else 1000
        writer.write(server._head(resp.status, resp.headers, len(body) + extra))
        writer.write(body[: len(body) // 2] if kind is FaultKind.RESET else body)
        await writer.drain()
        if kind is FaultKind.RESET:
            server._abort(writer)
        return False
    elif kind is FaultKind.GZIP_BOMB:
        hdrs = (*_HTML, ("Content-Encoding", "gzip"))
        await server._send(writer, Response(200, hdrs, server._bomb(fault.size)))
    elif kind is FaultKind.REDIRECT:
        await server._send(writer, Response(302, (("Location", fault.location),), b""))
    elif kind is FaultKind.REDIRECT_LOOP:
        path = target.split("?", 1)[0]
        nxt = path if "loop=1" in target else f"{path}?loop=1"
        await server._send(writer, Response(302, (("Location", server.url + nxt),), b""))
    elif kind is FaultKind.HUGE:
        return await _huge(server, writer, fault)
    elif kind is FaultKind.XML_BOMB:
        hdrs = (("Content-Type", "application/xml; charset=UTF-8"),)
        await server._send(writer, Response(200, hdrs, BILLION_LAUGHS))
    elif kind is FaultKind.WRONG_CHARSET:
        resp = render(server.site, target, server.url)
        text = resp.body.decode("utf-8").replace('<meta charset="UTF-8">', "")
        body = text.encode(fault.encoding, errors="replace")
        hdrs = (("Content-Type", f"text/html; charset={fault.charset}"),)
        await server._send(writer, Response(resp.status, hdrs, body))
    return True


async def _huge(server: FaultWire, writer: asyncio.StreamWriter, fault: Fault) -> bool:
    """Stream ``fault.size`` bytes in chunks (the client is expected to hang up early)."""
    chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
    length = fault.size if fault.declare_length else None
    writer.write(server._head(200, _HTML, length))
    sent = 0
    while sent < fault.size:
        piece = chunk[: fault.size - sent]
        if fault.declare_length:
            writer.write(piece)
        else:
            writer.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        sent += len(piece)
        await writer.drain()
    if not fault.declare_length:
        writer.write(b"0\r\n\r\n")
        await writer.drain()
    return True


def _http_date(seconds_from_now: float) -> str:
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)
