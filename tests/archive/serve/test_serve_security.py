"""``serve``'s walls: nothing from a page runs in the app, no path outside the archive is
served, the catalog is never written, answers carry their policies, strangers' Host names
are refused."""

from __future__ import annotations

import asyncio
import hashlib
import re
import sqlite3
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from conftest import APP_PORT, REPLAY_PORT, Served
from serve_build import ASSET_POST, HOSTILE_COMMENT, HOSTILE_POST, HOSTILE_TITLE, Client
from starlette.requests import Request

from archive.serve import create_app, dispatch
from archive.serve._app import replay_origin_for
from archive.serve._pages import export_path, highlight, web
from archive.serve._rewrite import rewrite_html


def _pages(served: Served) -> list[str]:
    url = served.built.edited_post
    return [
        "/",
        "/?q=hostile",
        f"/post?url={HOSTILE_POST}",
        f"/history?url={HOSTILE_POST}",
        f"/post?url={url}",
        f"/history?url={url}",
        f"/replay?url={ASSET_POST}&at=2100",
        "/exports/",
        "/post?url=nothing",
        "/static/style.css",
    ]


def test_hostile_title_and_comment_are_text_everywhere(served: Served) -> None:
    for path in _pages(served)[:4]:
        html = served.app.get(path).text
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html, path
        doc = lxml.html.document_fromstring(html)
        assert not doc.cssselect("main script, main img"), path
    post = served.app.get("/post", url=HOSTILE_POST).text
    doc = lxml.html.document_fromstring(post)
    assert doc.get_element_by_id("title").text_content() == HOSTILE_TITLE
    assert HOSTILE_COMMENT in doc.cssselect("li.comment .text")[0].text_content()


def test_archived_urls_become_links_only_when_they_are_web_addresses() -> None:
    assert web("https://blog.example/a") == "https://blog.example/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "", None):
        assert web(bad) == "#"
    assert str(highlight("<b>\x02word\x03</b>")) == "&lt;b&gt;<mark>word</mark>&lt;/b&gt;"


def test_every_app_answer_carries_a_policy_without_scripts(served: Served) -> None:
    for path in _pages(served):
        r = served.app.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp, path
        assert "script" not in csp, path  # default-src 'none' covers scripts: none at all
        assert f"frame-src http://testserver:{REPLAY_PORT}" in csp
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_replays_are_sandboxed_scriptless_and_framed_only_by_the_app(served: Served) -> None:
    for path in (f"/2100/{ASSET_POST}", "/2100/http://blog.test/css/site.css", "/2100/nope"):
        csp = served.replay.get(path).headers["content-security-policy"]
        directives = [d.strip() for d in csp.split(";")]
        assert directives[0] == "sandbox"  # opaque origin, no scripts, no forms, no popups
        assert "script-src 'none'" in directives
        assert "connect-src 'none'" in directives
        assert f"frame-ancestors http://127.0.0.1:{APP_PORT}" in csp


def test_replayed_links_stay_in_the_archive() -> None:
    page = (
        b"<html><head><base href='http://blog.test/sub/'><style>p{background:url(a.png)} "
        b"@import 'b.css';</style></head><body><a href='javascript:alert(1)'>x</a>"
        b"<a href='#c'>c</a><a href='mailto:a@b.c'>m</a><a href='//cdn.example/x.js'>cdn</a>"
        b"<img srcset='s1.png 1x, /s2.png 2x' src='p.png' style='background:url(\"q.png\")'>"
        b"<meta http-equiv='refresh' content='5; url=/next/'></body></html>"
    )
    out = rewrite_html(page, "text/html", "http://blog.test/post/", "20240101000000").decode()
    doc = lxml.html.document_fromstring(out)
    assert not doc.cssselect("base")
    hrefs = [a.get("href") for a in doc.cssselect("a")]
    ts = "/20240101000000/"
    assert hrefs == ["#", "#c", "mailto:a@b.c", ts + "http://cdn.example/x.js"]
    img = doc.cssselect("img")[0]
    assert img.get("src") == ts + "http://blog.test/sub/p.png"
    assert (
        img.get("srcset") == f"{ts}http://blog.test/sub/s1.png 1x, {ts}http://blog.test/s2.png 2x"
    )
    assert f'url("{ts}http://blog.test/sub/q.png")' in img.get("style")
    style = doc.cssselect("style")[0].text
    assert f"url({ts}http://blog.test/sub/a.png)" in style
    assert f"@import '{ts}http://blog.test/sub/b.css'" in style
    assert doc.cssselect("meta")[0].get("content") == f"5; url={ts}http://blog.test/next/"


@pytest.mark.parametrize(
    "path",
    [
        "/exports/../catalog.sqlite",
        "/exports/..%2Fcatalog.sqlite",
        "/exports/%2e%2e%2fcatalog.sqlite",
        "/exports/.hidden",
        "/static/../_app.py",
        "/static/%2e%2e/_app.py",
        "/static/..%2f_app.py",
        "/exports/%2Fetc%2Fpasswd",
    ],
)
def test_no_path_outside_the_archive_is_served(served: Served, path: str) -> None:
    r = served.app.get(path)
    assert r.status_code == 404
    assert "sqlite" not in r.headers.get("content-type", "")
    assert "def create_app" not in r.text


def test_an_export_link_leading_out_of_the_folder_is_not_followed(
    served: Served, tmp_path: Path
) -> None:
    exports = served.built.root / "exports"
    exports.mkdir(exist_ok=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (exports / "link.txt").symlink_to(secret)
    try:
        assert served.app.get("/exports/link.txt").status_code == 404
        assert "link.txt" not in served.app.get("/exports/").text
        assert export_path(exports, "link.txt") is None
        assert export_path(exports, "../catalog.sqlite") is None
    finally:
        (exports / "link.txt").unlink()


def test_replay_serves_warc_files_named_by_the_catalog_only_inside_warc(served: Served) -> None:
    replayer = served.state.replayer
    names = [r.warc_file for r in served.state.archive.captures()]
    assert all(replayer._inside(n) for n in names)
    for bad in ("../catalog.sqlite", "/etc/passwd", "../warc/../catalog.sqlite", "a/../../x"):
        assert not replayer._inside(bad)


def test_strangers_host_names_are_refused(served: Served) -> None:
    """A DNS-rebinding page reaches us under its own name: it gets nothing."""
    for client in (served.app, served.replay):
        stranger = Client(client.app, base="http://evil.example")
        r = stranger.get("/")
        assert r.status_code == 400


def test_the_catalog_is_never_written(served: Served) -> None:
    catalog = served.built.root / "catalog.sqlite"
    before = hashlib.sha256(catalog.read_bytes()).hexdigest(), catalog.stat().st_mtime_ns
    for path in _pages(served):
        served.app.get(path)
    served.replay.get(f"/2100/{ASSET_POST}")
    after = hashlib.sha256(catalog.read_bytes()).hexdigest(), catalog.stat().st_mtime_ns
    assert before == after
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        served.state.index.catalog.execute("DELETE FROM pages")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        served.state.replayer.catalog.execute("CREATE TABLE x (a)")


def test_requests_on_the_replay_socket_reach_only_the_replay_app(served: Served) -> None:
    seen: list[str] = []

    def app(name: str) -> Any:
        async def call(scope: Any, receive: Any, send: Any) -> None:
            seen.append(name)

        return call

    route = dispatch(app("app"), app("replay"), REPLAY_PORT)
    for port in (APP_PORT, REPLAY_PORT):
        scope = {"type": "http", "server": ("127.0.0.1", port), "headers": []}
        asyncio.run(route(scope, None, None))  # type: ignore[arg-type]
    assert seen == ["app", "replay"]


def test_the_app_has_no_script_of_its_own(served: Served) -> None:
    hosts = ["testserver"]
    client = Client(create_app(served.state, hosts))
    for path in _pages(served)[:-1]:
        assert "<script" not in client.get(path).text.lower()


def test_a_host_header_never_writes_into_the_policy(served: Served) -> None:
    """Bound to every address (``*`` hosts), the Host header picks the replay origin's name:
    only a host name gets in (Starlette drops a malformed header, our check the rest)."""
    app = create_app(served.state, ["*"])
    for host in ("evil.example;script-src *", "a b", "x'y", "ok.example"):
        r = Client(app, base="http://placeholder").get("/", headers_host=host)
        csp = r.headers["content-security-policy"]
        assert "script-src" not in csp
        assert re.search(rf"; frame-src http://[A-Za-z0-9.:-]+:{REPLAY_PORT}; ", csp), csp
    scope = {"type": "http", "scheme": "http", "server": ("x", 80), "path": "/",
             "query_string": b"", "headers": [(b"host", b"x'y")]}  # fmt: skip
    origin = replay_origin_for(served.state, Request(scope))
    assert origin == f"http://127.0.0.1:{REPLAY_PORT}"
