"""What each extractor returns to ``parse_page``: the contracts between the parse modules."""

from __future__ import annotations

from dataclasses import dataclass, field

from .._records import Body, Comment, Image, Link, Person, Quote, Site

__all__ = ["BodyResult", "Metadata", "ThreadResult"]


@dataclass(frozen=True, slots=True)
class Metadata:
    url: str | None = None  # canonical URL (rel=canonical, og:url ...), absolute
    title: str | None = None
    site: Site = field(default_factory=Site)
    authors: tuple[Person, ...] = ()
    published: str | None = None  # ISO 8601, offset kept when the page gives one
    modified: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True, slots=True)
class BodyResult:
    body: Body | None = None
    quotes: tuple[Quote, ...] = ()
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    read_more: Link | None = None


@dataclass(frozen=True, slots=True)
class ThreadResult:
    comments: tuple[Comment, ...] = ()
    count: int | None = None  # the count the page declares, not len(comments)
