"""Threads placed by the marks each comment prints (``_cued``): permalinks, anchors named
for a comment and "Reply" controls, on pages whose classes and ids say nothing and that
title no comments heading."""

from __future__ import annotations

from lxml.html import document_fromstring, fragment_fromstring

from scraper.parse._results import Metadata, ThreadResult
from scraper.parse.comments._comments import extract_comments
from scraper.parse.comments._cued import cue_area, is_reply_control
from scraper.parse.dom._page import Page
from scraper.parse.profiles import detect_profile

_NAMES = ("Ann", "Bob", "Cy")


def _parse(html: str) -> Page:
    return Page(document_fromstring(html), "https://blog.example/p/")


def _thread(html: str) -> ThreadResult:
    page = _parse(html)
    return extract_comments(page, detect_profile(page), Metadata())


def _plain(thread: str) -> str:
    return f"""<html><body><div class="qx"><h1>A post</h1><p>The post's own text, which
    runs on for a while about the matter at hand.</p></div>
    <div class="zv"><div class="rt">{thread}</div>
    <form class="fm" action="/post-comment"><textarea name="t"></textarea></form></div>
    </body></html>"""


def test_permalinked_boxes_without_heading_or_class_words_are_the_thread() -> None:
    box = """<li class="kk"><b>{n}</b> <a href="#comment-{i}">#</a>
    <p>{n} thinks this is a fine point, well made.</p>{replies}</li>"""
    reply = box.format(n="Dee", i=9, replies="")
    items = "".join(
        box.format(n=n, i=i, replies=f'<ul class="nn">{reply}</ul>' if i == 0 else "")
        for i, n in enumerate(_NAMES)
    )
    t = _thread(_plain(f'<ol class="ll">{items}</ol>'))
    assert [c.text.split()[0] for c in t.comments] == ["Ann", "Dee", "Bob", "Cy"]
    assert [c.depth for c in t.comments] == [0, 1, 0, 0]


def test_the_marks_are_read_on_pages_with_a_text_box_only() -> None:
    # looking at every link of every page cost 2 % of a parse; a thread mostly sits beside
    # its comment form, and a page with no text box at all is not searched this way
    box = """<li class="kk"><b>{n}</b> <a href="#comment-{i}">#</a>
    <p>{n} thinks this is a fine point, well made.</p></li>"""
    items = "".join(box.format(n=n, i=i) for i, n in enumerate(_NAMES))
    page = _plain(f'<ol class="ll">{items}</ol>')
    assert len(_thread(page).comments) == 3
    formless = page.replace('<textarea name="t"></textarea>', '<input name="t">')
    assert _thread(formless).comments == ()


def test_anchors_named_for_comments_and_reply_buttons_place_the_thread() -> None:
    # no link to a comment at all: an empty named anchor and a German reply button each
    box = """<div class="kk"><a name="comment-{i}"></a><span>{n}</span>
    <span>3. Oktober 2011</span><p>{n} findet, das ist ein guter Punkt, gut gemacht.</p>
    <button type="button">Antworten</button></div>"""
    items = "".join(box.format(n=n, i=i) for i, n in enumerate(_NAMES))
    assert len(_thread(_plain(items)).comments) == 3


def test_links_to_other_posts_comments_place_no_thread() -> None:
    # a recent-comments list with classes that say nothing: the links lead to many posts
    box = """<li class="kk"><a href="/post-{i}/#comment-{i}">{n}</a>: says this is a fine
    point, well made, on another post of the blog...</li>"""
    items = "".join(box.format(n=n, i=i) for i, n in enumerate(_NAMES))
    assert _thread(_plain(f"<ul>{items}</ul>")).comments == ()


def test_one_mark_is_no_area() -> None:
    page = _parse(_plain('<p>Say something. <a href="/p/?replytocom=3#respond">Reply</a></p>'))
    assert cue_area(page) is None


def test_the_area_is_the_smallest_holder_of_most_marks() -> None:
    box = '<div class="kk"><p>Text {i} of a comment.</p><a href="#c{i}">link</a></div>'
    items = "".join(box.format(i=i) for i in range(4))
    # a stray mark elsewhere (a "Reply" in the footer) is outvoted
    page = _parse(_plain(items).replace("</body>", "<p><a href='/x'>Reply</a></p></body>"))
    area = cue_area(page)
    assert area is not None
    assert area.get("class") == "rt"


def test_reply_controls_are_known_by_their_whole_short_text() -> None:
    def control(markup: str) -> bool:
        return is_reply_control(fragment_fromstring(markup))

    assert control("<a href='#'>Reply</a>")
    assert control("<a href='#'>Reply <span>↓</span></a>")
    assert control("<a href='#'>[Antworten]</a>")
    assert control("<button>Répondre</button>")
    assert control("<a href='#'>Ответить</a>")
    assert not control("<a href='#'>Replying to readers: a guide</a>")
    assert not control("<a href='#'>Read more</a>")
    assert not control("<a href='#'></a>")


def test_reply_links_to_another_site_place_no_thread() -> None:
    # a tweets box: each tweet has a "Reply" link, to the tweet's reply intent elsewhere
    box = """<li class="kk"><b>{n}</b> <span>11/12/12</span> <p>{n} tweets a fine point
    about the game tonight, well made.</p>
    <a href="https://twitter.example/intent/tweet?in_reply_to={i}">Reply</a></li>"""
    items = "".join(box.format(n=n, i=i) for i, n in enumerate(_NAMES))
    assert _thread(_plain(f"<ul>{items}</ul>")).comments == ()


def test_a_dl_thread_is_placed_by_the_marks_in_its_dd() -> None:
    pair = """<dt class="kk"><b>{n}</b> said...</dt><dd class="pp"><p>{n} thinks this is
    a fine point, well made.</p><a href="#c{i}">October 3, 2011 9:12 PM</a></dd>"""
    items = "".join(pair.format(n=n, i=i) for i, n in enumerate(_NAMES))
    t = _thread(_plain(f"<dl>{items}</dl>"))
    assert [c.text.split()[0] for c in t.comments] == list(_NAMES)


def test_boxes_without_the_marks_are_not_taken_for_the_marks_thread() -> None:
    # the marks point at an area, but the dated boxes there that carry text carry no
    # mark (a list of dated notices beside two reply links)
    box = """<div class="kk"><span>October {i}, 2011</span><p>Notice {i}: the office is
    closed on this day for the holiday.</p></div>"""
    items = "".join(box.format(i=i) for i in range(1, 7))
    items += '<a href="#">Reply</a> <a href="#">Reply</a>'
    assert _thread(_plain(items)).comments == ()


def test_avatars_place_the_thread() -> None:
    box = """<div class="kk"><img src="https://secure.gravatar.example/avatar/{i}a9f?s=48"
    width="48" height="48" alt=""><b>{n}</b> <span>October {i}, 2011 at 9:12 pm</span>
    <p>{n} thinks this is a fine point, well made.</p></div>"""
    items = "".join(box.format(n=n, i=i + 1) for i, n in enumerate(_NAMES))
    assert [c.text.split()[0] for c in _thread(_plain(items)).comments] == list(_NAMES)


def test_avatars_beside_links_to_other_posts_comments_are_no_thread() -> None:
    # a recent-comments list: avatar, "NAME on DATE", an excerpt; each links to a
    # comment of another post
    box = """<li><a href="/post-{i}/#comment-{i}"><img src="/avatar/{i}.png"></a>
    <div><a href="/post-{i}/#comment-{i}">{n}</a> on 11/1{i}/12</div>
    <p>{n} says this is a fine point, well made...</p></li>"""
    items = "".join(box.format(n=n, i=i) for i, n in enumerate(_NAMES))
    assert _thread(_plain(f"<ul>{items}</ul>")).comments == ()


def test_avatars_under_post_titles_are_no_thread() -> None:
    # teasers of other posts, each with its author's avatar and a dated byline
    box = """<li class="kk"><h3><a href="/post-{i}/">Another post, number {i}</a></h3>
    <p>An excerpt of post {i}, about the matter at hand, that runs on.</p>
    <p><img src="https://gravatar.example/avatar/ab12?s=32"> by {n}</p>
    <p>October {i}, 2011</p></li>"""
    items = "".join(box.format(n=n, i=i + 1) for i, n in enumerate(_NAMES))
    assert _thread(_plain(f"<ul>{items}</ul>")).comments == ()


def test_one_persons_avatar_twice_is_one_mark() -> None:
    # an author box: the author's picture at two sizes beside the bio and her posts
    box = """<div class="kk"><a href="/author/ann/"><img
    src="https://gravatar.example/avatar/ab12?s={s}&amp;d=mm"></a>
    <p>Ann writes about the matter at hand, and travels; posted October 3, 2011.</p></div>"""
    page = _parse(_plain(box.format(s=70) + box.format(s=109)))
    assert cue_area(page) is None
    assert _thread(_plain(box.format(s=70) + box.format(s=109))).comments == ()
