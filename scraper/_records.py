"""The records every stage hands to the next: captures in, posts out.

Plain frozen dataclasses with no behaviour beyond (de)serialisation, so that the
parser, the crawler and the archive can be tested with literal values. Stdlib only:
this module is the leaf of the import graph.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "SCHEMA_VERSION",
    "Body",
    "Capture",
    "Comment",
    "Extractor",
    "Image",
    "Link",
    "Person",
    "Post",
    "Quote",
    "QuoteKind",
    "Site",
    "Source",
    "WarcRef",
]

SCHEMA_VERSION = 1
_NO_EXTRACTOR = {"name": "generic", "version": "0"}


class QuoteKind(enum.StrEnum):
    BLOCKQUOTE = "blockquote"
    Q = "q"
    EMBED = "embed"
    PULLQUOTE = "pullquote"


@dataclass(frozen=True, slots=True)
class Person:
    name: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "url": self.url}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Person:
        d = d or {}
        return cls(name=d.get("name"), url=d.get("url"))


@dataclass(frozen=True, slots=True)
class Site:
    name: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "url": self.url}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Site:
        d = d or {}
        return cls(name=d.get("name"), url=d.get("url"))


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    cite: str | None = None
    kind: QuoteKind = QuoteKind.BLOCKQUOTE

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "cite": self.cite, "kind": self.kind.value}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Quote:
        return cls(text=d["text"], cite=d.get("cite"), kind=QuoteKind(d.get("kind", "blockquote")))


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "text": self.text}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Link:
        return cls(url=d["url"], text=d.get("text"))


@dataclass(frozen=True, slots=True)
class Image:
    url: str
    alt: str | None = None
    caption: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "alt": self.alt, "caption": self.caption}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Image:
        return cls(url=d["url"], alt=d.get("alt"), caption=d.get("caption"))


@dataclass(frozen=True, slots=True)
class Body:
    """Post content: ``text`` has paragraphs joined by a blank line; ``html`` is cleaned."""

    text: str
    html: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "html": self.html}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Body:
        return cls(text=d["text"], html=d["html"])


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment; ``depth`` 0 is top level and ``parent_id`` links a reply to its parent."""

    id: str | None
    parent_id: str | None = None
    depth: int = 0
    url: str | None = None
    author: Person = field(default_factory=Person)
    published: str | None = None
    text: str = ""
    html: str = ""
    quotes: tuple[Quote, ...] = ()
    is_post_author: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "parent_id": self.parent_id,
            "depth": self.depth,
            "url": self.url,
            "author": self.author.to_dict(),
            "published": self.published,
            "text": self.text,
            "html": self.html,
            "quotes": [q.to_dict() for q in self.quotes],
            "is_post_author": self.is_post_author,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Comment:
        return cls(
            id=d.get("id"),
            parent_id=d.get("parent_id"),
            depth=int(d.get("depth", 0)),
            url=d.get("url"),
            author=Person.from_dict(d.get("author")),
            published=d.get("published"),
            text=d.get("text", ""),
            html=d.get("html", ""),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            is_post_author=d.get("is_post_author"),
        )


@dataclass(frozen=True, slots=True)
class WarcRef:
    file: str
    record_id: str
    offset: int | None = None
    length: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "record_id": self.record_id}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> WarcRef | None:
        if not d:
            return None
        return cls(file=d["file"], record_id=d["record_id"])


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from; absent (``None`` on the post) for a parse of a local file."""

    fetched_url: str
    fetched_at: str | None = None
    status: int | None = None
    sha256: str | None = None
    warc: WarcRef | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "fetched_url": self.fetched_url,
            "fetched_at": self.fetched_at,
            "status": self.status,
            "sha256": self.sha256,
            "warc": self.warc.to_dict() if self.warc else None,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> Source | None:
        if not d:
            return None
        return cls(
            fetched_url=d["fetched_url"],
            fetched_at=d.get("fetched_at"),
            status=d.get("status"),
            sha256=d.get("sha256"),
            warc=WarcRef.from_dict(d.get("warc")),
        )


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Extractor:
        return cls(name=d["name"], version=d["version"])


@dataclass(frozen=True, slots=True)
class Post:
    """The normalized record of one blog post (schema_version 1); unknown is ``None``/empty."""

    url: str | None
    title: str | None = None
    site: Site = field(default_factory=Site)
    author: Person | None = None
    authors: tuple[Person, ...] = ()
    published: str | None = None
    modified: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str | None = None
    body: Body | None = None
    quotes: tuple[Quote, ...] = ()
    links: tuple[Link, ...] = ()
    read_more: Link | None = None
    images: tuple[Image, ...] = ()
    comment_count: int | None = None
    comments: tuple[Comment, ...] = ()
    source: Source | None = None
    extractor: Extractor = field(default_factory=lambda: Extractor("generic", "0"))
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "url": self.url,
            "site": self.site.to_dict(),
            "title": self.title,
            "author": self.author.to_dict() if self.author else None,
            "authors": [a.to_dict() for a in self.authors],
            "published": self.published,
            "modified": self.modified,
            "categories": list(self.categories),
            "tags": list(self.tags),
            "language": self.language,
            "body": self.body.to_dict() if self.body else None,
            "quotes": [q.to_dict() for q in self.quotes],
            "links": [link.to_dict() for link in self.links],
            "read_more": self.read_more.to_dict() if self.read_more else None,
            "images": [i.to_dict() for i in self.images],
            "comment_count": self.comment_count,
            "comments": [c.to_dict() for c in self.comments],
            "source": self.source.to_dict() if self.source else None,
            "extractor": self.extractor.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Post:
        author = d.get("author")
        body = d.get("body")
        read_more = d.get("read_more")
        return cls(
            schema_version=int(d.get("schema_version", SCHEMA_VERSION)),
            url=d.get("url"),
            site=Site.from_dict(d.get("site")),
            title=d.get("title"),
            author=Person.from_dict(author) if author else None,
            authors=tuple(Person.from_dict(a) for a in d.get("authors", ())),
            published=d.get("published"),
            modified=d.get("modified"),
            categories=tuple(d.get("categories", ())),
            tags=tuple(d.get("tags", ())),
            language=d.get("language"),
            body=Body.from_dict(body) if body else None,
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            links=tuple(Link.from_dict(x) for x in d.get("links", ())),
            read_more=Link.from_dict(read_more) if read_more else None,
            images=tuple(Image.from_dict(i) for i in d.get("images", ())),
            comment_count=d.get("comment_count"),
            comments=tuple(Comment.from_dict(c) for c in d.get("comments", ())),
            source=Source.from_dict(d.get("source")),
            extractor=Extractor.from_dict(d.get("extractor") or _NO_EXTRACTOR),
        )


@dataclass(frozen=True, slots=True)
class Capture:
    """One HTTP exchange as it went over the wire: what the archive stores and the parser reads.

    ``body`` is the payload as received (``Content-Encoding`` not undone) so that the WARC is
    faithful; ``content`` is the decoded payload the parser reads. Headers keep their order and
    repetitions, which WARC replay depends on.
    """

    url: str
    status: int
    fetched_at: str
    request_headers: tuple[tuple[str, str], ...] = ()
    response_headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    content: bytes = b""
    http_version: str = "HTTP/1.1"
    reason: str = ""
    method: str = "GET"
    ip_address: str | None = None

    def header(self, name: str) -> str | None:
        """First response header called ``name`` (case-insensitive), or ``None``."""
        lname = name.lower()
        for key, value in self.response_headers:
            if key.lower() == lname:
                return value
        return None

    @property
    def content_type(self) -> str | None:
        return self.header("content-type")
