"""What a platform profile is: a table of selectors, plus hooks where data is not enough.

A profile names where an engine puts each part of a post and of its comment thread. The
generic extractors (``metadata``, ``body``, ``comments``) read these tables; a profile file
(``profiles/wordpress.py`` ...) is mostly one ``Profile(...)`` literal. Selectors are CSS,
compiled once to XPath; every field may list several selectors, tried in order, because
themes of one engine differ (Twenty Ten's ``ol.commentlist`` vs ``ol.comment-list``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..dom._page import Page

__all__ = ["CommentSelectors", "Profile"]


@dataclass(frozen=True, slots=True)
class CommentSelectors:
    """Where one engine puts its comment thread; each tuple is tried in order."""

    # the container of the whole thread (ol.commentlist ...)
    thread: tuple[str, ...] = ()
    # one comment element, relative to the thread or its nested reply lists
    item: tuple[str, ...] = ()
    # nested replies container inside an item (ol.children)
    children: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    author_url: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    permalink: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    # elements removed from a comment's content (Reply links, avatars, "says:")
    strip: tuple[str, ...] = ()
    # the heading that declares the count ("One thought on ...", "12 Responses")
    count: tuple[str, ...] = ()
    # class on an item that marks the post author (bypostauthor)
    post_author_class: str | None = None
    # attribute or regex pulling the comment id out of the item's id attribute
    id_pattern: str = r"(\d+)$"


@dataclass(frozen=True, slots=True)
class Profile:
    """A platform's selectors; ``detect`` tells whether a page belongs to this platform."""

    name: str
    detect: Callable[[Page], bool]
    article: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    # removed from the body before text/html are taken (share buttons, related posts ...)
    body_strip: tuple[str, ...] = ()
    # the box an engine renders in place of a members-only post's text (Ghost's sign-up
    # call): alone in its parent, the text is unknown to a visitor and the body is null
    gate: tuple[str, ...] = ()
    comments: CommentSelectors = field(default_factory=CommentSelectors)
