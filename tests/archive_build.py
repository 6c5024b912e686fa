"""Build small archives for archive-side tests without the network: pages rendered by the
test blog are stored through the real ``Archive`` sink, as a crawl would store them.

Re-capture tests start from a crawled archive. ``crawled`` runs each distinct first crawl
once per session, on one loopback server and one pool of parse workers that the session
shares, and hands every later test a copy of the archive (``shutil.copytree``) with the
server remembering what it served, as if that test had crawled it itself.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import dataclasses
import functools
import hashlib
import json
import pickle
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from archive import Archive
from archive._loopback import ConditionalServer
from archive.recapture._recapture import RecaptureConfig, recapture
from archive.warc._reader import iter_records
from scraper._config import CrawlConfig
from scraper._records import Capture, Post, WarcRef
from scraper.crawler._crawler import crawl
from scraper.crawler._pagepool import PagePool
from scraper.parse._parse import parse_capture
from scraper.testing import Site, SitePost, gen_site, render

BASE = "http://blog.test"


def capture_of(site: Site, path: str, base: str = BASE) -> Capture:
    resp = render(site, path, base)
    return Capture(
        url=base + path,
        status=resp.status,
        fetched_at=datetime.now(UTC).isoformat(),
        request_headers=(("User-Agent", "test"),),
        response_headers=resp.headers,
        body=resp.body,
        content=resp.body,
    )


def page_paths(site: Site, post: SitePost) -> list[str]:
    """The post page and its comment pages."""
    count = site.comment_page_count(post)
    return [post.path] + [f"{post.path}comment-page-{n}/" for n in range(1, count + 1)]


def store_site(
    root: Path,
    site: Site,
    *,
    kind: str = "crawl",
    base: str = BASE,
    catalog: str | None = None,
    parse: bool = True,
) -> int:
    """Capture and parse every post page and comment page of ``site`` as one crawl round
    (``catalog``: a PostgreSQL address; later opens of ``root`` find it remembered).
    ``parse=False`` stores the captures only, for tests of the WARC side (the parses are
    ~90 % of the time)."""
    with Archive.open(root, catalog=catalog) as arc:
        crawl_id = arc.begin_crawl(kind, {"test": True})
        for post in site.posts:
            for path in page_paths(site, post):
                cap = capture_of(site, path, base)
                ref = arc.sink.write_capture(cap)
                if parse:
                    arc.sink.write_post(base + path, base + post.path, _parsed(cap, ref))
        arc.end_crawl(crawl_id, {})
    return crawl_id


#: Parses of the test blog's pages, shared by the session's archives: most tests store the
#: same few generated sites, and the parse is ~90 % of building an archive. A record is
#: frozen; only where it was stored (``source``) differs from one archive to the next.
_PARSES: dict[tuple[str, int, str | None, bytes], Post] = {}


def _parsed(cap: Capture, ref: WarcRef) -> Post:
    key = (cap.url, cap.status, cap.content_type, cap.content or cap.body)
    post = _PARSES.get(key)
    if post is None:
        post = _PARSES[key] = parse_capture(cap, ref)
    assert post.source is not None
    source = dataclasses.replace(post.source, fetched_at=cap.fetched_at, warc=ref)
    return dataclasses.replace(post, source=source)


def edit_site(site: Site, text: str = "Edited after the fact.") -> tuple[Site, int, int]:
    """The site with the first comment of the newest post edited and a leaf comment deleted.

    Returns ``(site, edited id, deleted id)``; the newest post must have 2+ comments.
    """
    post = site.posts[0]
    assert len(post.comments) >= 2, "pick a site whose newest post has comments"
    edited = dataclasses.replace(post.comments[0], text=text)
    parents = {c.parent for c in post.comments}
    deleted = next(
        c for c in reversed(post.comments) if c.id not in parents and c != post.comments[0]
    )
    threads = tuple(
        tuple(edited if c.id == edited.id else c for c in t if c.id != deleted.id)
        for t in post.threads
    )
    threads = tuple(t for t in threads if t)
    new_post = dataclasses.replace(
        post, comments=tuple(c for t in threads for c in t), threads=threads
    )
    return dataclasses.replace(site, posts=[new_post, *site.posts[1:]]), edited.id, deleted.id


def site_with_comments(n: int = 3, seed: int = 4) -> Site:
    """A generated site whose newest post has at least two comments."""
    for s in range(seed, seed + 50):
        site = gen_site(n, seed=s)
        if len(site.posts[0].comments) >= 2:
            return site
    raise AssertionError("no seed gives comments")


FAST = CrawlConfig(delay=0, concurrency=4, per_host=4)


class _Session:
    """The server, the parse workers and the first crawls every re-capture test shares."""

    def __init__(self) -> None:
        self.pool = PagePool(2)
        self.server = ConditionalServer(gen_site(1, seed=1)).__enter__()
        self.cache = Path(tempfile.mkdtemp(prefix="archive-build-"))
        self.built: dict[str, tuple[Path, tuple[dict[str, tuple[str, float]], float]]] = {}
        atexit.register(self.close)

    def close(self) -> None:
        self.server.__exit__(None, None, None)
        self.pool.close()
        shutil.rmtree(self.cache, ignore_errors=True)


@functools.cache
def _session() -> _Session:
    return _Session()


def shared_pool() -> PagePool:
    """The session's parse workers: a crawl of a few pages should not pay for starting its
    own (``crawl(pool=...)``, ``recapture(pool=...)``)."""
    return _session().pool


@contextlib.contextmanager
def crawled(
    root: Path, site: Site, *, validators: bool = True, nonce: bool = False
) -> Iterator[ConditionalServer]:
    """``root`` holds the archive of a first crawl of ``site``, and the server yielded serves
    ``site`` as it did for that crawl (its validators, its clock); the test may change
    ``server.site`` and ``server.unlisted``, the next one starts over."""
    session = _session()
    server = session.server
    key = hashlib.sha256(pickle.dumps((site, validators, nonce))).hexdigest()
    server.site, server.unlisted = site, None
    server.validators, server.nonce, server.pad = validators, nonce, 0
    if key not in session.built:
        server.restore(({}, 1_700_000_000.0))
        built = session.cache / key
        first_crawl(built, server)
        session.built[key] = (built, server.memory())
    built, memory = session.built[key]
    shutil.copytree(built, root, dirs_exist_ok=True)
    server.restore(memory)
    yield server


def first_crawl(root: Path, server: ConditionalServer, catalog: str | None = None) -> None:
    async def go() -> None:
        with Archive.open(root, catalog=catalog) as arc:
            cid = arc.begin_crawl("crawl", {"seeds": [server.url + "/"]})
            await crawl([server.url + "/"], arc.frontier, arc.sink, FAST, pool=_session().pool)
            arc.end_crawl(cid, {})

    asyncio.run(go())


def again(root: Path, **kw: object) -> object:
    config = RecaptureConfig(crawl=FAST, **kw)  # type: ignore[arg-type]
    return asyncio.run(recapture(root, config, pool=_session().pool))


def round_records(root: Path, kind: str = "recapture") -> Counter[str]:
    """How many records each URL got in the (only) round of ``kind``."""
    with Archive.open(root, readonly=True) as arc:
        rows = list(arc.captures())
    db = sqlite3.connect(root / "catalog.sqlite")
    try:
        ids = {r[0] for r in db.execute("SELECT id FROM crawls WHERE kind = ?", (kind,))}
    finally:
        db.close()
    assert len(ids) == 1, ids
    return Counter(r.url for r in rows if r.crawl_id in ids)


def assert_index_covers_warcs(arc: Path, captures: int) -> list[Path]:
    """Every WARC file of the archive reads to its end, and ``warc/index.cdxj`` lists each
    response and revisit exactly once, as many as the catalog's ``captures`` rows; returns
    the WARC files (tests of several writers look at their names)."""
    warcs = sorted((arc / "warc").glob("*.warc.gz"))
    records = [
        (w.name, r.offset)
        for w in warcs
        for r in iter_records(w, 0, w.stat().st_size)
        if r.record_type in ("response", "revisit")
    ]
    index = [line.split(" ", 2) for line in (arc / "warc" / "index.cdxj").read_text().splitlines()]
    indexed = {(json.loads(f[2])["filename"], int(json.loads(f[2])["offset"])) for f in index}
    assert len(indexed) == len(index) == captures
    assert set(records) == indexed
    return warcs
