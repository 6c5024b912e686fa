"""One HTML page in, everything the crawl needs from it out: ONE lxml tree per page.

``analyze_page`` decodes the payload, builds the tree once and from that same tree runs the
parser (``parse_tree``), the post/listing decision (``is_post_page``), link discovery
(``html_links``), the parser's comment-page links and the REST hints. It is pure (no I/O,
no clock), so the crawler runs it in worker processes (``PagePool``): the event loop
keeps fetching while pages are parsed on the other cores, and only the payload goes out
and a small ``PageResult`` (the ``Post`` and link lists) comes back.

What to *do* with the result (write the post, queue links, finish the job) stays with the
crawler (``crawl_pages``), on its writer thread and in the same order as before.
"""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import itertools
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
from concurrent.futures import Future
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
    "WorkerDied",
    "analyze_page",
    "default_workers",
    "worker_main",
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


class WorkerDied(RuntimeError):
    """A parse worker process ended while pages were in its care."""


def _answer(analysis: Analysis, task: PageTask) -> tuple[bool, object]:
    try:
        return True, analyze_page(task, analysis)
    except ParseError as exc:
        return True, _Failed(exc.reason, exc.source)
    except Exception as exc:  # a parser bug: the page fails, the worker lives on
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return False, exc


def worker_main() -> None:
    """``python -m scraper._analyze_worker``: answer pickled ``(id, Analysis, PageTask)`` frames on
    stdin with ``(id, ok, result)`` frames on stdout until stdin closes (the crawler is done,
    or gone: a kill -9 closes the pipe too)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the crawler's to handle
    inp = sys.stdin.buffer
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print() must not corrupt the frames
    while True:
        head = inp.read(_HEAD.size)
        if len(head) < _HEAD.size:
            return
        (n,) = _HEAD.unpack(head)
        ident, analysis, task = pickle.loads(inp.read(n))
        ok, value = _answer(analysis, task)
        data = pickle.dumps((ident, ok, value), protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_HEAD.pack(len(data)) + data)
        out.flush()


_HEAD = struct.Struct("!Q")


class _Worker:
    """One worker process and a reader thread that completes its futures."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p or os.getcwd() for p in sys.path)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "scraper._analyze_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self._lock = threading.Lock()
        self._ids = itertools.count()
        self.pending: dict[int, Future[Any]] = {}
        self.alive = True
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        threading.Thread(target=self._read, name="page-worker-reader", daemon=True).start()
        threading.Thread(target=self._send, name="page-worker-sender", daemon=True).start()

    def submit(self, analysis: Analysis, task: PageTask) -> Future[Any]:
        """Queue a page; never blocks (a full pipe waits in the sender thread, not here:
        the caller is the event loop)."""
        fut: Future[Any] = Future()
        with self._lock:
            if not self.alive:
                fut.set_exception(WorkerDied("page worker is gone"))
                return fut
            ident = next(self._ids)
            self.pending[ident] = fut
        data = pickle.dumps((ident, analysis, task), protocol=pickle.HIGHEST_PROTOCOL)
        self._outbox.put(_HEAD.pack(len(data)) + data)
        return fut

    def _send(self) -> None:
        stream = self.proc.stdin
        assert stream is not None
        while (frame := self._outbox.get()) is not None:
            try:
                stream.write(frame)
                stream.flush()
            except (OSError, ValueError):
                with self._lock:
                    self._die_locked()
                return
        try:
            stream.close()
        except OSError:
            pass

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        try:
            while True:
                head = stream.read(_HEAD.size)
                if len(head) < _HEAD.size:
                    break
                (n,) = _HEAD.unpack(head)
                ident, ok, value = pickle.loads(stream.read(n))
                with self._lock:
                    fut = self.pending.pop(ident, None)
                if fut is None:
                    continue
                if ok:
                    fut.set_result(value)
                else:
                    fut.set_exception(value)
        except Exception:  # a torn frame: the worker died mid-write
            pass
        with self._lock:
            self._die_locked()

    def _die_locked(self) -> None:
        if self.alive:
            self._outbox.put(None)  # ends the sender thread
        self.alive = False
        pending, self.pending = self.pending, {}
        for fut in pending.values():
            if not fut.done():
                fut.set_exception(WorkerDied(f"page worker {self.proc.pid} died"))

    def close(self) -> None:
        """Let the worker finish what it was sent, then see its stdin close and exit."""
        with self._lock:
            self.alive = False
        self._outbox.put(None)


class _Workers:
    """The process's parse workers, started on first need and shared by every crawl (a
    test suite runs many crawls; each would otherwise pay for interpreter start-ups)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        atexit.register(self.close)

    def pick(self, n: int) -> _Worker:
        """The least busy of the first ``n`` workers, replacing dead ones."""
        with self._lock:
            while len(self._workers) < n:
                self._workers.append(_Worker())
            for i in range(n):
                if not self._workers[i].alive:
                    self._workers[i] = _Worker()
            return min(self._workers[:n], key=lambda w: len(w.pending))

    def start(self, n: int) -> None:
        self.pick(n)

    def close(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, []
        for w in workers:
            w.close()


_WORKERS = _Workers()


def default_workers() -> int:
    """One worker per core the process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class InlineAnalyzer:
    """Runs the analysis on the calling thread (``workers=0``)."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis

    async def analyze(self, task: PageTask) -> PageResult:
        return analyze_page(task, self._analysis)

    def close(self) -> None:
        return None


class PagePool:
    """Runs the analysis in ``workers`` processes (``python -m scraper._analyze_worker``: a fresh
    interpreter that inherits none of the crawler's files, locks or threads). A page whose
    worker died is tried once more on a new one."""

    def __init__(self, analysis: Analysis, workers: int) -> None:
        self._analysis = analysis
        self._workers = max(1, workers)

    def start(self) -> None:
        """Start the workers now (a crawl's first page should not wait for them)."""
        _WORKERS.start(self._workers)

    async def analyze(self, task: PageTask) -> PageResult:
        for attempt in (1, 2):
            worker = _WORKERS.pick(self._workers)
            try:
                out = await asyncio.wrap_future(worker.submit(self._analysis, task))
                break
            except WorkerDied:
                if attempt == 2:
                    raise
        if isinstance(out, _Failed):
            raise ParseError(out.reason, out.source)
        assert isinstance(out, PageResult)
        return out

    def close(self) -> None:
        return None  # the workers stay for the next crawl; they exit with the process
