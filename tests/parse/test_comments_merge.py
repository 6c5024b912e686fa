"""Merging the comment pages of one post."""

from __future__ import annotations

from scraper._records import Body, Comment, Post
from scraper.parse._merge import merge_comment_pages


def _c(cid: str, parent: str | None = None, depth: int = 0, when: str = "") -> Comment:
    return Comment(id=cid, parent_id=parent, depth=depth, published=when or None, text=cid)


def test_pages_in_any_order_give_thread_order() -> None:
    newest = Post(
        url="https://b.example/p/",
        body=Body("post", "<p>post</p>"),
        comment_count=4,
        comments=(_c("30", when="2020-01-03"), _c("31", "30", 1, "2020-01-04")),
    )
    older = Post(
        url="https://b.example/p/comment-page-1/",
        body=Body("post", "<p>post</p>"),
        comment_count=4,
        comments=(_c("10", when="2020-01-01"), _c("11", "10", 1, "2020-01-02"), _c("30")),
    )
    merged = merge_comment_pages([newest, older])
    assert [(c.id, c.parent_id, c.depth) for c in merged.comments] == [
        ("10", None, 0),
        ("11", "10", 1),
        ("30", None, 0),
        ("31", "30", 1),
    ]
    assert merged.comment_count == 4
    assert merged.url == "https://b.example/p/"


def test_reply_whose_parent_is_on_another_page_keeps_its_depth() -> None:
    page = Post(url="u", comments=(_c("5", "4", 2),))
    (only,) = merge_comment_pages([page]).comments
    assert (only.parent_id, only.depth) == ("4", 2)
