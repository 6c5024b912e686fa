"""The app's pages: the posts list, a post with its thread, its history, a replay frame,
downloads. Each handler reads the request's parameters, asks the index or the archive, and
hands plain values to a template (which escapes them)."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.templating import Jinja2Templates

from scraper import Post

from ..recapture._history import Fetch, build_history, diff_posts
from ._chart import growth_svg
from ._query import MARK_CLOSE, MARK_OPEN, Facets, Filters, facets, list_posts
from ._replay import timestamp_of
from ._thread import nest

if TYPE_CHECKING:
    from ._app import ServeState

__all__ = ["Pages"]

#: Seconds between two looks at the catalog for pages parsed since (a crawl beside us).
REFRESH_EVERY = 30.0


def paragraphs(text: str | None) -> list[str]:
    """Body or comment text as the record keeps it: paragraphs split by a blank line."""
    return [p for p in (text or "").split("\n\n") if p.strip()]


def web(url: str | None) -> str:
    """An archived URL as a link target only when it is a web address: a ``javascript:``
    or ``data:`` "URL" from a page must never become a live link in the app."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return "#"


def highlight(snippet: str | None) -> Markup:
    """FTS5's snippet with its match markers as ``<mark>``: escape first, then mark."""
    text = escape(snippet or "")
    return Markup(str(text).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


class Pages:
    def __init__(
        self, state: ServeState, templates: Jinja2Templates, origin: Callable[[Request], str]
    ) -> None:
        self.state = state
        self.templates = templates
        self.origin = origin
        self.templates.env.filters["paragraphs"] = paragraphs
        self.templates.env.filters["web"] = web
        self.templates.env.filters["highlight"] = highlight
        self._facets: tuple[int, Facets] | None = None
        self._checked = time.monotonic()
        self.stale = False  # the catalog changed more than a live refresh takes on
        self.facets()  # at start: ~0.6 s on 100,000 posts, not the first reader's wait

    def render(self, request: Request, name: str, status: int = 200, **ctx: Any) -> Response:
        return self.templates.TemplateResponse(request, name, ctx, status_code=status)

    def error(self, request: Request, status: int, message: str) -> Response:
        return self.render(
            request, "error.html", status=status, status_code=status, message=message
        )

    def facets(self) -> Facets:
        """Filter menus, recomputed only when the index changed."""
        db = self.state.index.db
        (version,) = db.execute("PRAGMA data_version").fetchone()
        stamp = hash((version, db.total_changes))
        if self._facets is None or self._facets[0] != stamp:
            self._facets = (stamp, facets(db))
        return self._facets[1]

    def _versions(self, url: str) -> list[tuple[int, str, Post]]:
        versions = self.state.archive.post_versions(url)
        if not versions:
            raise HTTPException(404, f"no post {url!r} in this archive")
        return versions

    def catch_up(self) -> None:
        """Index what a crawl running beside us parsed since the last look (at most every
        ``REFRESH_EVERY`` seconds, and only small updates: a big change waits for a restart)."""
        now = time.monotonic()
        if now - self._checked < REFRESH_EVERY:
            return
        self._checked = now
        index = self.state.index
        if index.behind():
            info = index.refresh(live=True)
            self.stale = info is None

    # --- the list ------------------------------------------------------------------------
    async def posts_list(self, request: Request) -> Response:
        self.catch_up()
        params = request.query_params
        f = Filters.from_query(params)
        page = list_posts(
            self.state.index.db,
            f,
            after=params.get("after", ""),
            before=params.get("before", ""),
            size=self.state.page_size,
        )
        return self.render(
            request,
            "list.html",
            filters=f,
            page=page,
            facets=self.facets(),
            params=f.params(),
            stale=self.stale,
        )

    # --- one post ------------------------------------------------------------------------
    async def post(self, request: Request) -> Response:
        url = request.query_params.get("url", "")
        versions = self._versions(url)
        crawl = _int(request.query_params.get("crawl"))
        chosen = next((v for v in versions if v[0] == crawl), versions[-1])
        crawl_id, captured_at, post = chosen
        return self.render(
            request,
            "post.html",
            url=url,
            post=post,
            thread=nest(post.comments),
            crawl_id=crawl_id,
            captured_at=captured_at,
            timestamp=timestamp_of(captured_at),
            versions=versions,
            latest=chosen is versions[-1],
        )

    async def post_json(self, request: Request) -> Response:
        url = request.query_params.get("url", "")
        crawl_id, _at, post = self._versions(url)[-1]
        body = json.dumps(post.to_dict(), ensure_ascii=False, indent=2) + "\n"
        name = download_name(url, crawl_id)
        return Response(
            body,
            media_type="application/json",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    # --- history -------------------------------------------------------------------------
    async def history(self, request: Request) -> Response:
        url = request.query_params.get("url", "")
        versions = self._versions(url)
        fetches = [
            Fetch(r.crawl_id, r.fetched_at, r.record_type, r.status)
            for r in self.state.archive.captures(url)
        ]
        h = build_history(url, versions, fetches)
        ids = [v[0] for v in versions]
        a = _int(request.query_params.get("a"))
        b = _int(request.query_params.get("b"))
        a = a if a in ids else ids[max(0, len(ids) - 2)]
        b = b if b in ids else ids[-1]
        old = next(v for v in versions if v[0] == a)
        new = next(v for v in versions if v[0] == b)
        diff = diff_posts(old[2], new[2])
        points = [(at, len(p.comments)) for _, at, p in versions]
        return self.render(
            request,
            "history.html",
            url=url,
            title=versions[-1][2].title,
            history=h,
            versions=versions,
            a=old,
            b=new,
            diff=diff,
            chart=growth_svg(points),
            timestamp_of=timestamp_of,
        )

    # --- replay --------------------------------------------------------------------------
    async def replay(self, request: Request) -> Response:
        url = request.query_params.get("url", "")
        at = request.query_params.get("at", "")
        if not url or not at.isdigit():
            raise HTTPException(400, "replay needs ?url=URL&at=TIMESTAMP")
        row = self.state.replayer.find(url, at)
        if row is None:
            raise HTTPException(404, f"{url!r} is not in this archive")
        ts = timestamp_of(row.fetched_at)
        src = self.origin(request) + f"/{ts}/{row.url}"
        return self.render(request, "replay.html", url=row.url, row=row, src=src, timestamp=ts)

    # --- downloads -----------------------------------------------------------------------
    async def exports(self, request: Request) -> Response:
        folder = self.state.archive.exports_dir
        files = []
        if folder.is_dir():
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if entry.is_file(follow_symlinks=False) and not entry.name.startswith("."):
                    st = entry.stat()
                    when = datetime.fromtimestamp(st.st_mtime, UTC).strftime("%Y-%m-%d %H:%M")
                    files.append((entry.name, st.st_size, when))
        return self.render(request, "exports.html", files=files)

    async def export_file(self, request: Request) -> Response:
        path = export_path(self.state.archive.exports_dir, request.path_params["name"])
        if path is None:
            raise HTTPException(404, "no such export")
        return FileResponse(path, filename=path.name, content_disposition_type="attachment")


def export_path(exports: Path, name: str) -> Path | None:
    """A file of ``DIR/exports`` by its plain name, or ``None``: no ``..``, no sub-folders,
    no link that leads out of the folder."""
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\x00" in name:
        return None
    folder = exports.resolve()
    path = (folder / name).resolve()
    if path.parent != folder or not path.is_file():
        return None
    return path


def download_name(url: str, crawl_id: int) -> str:
    """``post-<crawl>-<last path segment>.json``, in characters every file system takes."""
    segment = next((s for s in reversed(url.split("?")[0].split("/")) if s), "post")
    return f"post-{crawl_id}-{re.sub(r'[^A-Za-z0-9._-]+', '-', segment)[:80]}.json"
