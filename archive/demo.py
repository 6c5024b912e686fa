"""The bundled demo: a generated WordPress-like blog served on 127.0.0.1, crawled locally.

It needs no network and no repository checkout (the site generator and server ship in
``scraper.testing``), so ``blog-archiver demo`` is the first command a new user can run
on any machine. Politeness is off because the server is ours and lives in this process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from scraper.config import CrawlConfig
from scraper.testing import SiteServer, gen_site

__all__ = ["DEMO_CONFIG", "demo_server"]

# Our own loopback server: no delay, a few connections, robots still obeyed (it has one).
DEMO_CONFIG = CrawlConfig(delay=0.0, concurrency=8, per_host=8)


@contextmanager
def demo_server(posts: int = 30, seed: int = 1) -> Iterator[SiteServer]:
    """Serve a generated blog of ``posts`` posts on a free 127.0.0.1 port."""
    with SiteServer(gen_site(posts, seed=seed)) as server:
        yield server
