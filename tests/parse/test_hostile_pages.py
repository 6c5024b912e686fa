"""Hostile pages: one bad field is dropped, the record is kept, and what the record
promises (a tree of comments, no active content, http(s) URLs, schema-valid dates and
counts) holds whatever the page says."""

from __future__ import annotations

import json

import pytest

from scraper._records import Comment, Image, Link, Person, Post, Quote
from scraper.parse._guard import guard_post, normalize_date
from scraper.parse._parse import parse_page
from scraper.parse.comments._tree import as_tree
from scraper.parse.dom._text import safe_url
from scraper.testing._invariants import record_problems, thread_problems

URL = "https://blog.example/2024/01/post/"
PROSE = "<p>" + "This is the post a reader came for, one sentence after another. " * 5 + "</p>"


def _page(article: str = "", head: str = "", comments: str = "") -> bytes:
    return (
        f"<html><head><title>Post</title>{head}</head><body><article><h1>Post</h1>"
        f"{PROSE}{article}{PROSE}</article>{comments}</body></html>"
    ).encode()


def _c(cid: str | None, parent: str | None = None, depth: int = 0) -> Comment:
    return Comment(id=cid, parent_id=parent, depth=depth, text=f"comment {cid}")


def _shape(comments: tuple[Comment, ...]) -> list[tuple[str | None, str | None, int]]:
    return [(c.id, c.parent_id, c.depth) for c in comments]


def _problems(comments: tuple[Comment, ...]) -> list[str]:
    return thread_problems([c.to_dict() for c in comments])


def test_tree_self_parent_becomes_a_root() -> None:
    tree = as_tree((_c("1", "1", 1), _c("2", "1", 1)))
    assert _shape(tree) == [("1", None, 0), ("2", "1", 1)]


def test_tree_cycle_is_broken_at_the_earlier_comment() -> None:
    # 1 names 2 as parent, 2 names 1: a parent must come first, so 1 is a root
    tree = as_tree((_c("1", "2", 1), _c("2", "1", 1), _c("3", "2", 5)))
    assert _shape(tree) == [("1", None, 0), ("2", "1", 1), ("3", "2", 2)]
    assert _problems(tree) == []


def test_tree_duplicate_ids_keep_the_comment_not_the_id() -> None:
    tree = as_tree((_c("7"), _c("7"), _c("8", "7", 1)))
    assert _shape(tree) == [("7", None, 0), (None, None, 0), ("8", "7", 1)]
    assert [c.text for c in tree] == ["comment 7", "comment 7", "comment 8"]


def test_tree_keeps_outline_depth_and_parents_on_other_pages() -> None:
    # id-less replies (depth from the page) and a reply whose parent was not captured
    tree = as_tree((_c(None), _c(None, None, 1), _c(None, None, 4), _c("9", "4", 3)))
    assert _shape(tree) == [(None, None, 0), (None, None, 1), (None, None, 2), ("9", "4", 3)]
    assert _problems(tree) == []


def test_a_valid_tree_is_returned_as_it_is() -> None:
    comments = (_c("1"), _c("2", "1", 1), _c("3"))
    assert as_tree(comments) is comments


def test_page_with_self_parents_and_repeated_ids_gives_a_tree() -> None:
    item = '<li class="comment" id="comment-{i}" data-parent="{p}"><p>Comment {i} text.</p></li>'
    thread = "".join(item.format(i=i % 2, p=i % 2) for i in range(6))
    html = _page(comments=f'<ol class="commentlist">{thread}</ol>')
    record = parse_page(html, URL).to_dict()
    assert record["comments"], "the comments are kept"
    assert record_problems(record) == []


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("2024-01-02T10:00:00+0000", "2024-01-02T10:00:00+00:00"),
        ("2024-01-02T10:00-0530", "2024-01-02T10:00-05:30"),
        ("2024-01-02 10:00:00", "2024-01-02T10:00:00"),
        ("2024-01-02T10:00:00z", "2024-01-02T10:00:00Z"),
        ("٢٠٢٤-٠١-٠٢", "2024-01-02"),
        ("2024-01-02T10:00:00+02:00", "2024-01-02T10:00:00+02:00"),
        ("2023-11-02T1643", None),
        ("2024-13-40", None),
        ("2024-02-30T10:00", None),
        ("2024-01-02T25:00", None),
        ("2024-01-02T10:00+25:00", None),
        ("2016-12-31T23:59:60Z", "2016-12-31T23:59:60Z"),
        ("yesterday", None),
        (None, None),
    ],
)
def test_dates_normalized_or_dropped(raw: str | None, normal: str | None) -> None:
    assert normalize_date(raw) == normal


def test_comment_date_with_bare_offset_is_normalized_in_the_record() -> None:
    post = guard_post(
        Post(url=URL, comments=(Comment(id="1", published="2024-01-02T10:00:00+0000"),))
    )
    assert post.comments[0].published == "2024-01-02T10:00:00+00:00"


def test_negative_comment_count_is_unknown() -> None:
    assert guard_post(Post(url=URL, comment_count=-1)).comment_count is None
    assert guard_post(Post(url=URL, comment_count=0)).comment_count == 0


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("https://a.example/x", "https://a.example/x"),
        ("  HTTP://a.example/x\n", "HTTP://a.example/x"),
        ("/relative/path", "/relative/path"),
        ("http://a.example/a\x01b.png", "http://a.example/a%01b.png"),
        ("http://a.example/a\tb", "http://a.example/ab"),
        ("javascript:alert(1)", None),
        (" JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("\x01javascript:alert(1)", None),
        ("vbscript:msgbox(1)", None),
        ("data:image/png;base64,AA==", None),
        ("file:///etc/passwd", None),
        ("mailto:me@example.org", None),
        ("blob:https://a.example/1", None),
        ("http:/a.example/typo", None),
        ("http:R/a.example/flipped", None),
        ("", None),
    ],
)
def test_safe_url(raw: str, safe: str | None) -> None:
    assert safe_url(raw) == safe


def test_url_fields_keep_only_http() -> None:
    bad = "javascript:alert(1)"
    post = guard_post(
        Post(
            url=URL,
            author=Person("A", "vbscript:x"),
            authors=(Person("A", "vbscript:x"),),
            links=(Link(bad, "x"), Link("https://ok.example/", "ok")),
            images=(Image("data:image/png;base64,AA=="), Image("https://ok.example/i.png")),
            quotes=(Quote("q", bad), Quote("said", "Ann Author")),
            read_more=Link("file:///etc/passwd", "more"),
            comments=(
                Comment(id="1", url=bad, author=Person("B", bad), quotes=(Quote("q", bad),)),
            ),
        )
    )
    assert post.author == Person("A", None)
    assert post.authors == (Person("A", None),)
    assert post.links == (Link("https://ok.example/", "ok"),)
    assert [i.url for i in post.images] == ["https://ok.example/i.png"]
    assert [q.cite for q in post.quotes] == [None, "Ann Author"]  # a name is not a URL
    assert post.read_more is None
    c = post.comments[0]
    assert (c.url, c.author.url, c.quotes[0].cite) == (None, None, None)


def test_active_content_never_reaches_the_html() -> None:
    article = (
        '<p>Read <a href="javascript:alert(1)">this</a> and <a href="vbscript:x">that</a>'
        ' and <a href="https://ok.example/">the source</a>.</p>'
        '<p onclick="alert(1)">Clicked <img src="x" onerror="alert(1)"></p>'
        '<img src="data:image/png;base64,AA==" alt="pixel"><script>alert(2)</script>'
        '<blockquote cite="javascript:alert(3)"><p>A quoted line of text here.</p></blockquote>'
        '<svg onload="alert(4)"></svg><iframe src="javascript:alert(5)"></iframe>'
    )
    comment = (
        '<ol class="commentlist"><li class="comment" id="comment-1"><div class="comment-content">'
        '<p>Nice <a href=" javascript:alert(6)">post</a><script>alert(7)</script>'
        '<img src="x" onerror="alert(8)"></p></div></li></ol>'
    )
    post = parse_page(_page(article, comments=comment), URL)
    record = post.to_dict()
    assert record_problems(record) == []
    assert post.body is not None
    assert "Read this and that and the source." in post.body.text  # the text is kept
    assert "https://ok.example/" in post.body.html
    assert "javascript" not in json.dumps(record).lower()
    assert "vbscript" not in json.dumps(record).lower()
    assert post.comments
    assert "alert" not in post.comments[0].html


def test_control_character_in_img_src_costs_that_url_not_the_page() -> None:
    article = '<figure><img src="https://img.example/a\x01b.png" alt="a"></figure>'
    article += '<img data-src="https://img.example/c\x02d.png" alt="lazy">'
    post = parse_page(_page(article), URL)
    assert post.body is not None
    assert record_problems(post.to_dict()) == []


def test_arabic_indic_digits_in_datetime_keep_the_record() -> None:
    article = '<time datetime="٢٠٢٤-٠١-٠٢T10:00">2 January</time>'
    post = parse_page(_page(article), URL)
    assert post.body is not None
    assert post.published == "2024-01-02T10:00:00"
    assert record_problems(post.to_dict()) == []


@pytest.mark.parametrize(
    "block",
    [
        "[" * 2000 + "]" * 2000,
        '{"a":' * 2000 + "1" + "}" * 2000,
        '{"@type":"BlogPosting","x":' + "[" * 100 + "]" * 100 + "}",
    ],
)
def test_deep_jsonld_block_is_skipped_the_page_kept(block: str) -> None:
    head = f'<script type="application/ld+json">{block}</script>'
    head += '<script type="application/ld+json">{"@type":"BlogPosting","author":{"name":"Ann"}}'
    head += "</script>"
    post = parse_page(_page(head=head), URL)
    assert post.body is not None
    assert post.author is not None
    assert post.author.name == "Ann"


def test_merge_keeps_the_promises_of_records_read_back() -> None:
    # a record stored by an older parser is read back through merge_comment_pages
    from scraper.parse._merge import merge_comment_pages

    old = Post(
        url=URL,
        comment_count=-3,
        comments=(Comment(id="1", parent_id="2", depth=1, published="2024-01-02T10:00:00+0000"),),
    )
    cycle = Post(url=URL, comments=(Comment(id="2", parent_id="1", depth=1, text="b"),))
    merged = merge_comment_pages([old, cycle])
    assert merged.comment_count is None
    assert record_problems(merged.to_dict()) == []
    assert {c.id for c in merged.comments} == {"1", "2"}  # the cycle loses no comment
    assert merged.comments[0].published == "2024-01-02T10:00:00+00:00"
