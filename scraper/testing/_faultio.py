"""How each ``FaultKind`` goes over the wire; kept apart from the server's happy path."""

from __future__ import annotations

import asyncio
import re
import secrets
from typing import TYPE_CHECKING

from ._faults import BILLION_LAUGHS, Fault, FaultKind
from ._render import Response, render

if TYPE_CHECKING:
    from ._server import SiteServer

__all__ = ["serve_fault"]

_HTML: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=UTF-8"),)


async def serve_fault(
    server: SiteServer,
    writer: asyncio.StreamWriter,
    target: str,
    req: tuple[tuple[str, str], ...],
    fault: Fault,
) -> bool:
    """Write the faulty response; return whether the connection can be reused."""
    from ._server import _http_date

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
    elif kind in (FaultKind.CALENDAR, FaultKind.ENDLESS_PAGES, FaultKind.SESSION_IDS):
        await server._send(writer, Response(200, _HTML, _trap_page(server, target, kind)))
    elif kind is FaultKind.TRICKLE:
        writer.write(server._head(200, _HTML, fault.size))
        for _ in range(fault.size):
            await writer.drain()
            await asyncio.sleep(fault.seconds)
            writer.write(b"x")
        await writer.drain()
    elif kind is FaultKind.HUGE_SITEMAP:
        return await _huge_sitemap(server, writer, fault)
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


async def _huge(server: SiteServer, writer: asyncio.StreamWriter, fault: Fault) -> bool:
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


def _trap_page(server: SiteServer, target: str, kind: FaultKind) -> bytes:
    """One page of an endless URL space (see ``FaultKind``)."""
    path, _, query = target.partition("?")
    if kind is FaultKind.CALENDAR:
        m = re.search(r"/(\d{4})/(\d{2})/", path)
        year, month = (int(m.group(1)), int(m.group(2))) if m else (2024, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        nxt = f"/calendar/{year:04d}/{month:02d}/"
        body = f'<table><tr><td>1</td><td>2</td></tr></table><a href="{nxt}">next month</a>'
        return _page(f"Calendar {path}", body)
    if kind is FaultKind.ENDLESS_PAGES:
        m = re.search(r"(?:^|&)page=(\d+)", query)
        n = int(m.group(1)) if m else 1
        body = f'<p>Archive page {n}</p><a href="{path}?page={n + 1}">next page</a>'
        return _page(f"Archive page {n}", body)
    html = render(server.site, path, server.url).body.decode("utf-8", "replace")

    def with_sid(m: re.Match[str]) -> str:
        url = m.group(2)
        if not (url.startswith("/") or url.startswith(server.url)):
            return m.group(0)
        url = url.split("#", 1)[0]
        sep = "&" if "?" in url else "?"
        return f'{m.group(1)}"{url}{sep}sid={secrets.token_hex(16)}"'

    return re.sub(r'(href=)"([^"]*)"', with_sid, html).encode("utf-8")


def _page(title: str, body: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title></head>"
        f"<body><h1>{title}</h1>{body}</body></html>"
    ).encode()


async def _huge_sitemap(server: SiteServer, writer: asyncio.StreamWriter, fault: Fault) -> bool:
    """A sitemap listing ``fault.size`` URLs of the site, streamed (chunked)."""
    hdrs = (("Content-Type", "application/xml; charset=UTF-8"),)
    writer.write(server._head(200, hdrs, None))

    def chunk(data: bytes) -> bytes:
        return f"{len(data):x}\r\n".encode() + data + b"\r\n"

    writer.write(
        chunk(
            b'<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        )
    )
    for start in range(0, fault.size, 1000):
        urls = "".join(
            f"<url><loc>{server.url}/listed/{i}/</loc></url>"
            for i in range(start, min(start + 1000, fault.size))
        )
        writer.write(chunk(urls.encode()))
        await writer.drain()
    writer.write(chunk(b"</urlset>") + b"0\r\n\r\n")
    await writer.drain()
    return True
