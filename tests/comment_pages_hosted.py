"""Catalog pages (``comment_catalog``): hosted engines, comment services, news CMSs
and forums."""

from __future__ import annotations

from comment_pages import (
    URL,
    WP_HEAD,
    WRAP3,
    WRAP5,
    WRAP6,
    Said,
    depth,
    flat,
    nested,
    page,
    parity,
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
            f"<div class='comment {parity(i)}' id='comment-{c.n}'><div class='comment-title'>"
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
            f"<li class='comment {parity(i)} depth-{depth(cs, i) + 1}' "
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
