"""WordPress, classic themes (Twenty Ten ... Twenty Seventeen, most commercial themes).

Comments come from ``wp_list_comments``/``Walker_Comment``: ``li#comment-N.comment.depth-N``
(``bypostauthor`` on the post author's), html5 ``article.comment-body`` with
``footer.comment-meta`` (``.comment-author.vcard b.fn``, ``.comment-metadata time``) and
``.comment-content``; the older xhtml layout (Twenty Ten/Eleven) has ``div.comment-author
vcard`` with ``cite.fn`` + "says:", ``.comment-meta.commentmetadata`` and the text straight
in ``div.comment-body``. Replies nest in ``ol.children``.
"""

from __future__ import annotations

from ..dom._page import Page
from ._detect import generator_has, head_urls_have
from ._profile import CommentSelectors, Profile

__all__ = ["WORDPRESS", "WP_COMMENTS", "is_wordpress"]


def is_wordpress(page: Page) -> bool:
    classes = page.body_classes
    if generator_has(page, "wordpress", "edublogs"):
        return True
    if "wordpress" in classes or any(c.startswith("wp-theme-") for c in classes):
        return True
    if {"single-post", "postid"} & classes or any(c.startswith("postid-") for c in classes):
        return True
    return head_urls_have(page, "/wp-content/", "/wp-includes/", "wp.com/")


WP_COMMENTS = CommentSelectors(
    thread=(
        "ol.comment-list",
        "ol.commentlist",
        "ul.comment-list",
        "ul.commentlist",
        "#comments .comment-list",
        "#comments ol",
        "#comments ul",
    ),
    # pingbacks/trackbacks (li.pingback) are link notifications, not reader comments
    item=("li.comment", "div.comment", "article.comment", "dt.comment"),
    children=("ol.children", "ul.children"),
    author=(".comment-author .fn", ".comment-author cite", ".comment-author", "cite.fn", ".fn"),
    author_url=(".comment-author a.url", ".fn a", "a.url"),
    date=(
        ".comment-metadata time",
        ".comment-meta time",
        "time",
        ".comment-metadata a",
        ".commentmetadata a",
        ".comment-meta a",
        ".comment-date",
    ),
    permalink=(
        ".comment-metadata a",
        ".commentmetadata a",
        "a[href*='#comment-']",
        ".comment-meta a",
    ),
    content=(".comment-content", ".comment-text", ".comment-entry", "div.comment-body"),
    strip=(
        ".comment-author",
        ".comment-meta",
        ".comment-metadata",
        ".commentmetadata",
        ".reply",
        ".comment-reply-link",
        ".comment-awaiting-moderation",
        ".says",
        "img.avatar",
        ".avatar",
        ".comment-edit-link",
    ),
    count=(".comments-title", "#comments-title", "h2#comments", "h3#comments", "#comments h2"),
    post_author_class="bypostauthor",
)

WORDPRESS = Profile(
    name="wordpress",
    detect=is_wordpress,
    article=("article.post", "article.type-post", "div.post.hentry", ".hentry", "article"),
    title=("h1.entry-title", ".entry-title", "h1.post-title", "h2.entry-title"),
    author=(
        ".byline .author a[rel=author]",
        ".author.vcard a",
        "a[rel=author]",
        ".byline .author",
        ".entry-author a",
    ),
    published=(
        "time.entry-date.published",
        "time.entry-date",
        "time.published",
        "abbr.published",
        ".entry-date",
        ".posted-on time",
    ),
    modified=("time.updated", "time.entry-date.updated"),
    categories=(".cat-links a", "a[rel~=category]", ".entry-categories a", ".post-categories a"),
    tags=(".tags-links a", ".tag-links a", "a[rel=tag]", ".entry-tags a", ".post-tags a"),
    body=(".entry-content", ".post-content", ".entry", ".post-entry", ".post-body"),
    body_strip=(
        ".sharedaddy",
        ".jp-relatedposts",
        "#jp-post-flair",
        ".wpcnt",
        ".sd-sharing-enabled",
        ".addtoany_share_save_container",
        ".wp-block-buttons.share",
        ".yarpp-related",
        ".related-posts",
        ".post-navigation",
        ".navigation",
        "#comments",
        "#respond",
    ),
    comments=WP_COMMENTS,
)
