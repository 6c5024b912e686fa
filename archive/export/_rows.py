"""Posts and comments as flat rows: the columns of the CSV and Parquet datasets.

Kept apart from the writers so that the column list is one readable table (what researchers
see) and so that every format shares it. Lists become native list columns in Parquet and
``" | "``-joined text in CSV.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from scraper._records import Comment, Post

__all__ = [
    "CAPTURE_COLUMNS",
    "COMMENT_COLUMNS",
    "LIST_SEPARATOR",
    "POST_COLUMNS",
    "ColumnType",
    "comment_rows",
    "post_row",
]

ColumnType = Literal["str", "int", "bool", "list"]
LIST_SEPARATOR = " | "

#: One row per post (without the comment list: that is the comments dataset).
POST_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("url", "str"),
    ("site_name", "str"),
    ("site_url", "str"),
    ("title", "str"),
    ("author_name", "str"),
    ("author_url", "str"),
    ("authors", "list"),
    ("published", "str"),
    ("modified", "str"),
    ("categories", "list"),
    ("tags", "list"),
    ("language", "str"),
    ("body_text", "str"),
    ("quotes_count", "int"),
    ("links_count", "int"),
    ("images_count", "int"),
    ("read_more_url", "str"),
    ("read_more_text", "str"),
    ("comment_count", "int"),
    ("comments_captured", "int"),
    ("fetched_url", "str"),
    ("fetched_at", "str"),
    ("status", "int"),
    ("sha256", "str"),
    ("extractor", "str"),
    ("extractor_version", "str"),
)

#: One row per comment, keyed to its post by ``post_url``.
COMMENT_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("post_url", "str"),
    ("id", "str"),
    ("parent_id", "str"),
    ("root_id", "str"),
    ("depth", "int"),
    ("position", "int"),
    ("url", "str"),
    ("author_name", "str"),
    ("author_url", "str"),
    ("published", "str"),
    ("text", "str"),
    ("html", "str"),
    ("quotes_count", "int"),
    ("is_post_author", "bool"),
)

#: Added to both datasets with ``--all-captures``: which version a row belongs to.
CAPTURE_COLUMNS: tuple[tuple[str, ColumnType], ...] = (("crawl_id", "int"), ("captured_at", "str"))


def post_row(post: Post) -> dict[str, Any]:
    src = post.source
    return {
        "url": post.url,
        "site_name": post.site.name,
        "site_url": post.site.url,
        "title": post.title,
        "author_name": post.author.name if post.author else None,
        "author_url": post.author.url if post.author else None,
        "authors": [a.name for a in post.authors if a.name],
        "published": post.published,
        "modified": post.modified,
        "categories": list(post.categories),
        "tags": list(post.tags),
        "language": post.language,
        "body_text": post.body.text if post.body else None,
        "quotes_count": len(post.quotes),
        "links_count": len(post.links),
        "images_count": len(post.images),
        "read_more_url": post.read_more.url if post.read_more else None,
        "read_more_text": post.read_more.text if post.read_more else None,
        "comment_count": post.comment_count,
        "comments_captured": len(post.comments),
        "fetched_url": src.fetched_url if src else None,
        "fetched_at": src.fetched_at if src else None,
        "status": src.status if src else None,
        "sha256": src.sha256 if src else None,
        "extractor": post.extractor.name,
        "extractor_version": post.extractor.version,
    }


def comment_rows(post: Post) -> Iterator[dict[str, Any]]:
    """The post's comments in thread order, each with its thread's top-level comment id."""
    roots: dict[str, str | None] = {}
    for position, c in enumerate(post.comments):
        root = _root_of(c, roots)
        if c.id is not None:
            roots[c.id] = root
        yield {
            "post_url": post.url,
            "id": c.id,
            "parent_id": c.parent_id,
            "root_id": root,
            "depth": c.depth,
            "position": position,
            "url": c.url,
            "author_name": c.author.name,
            "author_url": c.author.url,
            "published": c.published,
            "text": c.text,
            "html": c.html,
            "quotes_count": len(c.quotes),
            "is_post_author": c.is_post_author,
        }


def _root_of(c: Comment, roots: dict[str, str | None]) -> str | None:
    # Thread order puts parents first, so a reply's parent is already known.
    if c.parent_id is None:
        return c.id
    return roots.get(c.parent_id, c.parent_id)
