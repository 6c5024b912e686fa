"""A catalog of the comment systems of 2008-2012 blogs and news sites (issue 10): one small
hand-written page per system or template variant, in the shape that system printed (class
names, nesting, where the name and the date stand), never a copy of a real page. Each entry
says which comments the parser must find, with their author, date and parent.

``PYTHONPATH=tests python -m comment_catalog`` prints what the parser reads of each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml.html import document_fromstring

from scraper.parse._results import Metadata, ThreadResult
from scraper.parse.comments._comments import extract_comments
from scraper.parse.dom._page import Page
from scraper.parse.profiles import detect_profile

URL = "https://blog.example/2012/10/bread/"


@dataclass(frozen=True, slots=True)
class Said:
    """One comment the page shows."""

    n: int  # the system's comment number (ids, anchors)
    author: str
    text: str
    date: str | None  # ISO prefix the record must carry; None: the page shows no date
    parent: int | None  # index of the parent in the entry's list
    shown: tuple[str, ...]  # the date as the page prints it, in a few forms


TEXTS = (
    "I tried this recipe last weekend and the loaf came out dense. Any idea why?",
    "Probably the yeast was old. Check the date on the packet next time.",
    "Great write-up, thanks for sharing the photos from the market.",
    "Agreed, fresh yeast makes all the difference in my kitchen too.",
)
NAMES = ("Alice Moore", "Bob Tran", "Carol Jones", "Dan Price")
THREADED = (None, 0, None, 1)
ONE_LEVEL = (None, 0, None, 0)  # Blogger, Disqus-like two-level threads
FLAT = (None, None, None, None)
# day, hour, minute; shown as the era's templates did
WHEN = ((3, 9, 15), (3, 10, 20), (4, 11, 25), (5, 14, 30))


def _shown(day: int, hour: int, minute: int) -> tuple[str, ...]:
    h12 = hour % 12 or 12
    ap = "am" if hour < 12 else "pm"
    return (
        f"October {day}, 2012 at {h12}:{minute:02d} {ap}",  # 0 WordPress
        f"October {day}, 2012 {h12}:{minute:02d} {ap.upper()}",  # 1 Movable Type
        f"10/{day:02d}/2012 - {hour:02d}:{minute:02d}",  # 2 Drupal
        f"2012-10-{day:02d} {hour:02d}:{minute:02d}",  # 3 ISO-ish (JComments, LJ)
        f"October {day:02d}, 2012 at {h12:02d}:{minute:02d} {ap.upper()}",  # 4 TypePad
        f"Wed, October {day}, 2012 at {h12}:{minute:02d}{ap.upper()}",  # 5 Squarespace
        f"Oct. {day}, 2012 at {h12}:{minute:02d} {ap[0]}.m.",  # 6 NYT
        f"{day} October 2012 {h12}:{minute:02d}{ap}",  # 7 Guardian
        f"10/{day:02d}/12 {h12}:{minute:02d}{ap}",  # 8 Gawker
        f"10-{day:02d}-2012, {h12:02d}:{minute:02d} {ap.upper()}",  # 9 vBulletin
        f"Wed Oct {day:02d}, 2012 {h12}:{minute:02d} {ap}",  # 10 phpBB
    )


def thread(parents: tuple[int | None, ...] = THREADED, dated: bool = True) -> list[Said]:
    return [
        Said(
            101 + i,
            NAMES[i],
            TEXTS[i],
            f"2012-10-{d:02d}T{h:02d}:{m:02d}" if dated else None,
            parents[i],
            _shown(d, h, m),
        )
        for i, (d, h, m) in enumerate(WHEN)
    ]


def page(thread_html: str, head: str = "", form: bool = True) -> str:
    respond = (
        "<div id='respond'><h3 id='reply-title'>Leave a Reply</h3>"
        "<form action='/wp-comments-post.php' method='post' id='commentform'>"
        "<p class='comment-notes'>Your email address will not be published.</p>"
        "<p><label for='author'>Name</label><input id='author' name='author'></p>"
        "<p><textarea id='comment' name='comment'></textarea></p>"
        "<p class='form-allowed-tags'>You may use these HTML tags and attributes: "
        '&lt;a href="" title=""&gt; &lt;b&gt; &lt;em&gt;</p>'
        "<p><input name='submit' type='submit' value='Post Comment'></p></form></div>"
        if form
        else ""
    )
    return (
        f"<html><head><title>Dense bread | A kitchen blog</title>{head}</head><body>"
        "<div id='wrapper'><div id='main'><div id='content'>"
        "<div class='post hentry'><h1 class='entry-title'>Why my bread was dense</h1>"
        "<div class='entry-content'><p>Baking bread at home takes patience, and the "
        "first loaves rarely come out the way the pictures promise.</p>"
        "<p>This week I went back to basics: flour, water, salt and yeast, and a long, "
        "slow rise in a cool kitchen.</p></div></div>"
        f"{thread_html}{respond}</div></div>"
        "<div id='sidebar'><h3>Recent Comments</h3><ul id='recentcomments'>"
        "<li class='recentcomments'>Eve on <a href='/2012/09/cake/#comment-7'>Cake</a></li>"
        "<li class='recentcomments'>Fay on <a href='/2012/09/pie/#comment-8'>Pie</a></li>"
        "</ul></div></div></body></html>"
    )


WP_HEAD = "<meta name='generator' content='WordPress 3.4.2'>"
WRAP0 = '<dl class="children">{}</dl>'
WRAP1 = '<div class="indented">{kids}</div>'
WRAP2 = '<div class="comments-list" id="comments-list-{n}">{kids}</div>'
WRAP3 = '<ul class="dsq-children">{}</ul>'
WRAP4 = '<div class="idc-thread-children">{}</div>'
WRAP5 = '<ul class="d2-responses">{}</ul>'
WRAP6 = '<ul class="commentReplies">{}</ul>'
Render = Callable[[int, Said, str], str]


def nested(cs: list[Said], item: Render, children: str = "<ul class='children'>{}</ul>") -> str:
    """Replies inside their parent's item (WordPress ``ul.children`` ...)."""

    def one(i: int) -> str:
        kids = "".join(one(j) for j, c in enumerate(cs) if c.parent == i)
        return item(i, cs[i], children.format(kids) if kids else "")

    return "".join(one(i) for i, c in enumerate(cs) if c.parent is None)


def after(cs: list[Said], item: Render, children: str) -> str:
    """Replies in a box after their parent's item (Drupal ``div.indented`` ...)."""

    def one(i: int) -> str:
        kids = "".join(one(j) for j, c in enumerate(cs) if c.parent == i)
        return item(i, cs[i], "") + (children.format(n=cs[i].n, kids=kids) if kids else "")

    return "".join(one(i) for i, c in enumerate(cs) if c.parent is None)


def flat(cs: list[Said], item: Render) -> str:
    return "".join(item(i, c, "") for i, c in enumerate(cs))


def _depth(cs: list[Said], i: int) -> int:
    d, p = 0, cs[i].parent
    while p is not None:
        d, p = d + 1, cs[p].parent
    return d


def _parity(i: int) -> str:
    return "even" if i % 2 == 0 else "odd"


# -- WordPress ----------------------------------------------------------------------------


def wp_kubrick_classic(cs: list[Said]) -> str:
    # WordPress 2.0-2.6 default theme: a hand-rolled loop, no threading, no classes on cite
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='{'alt' if i % 2 == 0 else ''}' id='comment-{c.n}'>"
            f"<cite><a href='http://u{c.n}.example/' rel='external nofollow'>{c.author}</a>"
            "</cite> Says:<br />"
            f"<small class='commentmetadata'><a href='#comment-{c.n}' title=''>"
            f"{c.shown[0]}</a> </small><p>{c.text}</p></li>"
        )

    return page(
        f"<h3 id='comments'>4 Responses to &#8220;Why my bread was dense&#8221;</h3>"
        f"<ol class='commentlist'>{flat(cs, item)}</ol>",
        WP_HEAD,
    )


def wp_classic_theme(cs: list[Said]) -> str:
    # WordPress 1.5-2.x "Classic" theme: the byline after the text, "Comment by NAME — DATE"
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li id='comment-{c.n}'><p>{c.text}</p><p><cite>Comment by <a href='http://"
            f"u{c.n}.example/' rel='external nofollow'>{c.author}</a> &#8212; <a href='"
            f"#comment-{c.n}'>{c.shown[0].replace(' at ', ' @ ')}</a></cite></p></li>"
        )

    return page(
        f"<h2 id='comments'>4 Comments <a href='#postcomment' title='Leave a comment'>&raquo;"
        f"</a></h2><ol id='commentlist'>{flat(cs, item)}</ol>",
        WP_HEAD,
    )


def wp_default_walker(cs: list[Said]) -> str:
    # wp_list_comments() without a callback (Kubrick 2.7+, many themes)
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='comment {_parity(i)} depth-{_depth(cs, i) + 1}' id='li-comment-{c.n}'>"
            f"<div id='comment-{c.n}' class='comment-body'><div class='comment-author vcard'>"
            "<img alt='' src='/av.png' class='avatar avatar-32 photo' height='32' width='32' />"
            f"<cite class='fn'>{c.author}</cite> <span class='says'>says:</span></div>"
            f"<div class='comment-meta commentmetadata'><a href='{URL}#comment-{c.n}'>"
            f"{c.shown[0]}</a></div><p>{c.text}</p>"
            f"<div class='reply'><a rel='nofollow' class='comment-reply-link' "
            f"href='/2012/10/bread/?replytocom={c.n}#respond'>Reply</a></div></div>{kids}</li>"
        )

    return page(
        f"<h3 id='comments'>4 Responses</h3><ol class='commentlist'>{nested(cs, item)}</ol>",
        WP_HEAD,
    )


def wp_twentyten(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='comment {_parity(i)} depth-{_depth(cs, i) + 1}' id='li-comment-{c.n}'>"
            f"<div id='comment-{c.n}'><div class='comment-author vcard'>"
            "<img alt='' src='/av.png' class='avatar avatar-40 photo' height='40' width='40' />"
            f"<cite class='fn'><a href='http://u{c.n}.example/' rel='external nofollow' "
            f"class='url'>{c.author}</a></cite> <span class='says'>says:</span></div>"
            f"<div class='comment-meta commentmetadata'><a href='{URL}#comment-{c.n}'>"
            f"{c.shown[0]}</a></div><div class='comment-body'><p>{c.text}</p></div>"
            "<div class='reply'><a class='comment-reply-link' href='?replytocom=1#respond'>"
            f"Reply</a></div></div>{kids}</li>"
        )

    return page(
        "<div id='comments'><h3 id='comments-title'>4 Responses to <em>Why my bread was "
        f"dense</em></h3><ol class='commentlist'>{nested(cs, item)}"
        "<li class='post pingback'><p>Pingback: <a href='http://other.example/x' "
        "rel='external nofollow' class='url'>Bread links of the week</a></p></li>"
        "</ol></div>",
        WP_HEAD,
    )


def wp_twentyeleven(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        d, h, m = WHEN[i]
        return (
            f"<li class='comment {_parity(i)} depth-{_depth(cs, i) + 1}' id='li-comment-{c.n}'>"
            f"<article id='comment-{c.n}' class='comment'><footer class='comment-meta'>"
            "<div class='comment-author vcard'><img alt='' src='/av.png' class='avatar' />"
            f"<span class='fn'><a href='http://u{c.n}.example/' class='url'>{c.author}</a>"
            f"</span> on <a href='{URL}#comment-{c.n}'><time pubdate "
            f"datetime='2012-10-{d:02d}T{h:02d}:{m:02d}:00+00:00'>{c.shown[0]}</time></a> "
            "<span class='says'>said:</span></div></footer>"
            f"<div class='comment-content'><p>{c.text}</p></div><div class='reply'>"
            "<a class='comment-reply-link' href='#'>Reply <span>&darr;</span></a></div>"
            f"</article>{kids}</li>"
        )

    return page(
        "<div id='comments'><h2 id='comments-title'>4 thoughts on &ldquo;<span>Why my "
        f"bread was dense</span>&rdquo;</h2><ol class='commentlist'>{nested(cs, item)}"
        "</ol></div>",
        WP_HEAD,
    )


def wp_thesis(cs: list[Said]) -> str:
    # Thesis 1.x: dl#comment_list, dt (number, author, time) + dd (text), replies in dl
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<dt class='comment {_parity(i)} depth-{_depth(cs, i) + 1}' id='comment-{c.n}'>"
            f"<span class='comment_num'><a href='#comment-{c.n}' title='Permalink to this "
            f"comment' rel='nofollow'>{i + 1}</a></span> <span class='comment_author'>"
            f"<a href='http://u{c.n}.example/' rel='external nofollow'>{c.author}</a></span> "
            f"<span class='comment_time'>{c.shown[0]}</span></dt>"
            f"<dd class='comment {_parity(i)}'><div class='format_text'><p>{c.text}</p>"
            "</div><p class='reply'><a class='comment-reply-link' href='#'>Reply</a></p>"
            f"{kids}</dd>"
        )

    return page(
        "<div id='comments'><div class='comments_intro'><p><span>4</span> comments&#8230; "
        "read them below or <a href='#respond' rel='nofollow'>add one</a></p></div>"
        f"<dl id='comment_list'>{nested(cs, item, WRAP0)}</dl>"
        "</div>",
        WP_HEAD,
    )


def wp_genesis(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='comment {_parity(i)} depth-{_depth(cs, i) + 1}' id='comment-{c.n}'>"
            "<div class='comment-header'><div class='comment-author vcard'>"
            "<img alt='' src='/av.png' class='avatar' />"
            f"<cite class='fn'>{c.author}</cite> <span class='says'>says</span></div>"
            f"<div class='comment-meta commentmetadata'><a href='{URL}#comment-{c.n}'>"
            f"{c.shown[0]}</a></div></div><div class='comment-content'><p>{c.text}</p>"
            f"</div><div class='reply'><a class='comment-reply-link' href='#'>Reply</a>"
            f"</div>{kids}</li>"
        )

    return page(
        f"<div id='comments'><h3>Comments</h3><ol class='comment-list'>"
        f"{nested(cs, item)}</ol></div>",
        WP_HEAD,
    )


def wp_headway(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='comment {_parity(i)}' id='comment-{c.n}'>"
            f"<div class='comment-body'><img class='avatar' src='/a.png' alt='' />"
            f"<span class='comment-author'><a href='http://u{c.n}.example/'>{c.author}</a>"
            f"</span><span class='comment-date'>{c.shown[0]}</span>"
            f"<div class='comment-text'><p>{c.text}</p></div></div>{kids}</li>"
        )

    return page(
        f"<div id='comments'><h3 class='comments'>4 Responses</h3><ol class='commentlist'>"
        f"{nested(cs, item)}</ol></div>",
        WP_HEAD,
    )


def wp_atahualpa(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='comment {_parity(i)}' id='comment-{c.n}'>"
            f"<div id='div-comment-{c.n}' class='clearfix comment-container comment-{_parity(i)}'>"
            "<div class='comment-author vcard'><img class='avatar' src='/a.png' alt='' />"
            f"<span class='authorname'><a href='http://u{c.n}.example/'>{c.author}</a></span>"
            f"</div><div class='comment-meta commentmetadata'><a href='#comment-{c.n}'>"
            f"{c.shown[0]}</a></div><div class='comment-text'><p>{c.text}</p></div>"
            "<div class='reply'><a class='comment-reply-link' href='#'>Reply</a></div></div>"
            f"{kids}</li>"
        )

    return page(
        f"<div id='comments'><ol class='commentlist'>{nested(cs, item)}</ol></div>", WP_HEAD
    )


def wp_k2(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li id='comment-{c.n}' class='{'alt' if i % 2 else ''}'>"
            f"<a href='#comment-{c.n}' class='counter' title='Permanent Link to this "
            f"Comment'>{i + 1}</a><span class='commentauthor'><a href='http://u{c.n}.example/'"
            f" rel='external nofollow'>{c.author}</a></span>"
            f"<small class='comment-meta'><a href='#comment-{c.n}' title='Time of this "
            f"comment'>{c.shown[0]}</a></small><div class='comment-content'><p>{c.text}</p>"
            "</div></li>"
        )

    return page(
        f"<div class='comments'><h4>4 Responses</h4><ol id='commentlist'>{flat(cs, item)}"
        "</ol></div>",
        WP_HEAD,
    )


def wp_arras(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='comment {_parity(i)}' id='li-comment-{c.n}'>"
            f"<div class='comment-node' id='comment-{c.n}'><div class='comment-controls'>"
            "<a class='comment-reply-link' href='#'>Reply</a></div>"
            "<div class='comment-author vcard'><img class='avatar' src='/a.png' alt='' />"
            f"<cite class='fn'>{c.author}</cite></div><div class='comment-meta "
            f"commentmetadata'>Posted {c.shown[0]}</div><div class='comment-content "
            f"clearfix'><p>{c.text}</p></div></div>{kids}</li>"
        )

    return page(
        f"<h4 class='module-title'>4 Responses</h4><ol id='commentlist' class='clearfix'>"
        f"{nested(cs, item)}</ol>",
        WP_HEAD,
    )


def wp_div_comments(cs: list[Said]) -> str:
    # a hand-made comments.php: div.comment boxes straight inside #comments, no list
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div class='comment' id='comment-{c.n}'><div class='comment-author'>"
            f"{c.author}</div><div class='comment-date'>{c.shown[0]}</div>"
            f"<p>{c.text}</p></div>"
        )

    return page(f"<div id='comments'><h3>4 Comments</h3>{flat(cs, item)}</div>", WP_HEAD)


def wp_pings_apart(cs: list[Said]) -> str:
    # comments and trackbacks in two lists (many 2009 themes): the pings are no comments
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='comment {_parity(i)}' id='comment-{c.n}'><div class='comment-author "
            f"vcard'><cite class='fn'>{c.author}</cite> says:</div><div class='comment-meta "
            f"commentmetadata'><a href='#comment-{c.n}'>{c.shown[0]}</a></div>"
            f"<p>{c.text}</p>{kids}</li>"
        )

    pings = "".join(
        f"<li class='pingback' id='comment-{n}'><cite><a href='http://o{n}.example/'>"
        f"Another bread blog {n}</a></cite> says: [&#8230;] a dense loaf [&#8230;]</li>"
        for n in (201, 202)
    )
    return page(
        f"<div id='comments'><h3>4 Comments</h3><ol class='commentlist'>{nested(cs, item)}"
        f"</ol><h3 id='pings'>Trackbacks/Pingbacks</h3><ol class='pinglist'>{pings}</ol></div>",
        WP_HEAD,
    )


# -- Blogger ------------------------------------------------------------------------------

BLOGGER_HEAD = "<meta content='blogger' name='generator'/>"


def blogger_classic(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<dt class='comment-author blogger-comment-icon' id='c{c.n}'>"
            f"<a name='c{c.n}'></a><a href='https://www.blogger.com/profile/{c.n}' "
            f"rel='nofollow'>{c.author}</a> said...</dt><dd class='comment-body' "
            f"id='Blog1_cmt-{c.n}'><p>{c.text}</p></dd><dd class='comment-footer'>"
            f"<span class='comment-timestamp'><a href='{URL}?showComment=13492{c.n}#c{c.n}' "
            f"title='comment permalink'>{c.shown[1]}</a></span></dd>"
        )

    return page(
        "<div class='comments' id='comments'><a name='comments'></a><h4>4 comments:</h4>"
        f"<div id='Blog1_comments-block-wrapper'><dl class='avatar-comment-indent' "
        f"id='comments-block'>{flat(cs, item)}</dl></div></div>",
        BLOGGER_HEAD,
        form=False,
    )


def blogger_threaded(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        replies = (
            f"<div class='comment-replies'><div id='c{c.n}-rt' class='comment-thread "
            "inline-thread'><span class='thread-toggle thread-expanded'><span "
            "class='thread-count'><a target='_self'>Replies</a></span></span>"
            f"<ol id='c{c.n}-ra' class='thread-chrome thread-expanded'><div>{kids}</div>"
            f"<div class='continue' id='c{c.n}-continue'><a class='comment-reply' "
            f"target='_self' data-comment-id='{c.n}'>Reply</a></div></ol></div></div>"
            if kids
            else "<div class='comment-replies'></div>"
        )
        return (
            f"<li class='comment' id='c{c.n}'><div class='avatar-image-container'>"
            "<img src='/a.png'/></div><div class='comment-block'><div class='comment-header'>"
            f"<cite class='user'><a href='https://www.blogger.com/profile/{c.n}' "
            f"rel='nofollow'>{c.author}</a></cite><span class='icon user'></span>"
            f"<span class='datetime secondary-text'><a rel='nofollow' "
            f"href='{URL}?showComment=13492{c.n}#c{c.n}'>{c.shown[0]}</a></span></div>"
            f"<p class='comment-content'>{c.text}</p><span class='comment-actions "
            f"secondary-text'><a class='comment-reply' target='_self' "
            f"data-comment-id='{c.n}'>Reply</a><span class='item-control blog-admin'>"
            f"<a target='_self' href='/delete'>Delete</a></span></span></div>{replies}"
            f"<div class='comment-replybox-single' id='c{c.n}-ce'></div></li>"
        )

    return page(
        "<div class='comments' id='comments'><a name='comments'></a><h4>4 comments:</h4>"
        "<div class='comments-content'><div id='comment-holder'><div class='comment-thread "
        f"toplevel-thread'><ol id='top-ra'>{nested(cs, item, '{}')}</ol></div></div></div>"
        "</div>",
        BLOGGER_HEAD,
        form=False,
    )


# -- Movable Type, TypePad ----------------------------------------------------------------

MT_HEAD = "<meta name='generator' content='Movable Type Pro 5.13' />"


def mt_5(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        d, h, m = WHEN[i]
        return (
            f"<div id='comment-{c.n}' class='comment'><div class='inner'>"
            "<div class='comment-header'><div class='asset-meta'><span class='byline'>"
            f"<span class='vcard author'><a class='fn url' href='http://u{c.n}.example/'>"
            f"{c.author}</a></span> | <a href='{URL}#comment-{c.n}'><abbr class='published' "
            f"title='2012-10-{d:02d}T{h:02d}:{m:02d}:00-05:00'>{c.shown[1]}</abbr></a> | "
            f"<a title='Reply' href='javascript:void(0);' onclick=\"mtReplyCommentOnClick("
            f"{c.n}, '{c.author}')\">Reply</a></span></div></div>"
            f"<div class='comment-content'><p>{c.text}</p></div></div></div>"
        )

    return page(
        "<div id='comments' class='comments'><h2 class='comments-header'>4 Comments</h2>"
        f"<div class='comments-content'>{flat(cs, item)}</div></div>",
        MT_HEAD,
    )


def mt_3(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<a id='c{c.n:06d}'></a><div class='comment' id='comment-{c.n}'>"
            f"<div class='comment-content'><p>{c.text}</p></div>"
            f"<p class='comment-footer'>Posted by: <a title='http://u{c.n}.example/' "
            f"href='http://u{c.n}.example/' rel='nofollow'>{c.author}</a> | "
            f"<a href='#comment-{c.n}'>{c.shown[1]}</a></p></div>"
        )

    return page(
        "<div id='comments' class='comments'><div class='comments-content'>"
        f"<h3>Comments</h3>{flat(cs, item)}</div></div>",
        "<meta name='generator' content='Movable Type 3.35' />",
    )


def typepad(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        x = f"6a00d8341c5f4e53ef017d3c{c.n:06d}970c"
        who = (
            f"<a rel='nofollow' href='http://u{c.n}.example/'>{c.author}</a>"
            if i % 2 == 0
            else c.author
        )
        return (
            f"<a id='c{x}'></a><div class='comment font-entrybody' id='comment-{x}'>"
            f"<div class='comment-content font-entrybody'><p>{c.text}</p></div>"
            f"<p class='comment-footer font-entryfooter'>Posted by: {who} | "
            f"<a href='{URL}#comment-{x}'>{c.shown[4]}</a></p></div>"
        )

    return page(
        "<div class='comments' id='comments'><h3 class='comments-header'>Comments</h3>"
        f"<div class='comments-content'>{flat(cs, item)}</div></div>",
        "<link rel='stylesheet' href='https://static.typepad.com/.shared/themes/common/"
        "print.css' type='text/css' />",
        form=False,
    )


# -- LiveJournal --------------------------------------------------------------------------


def livejournal(cs: list[Said]) -> str:
    # the site scheme's comment pages: one table per comment, indented by margin-left
    def item(i: int, c: Said, kids: str) -> str:
        user = c.author.split()[0].lower()
        return (
            f"<a name='t{c.n}'></a><div id='ljcmt{c.n}' style='margin-left: "
            f"{25 * _depth(cs, i)}px; margin-top: 5px'><table class='talk-comment' "
            "width='100%' cellpadding='2' cellspacing='0'><tr><td>"
            f"<span class='ljuser' lj:user='{user}' style='white-space: nowrap;'>"
            f"<a href='https://{user}.livejournal.com/profile'><img src='/userinfo.gif' "
            f"alt='[info]' width='17' height='17' /></a><a href='https://{user}."
            f"livejournal.com/'><b>{user}</b></a></span><br /><span class='comment-datetime"
            f"link'><a href='{URL}?thread={c.n}#t{c.n}'>{c.shown[3]} am (UTC)</a></span>"
            f"</td></tr><tr><td class='talk-comment-text'>{c.text}<p class='comment-links'>"
            f"(<a href='{URL}?replyto={c.n}'>Reply</a>) (<a href='{URL}?thread={c.n}#t{c.n}'>"
            "Thread</a>)</p></td></tr></table></div>"
        )

    def line(i: int, c: Said, kids: str) -> str:
        return item(i, c, "") + kids  # replies follow their parent, indented

    return page(f"<div id='comments'>{nested(cs, line, '{}')}</div>", form=False)


# -- Drupal -------------------------------------------------------------------------------


def drupal6(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<a id='comment-{c.n}'></a><div class='comment comment-published "
            f"{_parity(i)}'><div class='submitted'>Submitted by <a href='/user/{c.n}' "
            f"title='View user profile.'>{c.author}</a> on {c.shown[2]}.</div>"
            f"<h3 class='title'><a href='/node/5#comment-{c.n}' class='active'>"
            f"{' '.join(c.text.split()[:4])}</a></h3><div class='content'><p>{c.text}</p>"
            f"</div><ul class='links'><li class='comment_reply first last'><a "
            f"href='/comment/reply/5/{c.n}'>reply</a></li></ul></div>"
        )

    return page(
        f"<div id='comments'><h2 class='comments'>Comments</h2>{after(cs, item, WRAP1)}</div>",
        "<meta name='Generator' content='Drupal 6 (http://drupal.org)' />",
        form=False,
    )


def drupal7(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        d, h, m = WHEN[i]
        return (
            f"<a id='comment-{c.n}'></a><div class='comment clearfix' about='/comment/{c.n}"
            f"#comment-{c.n}' typeof='sioc:Post sioct:Comment'><div class='attribution'>"
            "<div class='submitted'><p class='commenter-name'><span rel='sioc:has_creator'>"
            f"<a href='/user/{c.n}' class='username'>{c.author}</a></span></p>"
            "<p class='comment-time'><span property='dc:date dc:created' content='2012-10-"
            f"{d:02d}T{h:02d}:{m:02d}:00+00:00' datatype='xsd:dateTime'>{c.shown[2]}</span>"
            f"</p><p class='comment-permalink'><a href='/comment/{c.n}#comment-{c.n}' "
            "class='permalink' rel='bookmark'>Permalink</a></p></div></div>"
            "<div class='comment-text'><div class='comment-arrow'></div>"
            f"<h3><a href='/comment/{c.n}#comment-{c.n}' class='permalink'>"
            f"{' '.join(c.text.split()[:4])}</a></h3><div class='content'>"
            "<div class='field field-name-comment-body'><div class='field-items'><div "
            f"class='field-item even' property='content:encoded'><p>{c.text}</p></div></div>"
            "</div></div><ul class='links inline'><li class='comment-reply first last'>"
            f"<a href='/comment/reply/5/{c.n}'>reply</a></li></ul></div></div>"
        )

    return page(
        "<div id='comments' class='comment-wrapper'><h2 class='title'>Comments</h2>"
        f"{after(cs, item, WRAP1)}</div>",
        "<meta name='Generator' content='Drupal 7 (http://drupal.org)' />",
        form=False,
    )


# -- Joomla -------------------------------------------------------------------------------


def jcomments(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div class='{_parity(i)}' id='comment-item-{c.n}'><div class='rbox'><div "
            "class='rbox_m'><div class='comment-box usertype-guest'>"
            f"<a class='comment-anchor' href='{URL}#comment-{c.n}' id='comment-{c.n}'>"
            f"#{i + 1}</a><span class='comment-author'>{c.author}</span>"
            f"<span class='comment-date'>{c.shown[3]}</span><div class='comment-body' "
            f"id='comment-body-{c.n}'>{c.text}</div><span class='comments-buttons'>"
            f"<a href='#' onclick='jcomments.showReply({c.n}); return false;'>Reply</a>"
            "</span></div><div class='clear'></div></div></div></div>"
        )

    return page(
        "<div id='jc'><div id='comments'><h4>Comments</h4><div class='comments-list' "
        f"id='comments-list-0'>"
        f"{after(cs, item, WRAP2)}"
        "</div></div></div>",
        "<meta name='generator' content='Joomla! 1.5 - Open Source Content Management' />",
        form=False,
    )


# -- hosted and small engines ------------------------------------------------------------


def expressionengine(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div class='comment' id='comment_{c.n}'><p>{c.text}</p>"
            f"<p class='posted'>Posted by <a href='http://u{c.n}.example/'>{c.author}</a> on "
            f"{c.shown[2].replace(' - ', ' at ')}</p></div>"
        )

    return page(f"<div id='comments'><h3>Comments</h3>{flat(cs, item)}</div>")


def squarespace5(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div class='comment {_parity(i)}' id='comment-{c.n}'><div class='comment-title'>"
            f"<a name='comment{c.n}'></a></div><div class='body'><p>{c.text}</p></div>"
            "<div class='comment-footer'><span class='posted-by'>Posted by <span "
            f"class='author'><a href='http://u{c.n}.example/'>{c.author}</a></span></span> "
            f"on <span class='posted-on'>{c.shown[5]}</span></div></div>"
        )

    return page(
        f"<div id='comments'><div class='comment-wrapper'>{flat(cs, item)}</div></div>",
        "<meta name='generator' content='Squarespace 5 Site Server v5.13' />",
    )


def posterous(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div class='comment' id='comment_{c.n}'><div class='comment_meta'>"
            f"<a class='comment_author' href='http://u{c.n}.example/'>{c.author}</a> "
            f"responded: <span class='comment_date'>{c.shown[0].split(' at ')[0]}</span></div>"
            f"<div class='comment_body'><p>{c.text}</p></div></div>"
        )

    return page(f"<div class='comments' id='comments'>{flat(cs, item)}</div>", form=False)


def disqus_plugin_fallback(cs: list[Said]) -> str:
    # the Disqus WordPress plugin's server-side copy, for crawlers; no dates in it
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='comment {_parity(i)} depth-{_depth(cs, i) + 1}' "
            f"id='dsq-comment-{c.n}'><div id='dsq-comment-header-{c.n}' "
            f"class='dsq-comment-header'><cite id='dsq-cite-{c.n}'><a "
            f"id='dsq-author-user-{c.n}' href='http://u{c.n}.example/' target='_blank' "
            f"rel='nofollow'>{c.author}</a></cite></div><div id='dsq-comment-body-{c.n}' "
            f"class='dsq-comment-body'><div id='dsq-comment-message-{c.n}' "
            f"class='dsq-comment-message'><p>{c.text}</p></div></div>{kids}</li>"
        )

    return page(
        "<div id='disqus_thread'><div id='dsq-content'><ul id='dsq-comments'>"
        f"{nested(cs, item)}</ul></div></div>"
        "<script type='text/javascript'>var disqus_shortname = 'x';</script>",
        WP_HEAD,
        form=False,
    )


def disqus_2009(cs: list[Said]) -> str:
    # the 2008-2010 static embed: div.dsq-comment with a relative time (no date to keep)
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='dsq-comment' id='dsq-comment-{c.n}'><div class='dsq-comment-header'>"
            f"<span class='dsq-commenter-name'><a href='http://u{c.n}.example/'>{c.author}"
            "</a></span> <span class='dsq-comment-header-time'>3 years ago</span></div>"
            f"<div class='dsq-comment-body'><div class='dsq-comment-message'>{c.text}</div>"
            f"</div>{kids}</li>"
        )

    return page(
        "<div id='disqus_thread'><div id='dsq-content'><ul id='dsq-comments'>"
        f"{nested(cs, item, WRAP3)}</ul></div></div>",
        form=False,
    )


def tumblr_disqus(cs: list[Said]) -> str:
    # Tumblr themes embed Disqus with a script: nothing of the thread is in the page
    return page(
        "<div id='disqus_thread'></div><script type='text/javascript'>var disqus_shortname"
        " = 'x'; (function(){var d=document.createElement('script');})();</script>"
        "<noscript>Please enable JavaScript to view the <a href='http://disqus.com/?ref_"
        "noscript'>comments powered by Disqus.</a></noscript>",
        "<meta name='generator' content='Tumblr' />",
        form=False,
    )


def wp_form_only(cs: list[Said]) -> str:
    # no comment yet: the heading, the form's labels and notes, "comments closed" notices
    return page(
        "<div id='comments'><h3>No Responses Yet to &#8220;Why my bread was dense&#8221;"
        "</h3><p class='nocomments'>Be the first to leave a comment.</p></div>",
        WP_HEAD,
    ) + page("<p class='nocomments'>Comments are closed.</p>", WP_HEAD, form=False)


def facebook_plugin(cs: list[Said]) -> str:
    # the Facebook comments plugin (XFBML or HTML5): an empty box the script fills
    return page(
        "<div id='fb-root'></div><fb:comments href='" + URL + "' num_posts='10' "
        "width='470'></fb:comments><div class='fb-comments' data-href='" + URL + "' "
        "data-num-posts='10'></div>",
        WP_HEAD,
        form=False,
    )


def handmade_boxes(cs: list[Said]) -> str:
    # a hand-made or small-CMS template: "NAME said on DATE" heading, then the text
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div class='commentbox'><div class='commenthead'><b>{c.author}</b> said on "
            f"{c.shown[0]}</div><div class='commentbody'>{c.text}</div></div>"
        )

    return page(f"<div class='commentsection'><h3>Comments</h3>{flat(cs, item)}</div>")


def jskit_script(cs: list[Said]) -> str:
    # JS-Kit / Echo drew the thread in the browser: the page holds a placeholder only
    return page(
        "<div class='js-kit-comments' permalink=''></div><script src='http://js-kit.com/"
        "comments.js'></script><noscript>Comments need JavaScript.</noscript>",
        form=False,
    )


def livefyre(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<article class='fyre-comment-article fyre-comment-source-0' "
            f"data-message-id='{c.n}' id='fyre-message-{c.n}'><div class='fyre-comment-wrapper'>"
            f"<header class='fyre-comment-head'><a class='fyre-comment-username'>"
            f"<span class='fyre-comment-username'>{c.author}</span></a><span class='fyre-"
            f"comment-date'>{c.shown[0].split(' at ')[0]}</span></header><section "
            f"class='fyre-comment-body'><div class='fyre-comment'><p>{c.text}</p></div>"
            f"</section></div><div class='fyre-comment-children'>{kids}</div></article>"
        )

    return page(
        "<div id='livefyre'><div class='fyre'><div class='fyre-comment-stream'>"
        f"{nested(cs, item, '{}')}</div></div></div>",
        WP_HEAD,
        form=False,
    )


# -- news CMSs ----------------------------------------------------------------------------


def gawker_2011(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div class='comment' id='reply_{c.n}'><div class='comment-header'>"
            f"<a class='avatar' href='/people/{c.n}'><img src='/a.png'/></a>"
            f"<a class='name' href='/people/{c.n}'>{c.author}</a> <span class='time'>"
            f"{c.shown[8]}</span></div><div class='comment-body'><p>{c.text}</p></div>"
            f"<div class='replies'>{kids}</div></div>"
        )

    return page(f"<div id='comments'><h3>Discussion</h3>{nested(cs, item, '{}')}</div>", form=False)


def huffpost_2011(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div class='comment' id='comment_{c.n}'><div class='comment-user'>"
            f"<a class='user_name' href='/social/u{c.n}'>{c.author}</a>"
            "<span class='user_badge'>557 Fans</span></div><div class='comment-time'>"
            f"{c.shown[0]}</div><div class='comment-text'><p>{c.text}</p></div>"
            f"<div class='comment-replies'>{kids}</div></div>"
        )

    return page(f"<div id='comments_inner'>{nested(cs, item, '{}')}</div>", form=False)


def guardian_d2(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='d2-comment' id='comment-{c.n}'><div class='d2-left-col'>"
            f"<a class='d2-username' href='/profile/u{c.n}'>{c.author}</a></div>"
            f"<div class='d2-right-col'><div class='d2-body'><p>{c.text}</p></div>"
            f"<div class='d2-datetime'><a class='d2-permalink' href='{URL}#comment-{c.n}'>"
            f"{c.shown[7]}</a></div></div>{kids}</li>"
        )

    return page(
        f"<div id='discussion-comments'><ol class='d2-comments'>"
        f"{nested(cs, item, WRAP5)}</ol></div>",
        form=False,
    )


def nyt_2011(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<li class='comment' id='comment{c.n}'><div class='commentContainer'>"
            "<div class='commenterMetaContainer'><div class='commenterMeta'>"
            f"<div class='commenterName'><span itemprop='name'>{c.author}</span></div>"
            "<div class='commenterLocation'>Brooklyn</div><div class='commentDate'>"
            f"<a href='{URL}#permid={c.n}'>{c.shown[6]}</a></div></div></div>"
            f"<div class='commentBody'><p>{c.text}</p></div></div>{kids}</li>"
        )

    return page(
        f"<div id='commentsContainer'><ul class='commentsList'>"
        f"{nested(cs, item, WRAP6)}</ul></div>",
        form=False,
    )


# -- forums used as comments --------------------------------------------------------------


def phpbb3(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div id='p{c.n}' class='post bg{1 + i % 2}'><div class='inner'>"
            f"<div class='postbody'><h3><a href='#p{c.n}'>Re: Why my bread was dense</a></h3>"
            f"<p class='author'><a href='./viewtopic.php?p={c.n}#p{c.n}'><img src='/i.gif' "
            f"alt='Post' /></a>by <strong><a href='./memberlist.php?mode=viewprofile&amp;"
            f"u={c.n}'>{c.author}</a></strong> &raquo; {c.shown[10]}</p>"
            f"<div class='content'>{c.text}</div></div><dl class='postprofile' "
            f"id='profile{c.n}'><dt><a href='./memberlist.php?u={c.n}'>{c.author}</a></dt>"
            "<dd>Posts: 12</dd></dl></div></div>"
        )

    return page(f"<div id='comments'><h3>Discussion</h3>{flat(cs, item)}</div>", form=False)


def vbulletin3(cs: list[Said]) -> str:
    def item(i: int, c: Said, kids: str) -> str:
        return (
            f"<div id='edit{c.n}'><table id='post{c.n}' class='tborder' cellpadding='6' "
            "cellspacing='0' border='0' width='100%'><tr><td class='thead'>"
            f"<a name='post{c.n}'></a>{c.shown[9]}</td></tr><tr><td class='alt2'>"
            f"<div id='postmenu_{c.n}'><a class='bigusername' href='member.php?u={c.n}'>"
            f"{c.author}</a></div><div class='smallfont'>Junior Member</div></td></tr>"
            f"<tr><td class='alt1' id='td_post_{c.n}'><div id='post_message_{c.n}'>{c.text}"
            "</div></td></tr></table></div>"
        )

    return page(
        f"<div id='posts'>{flat(cs, item)}</div>",
        "<meta name='generator' content='vBulletin 3.8.7' />",
        form=False,
    )


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    build: Callable[[list[Said]], str]
    said: list[Said]


def _entries() -> list[Entry]:
    t, f = thread(), thread(FLAT)
    return [
        Entry("wordpress kubrick classic", wp_kubrick_classic, f),
        Entry("wordpress classic theme", wp_classic_theme, f),
        Entry("wordpress default walker", wp_default_walker, t),
        Entry("wordpress twentyten", wp_twentyten, t),
        Entry("wordpress twentyeleven", wp_twentyeleven, t),
        Entry("wordpress thesis", wp_thesis, t),
        Entry("wordpress genesis", wp_genesis, t),
        Entry("wordpress headway", wp_headway, t),
        Entry("wordpress atahualpa", wp_atahualpa, t),
        Entry("wordpress k2", wp_k2, f),
        Entry("wordpress arras", wp_arras, t),
        Entry("wordpress div.comment", wp_div_comments, f),
        Entry("wordpress pings apart", wp_pings_apart, t),
        Entry("wordpress form only", wp_form_only, []),
        Entry("blogger classic", blogger_classic, f),
        Entry("blogger threaded", blogger_threaded, thread(ONE_LEVEL)),
        Entry("movable type 5", mt_5, f),
        Entry("movable type 3", mt_3, f),
        Entry("typepad", typepad, f),
        Entry(
            "livejournal",
            livejournal,
            [Said(c.n, c.author.split()[0].lower(), c.text, c.date, c.parent, c.shown) for c in t],
        ),
        Entry("drupal 6", drupal6, t),
        Entry("drupal 7", drupal7, t),
        Entry("joomla jcomments", jcomments, t),
        Entry("expressionengine", expressionengine, f),
        Entry("squarespace 5", squarespace5, f),
        Entry(
            "posterous",
            posterous,
            [
                Said(c.n, c.author, c.text, c.date[:10] if c.date else None, c.parent, c.shown)
                for c in f
            ],
        ),
        Entry("disqus plugin fallback", disqus_plugin_fallback, thread(THREADED, False)),
        Entry("disqus 2009 static", disqus_2009, thread(ONE_LEVEL, False)),
        Entry("tumblr disqus script", tumblr_disqus, []),
        Entry("js-kit script", jskit_script, []),
        Entry("facebook plugin", facebook_plugin, []),
        Entry("hand-made boxes", handmade_boxes, f),
        Entry(
            "livefyre",
            livefyre,
            [
                Said(c.n, c.author, c.text, c.date[:10] if c.date else None, c.parent, c.shown)
                for c in t
            ],
        ),
        Entry("gawker 2011", gawker_2011, t),
        Entry("huffpost 2011", huffpost_2011, t),
        Entry("guardian d2", guardian_d2, t),
        Entry("nyt 2011", nyt_2011, t),
        Entry("phpbb3 posts", phpbb3, f),
        Entry("vbulletin 3 posts", vbulletin3, f),
    ]


ENTRIES = _entries()


def read(entry: Entry) -> ThreadResult:
    page_ = Page(document_fromstring(entry.build(entry.said)), URL)
    return extract_comments(page_, detect_profile(page_), Metadata())


def misses(entry: Entry) -> list[str]:
    """What the parser got wrong on this entry's page (empty: read fully)."""
    got = read(entry).comments
    if len(got) != len(entry.said):
        return [f"found {len(got)} of {len(entry.said)}"]
    out = []
    index = {c.id: i for i, c in enumerate(got)}
    order = [next((j for j, s in enumerate(entry.said) if s.text in c.text), None) for c in got]
    for i, (c, k) in enumerate(zip(got, order, strict=True)):
        if k is None:
            out.append(f"#{i} text {c.text[:60]!r}")
            continue
        s = entry.said[k]
        if len(c.text) > len(s.text) + 40:
            out.append(f"#{k} text has more: {c.text[:80]!r}")
        if c.author.name != s.author:
            out.append(f"#{k} author {c.author.name!r}")
        if s.date is None and c.published is not None:
            out.append(f"#{k} date {c.published!r} where none is shown")
        if s.date is not None and not (c.published or "").startswith(s.date):
            out.append(f"#{k} date {c.published!r}")
        pi = index.get(c.parent_id) if c.parent_id is not None else None
        parent = order[pi] if pi is not None else None
        if parent != s.parent:
            out.append(f"#{k} parent {parent}")
    return out


def main() -> None:
    full = 0
    for e in ENTRIES:
        m = misses(e)
        full += not m
        print(f"{'ok ' if not m else 'NO '} {e.name:28} {'; '.join(m)[:200]}")
    print(f"read fully: {full} of {len(ENTRIES)}")


if __name__ == "__main__":
    main()
