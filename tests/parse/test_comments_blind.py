"""Threads read without known class words: a comments heading, then boxes whose classes
say nothing (hashed, or another language's), told apart from other lists by what every
comment system prints in each comment: a link to the comment, a dated byline."""

from __future__ import annotations

from lxml.html import document_fromstring

from scraper.parse._results import Metadata, ThreadResult
from scraper.parse.comments._comments import extract_comments
from scraper.parse.dom._page import Page
from scraper.parse.profiles import detect_profile


def _thread(html: str) -> ThreadResult:
    page = Page(document_fromstring(html), "https://blog.example/p/")
    return extract_comments(page, detect_profile(page), Metadata())


def _page(items: str) -> str:
    return f"""<html><body><div class="qx"><h1>A post</h1><p>The post's own text.</p></div>
    <div class="zv"><h2>3 Responses</h2>{items}</div></body></html>"""


def test_boxes_with_a_permalink_each_are_comments() -> None:
    box = """<div class="kk"><div class="mm"><b>{n}</b></div>
    <div class="pp"><p>{n} thinks this is a fine point, well made.</p>
    <a href="#c{i}">#</a> <a href="/p/?replytocom={i}#respond">Reply</a></div></div>"""
    items = "".join(box.format(n=n, i=i) for i, n in enumerate(("Ann", "Bob", "Cy")))
    t = _thread(_page(items))
    assert [("thinks" in c.text, c.text.split()[0]) for c in t.comments] == [
        (True, "Ann"),
        (True, "Bob"),
        (True, "Cy"),
    ]


def test_a_list_of_links_to_comments_is_no_thread() -> None:
    # a recent-comments list under such a heading: each box is links ("NAME on TITLE")
    box = """<div class="kk"><a href="/other-{i}/#comment-{i}">{n}</a> on
    <a href="/other-{i}/">Another post of this blog, {i}</a></div>"""
    items = "".join(box.format(n=n, i=i) for i, n in enumerate(("Ann", "Bob", "Cy")))
    assert _thread(_page(items)).comments == ()


def test_a_dated_byline_at_the_foot_marks_each_box() -> None:
    box = """<div class="kk"><p>{n} thinks this is a fine point, well made.</p>
    <p class="ww">by {n} on January 31, 2011 at 9:5{i} am. <a href="#">Reply</a></p></div>"""
    items = "".join(box.format(n=n, i=i) for i, n in enumerate(("Ann", "Bob", "Cy")))
    t = _thread(_page(items))
    assert len(t.comments) == 3
    assert t.comments[0].text.startswith("Ann thinks")


def _plain(items: str) -> str:
    return f"""<html><body><div class="qx"><h1>A post</h1><p>The post's own text.</p></div>
    <div class="zv">{items}</div></body></html>"""


def test_links_to_other_posts_comments_are_no_thread() -> None:
    # a "latest comments" list in a box the area words name, each item an excerpt and a
    # link to a comment of another post: the links lead to many documents
    box = """<li><a href="{doc}#comment-{i}">{n}</a>: says this is a fine point,
    well made, on another post...</li>"""

    def page(same: bool) -> str:
        names = enumerate(("Ann", "Bob", "Cy"))
        items = "".join(
            box.format(n=n, i=i, doc="/p/" if same else f"/post-{i}/") for i, n in names
        )
        return _plain(f'<div class="footer-latest-comments"><ul>{items}</ul></div>')

    assert _thread(page(same=False)).comments == ()
    assert len(_thread(page(same=True)).comments) == 3  # every link into this page


def test_a_heading_that_counts_one_comment_takes_its_lone_box() -> None:
    box = """<div class="kk"><b>Ann</b> <span>October 3, 2011 at 9:12 pm</span>
    <p>Ann thinks this is a fine point, well made.</p></div>"""
    page = _page(box).replace("3 Responses", "1 Response to “A post”")
    t = _thread(page)
    assert len(t.comments) == 1
    assert "fine point" in t.comments[0].text
    # without the count a lone box after "Responses" may be anything: no thread
    assert _thread(_page(box).replace("3 Responses", "Responses")).comments == ()
