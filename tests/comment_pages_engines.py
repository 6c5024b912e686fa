"""Catalog pages (``comment_catalog``): Blogger, Movable Type, TypePad, LiveJournal,
Drupal, Joomla."""

from __future__ import annotations

from comment_pages import (
    URL,
    WHEN,
    WRAP1,
    WRAP2,
    Said,
    after,
    depth,
    flat,
    nested,
    page,
    parity,
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
            f"{25 * depth(cs, i)}px; margin-top: 5px'><table class='talk-comment' "
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
            f"{parity(i)}'><div class='submitted'>Submitted by <a href='/user/{c.n}' "
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
            f"<div class='{parity(i)}' id='comment-item-{c.n}'><div class='rbox'><div "
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
