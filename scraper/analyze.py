"""One HTML page in, everything the crawl needs from it out: ONE lxml tree per page.

``analyze_page`` decodes the payload, builds the tree once and from that same tree runs the
parser (``parse_tree``), the post/listing decision (``is_post_page``), link discovery
(``html_links``), the parser's comment-page links and the REST hints. It is pure (no I/O,
no clock), so the crawler can run it in worker processes (``PagePool``): the event loop
keeps fetching while pages are parsed on the other cores, and only the payload goes out
and a small ``PageResult`` (the ``Post`` and link lists) comes back.

What to *do* with the result (write the post, queue links, finish the job) stays with the
crawler (``crawl_pages``), on its writer thread and in the same order as before.
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .discover import (
    Found,
    api_root,
    html_links,
    is_post_page,
    published_day,
    wp_post_id,
)
from .errors import ParseError
from .parse import parse_tree
from .parse.html import build_tree, decode_html
from .parse.page import Page
from .protocols import JobKind
from .records import Post
from .urls import Scope, canonicalize, comment_page_post
from .wpapi import comments_url

__all__ = [
    "LISTING",
    "POST",
    "SKIP",
    "Analysis",
    "InlineAnalyzer",
    "PagePool",
    "PageResult",
    "PageTask",
    "analyze_page",
    "default_workers",
]

POST, LISTING, SKIP = "post", "listing", "skip"


@dataclass(frozen=True, slots=True)
class Analysis:
    """The crawl's settings a page's analysis depends on (sent to each worker once)."""

    scope: Scope
    since: date | None = None
    assets: bool = False
    wp_json: bool = True


@dataclass(frozen=True, slots=True)
class PageTask:
    """One fetched HTML page: the decoded payload and what the job knew about it."""

    payload: bytes
    content_type: str | None
    url: str
    kind: JobKind
    post_url: str | None = None  # the job's post (comment pages)


@dataclass(frozen=True, slots=True)
class PageResult:
    """What ``analyze_page`` found.

    ``verdict``: ``post`` (a post or comment page: ``post`` is set, ``links`` are the
    in-scope post links), ``listing`` (``links`` in scope, ``api_root`` when advertised) or
    ``skip`` (a post published before ``since``: ``reason``).
    """

    verdict: str
    links: tuple[Found, ...] = ()
    post: Post | None = None
    post_url: str | None = None
    is_comments: bool = False
    api_root: str | None = None
    reason: str | None = None
    sha256: str = ""


def analyze_page(task: PageTask, analysis: Analysis) -> PageResult:
    """Parse one page and discover its links, from a single tree. Raises ``ParseError``."""
    url = task.url
    text = decode_html(task.payload, task.content_type)
    tree = build_tree(text, url)
    page = Page(tree, url)
    post = parse_tree(page)
    comment_post = task.post_url or comment_page_post(url)
    is_comments = task.kind is JobKind.COMMENTS or comment_post is not None
    scope = analysis.scope
    if not is_comments and not is_post_page(tree, url, post):
        links = html_links(tree, url, since=analysis.since, assets=analysis.assets)
        found = [f for f in links if f.kind is JobKind.ASSET or f.url in scope]
        root = api_root(tree, url) if analysis.wp_json else None
        return PageResult(LISTING, tuple(found), api_root=root)
    post_url = comment_post if is_comments and comment_post else _post_url(post, url)
    day = published_day(post)
    since = analysis.since
    if not is_comments and since and day is not None and day < since:
        return PageResult(SKIP, reason=f"published {day} before --since {since}")
    found = _post_links(tree, page, url, post_url, analysis)
    if not is_comments:
        found += _comments_api(tree, url, post_url, analysis)
    digest = hashlib.sha256(task.payload).hexdigest()
    return PageResult(POST, tuple(found), post, post_url, is_comments, sha256=digest)


def _comment_links_from_parser(page: Page) -> list[str]:
    """The comments parser's own comment-page links, when that function exists."""
    from .parse import comments as comments_mod

    fn: Any = getattr(comments_mod, "comment_page_links", None)
    if fn is None:
        return []
    try:
        return [str(u) for u in fn(page)]
    except Exception:  # a parser bug must not cost the crawl its own discovery
        return []


def _post_links(
    tree: HtmlElement, page: Page, url: str, post_url: str, analysis: Analysis
) -> list[Found]:
    scope = analysis.scope
    out = []
    extra = [u for u in (canonicalize(x, url) for x in _comment_links_from_parser(page)) if u]
    extra_set = set(extra)
    found = html_links(tree, url, assets=analysis.assets)
    found += [Found(u, JobKind.COMMENTS) for u in extra]
    for f in found:
        if f.kind is JobKind.COMMENTS or f.url in extra_set:
            if f.url in scope:
                out.append(Found(f.url, JobKind.COMMENTS, post_url))
        elif f.kind is JobKind.ASSET or f.url in scope:
            out.append(f)
    return out


def _comments_api(tree: HtmlElement, url: str, post_url: str, analysis: Analysis) -> list[Found]:
    if not analysis.wp_json:
        return []
    root = api_root(tree, url)
    pid = wp_post_id(tree)
    if root is None or pid is None or not analysis.scope.has_host(root):
        return []
    return [Found(comments_url(root, pid, 1), JobKind.API, post_url)]


def _post_url(post: Post, url: str) -> str:
    """The post's canonical URL, when it names one on the same host; else the fetched URL."""
    canon = canonicalize(post.url, url) if post.url else None
    if canon is None or urlsplit(canon).netloc != urlsplit(url).netloc:
        return url
    return comment_page_post(canon) or canon


# --- where it runs ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Failed:
    """A ``ParseError`` crossing the process boundary (its pickled form loses ``reason``)."""

    reason: str
    source: str | None


def _run(task: PageTask) -> PageResult | _Failed:
    """Worker side: analyse with the settings the initializer stored."""
    assert _WORKER_ANALYSIS is not None
    try:
        return analyze_page(task, _WORKER_ANALYSIS)
    except ParseError as exc:
        return _Failed(exc.reason, exc.source)


_WORKER_ANALYSIS: Analysis | None = None


def _init_worker(analysis: Analysis, parent: int) -> None:
    global _WORKER_ANALYSIS
    _WORKER_ANALYSIS = analysis
    # Ctrl-C reaches the whole process group: the crawler handles it and shuts us down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int, poll: float = 0.5) -> None:
    """Exit when the crawler is gone (kill -9 leaves pool workers waiting forever)."""
    first = os.getppid()
    while True:
        time.sleep(poll)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass
        if os.getppid() != first:
            os._exit(0)


def _noop() -> None:
    return None


def default_workers() -> int:
    """One worker per core the process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _context() -> Any:
    """``fork`` where there is one: workers start in milliseconds with the parser already
    imported, and nothing re-imports the caller's ``__main__`` (a script without a main
    guard would run again in each worker under ``spawn``/``forkserver``). The pool starts
    when the crawl starts, before the crawl's own threads; a worker only ever runs
    ``analyze_page``, never the parent's sockets, database or locks."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class InlineAnalyzer:
    """Runs the analysis on the calling thread (``workers=0``)."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis

    async def analyze(self, task: PageTask) -> PageResult:
        return analyze_page(task, self._analysis)

    def close(self) -> None:
        return None


class PagePool:
    """Runs the analysis in ``workers`` processes; a crashed pool is replaced once per page."""

    def __init__(self, analysis: Analysis, workers: int) -> None:
        self._analysis = analysis
        self._workers = max(1, workers)
        self._pool: Executor | None = None
        self._make: Callable[[], Executor] = self._new_pool

    def _new_pool(self) -> Executor:
        return ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=_context(),
            initializer=_init_worker,
            initargs=(self._analysis, os.getpid()),
        )

    def start(self) -> None:
        """Start the workers now (a crawl's first page should not wait for them)."""
        if self._pool is None:
            self._pool = self._make()
            for _ in range(self._workers):
                self._pool.submit(_noop)

    async def analyze(self, task: PageTask) -> PageResult:
        self.start()
        assert self._pool is not None
        loop = asyncio.get_running_loop()
        pool = self._pool
        try:
            out = await loop.run_in_executor(pool, _run, task)
        except BrokenProcessPool:  # a worker died (OOM killer, a crash in C): once more
            if self._pool is pool:
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._make()
            out = await loop.run_in_executor(self._pool, _run, task)
        if isinstance(out, _Failed):
            raise ParseError(out.reason, out.source)
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
