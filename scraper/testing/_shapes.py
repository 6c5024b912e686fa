"""Pages built to be slow or big to parse, at any size: the hostile shapes of issue 13.

Each shape is a function of ``n`` (how many comments, levels, cells ...) returning a whole
page; ``SHAPES`` names them with the size ``benchmarks/bounds.py`` times (about 1-2 MB, or
just under the 2,048-element nesting limit) and what a parse must find in them. The tests
(tests/parse/test_bounds.py) parse each at a small size and check the record.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["SHAPES", "Shape", "page"]

_TEXT = "Comment number {i} says something about the post."


def page(body: str, comments: str = "") -> bytes:
    """A post page: ``body`` in its article, ``comments`` in a comments area after it."""
    area = (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">Comments</h2>'
        f"{comments}</div>"
        if comments
        else ""
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Hostile post</title>'
        '</head><body><main><article class="post"><h1 class="entry-title">Hostile post</h1>'
        '<div class="entry-content"><p>The post itself says a few words before the shape.</p>'
        f"{body}</div></article>{area}</main></body></html>"
    ).encode()


def _wp_comment(i: int, replies: str = "") -> str:
    """One WordPress comment (author, date, permalink, text), its replies inside."""
    children = f'<ol class="children">{replies}</ol>' if replies else ""
    return (
        f'<li class="comment" id="comment-{i}"><article class="comment-body">'
        f'<footer class="comment-meta"><div class="comment-author vcard">'
        f'<b class="fn">Reader {i}</b> <span class="says">says:</span></div>'
        f'<div class="comment-metadata"><a href="#comment-{i}">'
        f'<time datetime="2024-01-02T10:{i % 60:02d}:00+00:00">January 2, 2024</time></a>'
        f'</div></footer><div class="comment-content"><p>{_TEXT.format(i=i)}</p></div>'
        f"</article>{children}</li>"
    )


def div_comments(n: int) -> bytes:
    """``n`` bare ``div.comment`` siblings: no author, no date."""
    run = "".join(f'<div class="comment"><p>{_TEXT.format(i=i)}</p></div>' for i in range(n))
    return page("", run)


def li_comments(n: int) -> bytes:
    """``n`` bare ``li.comment`` siblings in a list."""
    run = "".join(f"<li class=comment><p>{_TEXT.format(i=i)}</p></li>" for i in range(n))
    return page("", f'<ol class="comment-list">{run}</ol>')


def wp_comments(n: int) -> bytes:
    """``n`` WordPress comments with authors, dates and permalinks, one list."""
    return page("", '<ol class="comment-list">' + "".join(map(_wp_comment, range(n))) + "</ol>")


def wp_thread(n: int) -> bytes:
    """A thread ``n`` replies deep (each level is 3 elements: ``li``, ``ol``, and the
    comment's own)."""
    thread = ""
    for i in range(n, 0, -1):
        thread = _wp_comment(i, thread)
    return page("", f'<ol class="comment-list">{thread}</ol>')


def nested(open_: str, close: str) -> Callable[[int], bytes]:
    def make(n: int) -> bytes:
        return page(open_ * n + "<p>The innermost paragraph.</p>" + close * n)

    make.__doc__ = f"``{open_}`` nested ``n`` deep."
    return make


def articles(n: int) -> bytes:
    """``n`` ``article`` elements after the post (a listing inside a post)."""
    run = "".join(
        f'<article><h2><a href="/p/{i}/">Story {i}</a></h2><p>Teaser {i}.</p></article>'
        for i in range(n)
    )
    return page(run)


def table(n: int) -> bytes:
    """A table of ``n`` rows of 20 cells."""
    row = "<tr>" + "".join(f"<td>c{j}</td>" for j in range(20)) + "</tr>"
    return page("<table>" + row * n + "</table>")


def links(n: int) -> bytes:
    """One paragraph of ``n`` links."""
    return page("<p>" + " ".join(f'<a href="/page/{i}/">link {i}</a>' for i in range(n)) + "</p>")


def text_run(n: int) -> bytes:
    """One paragraph of ``n`` words."""
    return page("<p>" + "word " * n + "</p>")


def attributes(n: int) -> bytes:
    """One element with ``n`` attributes."""
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(n))
    return page(f"<div {attrs}><p>The element with many attributes.</p></div>")


def _names(n: int) -> list[str]:
    """``n`` distinct attribute names, the shortest there are (libxml2 keeps only the
    first of a repeated name, so only distinct ones cost anything)."""
    first, rest = "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz0123456789"
    names = (
        head + "".join(tail)
        for width in itertools.count()
        for head in first
        for tail in itertools.product(rest, repeat=width)
    )
    return list(itertools.islice(names, n))


def bare_attributes(n: int) -> bytes:
    """One element with ``n`` attributes without values (``<div a b c ...>``)."""
    return page(f"<div {' '.join(_names(n))}><p>The element with many attributes.</p></div>")


def attribute_rows(per: int) -> Callable[[int], bytes]:
    def make(n: int) -> bytes:
        row = f"<div {' '.join(_names(per))}><p>Row.</p></div>"
        return page(row * n)

    make.__doc__ = f"``n`` elements with {per:,} attributes each."
    return make


def paragraphs(n: int) -> bytes:
    """``n`` short paragraphs."""
    return page("".join(f"<p>Paragraph {i}.</p>" for i in range(n)))


@dataclass(frozen=True, slots=True)
class Shape:
    name: str
    make: Callable[[int], bytes]
    size: int  # the benchmark's n
    small: int  # the fast test's n
    comments: Callable[[int], int] | None = None  # comments a parse finds at n
    depth: Callable[[int], int] | None = None  # the deepest comment's depth at n


SHAPES: tuple[Shape, ...] = (
    Shape("div.comment siblings", div_comments, 20_000, 150, comments=lambda n: n),
    Shape("li.comment siblings", li_comments, 20_000, 150, comments=lambda n: n),
    Shape("WordPress comments", wp_comments, 4_000, 100, comments=lambda n: n),
    Shape("WordPress thread nested", wp_thread, 650, 60, lambda n: n, lambda n: n - 1),
    Shape("div nested", nested("<div>", "</div>"), 2_000, 300),
    Shape("ul/li nested", nested("<ul><li>", "</li></ul>"), 1_000, 150),
    Shape("blockquote nested", nested("<blockquote>", "</blockquote>"), 2_000, 300),
    Shape("table nested", nested("<table><tr><td>", "</td></tr></table>"), 660, 100),
    Shape(
        "div.comment nested", nested('<div class="comment"><p>A reply.</p>', "</div>"), 2_000, 300
    ),
    Shape("articles", articles, 15_000, 300),
    Shape("table cells", table, 5_000, 100),
    Shape("links", links, 40_000, 1_000),
    Shape("text run", text_run, 400_000, 10_000),
    Shape("attributes", attributes, 20_000, 2_000),
    Shape("bare attributes", bare_attributes, 20_000, 2_000),
    Shape("elements of 2,000 attributes", attribute_rows(2_000), 140, 3),
    Shape("elements of 512 attributes", attribute_rows(512), 650, 3),
    Shape("paragraphs", paragraphs, 60_000, 1_000),
)
