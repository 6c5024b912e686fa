"""Drupal (7: ``div.comment`` + ``.indented`` replies; 8+: ``article.comment`` with
``.field--name-comment-body`` and nested ``div.indented``)."""

from __future__ import annotations

from ..dom._page import Page
from ._detect import generator_has, head_urls_have
from ._profile import CommentSelectors, Profile

__all__ = ["DRUPAL"]


def _is_drupal(page: Page) -> bool:
    if generator_has(page, "drupal"):
        return True
    return head_urls_have(page, "/sites/default/files/", "/misc/drupal.js", "/core/misc/")


DRUPAL = Profile(
    name="drupal",
    detect=_is_drupal,
    article=("article.node", ".node", "#content"),
    title=("h1.page-title", "h1.title", ".node h2"),
    author=(".field--name-uid a", ".submitted .username", ".username", "[rel=author]"),
    published=(".submitted time", "time", ".submitted"),
    categories=(".field--name-field-category a", ".field-name-field-category a"),
    tags=(
        ".field--name-field-tags a",
        ".field-name-field-tags a",
        ".field-type-taxonomy-term-reference a",
    ),
    body=(".field--name-body", ".field-name-body", ".node .content", ".content"),
    body_strip=(".links", ".field--name-comment", "#comments", ".comment-wrapper"),
    comments=CommentSelectors(
        thread=("#comments", ".comment-wrapper", "section.comments", ".field--name-comment"),
        item=("article.comment", "div.comment"),
        children=(".indented",),
        author=(".comment__author", ".username", ".submitted a", ".author"),
        author_url=(".comment__author a", ".username[href]"),
        date=("time", ".comment__time", ".submitted", ".comment-date"),
        # before a.permalink: Drupal 8 also links the parent ("In reply to …") that way
        permalink=(".comment__permalink a", "h3 a.permalink", "a.permalink", "h3 a"),
        content=(".field--name-comment-body", ".field-name-comment-body", ".content"),
        strip=(".links", ".comment__meta", ".submitted", "h3", ".user-picture"),
        count=("#comments h2", ".comments__title", "h2.title"),
        id_pattern=r"(?:comment-)?(\d+)$",
        # Drupal 8+ / Drupal 7 classes on the comment of the node's author
        post_author_class="by-node-author comment-by-node-author",
    ),
)
