"""A loopback server for the generated test blog that answers conditional requests.

``scraper.testing.SiteServer`` serves the blog without validators (like most WordPress HTML);
re-capture also has to meet servers that send ``ETag``/``Last-Modified`` and answer ``304``.
This server renders the same site with ``scraper.testing._render`` and adds exactly that,
following RFC 9110 §13.1.3: ``If-None-Match`` (weak comparison) wins over
``If-Modified-Since``. The site can be swapped while serving (``server.site = ...``), which is
how tests edit or delete a comment between two captures; ``server.unlisted`` keeps serving
posts that the current site no longer lists. Used by tests and benchmarks only.
"""

from __future__ import annotations

import email.utils
import hashlib
import random
import secrets
import string
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from scraper.testing import Site, render

__all__ = ["ConditionalServer", "ServedRequest"]


@dataclass(frozen=True, slots=True)
class ServedRequest:
    path: str
    status: int
    if_none_match: str | None
    if_modified_since: str | None
    bytes_sent: int
    at: float = 0.0  # when the request arrived (time.monotonic()): politeness checks


class ConditionalServer:
    """Serve ``site`` on 127.0.0.1; ``validators`` False serves no ETag/Last-Modified;
    ``pad`` adds that many bytes of word-like text to each HTML page (benchmarks); ``nonce``
    puts a fresh script nonce in every HTML response, as security plugins do, so the bytes
    change on each request while what a reader sees does not."""

    def __init__(
        self,
        site: Site,
        *,
        validators: bool = True,
        pad: int = 0,
        nonce: bool = False,
        host: str = "127.0.0.1",
    ) -> None:
        self.site = site
        self.host = host
        # Posts of this site that ``site`` lacks are still served (their pages, comment pages
        # and REST item), from here: a post that rolled off every listing, feed and sitemap.
        self.unlisted: Site | None = None
        self.validators = validators
        self.pad = pad
        self.nonce = nonce
        self._lock = threading.Lock()
        self._log: list[ServedRequest] = []
        # path -> (body digest, Last-Modified seconds): a path's date moves only when it changes
        self._seen: dict[str, tuple[str, float]] = {}
        self._clock = 1_700_000_000.0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def requests(self) -> list[ServedRequest]:
        with self._lock:
            return list(self._log)

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    def memory(self) -> tuple[dict[str, tuple[str, float]], float]:
        """The validators handed out so far (page digest and date per path, and the clock):
        with ``restore``, a copy of an archive is served exactly as its original was."""
        with self._lock:
            return dict(self._seen), self._clock

    def restore(self, memory: tuple[dict[str, tuple[str, float]], float]) -> None:
        """Remember what ``memory`` says and nothing else; the request log starts empty."""
        with self._lock:
            self._seen, self._clock = dict(memory[0]), memory[1]
            self._log.clear()

    def __enter__(self) -> ConditionalServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer((self.host, 0), Handler)
        self._httpd.daemon_threads = True
        # a short poll: ``shutdown`` waits for the loop to notice (0.5 s by default, per stop)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(30)

    def _validators(self, path: str, body: bytes) -> tuple[str, float]:
        digest = hashlib.sha256(body).hexdigest()[:20]
        with self._lock:
            prev = self._seen.get(path)
            if prev is None or prev[0] != digest:
                self._clock += 60
                prev = (digest, self._clock)
                self._seen[path] = prev
        return f'"{prev[0]}"', prev[1]

    def _site_for(self, target: str) -> Site:
        site, unlisted = self.site, self.unlisted
        if unlisted is not None:
            path = target.split("?", 1)[0]
            for post in unlisted.posts:
                rest_item = f"/wp-json/wp/v2/posts/{post.id}"
                if post.path not in site.by_path and (
                    path.startswith(post.path) or path == rest_item
                ):
                    return unlisted
        return site

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        at = time.monotonic()
        resp = render(self._site_for(h.path), h.path, self.url)
        headers = list(resp.headers)
        status, body = resp.status, resp.body
        if self.pad and status == 200 and b"</body>" in body:
            head, _, tail = body.rpartition(b"</body>")
            body = head + _padding(h.path, self.pad) + b"</body>" + tail
        if self.nonce and status == 200 and b"</body>" in body:
            head, _, tail = body.rpartition(b"</body>")
            stamp = f'<script nonce="{secrets.token_hex(8)}">var t=1;</script>'.encode()
            body = head + stamp + b"</body>" + tail
        inm, ims = h.headers.get("If-None-Match"), h.headers.get("If-Modified-Since")
        if self.validators and status == 200:
            etag, modified = self._validators(h.path, body)
            headers += [("ETag", etag), ("Last-Modified", _http_date(modified))]
            if _not_modified(etag, modified, inm, ims):
                status, body = 304, b""
                headers = [("ETag", etag), ("Last-Modified", _http_date(modified))]
        h.send_response(status)
        for k, v in headers:
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
        with self._lock:
            self._log.append(ServedRequest(h.path, status, inm, ims, len(body), at))


_VOCABULARY = [
    "".join(random.Random(i).choices(string.ascii_lowercase, k=3 + i % 7)) for i in range(2000)
]


def _padding(path: str, size: int) -> bytes:
    """``size`` bytes of word-like text, the same for a path every time.

    Generated pages are ~4 KB; real WordPress pages are 50-150 KB and gzip to ~20-30 %.
    Words drawn from a 2,000-word vocabulary compress about as well as real markup, so a
    benchmark can weigh pages like real ones (repeated filler would compress to nothing).
    """
    rng = random.Random(path)
    words: list[str] = []
    total = 0
    while total < size:
        w = rng.choice(_VOCABULARY)
        words.append(w)
        total += len(w) + 1
    return ("<!-- " + " ".join(words) + " -->").encode()


def _http_date(seconds: float) -> str:
    return email.utils.formatdate(seconds, usegmt=True)


def _not_modified(etag: str, modified: float, inm: str | None, ims: str | None) -> bool:
    if inm is not None:  # If-None-Match wins; weak comparison ignores W/
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or etag in tags
    if ims is not None:
        try:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError):
            return False
        return modified <= since
    return False
