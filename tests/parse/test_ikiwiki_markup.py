"""What a real ikiwiki blog (tests/engines/ikiwiki.py) revealed, each rule written so that it
holds beyond ikiwiki: C's asctime dates, tag and date-archive URLs, pages that inline other
pages, and a comment's "Comment by NAME — DATE" line kept out of its text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml.html import document_fromstring

from scraper.discover._discover import html_links, is_listing_page, is_listing_url
from scraper.parse._results import Metadata, ThreadResult
from scraper.parse.comments._comments import extract_comments
from scraper.parse.comments._dates import parse_visible_date
from scraper.parse.dom._page import Page
from scraper.parse.metadata._dates import parse_text
from scraper.parse.profiles import detect_profile


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed Jan  3 11:00:00 2024", "2024-01-03T11:00:00"),
        ("Posted Tue Jan  2 09:15:00 2024", "2024-01-02T09:15:00"),
        ("Last edited Sat Mar  2 16:45:00 2024", "2024-03-02T16:45:00"),
        ("Feb 30 10:00:00 2024", None),
    ],
)
def test_asctime_dates(text: str, expected: str | None) -> None:
    """strftime's "%c" in the C locale (ikiwiki's default time format, Perl's scalar
    localtime): the clock comes between the day and the year."""
    assert parse_visible_date(text) == expected
    assert parse_text(text) == expected


def test_earlier_date_shapes_still_win() -> None:
    assert parse_text("March 22, 2013 at 2:47 PM") == "2013-03-22T14:47"
    assert parse_visible_date("Jul 23 2012") == "2012-07-23"


@pytest.mark.parametrize(
    ("path", "listing"),
    [
        ("/tags/brücken/", True),
        ("/tags/", True),
        ("/categories/travel/", True),
        ("/archives/2024/05/", True),
        ("/archive/2024/", True),
        ("/posts/tags-and-labels/", False),
        ("/archives/why-we-keep-them/", False),
    ],
)
def test_tag_and_date_archive_urls(path: str, listing: bool) -> None:
    assert is_listing_url("http://blog.example" + path) is listing


def _page(content: str, comments: str = "") -> str:
    return (
        '<html><head><title>t</title></head><body><div class="page"><div id="pagebody">'
        f'<div id="content" role="main">{content}</div>'
        f'<div id="comments" role="complementary">{comments}</div></div></div></body></html>'
    )


_COMMENT = (
    '<div class="comment" id="comment-{n}"><div class="comment-subject">'
    '<a href="http://blog.example/posts/a/#comment-{n}">Subject {n}</a></div>'
    '<div class="inlinecontent">Words of comment {n}, a link to '
    '<a href="https://example.org/x">x</a>.</div>'
    '<div class="comment-header">Comment by <span class="author" title="Signed in">'
    '<a rel="nofollow" href="/ikiwiki.cgi?do=goto&amp;page=Zo%C3%AB">Zoë Ångström</a></span>'
    ' &mdash; <span class="date">Wed Jan  {n} 11:00:00 2024</span></div>'
    '<div style="clear: both"></div></div>'
)


def test_pages_that_inline_posts_are_listings() -> None:
    entry = '<div class="inlinepage"><div class="inlineheader">x</div><p>Text.</p></div>'
    archive = '<div class="archivepage"><a href="../a/">A</a></div>'
    recent = _COMMENT.format(n=1) + _COMMENT.format(n=2)
    for content in (entry * 2, archive * 2, recent):
        tree = document_fromstring(_page(content))
        assert is_listing_page(tree, "http://blog.example/some/page/")
    post = document_fromstring(_page("<p>A post.</p>", recent))
    assert not is_listing_page(post, "http://blog.example/posts/a/")
    # many themes' #content wraps the post's own thread: that is no listing
    wrapped = document_fromstring(_page(f'<p>A post.</p><div class="thread">{recent}</div>'))
    assert not is_listing_page(wrapped, "http://blog.example/posts/a/")


def _thread(html: str) -> ThreadResult:
    page = Page(document_fromstring(html), "http://blog.example/posts/a/")
    return extract_comments(page, detect_profile(page), Metadata())


def test_comment_header_line_is_fields_not_text() -> None:
    html = _page("<p>A post.</p>", _COMMENT.format(n=3) + _COMMENT.format(n=4))
    t = _thread(html)
    assert [(c.id, c.text, c.published) for c in t.comments] == [
        ("3", "Words of comment 3, a link to x.", "2024-01-03T11:00:00"),
        ("4", "Words of comment 4, a link to x.", "2024-01-04T11:00:00"),
    ]
    assert {c.author.name for c in t.comments} == {"Zoë Ångström"}


REAL = Path(__file__).resolve().parents[2] / "fixtures" / "ikiwiki-real" / "default"


@pytest.mark.parametrize(
    ("name", "path"),
    [("home.html", "/"), ("posts.html", "/posts/"), ("tag-news.html", "/tags/news/"),
     ("recent-comments.html", "/comments/")],
)  # fmt: skip
def test_real_ikiwiki_listings_are_listings(name: str, path: str) -> None:
    """Pages saved from a real ikiwiki (fixtures/_tools/ikiwiki_real.py); "/posts/" and
    "/comments/" say so by their markup alone, not their URL."""
    tree = document_fromstring((REAL / "_pages" / name).read_bytes())
    assert is_listing_page(tree, "http://127.0.0.1:8000" + path)


@pytest.mark.parametrize("name", ["three-comments", "post-with-quote", "japanese-post"])
def test_real_ikiwiki_posts_are_posts(name: str) -> None:
    doc = json.loads((REAL / f"{name}.expected.json").read_text("utf-8"))
    tree = document_fromstring((REAL / f"{name}.html").read_bytes())
    assert not is_listing_page(tree, doc["fixture"]["url"])


def test_wiki_action_links_are_not_crawled() -> None:
    """ikiwiki links every page's Edit, Preferences and "Add a comment" to its CGI (a
    static mirror answers 404, a live one a form or a login)."""
    page = _page(
        '<p>A post, <a href="/posts/b/">and another</a>.</p>'
        '<a href="/ikiwiki.cgi?do=edit&amp;page=posts%2Fa" rel="nofollow">Edit</a>'
        '<a href="/ikiwiki.cgi?do=prefs">Preferences</a>'
        '<a href="/doku.php?id=start&amp;do=edit">Edit</a>'
    )
    urls = [f.url for f in html_links(document_fromstring(page), "http://blog.example/posts/a/")]
    assert urls == ["http://blog.example/posts/b/"]
