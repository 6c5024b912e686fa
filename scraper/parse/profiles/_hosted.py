"""Hosted platforms whose comments are scripted (Ghost, Substack, Medium, Tumblr).

Their article markup is stable and worth a profile for metadata and body; their comment
threads are loaded by JavaScript (Ghost's Members comments, Substack's API, Medium's
responses, today's Tumblr notes), so the static HTML carries no comments and the tables stay
empty: the generic extractor still runs and finds a server-rendered thread if one is there.
Older Tumblr themes render the notes in the page; those are read.
"""

from __future__ import annotations

from ..dom._page import Page
from ._detect import generator_has, head_hosts_have, meta_has
from ._profile import CommentSelectors, Profile

__all__ = ["GHOST", "MEDIUM", "SUBSTACK", "TUMBLR"]


def _is_ghost(page: Page) -> bool:
    return generator_has(page, "ghost")


def _is_substack(page: Page) -> bool:
    return generator_has(page, "substack") or head_hosts_have(
        page, "substackcdn.com", "substack.com"
    )


def _is_medium(page: Page) -> bool:
    return meta_has(page, "al:android:app_name", "medium") or meta_has(
        page, "og:site_name", "medium"
    )


def _is_tumblr(page: Page) -> bool:
    return generator_has(page, "tumblr") or head_hosts_have(page, "tumblr.com")


GHOST = Profile(
    name="ghost",
    detect=_is_ghost,
    article=("article.post", "article.article", "main article"),
    title=("h1.article-title", "h1.post-full-title", "h1.gh-article-title", "h1"),
    author=(".article-byline a[href*='/author/']", ".author-name a", "a[href*='/author/']"),
    published=("time.byline-meta-date", ".article-byline time", "time[datetime]"),
    # Ghost has tags only; the page lists all of them in article:tag metas, the header
    # shows just the primary one, so no selector here (the metadata layer reads the metas)
    categories=(),
    tags=(),
    body=(".gh-content", ".post-full-content", ".post-content", ".article-content"),
    body_strip=(".kg-signup-card", ".gh-post-upgrade-cta", ".article-comments"),
    gate=(".gh-post-upgrade-cta",),
    comments=CommentSelectors(count=(".gh-comments-title",)),
)

SUBSTACK = Profile(
    name="substack",
    detect=_is_substack,
    article=("article.post", ".single-post", "article"),
    title=("h1.post-title", "h1"),
    author=(".byline-names a", ".profile-hover-card-target a"),
    published=(".post-date time", "time[datetime]"),
    body=(".available-content .body", ".body.markup", ".available-content"),
    body_strip=(
        ".subscription-widget-wrap",
        ".subscribe-widget",
        ".post-ufi",
        ".captioned-button-wrap",
    ),
    comments=CommentSelectors(
        thread=(".comments-page", ".comment-list"),
        item=(".comment",),
        children=(".comment-list-items", ".comment-children"),
        author=(".comment-meta .commenter-name a", ".commenter-name"),
        date=(".comment-meta time", "time"),
        content=(".comment-body",),
        strip=(".comment-actions",),
    ),
)

MEDIUM = Profile(
    name="medium",
    detect=_is_medium,
    article=("article",),
    title=("h1[data-testid=storyTitle]", "h1.graf--title", "h1"),
    author=("a[data-testid=authorName]", "a[rel~=author]", "[data-testid=authorName]"),
    published=("[data-testid=storyPublishDate]", "time[datetime]"),
    body=("section[data-field=body]", "article section", "article"),
    body_strip=("[data-testid=headerSocialShareButton]", ".pw-multi-vote-count"),
)

TUMBLR = Profile(
    name="tumblr",
    detect=_is_tumblr,
    article=("article.post", ".post", "article"),
    title=(".post-title", "h2.title", "h1"),
    published=(".date a", "time[datetime]", ".post-date"),
    tags=(".tags a", "a.tag", ".post-tags a"),
    body=(".post-content", ".body-text", ".caption", ".post .text"),
    body_strip=(".notes", ".post-notes", ".share"),
    # Themes of the 2010s render the notes server-side ({PostNotes}: ``ol.notes``). Of
    # its notes, a reply ("NAME said: ...") and a reblog that added words ("NAME
    # reblogged this from X and added: ...") are readers' responses shown under the
    # post; likes and bare reblogs say nothing and stay out.
    comments=CommentSelectors(
        thread=("ol.notes",),
        item=("li.note.reply", "li.note.with_commentary"),
        author=("a.tumblelog", ".action a"),
        author_url=("a.tumblelog", ".action a"),
        content=(".answer_content", "blockquote"),
        strip=(".avatar",),
    ),
)
