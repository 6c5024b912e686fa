"""Literal posts for the archive-side tests (history, export, recapture, reparse), and
the fixture pages' parsed records."""

from __future__ import annotations

import functools
from pathlib import Path

from scraper._records import Body, Comment, Extractor, Person, Post, Quote, QuoteKind, Site, Source


def comment(cid: str, text: str, parent: str | None = None, depth: int = 0) -> Comment:
    return Comment(
        id=cid,
        parent_id=parent,
        depth=depth,
        url=f"https://blog.example/p/#comment-{cid}",
        author=Person(f"user{cid}", None),
        published="2024-01-02T10:00:00+00:00",
        text=text,
        html=f"<p>{text}</p>",
    )


def post(
    n: int = 1,
    *,
    body: str = "One two three four five six seven eight nine ten.",
    comments: tuple[Comment, ...] | None = None,
    published: str = "2024-01-01T09:00:00+00:00",
    host: str = "blog.example",
    title: str | None = None,
) -> Post:
    thread = (
        comments
        if comments is not None
        else (
            comment("1", "First!"),
            comment("2", "A reply, with a comma", parent="1", depth=1),
            comment("3", 'He said "hi"\nthen left'),
        )
    )
    return Post(
        url=f"https://{host}/2024/01/post-{n}/",
        title=title or f"Post {n}",
        site=Site("Example Blog", f"https://{host}/"),
        author=Person("Ann", f"https://{host}/author/ann/"),
        authors=(Person("Ann", f"https://{host}/author/ann/"),),
        published=published,
        categories=("News", "World"),
        tags=("korea",),
        body=Body(body, f"<p>{body}</p>"),
        quotes=(Quote("A quote", None, QuoteKind.BLOCKQUOTE),),
        comment_count=len(thread),
        comments=thread,
        source=Source(f"https://{host}/2024/01/post-{n}/", "2024-02-01T00:00:00+00:00", 200),
        extractor=Extractor("wordpress", "1"),
    )


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@functools.cache
def fixture_posts() -> tuple[Post, ...]:
    """Every fixture page parsed (at ``https://fixtures.example/<its path>/``), once per
    session: the export and dataset tests all want real records, and parsing them is pure."""
    from scraper.parse._parse import parse_page

    return tuple(
        parse_page(
            p.read_bytes(), f"https://fixtures.example/{p.relative_to(FIXTURES).with_suffix('')}/"
        )
        for p in sorted(FIXTURES.rglob("*.html"))
    )
