"""Harder layouts: dl threads, sibling reply boxes, hidden copies, pingbacks, bylines."""

from __future__ import annotations

from lxml.html import document_fromstring

from scraper.parse._results import Metadata, ThreadResult
from scraper.parse.comments._comments import extract_comments
from scraper.parse.dom._page import Page
from scraper.parse.profiles import detect_profile


def _thread(html: str) -> ThreadResult:
    page = Page(document_fromstring(html), "https://blog.example/p/")
    return extract_comments(page, detect_profile(page), Metadata())


WP = '<html><head><meta name="generator" content="WordPress 3.4"></head><body>'


def test_wordpress_dl_layout_has_no_duplicates() -> None:
    html = (
        WP
        + """<div id="comments"><dl class="commentlist">
    <dt id="comment-1" class="comment depth-1"><span class="comment_author">Lisa</span>
    <a href="https://blog.example/p/#comment-1">November 7, 2012</a></dt>
    <dd class="comment depth-1"><div class="comment" id="div-comment-1"><p>Advent idea.</p>
    <div class="reply"><a href="#">Reply</a></div></div>
    <dl class="children"><dt id="comment-2" class="comment depth-2">
    <span class="comment_author">Tom</span></dt>
    <dd class="comment depth-2"><p>Nested answer.</p></dd></dl></dd>
    </dl></div></body></html>"""
    )
    t = _thread(html)
    assert [(c.id, c.parent_id, c.depth, c.text) for c in t.comments] == [
        ("1", None, 0, "Advent idea."),
        ("2", "1", 1, "Nested answer."),
    ]
    assert t.comments[0].author.name == "Lisa"


def test_pingbacks_and_hidden_copies_are_not_comments() -> None:
    html = (
        WP
        + """<div id="comments"><ol class="commentlist">
    <li id="comment-1" class="comment"><div class="comment-author"><cite class="fn">Ann</cite>
    </div><div class="comment-content"><p>Real one.</p></div></li>
    <li id="comment-2" class="pingback"><div class="comment-body">Pingback: Some blog</div></li>
    </ol><div id="comment-preview" class="hiddenBox"><div class="comment" id="comment-9">
    <div class="comment-content"><p>Preview text.</p></div></div></div>
    </div></body></html>"""
    )
    assert [c.text for c in _thread(html).comments] == ["Real one."]


def test_generic_dl_thread_without_classes() -> None:
    html = """<html><body><div id="comments"><h2>Comments</h2><dl>
    <dt><a href="#1">1.</a> William - August 8, 2012</dt><dd><p>Shatner rules, truly.</p></dd>
    <dt><a href="#2">2.</a> MJ - August 8, 2012</dt><dd><p>A legit strike, well done.</p></dd>
    </dl></div></body></html>"""
    texts = [c.text for c in _thread(html).comments]
    assert texts == [
        "1. William - August 8, 2012\n\nShatner rules, truly.",
        "2. MJ - August 8, 2012\n\nA legit strike, well done.",
    ]


def test_generic_sibling_reply_boxes() -> None:
    html = """<html><body><div id="comments" class="comment-wrapper">
    <div class="comment first"><p class="user"><a href="/u/a">amy</a> says:</p>
    <div class="comment-body"><p>Top comment here.</p></div></div>
    <div class="indented"><div class="comment"><p class="user"><a href="/u/b">bo</a></p>
    <div class="comment-body"><p>Reply in a sibling box.</p></div></div></div>
    <div class="comment"><p class="user"><a href="/u/c">cy</a></p>
    <div class="comment-body"><p>Second top comment.</p></div></div>
    </div></body></html>"""
    t = _thread(html)
    assert [(c.author.name, c.depth, c.text) for c in t.comments] == [
        ("amy", 0, "Top comment here."),
        ("bo", 1, "Reply in a sibling box."),
        ("cy", 0, "Second top comment."),
    ]


def test_lone_container_is_not_a_comment() -> None:
    html = """<html><body><div class="journal-comments"><div class="comments" id="c">
    <h3>Reader Comments</h3><p class="date">October 11, 2012</p>
    <p>There are no comments for this journal entry. To create a new comment, use the form.</p>
    </div></div></body></html>"""
    assert _thread(html).comments == ()


def test_byline_lead_line() -> None:
    html = """<html><body><div class="comments"><h3>2 comments</h3>
    <div class="comment" id="c1"><b>Mia</b> wrote at 2013-03-21 19:40:<br>
    <p>Great pictures.</p></div>
    <div class="comment" id="c2"><b><a href="http://k.example/">Karl</a></b>
    wrote at 2013-03-21 20:05:<br>
    <p>No, not this time.</p></div></div></body></html>"""
    t = _thread(html)
    assert [(c.id, c.author.name, c.author.url, c.published, c.text) for c in t.comments] == [
        ("1", "Mia", None, "2013-03-21T19:40", "Great pictures."),
        ("2", "Karl", "http://k.example/", "2013-03-21T20:05", "No, not this time."),
    ]
    assert t.comments[0].url is None


def test_comment_nodes_are_the_top_level_items() -> None:
    from scraper.parse.comments._comments import comment_nodes

    html = (
        WP
        + """<div id="comments"><ol class="commentlist">
    <li id="comment-1" class="comment"><div class="comment-content"><p>One.</p></div>
    <ol class="children"><li id="comment-2" class="comment">
    <div class="comment-content"><p>Two.</p></div></li></ol></li>
    <li id="comment-3" class="comment"><div class="comment-content"><p>Three.</p></div></li>
    </ol></div></body></html>"""
    )
    page = Page(document_fromstring(html))
    nodes = comment_nodes(page, detect_profile(page))
    assert [n.get("id") for n in nodes] == ["comment-1", "comment-3"]


def test_disqus_server_rendered_fallback() -> None:
    html = """<html><body><div id="disqus_thread"><div id="dsq-content">
    <ul id="dsq-comments"><li class="comment" id="dsq-comment-33250">
    <div class="dsq-comment-header"><cite id="dsq-cite-33250">
    <span id="dsq-author-user-33250">pc</span></cite></div>
    <div class="dsq-comment-body"><div class="dsq-comment-message"><p>Go TL!</p></div></div>
    </li></ul></div></div></body></html>"""
    (c,) = _thread(html).comments
    assert (c.id, c.author.name, c.text) == ("33250", "pc", "Go TL!")


def test_disqus_script_only_has_no_comments() -> None:
    html = """<html><body><article><p>Body text of the post.</p></article>
    <div id="disqus_thread"></div><script>var disqus_shortname = "x";</script>
    <noscript>Please enable JavaScript to view the comments powered by Disqus.</noscript>
    </body></html>"""
    t = _thread(html)
    assert t.comments == ()
    assert t.count is None


def test_hex_ids_and_form_links() -> None:
    html = """<html><body><div class="river">
    <div id="comment-5023c5aeeab8eaf833000003" class="comments odd"><div class="inner">
    <b>Doug</b> <span class="smaller">on <a href="/c/5023">Aug 9, 10:14 AM</a> said:</span>
    <div class="comment-content"><div class="comment-text">I enjoy my Apple products.</div>
    <a href="#comment-form">Reply</a></div></div></div>
    </div></body></html>"""
    (c,) = _thread(html).comments
    assert c.id == "5023c5aeeab8eaf833000003"
    assert c.url is None
    assert c.text == "I enjoy my Apple products."


def test_flat_thread_of_anchors_and_posted_by_lines() -> None:
    from scraper import parse_page

    prose = "A post about graphs and users, long enough to be the article, with commas, too."
    html = f"""<html><body><div class="content"><h3>My graphs</h3>
    <p>{prose}</p><p>{prose} The post ends.</p>
    <h2><a id="comments"></a>Comments</h2>
    <a id="c101"></a><p>First reader comment, with enough words to count.</p>
    <p class="posted">Posted by: <a href="http://a.example">Ann</a> | Apr 6, 2007 1:11:01 PM</p>
    <a id="c102"></a><p>Second reader comment, also long enough to count here.</p>
    <p class="posted">Posted by: Bob | Apr 6, 2007 1:21:27 PM</p>
    <h2>Post a comment</h2><form><textarea></textarea></form></div></body></html>"""
    post = parse_page(html)
    assert [c.text for c in post.comments] == [
        "First reader comment, with enough words to count.",
        "Second reader comment, also long enough to count here.",
    ]
    assert [c.id for c in post.comments] == ["101", "102"]
    assert [c.author.name if c.author else None for c in post.comments] == ["Ann", "Bob"]
    assert post.comments[0].published == "2007-04-06T13:11:01"
    assert post.body is not None
    assert "The post ends." in post.body.text
    assert "reader comment" not in post.body.text


def test_main_column_flagged_sidebar_is_no_side_column() -> None:
    # "sidebar" on the wrapper that also names itself the main column is the layout's
    # variant (a page with a side column), not the side column: its thread is read
    html = """<html><body><div id="body_main" class="sidebar">
    <div id="sidebar"><p>Links</p></div>
    <div><h1>Post</h1><p>Text of the post, long enough to be the body here.</p>
    <div class="discussion"><div class="thread">
    <div class="comment" id="c101"><span class="author">Ann</span><p>First reply here.</p></div>
    <div class="comment" id="c102"><span class="author">Bob</span><p>Second reply here.</p></div>
    </div></div></div></div></body></html>"""
    t = _thread(html)
    assert [c.text for c in t.comments] == ["First reply here.", "Second reply here."]


def test_real_side_column_still_left_out() -> None:
    html = """<html><body><div id="main"><p>Post text.</p></div>
    <div id="sidebar" class="sidebar"><div class="comments">
    <div class="comment" id="c1"><span class="author">Ann</span><p>Latest comment one.</p></div>
    <div class="comment" id="c2"><span class="author">Bob</span><p>Latest comment two.</p></div>
    </div></div></body></html>"""
    assert _thread(html).comments == ()


def test_classless_items_with_date_lines() -> None:
    # no class says author or date; each box opens with a name and a date-only line
    boxes = "".join(
        f"<a name='{n}'></a><div style='padding:10px'><div><b>{who}</b></div>"
        f"<div>{when}</div><div>{said}</div></div>"
        for n, who, when, said in (
            (901, "john", "10/12/2012", "How do I save that project file?"),
            (902, "Mark", "10/03/2012", "The ad covers the close button on my screen."),
            (903, "Mike", "09/24/2012", "Never rotoscope a whole clip in one segment."),
        )
    )
    html = (
        "<html><body><p>Post text.</p><div id='comments_container'>"
        f"<div id='comments_displayed'>{boxes}<div style='height:10px'></div></div></div>"
        "</body></html>"
    )
    t = _thread(html)
    assert [c.text.splitlines()[-1] for c in t.comments] == [
        "How do I save that project file?",
        "The ad covers the close button on my screen.",
        "Never rotoscope a whole clip in one segment.",
    ]


def test_classless_boxes_without_dates_are_no_thread() -> None:
    boxes = "".join(
        f"<div style='padding:10px'><div><b>{t}</b></div><div>{s}</div></div>"
        for t, s in (
            ("Item one", "A description that is long enough."),
            ("Item two", "Another description long enough."),
            ("Item three", "A third description, long enough."),
        )
    )
    html = f"<html><body><div id='comments_container'><div>{boxes}</div></div></body></html>"
    assert _thread(html).comments == ()


def test_drupal_comment_links_are_no_text() -> None:
    # Drupal 6 ends each comment with ul.links: the "#" permalink and li.comment_reply
    html = """<html><body><p>Post text.</p><div id="comments">
    <div class="comment comment-published" id="com-1"><h4>Title</h4>
    <div class="commeta"><ul><li>November 1, 2012</li><li><a href="/u/1">Mike</a></li></ul></div>
    <div class="comcontent"><p>What a great idea, thanks!</p></div>
    <div class="comlinks"><ul class="links"><li class="perm first"><a href="#com-1">#</a></li>
    <li class="comment_reply last"><a href="/comment/reply/1/1">reply</a></li></ul></div>
    </div></div></body></html>"""
    (c,) = _thread(html).comments
    assert "reply" not in c.text
    assert "#" not in c.text
    assert "What a great idea, thanks!" in c.text


def test_name_line_above_date_line_with_clearing_box() -> None:
    # float layout: name left, date right, an empty clearing div, then the text
    item = (
        "<div class='comment' id='comment-{n}'><div style='float:left'><b>{who}</b></div>"
        "<div style='float:right'>{when}</div><div style='clear:both'></div>"
        "<div>{said}</div></div>"
    )
    html = (
        "<html><body><p>Post.</p><div id='comments'>"
        + item.format(n=1, who="john", when="10/12/2012", said="How do I save that?")
        + item.format(n=2, who="Mark", when="10/03/2012", said="The ad covers the button.")
        + "</div></body></html>"
    )
    t = _thread(html)
    assert [(c.author.name, c.published, c.text) for c in t.comments] == [
        ("john", "2012-10-12", "How do I save that?"),
        ("Mark", "2012-10-03", "The ad covers the button."),
    ]


def test_written_by_line_names_the_author_after_a_title() -> None:
    item = (
        "<div class='jomentry' id='comment-{n}'><span class='title'>...</span><br>"
        "<span class='small'>written by {who}, October {d}, 2012</span><br>"
        "<div class='said'>{said}</div></div>"
    )
    html = (
        "<html><body><p>Post.</p><div id='comments'>"
        + item.format(n=1, who="mike", d=19, said="Feedstock is fed to animals.")
        + item.format(n=2, who="lynn", d=22, said="Plastics from food, then food.")
        + "</div></body></html>"
    )
    t = _thread(html)
    assert [(c.author.name, c.published) for c in t.comments] == [
        ("mike", "2012-10-19"),
        ("lynn", "2012-10-22"),
    ]


def test_title_and_read_all_boxes_of_a_hashed_class_list_are_no_comments() -> None:
    # CSS-module classes carry digits (comment--2g6iCC): every box of the list is the
    # same "classless" kind, the list's title and its last link box too
    box = (
        "<div class='comment--2g6i'><div class='body--1a'><div class='username--2Y'>"
        "<a href='/u/{n}'>{who}</a></div><div class='content--2G'>{said}</div></div></div>"
    )
    html = (
        "<html><body><p>Post.</p><div id='comments'><div>"
        "<div class='head--9x'><h2>Top Rated Comments</h2></div>"
        + box.format(n=1, who="jyen", said="Thinner, shorter battery life, price bump.")
        + box.format(n=2, who="gugy", said="Cool, I like the pencil, props if better.")
        + box.format(n=3, who="Zero", said="Jet black so it is easier to lose, yes.")
        + "<div class='more--3k'><a href='/forum/t'>Read All Comments</a></div>"
        + "</div></div></body></html>"
    )
    t = _thread(html)
    assert [c.author.name for c in t.comments] == ["jyen", "gugy", "Zero"]


def test_thread_named_only_by_its_heading() -> None:
    # no id or class speaks of comments: the heading does, and the boxes after it are
    # numbered by their anchors; the meta line after each text reads date first
    box = """<div class="Normal"><a name="comment{n}"></a>{text}
    <p class="postfoot">posted on Wednesday, October 24, 2012 at {h}:26 PM
    by <a href="http://example.org/{who}">{who}</a></p></div><hr>"""
    items = "".join(
        box.format(n=n, text=t, h=h, who=w)
        for n, t, h, w in (
            (11, "Thanks for this, a very useful read.", 7, "Darren"),
            (12, "Great post, my team needed exactly this.", 8, "Mia"),
        )
    )
    html = f"""<html><body><div id="main"><h1>Post</h1><p>{"Story text. " * 30}</p></div>
    <div id="listing"><div class="post"><h3>COMMENTS</h3>{items}</div></div></body></html>"""
    t = _thread(html)
    assert [(c.author.name, c.published, c.text) for c in t.comments] == [
        ("Darren", "2012-10-24T19:26", "Thanks for this, a very useful read."),
        ("Mia", "2012-10-24T20:26", "Great post, my team needed exactly this."),
    ]


def test_a_heading_alone_makes_no_thread() -> None:
    # a "Comments" heading over boxes that carry no comment mark and no author or date:
    # a list of related posts, not a thread
    html = """<html><body><div><h3>Comments</h3>
    <div class="box"><p>Ten ways to cook rice in a hurry, tested.</p></div>
    <div class="box"><p>Why the rice cooker wins every single time.</p></div>
    </div></body></html>"""
    assert _thread(html).comments == ()


TUMBLR = '<html><head><meta name="generator" content="Tumblr"></head><body>'


def test_tumblr_notes_replies_and_reblogs_that_added_words() -> None:
    note = """<li class="note {kind} tumblelog_{who}"><a href="http://{who}.tumblr.com/">
    <img class="avatar" src="a.png"></a><span class="action"><a class="tumblelog"
    href="http://{who}.tumblr.com/">{who}</a> {verb}</span>{extra}</li>"""
    notes = "".join(
        note.format(kind=k, who=w, verb=v, extra=x)
        for k, w, v, x in (
            ("like without_commentary", "ann", "liked this", ""),
            (
                "reblog with_commentary",
                "bob",
                "reblogged this and added:",
                "<blockquote><a href='#'>Well said, all of it.</a></blockquote>",
            ),
            ("reblog without_commentary", "cy", "reblogged this from bob", ""),
        )
    )
    reply = """<li class="note reply tumblelog_dee"><span class="action">
    <a href="http://dee.tumblr.com/">dee</a> said: <span class="answer_content">
    Lovely photo.</span></span></li>"""
    html = f"""{TUMBLR}<div class="post"><p>{"Post text. " * 20}</p></div>
    <ol class="notes">{notes}{reply}</ol></body></html>"""
    got = [(c.author.name, c.text) for c in _thread(html).comments]
    assert got == [("bob", "Well said, all of it."), ("dee", "Lovely photo.")]


def test_post_authors_reply_boxed_as_authorpost_keeps_its_text() -> None:
    # one list per comment; the post author's replies are classed "authorpost", which
    # the author hints ([class*=author]) matched as the whole comment's author line
    box = """<ol class="commentlist"><li class="{cls}"><strong>{n} {who}</strong> |
    <small class="commentmetadata">10/29/2012 5:{m}:46 PM</small><p>{text}</p></li></ol>"""
    items = "".join(
        box.format(cls=c, n=n, who=w, m=m, text=t)
        for c, n, w, m, t in (
            ("commentpost", 1, "Stephan", 14, "Hi Ed, the link seems to be broken."),
            ("authorpost", 2, "Ed", 25, "@1 - thanks. Indeed. Just fixed it now."),
            ("commentpost", 3, "Ranjit", 31, "Does that mean existing apps run as is?"),
        )
    )
    html = f"""<html><body><div class="commentsblock"><h3>Post a Comment</h3>{items}
    </div></body></html>"""
    got = [(c.published, c.text.rsplit("\n", 1)[-1]) for c in _thread(html).comments]
    assert got == [
        ("2012-10-29T17:14:46", "Hi Ed, the link seems to be broken."),
        ("2012-10-29T17:25:46", "@1 - thanks. Indeed. Just fixed it now."),
        ("2012-10-29T17:31:46", "Does that mean existing apps run as is?"),
    ]


def test_date_in_the_meta_line_or_the_permalink_text() -> None:
    # Sandbox/Thematic: "Posted DATE | <a>Permalink</a>" (.comment-meta a finds the link);
    # classic callbacks: the permalink's text is the date, inside .comment-author
    html = (
        WP
        + """<div id="comments"><ol class="commentlist">
    <li id="comment-1" class="comment c0 c-y2012"><div class="comment-author vcard">
    <span class="fn">Janet</span></div><div class="comment-meta">Posted 10/18/2012 at
    2:57 pm <span class="meta-sep">|</span> <a href="#comment-1">Permalink</a></div>
    <p>Thanks for sharing this with us.</p></li>
    <li id="comment-2" class="comment"><div class="comment">
    <div class="comment-author vcard"><a href="/p/#comment-2" class="comment_permalink">On
    October 12, 2012 at 10:52 am</a> <cite class="fn">Qaoileann</cite> said:</div>
    <div class="comment-body"><p>Iceland is gorgeous in winter.</p></div></div></li>
    </ol></div></body></html>"""
    )
    got = [(c.author.name, c.published, c.text) for c in _thread(html).comments]
    assert got == [
        ("Janet", "2012-10-18T14:57", "Thanks for sharing this with us."),
        ("Qaoileann", "2012-10-12T10:52", "Iceland is gorgeous in winter."),
    ]


def test_disqus_static_fallback_author_beside_a_bare_url() -> None:
    html = (
        WP
        + """<div id="dsq-content"><ul id="dsq-comments">
    <li class="comment even depth-1" id="dsq-comment-27607">
    <div id="dsq-comment-header-27607" class="dsq-comment-header"><cite id="dsq-cite-27607">
    http://tdhurst.example/ <span id="dsq-author-user-27607">tdhurst</span></cite></div>
    <div id="dsq-comment-body-27607" class="dsq-comment-body"><div class="dsq-comment-message">
    <p>Good to see this finally shipping.</p></div></div></li>
    <li class="comment odd depth-1" id="dsq-comment-27608">
    <div id="dsq-comment-header-27608" class="dsq-comment-header"><cite id="dsq-cite-27608">
    <a id="dsq-author-user-27608" href="http://alayna.example/" rel="nofollow">Alayna F</a>
    </cite></div><div id="dsq-comment-body-27608" class="dsq-comment-body">
    <div class="dsq-comment-message"><p>Same here, took long enough.</p></div></div></li>
    </ul></div></body></html>"""
    )
    got = [(c.author.name, c.author.url, c.text) for c in _thread(html).comments]
    assert got == [
        ("tdhurst", None, "Good to see this finally shipping."),
        ("Alayna F", "http://alayna.example/", "Same here, took long enough."),
    ]


def test_date_first_meta_line_with_a_plain_name() -> None:
    box = """<div class="comment" id="comment-{n}"><p>{text}</p>
    <p class="postfoot">posted on Thursday, October 25, 2012 at 10:14 PM by {who}</p></div>"""
    items = "".join(
        box.format(n=n, text=t, who=w)
        for n, t, w in ((1, "A fine piece, thank you.", "Neil Stein"), (2, "Agreed on all.", "Val"))
    )
    html = f'<html><body><div id="comments">{items}</div></body></html>'
    got = [(c.author.name, c.published, c.text) for c in _thread(html).comments]
    assert got == [
        ("Neil Stein", "2012-10-25T22:14", "A fine piece, thank you."),
        ("Val", "2012-10-25T22:14", "Agreed on all."),
    ]
