"""An archive for the ``serve`` tests: the test blog captured twice (a comment edited and one
deleted between the rounds), a post whose page links a stylesheet and an image that were
captured with it (as ``--assets`` would), and a post whose title and comment are hostile
markup, as a page may carry them."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from archive_build import BASE, edit_site, site_with_comments, store_site

from archive import PROFILE_NOT_MODIFIED, Archive
from scraper._records import Capture
from scraper.parse._parse import parse_capture
from scraper.testing import Site

ASSET_POST = f"{BASE}/2020/01/01/styled-post/"
HOSTILE_POST = f"{BASE}/2020/01/02/hostile-post/"
HOSTILE_TITLE = "<script>alert('title')</script> & \"quotes\""
HOSTILE_COMMENT = "<img src=x onerror=alert('comment')> nice post"
STYLE = b"body { background: url(/img/bg.png) } h1 { color: rgb(1, 2, 3) }"
#: when the styled post was found unchanged
REVISIT_AT = "2030-01-01T00:00:00Z"
#: one URL captured at two times with two bodies
TIMED_URL = f"{BASE}/timed.txt"
TIMED = (("2021-01-01T00:00:00Z", "old"), ("2023-01-01T00:00:00Z", "new"))
# a 1x1 PNG
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2a4d3"
    "9a0000000049454e44ae426082"
)


@dataclass(frozen=True, slots=True)
class Built:
    root: Path
    site: Site
    edited_post: str  # URL of the post whose thread changed between the rounds
    edited_id: int
    deleted_id: int


def _capture(url: str, body: bytes, ctype: str, at: str | None = None) -> Capture:
    return Capture(
        url=url,
        status=200,
        fetched_at=at or datetime.now(UTC).isoformat(),
        request_headers=(("User-Agent", "test"),),
        response_headers=(("Content-Type", ctype), ("Set-Cookie", "session=secret")),
        body=body,
        content=body,
    )


def _page(title: str, body: str, comments: str, day: str) -> bytes:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title><link rel='stylesheet' href='/css/site.css'>"
        "<script>document.title = 'ran'</script></head><body>"
        "<article class='post hentry'><h1 class='entry-title'>"
        f"{title}</h1><div class='entry-meta'><span class='byline'><span class='author vcard'>"
        "<a class='url fn n' href='/author/ann/'>Ann</a></span></span> <time class='entry-date' "
        f"datetime='{day}T10:00:00+00:00'>{day}</time></div>"
        f"<div class='entry-content'>{body}<p><img src='/img/photo.png' alt='photo'></p></div>"
        "</article>"
        f"<div id='comments'><ol class='commentlist'>{comments}</ol></div></body></html>"
    ).encode()


def _comment(cid: int, author: str, text: str) -> str:
    return (
        f"<li class='comment' id='comment-{cid}'><article id='div-comment-{cid}' "
        "class='comment-body'><footer class='comment-meta'><div class='comment-author vcard'>"
        f"<b class='fn'>{author}</b> <span class='says'>says:</span></div>"
        f"<div class='comment-metadata'><a href='#comment-{cid}'><time "
        "datetime='2020-01-03T10:00:00+00:00'>January 3, 2020</time></a></div></footer>"
        f"<div class='comment-content'><p>{text}</p></div></article></li>"
    )


def store_extra(root: Path) -> None:
    """The styled post with its assets, and the hostile post, as one more crawl round."""
    from html import escape

    body = "<p>" + "A styled post about kaleidoscopic lanterns. " * 8 + "</p>"
    styled = _page("A styled post", body, _comment(1, "Bo", "Lovely colours."), "2020-01-01")
    hostile = _page(
        escape(HOSTILE_TITLE),
        "<p>" + "Text of a post with hostile markup in its title. " * 8 + "</p>",
        _comment(7, "<b>Mallory</b>", escape(HOSTILE_COMMENT)),
        "2020-01-02",
    )
    with Archive.open(root) as arc:
        crawl_id = arc.begin_crawl("crawl", {"test": True})
        for url, data in ((ASSET_POST, styled), (HOSTILE_POST, hostile)):
            cap = _capture(url, data, "text/html; charset=utf-8")
            ref = arc.sink.write_capture(cap)
            arc.sink.write_post(url, url, parse_capture(cap, ref))
        arc.sink.write_capture(_capture(f"{BASE}/css/site.css", STYLE, "text/css"))
        for name in ("bg.png", "photo.png"):
            arc.sink.write_capture(_capture(f"{BASE}/img/{name}", PNG, "image/png"))
        for at, text in TIMED:
            arc.sink.write_capture(_capture(TIMED_URL, text.encode(), "text/plain", at))
        arc.end_crawl(crawl_id, {})
    with Archive.open(root) as arc:
        # a later round found the styled post unchanged (304): a revisit record, no body
        crawl_id = arc.begin_crawl("recapture", {"test": True})
        original = next(r for r in arc.captures(ASSET_POST) if r.record_type == "response")
        unchanged = Capture(
            url=ASSET_POST,
            status=304,
            fetched_at=REVISIT_AT,
            request_headers=(("User-Agent", "test"),),
            response_headers=(("ETag", '"x"'),),
        )
        arc.write_revisit(unchanged, original, PROFILE_NOT_MODIFIED)
        arc.end_crawl(crawl_id, {})


def build(root: Path, catalog: str | None = None) -> Built:
    """The archive at ``root`` (``catalog``: a PostgreSQL address, else its own SQLite)."""
    site = site_with_comments(4)
    store_site(root, site, catalog=catalog)
    edited, edited_id, deleted_id = edit_site(site)
    store_site(root, edited, kind="recapture")
    store_extra(root)
    return Built(root, site, BASE + site.posts[0].path, edited_id, deleted_id)


class Client:
    """A synchronous client over an ASGI app (httpx's ASGI transport, one event loop per
    request): the tests read like requests, and no server or socket is involved."""

    def __init__(self, app: object, base: str = "http://testserver") -> None:
        self.app = app
        self.base = base

    def get(self, path: str, headers_host: str = "", **params: str) -> httpx.Response:
        headers = {"Host": headers_host} if headers_host else None

        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)  # type: ignore[arg-type]
            async with httpx.AsyncClient(transport=transport, base_url=self.base) as client:
                return await client.get(path, params=params or None, headers=headers)

        return asyncio.run(go())
