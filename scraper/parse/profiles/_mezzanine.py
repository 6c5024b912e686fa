"""Mezzanine (a Django CMS, its blog app) under its default Bootstrap templates: the post's
text loose in ``div.middle`` between the "Posted by" line and the tags, threaded comments
as nested ``div.comment.media`` (each reply inside its parent's ``.media-body``), each with
a hidden reply form of its own. Every date is "3 months ago" (``timesince``): none is read."""

from __future__ import annotations

from ..dom._page import Page
from ._detect import head_urls_have
from ._profile import CommentSelectors, Profile

__all__ = ["MEZZANINE"]


def _is_mezzanine(page: Page) -> bool:
    # the default base.html loads Mezzanine's own jQuery and stylesheet from its static dir
    return head_urls_have(page, "/static/mezzanine/", "/css/mezzanine.css")


MEZZANINE = Profile(
    name="mezzanine",
    detect=_is_mezzanine,
    article=(".middle",),
    title=(".container > h1",),
    author=("h6.post-meta a[href*='/author/']",),
    tags=("ul.tags a",),
    body=(".middle",),
    body_strip=(
        "h6.post-meta",
        "ul.tags",
        ".rating",
        ".pager",
        "#related-posts",
        "#comments",
        ".share-twitter",
        ".share-facebook",
        "a[href='#comments']",
        "a[href$='#disqus_thread']",
    ),
    comments=CommentSelectors(
        thread=("#comments",),
        # a removed or unapproved comment is a placeholder without .media-body (no name,
        # no text): the items are the comments a visitor can read
        item=("div.comment.media",),
        children=(".media-body",),
        author=(".media-heading > a", ".media-heading"),
        author_url=(".media-heading > a",),
        date=(),
        permalink=("a[href*='#comment-']",),
        content=(".media-body > p",),
        strip=(".media-heading", ".rating", ".comment-reply-form", "a.reply"),
        count=("a[href='#comments']",),
        id_pattern=r"^comment-(\d+)$",
        post_author_class="comment-author",
    ),
)
