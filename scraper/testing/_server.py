"""A real HTTP/1.1 server for a generated blog on 127.0.0.1, with fault injection.

Stdlib asyncio only, so the CLI ``demo`` can serve the bundled sample blog without test
dependencies. The server runs its own event loop in a background thread: sync tests, async
tests (any loop) and benchmarks use it the same way. Every request is logged so tests can
assert what a crawler did *not* ask for (robots.txt-forbidden paths).

>>> from scraper.testing import SiteServer, gen_site
>>> with SiteServer(gen_site(20)) as server:  # doctest: +SKIP
...     print(server.url)  # http://127.0.0.1:PORT
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import gzip
import http
import socket
import struct
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

from ._faults import Fault, FaultKind
from ._render import Response, render
from ._site import Site, gen_site

__all__ = ["LoggedRequest", "SiteServer"]

_MAX_HEAD = 64 * 1024


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    method: str
    target: str  # path + query as sent
    headers: tuple[tuple[str, str], ...]
    fault: FaultKind | None  # the fault applied to this request, if any
    at: float = 0.0  # time.monotonic() when its head was read (politeness tests space them)

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


class SiteServer:
    """Serve ``site`` on ``host:port`` (0 = a free port) in a background thread.

    ``faults`` maps a request target (``/path/?q=1``) or a path (``/path/``) to a ``Fault``;
    ``compress`` gzips HTML for clients that accept it (to exercise decoding).
    """

    def __init__(
        self,
        site: Site | None = None,
        *,
        faults: Mapping[str, Fault] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        compress: bool = False,
    ) -> None:
        self.site = site if site is not None else gen_site(200)
        self._faults = dict(faults or {})
        self._host, self._port = host, port
        self.compress = compress
        self._lock = threading.Lock()
        self._log: list[LoggedRequest] = []
        self._hits: dict[str, int] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._bombs: dict[int, bytes] = {}
        self._start_error: OSError | None = None

    # --- lifecycle -----------------------------------------------------------------------
    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. ``http://127.0.0.1:43121``."""
        return f"http://{self._host}:{self._port}"

    def start(self) -> SiteServer:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        if not ready.wait(30) or self._server is None:
            if self._start_error is not None:  # the port is taken ...: say so at once
                raise self._start_error
            raise RuntimeError("test server did not start")
        return self

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)
        self._loop = self._thread = None

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._server = loop.run_until_complete(
                asyncio.start_server(self._connection, self._host, self._port, limit=_MAX_HEAD)
            )
        except OSError as exc:
            self._start_error = exc
            self._loop = None
            loop.close()
            ready.set()
            return
        self._port = self._server.sockets[0].getsockname()[1]
        ready.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            with contextlib.suppress(Exception):
                loop.run_until_complete(asyncio.gather(*self._tasks, return_exceptions=True))
            loop.close()

    # --- configuration and log (thread-safe) ---------------------------------------------
    def set_fault(self, target: str, fault: Fault | None) -> None:
        """Attach (or with ``None`` remove) a fault; its request count restarts at 0."""
        with self._lock:
            if fault is None:
                self._faults.pop(target, None)
            else:
                self._faults[target] = fault
            self._hits.pop(target, None)

    @property
    def requests(self) -> list[LoggedRequest]:
        """A copy of every request served so far, in arrival order."""
        with self._lock:
            return list(self._log)

    def count(self, target: str) -> int:
        """How many requests asked for ``target`` (exact target, or path when no query given)."""
        return sum(1 for r in self.requests if target in (r.target, r.path))

    def _fault_for(self, target: str) -> Fault | None:
        path = target.split("?", 1)[0]
        with self._lock:
            key = target if target in self._faults else path if path in self._faults else None
            if key is None:  # a prefix fault ("/calendar/*"), the longest that matches
                prefixes = [k for k in self._faults if k.endswith("*") and path.startswith(k[:-1])]
                key = max(prefixes, key=len, default=None)
            if key is None:
                return None
            fault = self._faults[key]
            n = self._hits.get(key, 0)
            self._hits[key] = n + 1
        return fault if fault.times is None or n < fault.times else None

    # --- HTTP ----------------------------------------------------------------------------
    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            while await self._one_request(reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            pass
        finally:
            if task is not None:
                self._tasks.discard(task)
            writer.close()

    async def _one_request(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, target, _version = [*lines[0].split(" "), "", ""][:3]
        headers = tuple(
            (k.strip(), v.strip()) for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)
        )
        length = next((int(v) for k, v in headers if k.lower() == "content-length"), 0)
        if length:
            await reader.readexactly(length)
        fault = self._fault_for(target)
        with self._lock:
            self._log.append(
                LoggedRequest(
                    method, target, headers, fault.kind if fault else None, time.monotonic()
                )
            )
        keep = not any(k.lower() == "connection" and v.lower() == "close" for k, v in headers)
        if fault is not None:
            return await self._faulty(writer, target, headers, fault) and keep
        resp = render(self.site, target, self.url)
        await self._send(writer, self._maybe_gzip(resp, headers), head_only=method == "HEAD")
        return keep

    def _maybe_gzip(self, resp: Response, req: tuple[tuple[str, str], ...]) -> Response:
        accepts = any(k.lower() == "accept-encoding" and "gzip" in v for k, v in req)
        ctype = dict((k.lower(), v) for k, v in resp.headers).get("content-type", "")
        if not (self.compress and accepts and ctype.startswith("text/html")):
            return resp
        body = gzip.compress(resp.body, mtime=0)
        return Response(resp.status, (*resp.headers, ("Content-Encoding", "gzip")), body)

    @staticmethod
    def _head(status: int, headers: tuple[tuple[str, str], ...], length: int | None) -> bytes:
        reason = (
            http.HTTPStatus(status).phrase if status in http.HTTPStatus._value2member_map_ else ""
        )
        out = [f"HTTP/1.1 {status} {reason}", f"Date: {email.utils.formatdate(usegmt=True)}"]
        out += [f"{k}: {v}" for k, v in headers]
        out.append(
            f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked"
        )
        return ("\r\n".join(out) + "\r\n\r\n").encode("latin-1")

    async def _send(
        self, writer: asyncio.StreamWriter, resp: Response, *, head_only: bool = False
    ) -> None:
        writer.write(self._head(resp.status, resp.headers, len(resp.body)))
        if not head_only:
            writer.write(resp.body)
        await writer.drain()

    async def _faulty(
        self,
        writer: asyncio.StreamWriter,
        target: str,
        req: tuple[tuple[str, str], ...],
        fault: Fault,
    ) -> bool:
        """Serve ``fault``; return whether the connection may be kept alive."""
        from ._faultio import serve_fault

        return await serve_fault(self, writer, target, req, fault)

    def _bomb(self, size: int) -> bytes:
        if size not in self._bombs:
            self._bombs[size] = gzip.compress(b"\0" * size, compresslevel=9, mtime=0)
        return self._bombs[size]

    @staticmethod
    def _abort(writer: asyncio.StreamWriter) -> None:
        """Close with RST (SO_LINGER 0): what a crashed proxy does mid-response."""
        sock = writer.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()


def _http_date(seconds_from_now: float) -> str:
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


def main(argv: list[str] | None = None) -> int:
    """``python -m scraper.testing._server [N_POSTS] [PORT]``: serve a site until Ctrl-C."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 200
    port = int(args[1]) if len(args) > 1 else 8000
    with SiteServer(gen_site(n), port=port) as server:
        print(f"serving {n} posts at {server.url}/ (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
