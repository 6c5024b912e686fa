"""The comment-system catalog (``tests/comment_catalog.py``): on each system's page the parser
finds every comment with its author, date and parent, and nothing on pages without one."""

from __future__ import annotations

import pytest
from comment_catalog import ENTRIES, Entry, misses
from lxml.html import HtmlElement, document_fromstring, fromstring

from scraper.parse._results import Metadata
from scraper.parse.comments._comments import extract_comments
from scraper.parse.comments._indent import indent_parents
from scraper.parse.dom._page import Page
from scraper.parse.profiles import detect_profile

# forum software printing its posts as tables (no comment words, "post" ids) is not read
NOT_READ = {"vbulletin 3 posts": "vBulletin's post tables are not read as a thread"}


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(e, marks=pytest.mark.xfail(reason=NOT_READ[e.name], strict=True))
        if e.name in NOT_READ
        else e
        for e in ENTRIES
    ],
    ids=[e.name for e in ENTRIES],
)
def test_catalog_page_is_read_fully(entry: Entry) -> None:
    assert misses(entry) == []


def _items(styles: list[str]) -> list[HtmlElement]:
    root = fromstring("<div>" + "".join(f"<div style='{s}'>x</div>" for s in styles) + "</div>")
    return list(root)


def test_indents_draw_the_tree() -> None:
    styles = ["margin-left: 0px", "margin-left: 25px", "margin-left: 50px", "margin-left:0"]
    assert indent_parents(_items(styles)) == [None, 0, 1, None]


def test_indents_that_are_layout_draw_nothing() -> None:
    # all alike, one box without an indent, or the first box not the least indented
    assert indent_parents(_items(["margin-left: 10px"] * 3)) is None
    assert indent_parents(_items(["margin-left: 0", "color: red", "margin-left: 25px"])) is None
    assert indent_parents(_items(["margin-left: 25px", "margin-left: 0"])) is None


def test_a_box_named_for_another_comment_holds_no_replies() -> None:
    # JComments' reply list names the comment just before it; another number is no link
    items = "".join(
        f"<div class='c' id='comment-item-{n}'><span class='comment-author'>U{n}</span>"
        f"<span class='comment-date'>2012-10-0{n} 10:00</span><div class='comment-body'>"
        f"Text number {n} of this thread.</div></div>"
        for n in (1, 2)
    )
    html = (
        "<html><body><h1>A post</h1><p>Post text.</p><div id='comments'>"
        f"<div class='comments-list' id='comments-list-0'>{items}"
        "<div class='comments-list' id='comments-list-7'><div class='c' id='comment-item-3'>"
        "<span class='comment-author'>U3</span><span class='comment-date'>2012-10-03 10:00"
        "</span><div class='comment-body'>Text number 3 of this thread.</div></div></div>"
        "</div></div></body></html>"
    )
    page = Page(document_fromstring(html), "https://blog.example/p/")
    t = extract_comments(page, detect_profile(page), Metadata())
    assert [(c.id, c.parent_id) for c in t.comments] == [("1", None), ("2", None), ("3", None)]
