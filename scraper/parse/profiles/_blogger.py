"""Blogger / Blogspot.

Current layouts render ``div.comment-thread > ol > li.comment`` with ``.comment-block``
(``.comment-header cite.user``, ``.datetime a``, ``p.comment-content``) and replies in
``.comment-replies``; classic templates use ``dl#comments-block`` with ``dt.comment-author``
(the author and the permalink anchor), ``dd.comment-body`` and ``dd.comment-footer`` (the
date) as *siblings*, handled by the ``dl`` layout in ``comments``.
"""

from __future__ import annotations

from ..dom._page import Page
from ._detect import generator_has, head_hosts_have
from ._profile import CommentSelectors, Profile

__all__ = ["BLOGGER"]


def _is_blogger(page: Page) -> bool:
    if generator_has(page, "blogger"):
        return True
    return head_hosts_have(page, "blogger.com", "blogspot.com", "blogblog.com")


BLOGGER = Profile(
    name="blogger",
    detect=_is_blogger,
    article=(".post.hentry", ".post-outer", ".post"),
    title=("h3.post-title", "h1.post-title", ".post-title"),
    author=(".post-author .fn", ".post-author a", ".g-profile", ".post-author"),
    published=("abbr.published", "time.published", ".post-timestamp abbr", "h2.date-header"),
    modified=("abbr.updated",),
    categories=(".post-labels a", "a[rel=tag]"),
    tags=(),
    body=(".post-body", ".entry-content"),
    body_strip=(".post-share-buttons", ".post-footer", ".blog-pager", ".comments"),
    comments=CommentSelectors(
        thread=(".comment-thread", "#comments-block", "#comments"),
        item=("li.comment", "dt.comment-author"),
        children=(".comment-replies",),
        author=("cite.user", ".comment-header .user", ".user", "dt > a[href]", "dt"),
        author_url=("cite.user a", ".user a"),
        date=(".datetime a", ".datetime", ".comment-timestamp a", ".comment-footer"),
        permalink=(".datetime a", ".comment-timestamp a"),
        content=(".comment-content", "p.comment-content", "dd.comment-body", ".comment-body"),
        strip=(".comment-actions", ".item-control", ".comment-header", ".avatar-image-container"),
        count=("#comments h4", "#comments > h4", ".comments h4", "#comments h3"),
        post_author_class="blog-author",
        id_pattern=r"(?:c|comment-)?(\d+)$",
    ),
)
