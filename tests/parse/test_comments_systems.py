"""Comment markup of engines and frameworks the profiles do not name (issue 10): each test
is a small hand-written page in the shape that engine prints."""

from __future__ import annotations

from lxml.html import document_fromstring

from scraper.parse._results import Metadata, ThreadResult
from scraper.parse.comments._comments import extract_comments
from scraper.parse.dom._page import Page
from scraper.parse.profiles import detect_profile


def _thread(html: str) -> ThreadResult:
    page = Page(document_fromstring(html), "https://news.example/2012/10/post/")
    return extract_comments(page, detect_profile(page), Metadata())


SAID = (
    "Lovely tomatoes, what variety did you grow?",
    "Brandywine mostly, and a few cherry ones.",
    "Beans on the fence is a great idea.",
)


def _mt_thread() -> str:
    return "".join(
        f"<div id='comment-{n}' class='comment'><div class='comment-header'>"
        f"<span class='vcard author'>User {n}</span> | October {n}, 2012</div>"
        f"<div class='comment-content'><p>{said}</p></div></div>"
        for n, said in enumerate(SAID, 1)
    )


def test_page_wide_form_keeps_its_thread() -> None:
    # ASP.NET WebForms wraps the whole page in one <form>: the thread lives inside it
    html = (
        "<html><body><form id='aspnetForm' method='post' action='/post.aspx'>"
        "<input type='hidden' name='__VIEWSTATE' value='x'>"
        "<h1>A post</h1><p>Post text.</p>"
        f"<div id='comments'><h3>Comments</h3>{_mt_thread()}</div>"
        "<div id='respond'><textarea name='comment'></textarea></div>"
        "</form></body></html>"
    )
    t = _thread(html)
    assert [c.text for c in t.comments] == list(SAID)
    assert [c.author.name for c in t.comments] == ["User 1", "User 2", "User 3"]


def test_page_wide_form_wrapped_in_a_div_holds_the_headline() -> None:
    html = (
        "<html><body><div id='page'><form id='form1' method='post'>"
        "<div class='content'><h1>A post</h1><p>Post text.</p></div>"
        f"<div class='comments'>{_mt_thread()}</div></form></div></body></html>"
    )
    assert len(_thread(html).comments) == 3


def test_small_form_is_still_no_thread() -> None:
    # a form inside the page (a poll, a preview box) is no place for the post's thread
    html = (
        "<html><body><h1>A post</h1><p>Post text.</p><div class='box'>"
        f"<form action='/poll'><div id='comments'>{_mt_thread()}</div></form>"
        "</div></body></html>"
    )
    assert _thread(html).comments == ()


def test_camel_case_comment_area() -> None:
    # Joomla K2: div.itemComments > ul.itemCommentsList > classless li (odd/even only)
    items = "".join(
        f"<li class='{'odd' if n % 2 else 'even'}'><span class='commentLink'>"
        f"<a href='#comment{n}' name='comment{n}' id='comment{n}'>Comment Link</a></span>"
        f"<span class='commentDate'>Monday, 0{n} October 2012 10:1{n}</span>"
        f"<span class='commentAuthorName'>posted by <a href='/u/{n}'>User {n}</a></span>"
        f"<p>{said}</p></li>"
        for n, said in enumerate(SAID, 1)
    )
    html = (
        "<html><body><h1>A post</h1><p>Post text.</p><div class='itemComments'>"
        f"<h3 class='itemCommentsCounter'>3 comments</h3><ul class='itemCommentsList'>{items}"
        "</ul></div></body></html>"
    )
    t = _thread(html)
    assert [c.text.splitlines()[-1] for c in t.comments] == list(SAID)
    assert [c.published for c in t.comments] == [
        "2012-10-01T10:11",
        "2012-10-02T10:12",
        "2012-10-03T10:13",
    ]


def test_camel_case_words_that_only_mention_comments_are_no_area() -> None:
    html = (
        "<html><body><h1>A post</h1><p>Post text.</p><div class='recentComments'><ul>"
        + "".join(
            f"<li class='item'><span class='date'>October {n}, 2012</span> "
            f"<a href='/other/{n}'>{said}</a></li>"
            for n, said in enumerate(SAID, 1)
        )
        + "</ul></div></body></html>"
    )
    assert _thread(html).comments == ()


def test_classless_items_opened_by_a_written_by_line() -> None:
    # hand-made and old news templates: "<strong>NAME</strong> wrote on DATE:" then the text
    items = "".join(
        f"<li><strong>User {n}</strong> wrote on Oct {n}, 2012 10:1{n}am:<p>{said}</p></li>"
        for n, said in enumerate(SAID, 1)
    )
    html = (
        "<html><body><h1>A post</h1><p>Post text.</p><div class='article-comments'>"
        f"<h3>What readers say</h3><ul>{items}</ul></div></body></html>"
    )
    t = _thread(html)
    assert [(c.author.name, c.published, c.text) for c in t.comments] == [
        (f"User {n}", f"2012-10-0{n}T10:1{n}", said) for n, said in enumerate(SAID, 1)
    ]


def test_classless_items_with_undated_leads_are_no_thread() -> None:
    items = "".join(
        f"<li><strong>Tip {n}</strong> says:<p>{said}</p></li>" for n, said in enumerate(SAID, 1)
    )
    html = (
        "<html><body><h1>A post</h1><p>Post text.</p><div class='article-comments'>"
        f"<ul>{items}</ul></div></body></html>"
    )
    assert _thread(html).comments == ()


WP_HEAD = "<html><head><meta name='generator' content='WordPress 3.4.2'></head><body>"


def _wp_page(thread: str) -> str:
    # the theme's post meta has a div.comment link box; its comment callback prints
    # li#comment-N without comment_class(), so WordPress's item selectors miss the thread
    return (
        WP_HEAD + "<div class='post'><h1>A post</h1>"
        "<div class='comment'><a href='#respond'>Leave a comment</a></div>"
        "<div class='entry'><p>Post text.</p></div></div>"
        f"<div id='comments'><ol class='commentlist'>{thread}</ol></div></body></html>"
    )


def test_engine_selectors_outside_the_thread_must_look_like_comments() -> None:
    thread = "".join(
        f"<li class='{'alt' if n % 2 else ''}' id='comment-{n}'>"
        f"<a href='https://u{n}.example/' rel='external nofollow' class='url'>User {n}</a> on "
        f"October {n}, 2012 3:3{n} pm<div class='commenttext'><p>{said}</p></div></li>"
        for n, said in enumerate(SAID, 1)
    )
    t = _thread(_wp_page(thread))
    assert [c.text.splitlines()[-1] for c in t.comments] == list(SAID)


def test_a_comment_link_box_is_no_comment() -> None:
    assert _thread(_wp_page("")).comments == ()


def test_form_holding_only_hidden_fields_is_comment_text() -> None:
    # Reddit wraps each comment's body in form.usertext (hidden thing_id) for in-place
    # editing (its reply box is one hidden form elsewhere on the page, cloned by script)
    items = "".join(
        f"<div class='thing comment' id='thing_t1_c{n}'><p class='tagline'>"
        f"<a href='/user/u{n}' class='author'>u{n}</a> "
        f"<time datetime='2012-10-0{n}T10:00:00+00:00'>2 hours</time> ago</p>"
        f"<form action='#' class='usertext'><input type='hidden' name='thing_id' value='c{n}'>"
        f"<div class='usertext-body'><div class='md'><p>{said}</p></div></div></form>"
        "</div>"
        for n, said in enumerate(SAID, 1)
    )
    html = (
        "<html><body><h1>A post</h1><p>Post text.</p>"
        f"<div class='commentarea'><div class='sitetable'>{items}</div></div></body></html>"
    )
    t = _thread(html)
    assert [c.text.splitlines()[-1] for c in t.comments] == list(SAID)
    assert [c.author.name for c in t.comments] == ["u1", "u2", "u3"]


def test_camel_case_names_holding_a_crumb_word_keep_their_text() -> None:
    # a comment box named after the site's share bar (cssShareBarCommentsListCommentText):
    # "share" as a camelCase word there names the component, not a share button
    items = "".join(
        f"<div id='comment{n}' class='allShareBarCommentsListComment'>"
        f"<p class='cssShareBarCommentsListCommentName'>User {n}</p>"
        f"<p class='cssShareBarCommentsListCommentTimestamp'>0{n}.10.2012</p>"
        f"<div class='cssShareBarCommentsListCommentText'>{said}</div></div>"
        for n, said in enumerate(SAID, 1)
    )
    html = (
        "<html><body><h1>A post</h1><p>Text.</p><div id='allCommentsArea'>"
        f"<div class='allShareBarCommentsList'>{items}</div></div></body></html>"
    )
    assert [c.text.splitlines()[-1] for c in _thread(html).comments] == list(SAID)


def test_thread_starts_at_the_comments_anchor() -> None:
    # a forum topic marks its first message like the replies; the "Comments" heading with
    # id=comments stands between them: the message before it is the post
    box = (
        "<div class='MtnComment'><span class='MtnCommentAccountName'>{who}</span>"
        "<div>{said}</div></div>"
    )
    html = (
        "<html><body><form id='HtmlForm1' method='post'><main id='content'>"
        "<h2 class='Title'>No App Store over mobile data</h2>"
        + box.format(who="macb", said="Since the update the App Store only loads on wifi, why?")
        + "<h2 class='Title' id='comments'>Comments</h2>"
        + "".join(box.format(who=f"User {n}", said=said) for n, said in enumerate(SAID, 1))
        + "</main></form></body></html>"
    )
    t = _thread(html)
    assert [c.text.splitlines()[-1] for c in t.comments] == list(SAID)
    from scraper import parse_page

    post = parse_page(html.encode(), url="https://forum.example/t/1")
    assert post.body is not None
    assert "only loads on wifi" in post.body.text
    assert "Brandywine" not in post.body.text


def test_comment_form_under_body_is_still_no_thread() -> None:
    # a form that is a child of <body> but names itself the comment form stays foreign
    html = (
        "<html><body><h1>A post</h1><p>Post text.</p>"
        f"<form id='commentform'><div id='comments'>{_mt_thread()}</div></form></body></html>"
    )
    assert _thread(html).comments == ()
