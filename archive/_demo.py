"""The bundled demo: a generated WordPress-like blog served on 127.0.0.1, crawled locally.

It needs no network and no repository checkout (the site generator and server ship in
``scraper.testing``), so ``blog-archiver demo`` is the first command a new user can run
on any machine. In a checkout, the saved real-theme pages of ``fixtures/`` are served too
(from a second loopback port) and crawled as single posts, so the demo archive also shows
what the parser makes of real themes. Politeness is off: both servers are ours.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from scraper._config import CrawlConfig
from scraper.testing import SiteServer, gen_site

__all__ = ["DEMO_CONFIG", "DemoSites", "demo_sites", "fixtures_dir"]

# Our own loopback servers: no delay, a few connections, robots still obeyed (it has one).
DEMO_CONFIG = CrawlConfig(delay=0.0, concurrency=8, per_host=8)


def fixtures_dir() -> Path | None:
    """The repository's ``fixtures/`` folder when running from a checkout, else ``None``."""
    candidate = Path(__file__).resolve().parent.parent / "fixtures"
    return candidate if candidate.is_dir() else None


def _fixture_pages(root: Path) -> dict[str, bytes]:
    """``/group/name/`` -> bytes for every single-page fixture (``group/name.html``)."""
    pages = {}
    for path in sorted(root.glob("*/*.html")):
        if path.parent.name.startswith("_"):
            continue
        pages[f"/{path.parent.name}/{path.stem}/"] = path.read_bytes()
    return pages


class _FixtureHandler(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.pages.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")  # charset: the page's own <meta>
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the crawl reports what it fetched


class DemoSites:
    """The sample blog's URL plus the fixture page URLs (empty outside a checkout)."""

    def __init__(self, blog_url: str, fixture_urls: list[str]) -> None:
        self.blog_url = blog_url
        self.fixture_urls = fixture_urls

    @property
    def seeds(self) -> list[str]:
        return [self.blog_url + "/", *self.fixture_urls]


@contextmanager
def _fixture_server(pages: dict[str, bytes], port: int = 0) -> Iterator[str]:
    handler = type("FixtureHandler", (_FixtureHandler,), {"pages": pages})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def demo_sites(
    posts: int = 30,
    seed: int = 1,
    *,
    fixtures: bool = True,
    ports: tuple[int, int] = (0, 0),
) -> Iterator[DemoSites]:
    """Serve a generated blog of ``posts`` posts (and the fixtures, when present).

    ``ports``: the blog's and the fixtures' ports (0: any free one). A demo archive is
    resumed on the ports it was started on, since its URLs name them: a new port would be a
    second site in the same archive. ``OSError`` when a port is taken.
    """
    root = fixtures_dir() if fixtures else None
    pages = _fixture_pages(root) if root else {}
    with SiteServer(gen_site(posts, seed=seed), port=ports[0]) as blog:
        if not pages:
            yield DemoSites(blog.url, [])
            return
        with _fixture_server(pages, ports[1]) as base:
            yield DemoSites(blog.url, [base + p for p in pages])
