"""The WordPress REST API (``/wp-json/``): post discovery and a comment-count cross-check.

Pagination ends at an empty page or a 400 ``rest_*_invalid_page_number``; ``X-WP-TotalPages``
is not trusted (it is computed before permission filtering: WordPress Trac #57223).
"""

from __future__ import annotations

import json
from typing import Any

from .._errors import ParseError
from .._records import Capture
from .._urls import canonicalize
from ._sitemaps import Entry, _day

__all__ = ["comments_url", "is_past_last_page", "parse_comment_ids", "parse_posts", "posts_url"]

PER_PAGE = 100


def _endpoint(root: str, route: str, query: str) -> str:
    if "rest_route=" in root:  # non-pretty permalinks: /?rest_route=/wp/v2/posts&...
        return f"{root.rstrip('/')}/{route}&{query}"
    return f"{root.rstrip('/')}/{route}?{query}"


def posts_url(root: str, page: int) -> str:
    return _endpoint(root, "wp/v2/posts", f"per_page={PER_PAGE}&page={page}")


def comments_url(root: str, post_id: int, page: int) -> str:
    return _endpoint(root, "wp/v2/comments", f"post={post_id}&per_page={PER_PAGE}&page={page}")


def _json_list(capture: Capture) -> list[Any]:
    try:
        data = json.loads(capture.content or capture.body)
    except ValueError as exc:
        raise ParseError(f"not JSON: {exc}", capture.url) from exc
    if not isinstance(data, list):
        raise ParseError("expected a JSON list", capture.url)
    return data


def is_past_last_page(capture: Capture) -> bool:
    """A 400 ``rest_..._invalid_page_number``: the normal end of a paginated listing."""
    if capture.status != 400:
        return False
    try:
        data = json.loads(capture.content or capture.body)
    except ValueError:
        return False
    return isinstance(data, dict) and str(data.get("code", "")).endswith("invalid_page_number")


def parse_posts(capture: Capture) -> list[Entry]:
    """Post permalinks (with their GMT publication day) from a ``wp/v2/posts`` page."""
    out = []
    for item in _json_list(capture):
        if isinstance(item, dict) and isinstance(item.get("link"), str):
            url = canonicalize(item["link"], capture.url)
            if url:
                out.append(Entry(url, _day(str(item.get("date_gmt") or item.get("date") or ""))))
    return out


def parse_comment_ids(capture: Capture) -> list[str]:
    """Comment ids from a ``wp/v2/comments`` page."""
    return [str(c["id"]) for c in _json_list(capture) if isinstance(c, dict) and "id" in c]
