"""The hostile shapes of issue 13 (``scraper.testing._shapes``), each at a small size: the
record keeps its promises and finds what the page holds. Their time and memory at full
size are measured by ``benchmarks/bounds.py``, not here."""

from __future__ import annotations

import itertools

import pytest

from scraper._records import Post
from scraper.parse._parse import parse_page
from scraper.testing._invariants import record_problems
from scraper.testing._shapes import SHAPES, Shape, wp_comments, wp_thread

URL = "https://blog.example/2024/01/hostile-post/"


def _parse(shape: Shape) -> Post:
    post = parse_page(shape.make(shape.small), URL)
    assert record_problems(post.to_dict()) == []
    return post


@pytest.mark.parametrize("shape", SHAPES, ids=[s.name for s in SHAPES])
def test_a_hostile_shape_parses_to_a_sound_record(shape: Shape) -> None:
    post = _parse(shape)
    assert post.title == "Hostile post"
    if shape.comments is not None:
        assert len(post.comments) == shape.comments(shape.small)
        assert [c.text for c in post.comments[:2]] == [
            f"Comment number {i} says something about the post."
            for i in ((0, 1) if post.comments[0].text.startswith("Comment number 0") else (1, 2))
        ]
    else:
        assert post.comments == ()
    if shape.depth is not None:
        assert max(c.depth for c in post.comments) == shape.depth(shape.small)


def test_dense_comments_keep_their_authors_dates_and_links() -> None:
    post = parse_page(wp_comments(50), URL)
    assert [c.author.name for c in post.comments[:3]] == ["Reader 0", "Reader 1", "Reader 2"]
    assert post.comments[7].published == "2024-01-02T10:07:00+00:00"
    assert post.comments[7].url == URL + "#comment-7"
    assert post.comments[7].id == "7"


def test_a_deep_thread_links_each_reply_to_its_parent() -> None:
    comments = parse_page(wp_thread(40), URL).comments
    assert [c.author.name for c in comments] == [f"Reader {i}" for i in range(1, 41)]
    for parent, reply in itertools.pairwise(comments):
        assert reply.parent_id == parent.id
        assert reply.depth == parent.depth + 1
        assert (
            reply.text
            == f"Comment number {comments.index(reply) + 1} says something about the post."
        )


def test_nesting_just_under_the_limit_is_read_whole() -> None:
    """2,000 ``div`` levels (the limit is 2,048 elements): the innermost paragraph is in
    the body."""
    shape = next(s for s in SHAPES if s.name == "div nested")
    post = parse_page(shape.make(2_000), URL)
    assert post.body is not None
    assert "The innermost paragraph." in post.body.text
