"""Comment threads per engine layout, read through ``extract_comments``."""

from __future__ import annotations

from lxml import etree
from lxml.html import document_fromstring

from scraper.parse._results import Metadata, ThreadResult
from scraper.parse.comments._comments import extract_comments
from scraper.parse.dom._page import Page
from scraper.parse.profiles import detect_profile

URL = "https://blog.example/2020/01/post/"


def _thread(html: str, url: str | None = URL) -> ThreadResult:
    page = Page(document_fromstring(html), url)
    before = etree.tostring(page.tree)
    result = extract_comments(page, detect_profile(page), Metadata())
    assert etree.tostring(page.tree) == before, "extractors must not mutate the tree"
    return result


WP_HTML5 = """<html><head><meta name="generator" content="WordPress 6.4"></head>
<body class="post-template-default single single-post postid-7 wp-theme-twentyseventeen">
<article class="post"><div class="entry-content"><p>Post body.</p></div></article>
<div id="comments" class="comments-area">
<h2 class="comments-title">2 thoughts on &ldquo;Post&rdquo;</h2>
<ol class="comment-list">
<li id="comment-5" class="comment even thread-even depth-1 parent">
 <article id="div-comment-5" class="comment-body">
  <footer class="comment-meta"><div class="comment-author vcard">
   <img class="avatar avatar-32" src="a.png"><b class="fn"><a class="url" href="https://ann.example/">Ann</a></b>
   <span class="says">says:</span></div>
   <div class="comment-metadata"><a href="https://blog.example/2020/01/post/#comment-5">
   <time datetime="2020-01-02T03:04:05+00:00">January 2, 2020 at 3:04 am</time></a></div>
  </footer>
  <div class="comment-content"><p>First <b>comment</b>.</p>
  <blockquote><p>quoted</p></blockquote></div>
  <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
 </article>
 <ol class="children">
  <li id="comment-6" class="comment byuser bypostauthor odd alt depth-2">
   <article id="div-comment-6" class="comment-body">
    <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bob</b>
    <span class="says">says:</span></div></footer>
    <div class="comment-content"><p>A reply.</p>
    <p class="comment-awaiting-moderation">Your comment is awaiting moderation.</p></div>
   </article>
  </li>
 </ol>
</li>
</ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
<form><textarea name="comment"></textarea></form></div>
</div>
<aside id="secondary"><section class="widget widget_recent_comments"><ul id="recentcomments">
<li class="recentcomments">Zed on <a href="#comment-1">Other post</a></li></ul></section></aside>
</body></html>"""


def test_wordpress_html5_thread() -> None:
    t = _thread(WP_HTML5)
    assert t.count == 2
    assert [c.id for c in t.comments] == ["5", "6"]
    first, reply = t.comments
    assert (first.parent_id, first.depth) == (None, 0)
    assert (first.author.name, first.author.url) == ("Ann", "https://ann.example/")
    assert first.published == "2020-01-02T03:04:05+00:00"
    assert first.url == "https://blog.example/2020/01/post/#comment-5"
    assert first.text == "First comment.\n\nquoted"
    assert first.html == "<p>First <b>comment</b>.</p> <blockquote><p>quoted</p></blockquote>"
    assert [q.text for q in first.quotes] == ["quoted"]
    assert first.is_post_author is False
    assert (reply.parent_id, reply.depth) == ("5", 1)
    assert reply.author.name == "Bob"
    assert reply.text == "A reply."
    assert reply.is_post_author is True


TWENTY_TEN = """<html><head><meta name="generator" content="WordPress 3.4"></head><body>
<div id="comments"><h3 id="comments-title">12 Responses to <em>Post</em></h3>
<ol class="commentlist">
<li class="comment even thread-even depth-1" id="li-comment-41">
 <div id="comment-41">
  <div class="comment-author vcard"><img class="avatar" src="x.png">
   <cite class="fn">Carol</cite> <span class="says">says:</span></div>
  <div class="comment-meta commentmetadata"><a href="https://blog.example/p/#comment-41">
   March 3, 2011 at 9:59 am</a> <a class="comment-edit-link" href="#">(Edit)</a></div>
  <div class="comment-body"><p>Old school.</p></div>
  <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
 </div>
</li></ol></div></body></html>"""


def test_twenty_ten_xhtml_layout() -> None:
    t = _thread(TWENTY_TEN)
    assert t.count == 12
    (c,) = t.comments
    assert c.id == "41"
    assert (c.author.name, c.author.url) == ("Carol", None)
    assert c.published == "2011-03-03T09:59"
    assert c.url == "https://blog.example/p/#comment-41"
    assert c.text == "Old school."


BLOCK_THEME = """<html><head><meta name="generator" content="WordPress 6.5"></head>
<body class="wp-theme-twentytwentyfour"><div class="wp-site-blocks">
<div class="wp-block-comments"><h2 class="wp-block-comments-title">One response to “Post”</h2>
<ol class="wp-block-comment-template">
<li id="comment-9" class="comment even thread-even depth-1">
 <div class="wp-block-comment-author-name"><a href="https://d.example">Dora</a></div>
 <div class="wp-block-comment-date"><time datetime="2024-05-01T10:00:00+02:00">May 1</time></div>
 <div class="wp-block-comment-content"><p>Blocks!</p></div>
 <div class="wp-block-comment-reply-link"><a href="#">Reply</a></div>
</li></ol></div></div></body></html>"""


def test_wordpress_block_theme() -> None:
    t = _thread(BLOCK_THEME)
    assert t.count == 1
    (c,) = t.comments
    assert (c.id, c.author.name, c.author.url) == ("9", "Dora", "https://d.example")
    assert c.published == "2024-05-01T10:00:00+02:00"
    assert c.text == "Blocks!"


BLOGGER_NEW = """<html><head><meta name="generator" content="Blogger">
</head><body><div class="comments" id="comments"><h4>2 comments:</h4>
<div class="comments-content"><div class="comment-thread"><ol>
<li class="comment" id="c111"><div class="comment-block">
 <div class="comment-header"><cite class="user"><a href="https://www.blogger.com/profile/1">Eve</a></cite>
 <span class="datetime secondary-text"><a href="https://x.blogspot.com/p.html?showComment=1#c111"
 >October 29, 2012 1:24 PM</a></span></div>
 <p class="comment-content">Top level.</p>
 <span class="comment-actions secondary-text"><a>Reply</a>
 <span class="item-control">Delete</span></span>
</div>
<div class="comment-replies"><div class="comment-thread inline-thread"><ol>
 <li class="comment" id="c222"><div class="comment-block"><div class="comment-header">
 <cite class="user blog-author"><a href="https://www.blogger.com/profile/2">Fay</a></cite></div>
 <p class="comment-content">Nested.</p></div></li></ol></div></div>
</li></ol></div></div></div></body></html>"""


def test_blogger_threaded_layout() -> None:
    t = _thread(BLOGGER_NEW)
    assert t.count == 2
    top, reply = t.comments
    assert (top.id, top.author.name, top.published) == ("111", "Eve", "2012-10-29T13:24")
    assert top.text == "Top level."
    assert (reply.id, reply.parent_id, reply.depth, reply.text) == ("222", "111", 1, "Nested.")
    assert (reply.is_post_author, top.is_post_author) == (True, False)


BLOGGER_CLASSIC = """<html><head><meta name="generator" content="Blogger"></head><body>
<div class="comments" id="comments"><h4>2 comments:</h4><dl id="comments-block">
<dt class="comment-author" id="c1"><a href="https://www.blogger.com/profile/9">Gus</a> said...</dt>
<dd class="comment-body"><p>Classic one.</p></dd>
<dd class="comment-footer"><span class="comment-timestamp">
<a href="https://x.blogspot.com/p.html?showComment=5#c1">September 10, 2012 4:45 AM</a></span></dd>
<dt class="comment-author" id="c2">Anonymous said...</dt>
<dd class="comment-body"><p>Classic two.</p></dd>
</dl></div></body></html>"""


def test_blogger_classic_dl_layout() -> None:
    t = _thread(BLOGGER_CLASSIC)
    assert [(c.id, c.author.name, c.text) for c in t.comments] == [
        ("1", "Gus", "Classic one."),
        ("2", "Anonymous", "Classic two."),
    ]
    assert t.comments[0].published == "2012-09-10T04:45"
    assert t.comments[0].url == "https://x.blogspot.com/p.html?showComment=5#c1"


GENERIC = """<html><body><div id="main"><p>Article text here.</p></div>
<div id="user-comments"><h3>Comments (2)</h3>
<div class="entry"><span class="name">Hal</span><span class="date">2 days ago</span>
<div class="msg"><p>Generic comment one with some words.</p></div></div>
<div class="entry"><span class="name">Ida</span><span class="date">1 day ago</span>
<div class="msg"><p>Generic comment two, also with words.</p></div></div>
</div></body></html>"""


def test_generic_repeated_items() -> None:
    t = _thread(GENERIC, None)
    assert t.count == 2
    assert [c.text for c in t.comments] == [
        "Generic comment one with some words.",
        "Generic comment two, also with words.",
    ]
    assert all(c.depth == 0 and c.parent_id is None for c in t.comments)


NO_COMMENTS = """<html><head><meta name="generator" content="WordPress 5.0"></head><body>
<article><div class="entry-content"><p>Body only.</p></div></article>
<div id="comments"><p class="nocomments">Comments are closed.</p></div>
<div id="sidebar"><ul class="recent-comments"><li class="comment">Zed on Foo: long enough text</li>
<li class="comment">Yan on Bar: long enough text too</li></ul></div>
<ul class="related"><li><a href="/a">Related one with a long title</a></li>
<li><a href="/b">Related two with a long title</a></li></ul></body></html>"""


def test_page_without_comments_yields_none() -> None:
    t = _thread(NO_COMMENTS)
    assert t.comments == ()
    assert t.count is None


def test_form_only_yields_none() -> None:
    html = """<html><body><div id="comments"><div id="respond"><h3>Leave a Reply</h3>
    <form><p class="comment-form-author"><label>Name</label><input></p>
    <p class="comment-form-comment"><label>Comment</label><textarea></textarea></p></form>
    </div></div></body></html>"""
    assert _thread(html).comments == ()


JSONLD = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "BlogPosting", "commentCount": 3,
 "comment": [{"@type": "Comment", "@id": "https://blog.example/p#c-1",
   "author": {"@type": "Person", "name": "Jo", "url": "https://jo.example"},
   "dateCreated": "2021-02-03T04:05:06Z", "text": "<p>From JSON-LD</p>",
   "comment": {"@type": "Comment", "text": "Child", "author": "Kim"}}]}
</script></head><body><p>x</p></body></html>"""


def test_jsonld_comments_and_count() -> None:
    t = _thread(JSONLD)
    assert t.count == 3
    first, child = t.comments
    assert (first.id, first.author.name, first.published, first.text) == (
        "1",
        "Jo",
        "2021-02-03T04:05:06Z",
        "From JSON-LD",
    )
    assert (child.parent_id, child.depth, child.author.name) == ("1", 1, "Kim")


TYPEPAD = """<html><head><meta name="generator" content="http://www.typepad.com/"></head>
<body><div class="comments" id="comments"><h3 class="comments-header">Comments</h3>
<div class="comments-content">
<div class="comment" id="comment-6a00d8"><div class="comment-content"><p>Typed on a pad.</p></div>
<p class="comment-footer">Posted by: <a href="https://lee.example">Lee</a> |
<a href="https://x.typepad.com/p.html?cid=6a00d8#comment-6a00d8"
>March 5, 2012 at 10:11 AM</a></p></div>
</div></div></body></html>"""


def test_typepad_comment_footer() -> None:
    (c,) = _thread(TYPEPAD).comments
    assert c.text == "Typed on a pad."
    assert (c.author.name, c.author.url) == ("Lee", "https://lee.example")
    assert c.published == "2012-03-05T10:11"


DRUPAL = """<html><head><meta name="Generator" content="Drupal 7 (http://drupal.org)"></head>
<body><div id="comments"><h2 class="title">2 comments</h2>
<div class="comment" id="comment-1"><div class="submitted"><span class="username">Mo</span>
<time datetime="2013-01-01T10:00:00+01:00">Tue</time></div>
<div class="content"><div class="field-name-comment-body"><p>Drupal top.</p></div>
<ul class="links"><li><a href="#">reply</a></li></ul></div></div>
<div class="indented"><div class="comment" id="comment-2"><div class="submitted">
<span class="username">Ned</span></div>
<div class="content"><div class="field-name-comment-body"><p>Drupal reply.</p></div></div>
</div></div>
</div></body></html>"""


def test_drupal_indented_replies() -> None:
    t = _thread(DRUPAL)
    assert t.count == 2
    top, reply = t.comments
    assert (top.id, top.author.name, top.text) == ("1", "Mo", "Drupal top.")
    assert top.published == "2013-01-01T10:00:00+01:00"
    assert (reply.id, reply.parent_id, reply.depth, reply.text) == ("2", "1", 1, "Drupal reply.")
