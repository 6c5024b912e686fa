"""The two ASGI apps of ``serve``: the reading app and the replay origin.

Handlers are ``async`` and do their (short, local) SQLite and WARC reads on the event loop's
thread: the connections are then only ever used by one thread, and a single reader on a
local archive gains nothing from a thread pool. Every response of the app carries a
Content-Security-Policy without scripts (the app has none), and templates autoescape, so
text from archived pages (titles, comments, author names) is only ever text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Receive, Scope, Send

from archive import Archive

from ._index import SearchIndex
from ._pages import Pages
from ._replay import Replayer

__all__ = ["ServeState", "app_csp", "create_app", "create_replay_app", "dispatch"]

STATIC = Path(__file__).parent / "static"
_HOST_NAME = re.compile(r"[A-Za-z0-9.:-]{1,253}")


def app_csp(replay_origin: str) -> str:
    """No scripts at all; frames only from the replay origin; nothing loaded from elsewhere."""
    return (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        f"frame-src {replay_origin}; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )


@dataclass(frozen=True, slots=True)
class ServeState:
    """What the handlers read: the archive (read-only), the search index, the replayer."""

    archive: Archive
    index: SearchIndex
    replayer: Replayer
    replay_origin: str  # e.g. http://127.0.0.1:8701; "" to derive from the request
    replay_port: int
    page_size: int


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("archive.serve", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tojson_pretty"] = lambda v: json.dumps(v, ensure_ascii=False, indent=2)
    return Jinja2Templates(env=env)


class _SecurityHeaders:
    """Adds the app's CSP and friends to every response (errors and static files too)."""

    def __init__(self, app: ASGIApp, state: ServeState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        origin = replay_origin_for(self.state, request)

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", app_csp(origin).encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def replay_origin_for(state: ServeState, request: Request) -> str:
    """The replay origin as this browser reaches it: the host it used for the app, so a
    user on ``localhost`` gets replays on ``localhost`` too."""
    if state.replay_origin:
        return state.replay_origin
    host = request.url.hostname or ""
    if not _HOST_NAME.fullmatch(host):  # it goes into a header and a URL: names only
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{state.replay_port}"


def create_app(state: ServeState, hosts: list[str]) -> Starlette:
    """The reading app: list, post, history, replay frame, downloads."""
    pages = Pages(state, _templates(), lambda r: replay_origin_for(state, r))

    async def not_found(request: Request, exc: Exception) -> Response:
        code = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
        return pages.error(request, code, str(detail))

    routes = [
        Route("/", pages.posts_list, name="list"),
        Route("/post", pages.post, name="post"),
        Route("/post.json", pages.post_json, name="post_json"),
        Route("/history", pages.history, name="history"),
        Route("/replay", pages.replay, name="replay"),
        Route("/exports/", pages.exports, name="exports"),
        Route("/exports/{name}", pages.export_file, name="export_file"),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(
        routes=routes,
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=hosts),
            Middleware(_SecurityHeaders, state=state),
        ],
        exception_handlers={404: not_found, 400: not_found, 500: not_found},
    )


def create_replay_app(replayer: Replayer, hosts: list[str]) -> Starlette:
    """The replay origin: ``/<timestamp>/<URL>`` and nothing else."""

    async def index(_request: Request) -> Response:
        return HTMLResponse(
            "<!DOCTYPE html><title>replay</title><p>Replay origin of blog-archiver serve.",
            headers=replayer.headers(),
        )

    return Starlette(
        routes=[Route("/", index), Route("/{rest:path}", replayer.endpoint)],
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts)],
    )


def dispatch(app: ASGIApp, replay: ASGIApp, replay_port: int) -> ASGIApp:
    """One ASGI app for one uvicorn server listening on both ports: requests that arrived
    on the replay port go to the replay app, by the socket they came in on (the ``Host``
    header is the client's to choose, the socket is not)."""

    async def route(scope: Scope, receive: Receive, send: Send) -> None:
        server = scope.get("server")
        if scope["type"] == "http" and server and server[1] == replay_port:
            await replay(scope, receive, send)
        else:
            await app(scope, receive, send)

    return route
