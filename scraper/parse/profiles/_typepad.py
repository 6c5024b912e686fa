"""TypePad and Movable Type: ``.comment`` items with ``.comment-content`` and a
``.comment-footer`` that holds "Posted by: NAME | DATE" (the author link inside it)."""

from __future__ import annotations

from ..dom._page import Page
from ._detect import generator_has, head_hosts_have, head_urls_have
from ._profile import CommentSelectors, Profile

__all__ = ["TYPEPAD"]


def _is_typepad(page: Page) -> bool:
    if generator_has(page, "typepad", "movable type", "movabletype"):
        return True
    return head_hosts_have(page, "typepad.com") or head_urls_have(page, "/mt-static/")


TYPEPAD = Profile(
    name="typepad",
    detect=_is_typepad,
    article=(".entry", ".entry-asset", "#alpha-inner"),
    title=("h3.entry-header", "h1.entry-header", ".entry-header", "h2.asset-name"),
    author=(".entry-footer .post-footers a[rel=author]", ".asset-meta .byline .vcard a"),
    published=("abbr.published", ".entry-footer .post-footers", ".date-header", "h2.date-header"),
    # "Posted by <a>Author</a> at 09:15 AM in <a>News</a>": links after the author's
    categories=(".entry-categories a", ".post-footers a:not(:first-child)"),
    tags=(".entry-tags a", ".asset-tags a"),
    body=(".entry-body", ".entry-content", ".asset-body"),
    body_strip=(".entry-footer", ".asset-footer", ".typelist-thumbnailed", "#comments"),
    comments=CommentSelectors(
        thread=("#comments-content", ".comments-content", "#comments"),
        item=(".comment", ".comment-outer"),
        children=(),
        # "Posted by: NAME | DATE", the name linked or not
        author=(".comment-footer", ".comment-author", ".user-name"),
        author_url=(),
        date=(".comment-footer a[href*=comment]", "abbr.published", ".comment-footer"),
        permalink=(".comment-footer a[href*=comment]", "a.permalink"),
        content=(".comment-content", ".comment-body"),
        strip=(".comment-footer", ".comment-avatar", ".comment-header"),
        count=("h2.comments-header", ".comments-header", "#comments h2", "#comments h3"),
        # TypePad ids are hex: comment-6a00d8341c5f7b53ef017ee9b2c3a8970d
        id_pattern=r"^comment-([0-9a-z]+)$",
    ),
)
