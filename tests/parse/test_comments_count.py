"""Declared comment counts in the wording of many themes and languages."""

from __future__ import annotations

import pytest

from scraper.parse.comments._comments import parse_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One thought on “North Korean social media”", 1),
        ("12 Responses to “Post”", 12),
        ("3 comments", 3),
        ("2 Kommentare", 2),
        ("Ein Gedanke zu „Beitrag“", 1),
        ("5 commentaires", 5),
        ("コメント 3件", 3),
        ("Comments (14)", 14),
        ("1,204 Comments", 1204),
        ("No Responses to “Post”", 0),
        ("Leave a Reply", None),
        ("Comments", None),
    ],
)
def test_parse_count(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


def _count_of(body: str, url: str | None = "https://blog.example/post/") -> int | None:
    import lxml.html

    from scraper.parse.comments._count import _link_count
    from scraper.parse.dom._page import Page

    return _link_count(Page(lxml.html.fromstring(f"<html><body>{body}</body></html>"), url))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the last link of the page (no separator after it in the joined targets)
        ('<a href="/a">A</a><a href="https://blog.example/post/#comments">4 Comments</a>', 4),
        ('<a href="#comments">Comments (2)</a><a href="/b">B</a>', 2),
        # "#comments" inside a target, not at its end: no count
        ('<a href="/x#comments-top">5 comments</a><a href="/#commentsx">6 comments</a>', None),
        ('<a href="/a">A</a>', None),
        ("", None),
    ],
)
def test_link_count_reads_only_targets_ending_in_comments(body: str, expected: int | None) -> None:
    assert _count_of(body) == expected


def _microdata_of(body: str) -> int | None:
    import lxml.html

    from scraper.parse.comments._count import _microdata_count
    from scraper.parse.dom._page import Page

    return _microdata_count(Page(lxml.html.fromstring(f"<html><body>{body}</body></html>")))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<meta itemprop="commentCount" content="7">', 7),
        ('<span property="schema:commentCount">12</span>', 12),
        ('<meta itemprop="interactionCount" content="UserComments:4">', 4),
        # the first in document order, whichever attribute names it
        (
            '<span property="schema:interactionCount">5</span>'
            '<meta itemprop="commentCount" content="9">',
            5,
        ),
        # another interaction, a value of another case, another property: no count
        ('<meta itemprop="interactionCount" content="UserLikes:8">', None),
        ('<meta itemprop="commentcount" content="3"><meta itemprop="name" content="2">', None),
        ('<meta property="commentCount" content="3">', None),
    ],
)
def test_microdata_count_in_document_order(body: str, expected: int | None) -> None:
    assert _microdata_of(body) == expected
