"""WordPress block (FSE) themes: Twenty Twenty-Two onwards.

The ``core/comments`` block renders ``div.wp-block-comments`` holding
``ol.wp-block-comment-template`` of ``li.comment`` items (nested ``ol.children``), each
with ``.wp-block-comment-author-name``, ``.wp-block-comment-date time`` and
``.wp-block-comment-content``; the title is ``h2.wp-block-comments-title``.
"""

from __future__ import annotations

from ..dom._page import Page
from ._profile import CommentSelectors, Profile
from ._wordpress import WORDPRESS, is_wordpress

__all__ = ["WORDPRESS_BLOCKS"]


def _is_block_theme(page: Page) -> bool:
    classes = page.body_classes
    if "wp-site-blocks" in classes:
        return True
    if not is_wordpress(page):
        return False
    # Block themes wrap the whole page in div.wp-site-blocks (a direct child of body).
    body = page.tree.find("body")
    return body is not None and any("wp-site-blocks" in (c.get("class") or "") for c in body)


WORDPRESS_BLOCKS = Profile(
    name="wordpress",
    detect=_is_block_theme,
    article=("main", "article", ".wp-block-post-content"),
    title=("h1.wp-block-post-title", ".wp-block-post-title", *WORDPRESS.title),
    author=(".wp-block-post-author-name a", ".wp-block-post-author__name", *WORDPRESS.author),
    published=(".wp-block-post-date time", *WORDPRESS.published),
    modified=WORDPRESS.modified,
    categories=(".taxonomy-category a", *WORDPRESS.categories),
    tags=(".taxonomy-post_tag a", *WORDPRESS.tags),
    body=(".wp-block-post-content", ".entry-content"),
    body_strip=(".wp-block-comments", ".wp-block-post-comments-form", *WORDPRESS.body_strip),
    comments=CommentSelectors(
        thread=(".wp-block-comments ol.wp-block-comment-template", ".wp-block-comment-template"),
        item=("li.comment",),
        children=("ol.children", "ol.wp-block-comment-template"),
        author=(".wp-block-comment-author-name",),
        author_url=(".wp-block-comment-author-name a",),
        date=(".wp-block-comment-date time", ".wp-block-comment-date"),
        permalink=(".wp-block-comment-date a",),
        content=(".wp-block-comment-content",),
        strip=(
            ".wp-block-comment-reply-link",
            ".wp-block-comment-edit-link",
            ".comment-awaiting-moderation",
        ),
        count=(".wp-block-comments-title", *WORDPRESS.comments.count),
        post_author_class="bypostauthor",
    ),
)
