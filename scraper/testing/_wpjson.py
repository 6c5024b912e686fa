"""The WordPress REST API of a generated site: ``wp/v2/posts`` and ``wp/v2/comments``.

Faithful to the quirks the crawler must survive: pages past the end answer 400
``rest_post_invalid_page_number`` and ``per_page`` is capped at 100.
"""

from __future__ import annotations

import json
from typing import Any

from ._response import Response
from ._site import Site, SitePost

__all__ = ["render_api"]

_JSON = "application/json; charset=UTF-8"


def _json(data: Any, status: int = 200, extra: tuple[tuple[str, str], ...] = ()) -> Response:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Response(status, (("Content-Type", _JSON), *extra), body)


def _int(query: dict[str, list[str]], name: str, default: int) -> int:
    try:
        return int(query.get(name, [str(default)])[0])
    except ValueError:
        return default


def _post_json(base: str, p: SitePost) -> dict[str, Any]:
    return {
        "id": p.id,
        "date_gmt": p.published.strftime("%Y-%m-%dT%H:%M:%S"),
        "modified_gmt": p.published.strftime("%Y-%m-%dT%H:%M:%S"),
        "slug": p.slug,
        "link": f"{base}{p.path}",
        "title": {"rendered": p.title},
    }


def _paged(items: list[Any], query: dict[str, list[str]], code: str) -> Response:
    per = max(1, min(100, _int(query, "per_page", 10)))
    page = _int(query, "page", 1)
    total_pages = max(1, (len(items) + per - 1) // per)
    if page < 1 or (page > total_pages and items) or (page > 1 and not items):
        return _json(
            {
                "code": code,
                "message": "The page number requested is larger than the "
                "number of pages available.",
                "data": {"status": 400},
            },
            400,
        )
    headers = (("X-WP-Total", str(len(items))), ("X-WP-TotalPages", str(total_pages)))
    return _json(items[(page - 1) * per : page * per], extra=headers)


def render_api(site: Site, base: str, path: str, query: dict[str, list[str]]) -> Response | None:
    if path == "/wp-json/":
        return _json({"name": "Test Blog", "url": base, "namespaces": ["wp/v2"]})
    if path == "/wp-json/wp/v2/posts":
        posts = [_post_json(base, p) for p in site.posts]
        return _paged(posts, query, "rest_post_invalid_page_number")
    if path.startswith("/wp-json/wp/v2/posts/"):
        tail = path.removeprefix("/wp-json/wp/v2/posts/").strip("/")
        post = site.by_id.get(int(tail)) if tail.isdigit() else None
        return _json(_post_json(base, post)) if post else None
    if path == "/wp-json/wp/v2/comments":
        post = site.by_id.get(_int(query, "post", 0))
        if post is None:
            return _json([], extra=(("X-WP-Total", "0"), ("X-WP-TotalPages", "0")))
        comments = [
            {
                "id": c.id,
                "post": post.id,
                "parent": c.parent,
                "author_name": c.author,
                "date_gmt": c.published.strftime("%Y-%m-%dT%H:%M:%S"),
                "link": f"{base}{post.path}#comment-{c.id}",
                "content": {"rendered": f"<p>{c.text}</p>"},
            }
            for c in post.comments
        ]
        return _paged(comments, query, "rest_comment_invalid_page_number")
    return None
