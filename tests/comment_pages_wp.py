"""Catalog pages: WordPress themes of 2008-2012 (``comment_catalog``)."""

from __future__ import annotations

from comment_pages import (
    URL,
    WHEN,
    WP_HEAD,
    WRAP0,
    Said,
    depth,
    flat,
    nested,
    page,
    parity,
)

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
            f"<li class='comment {parity(i)} depth-{depth(cs, i) + 1}' id='li-comment-{c.n}'>"
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
            f"<li class='comment {parity(i)} depth-{depth(cs, i) + 1}' id='li-comment-{c.n}'>"
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
            f"<li class='comment {parity(i)} depth-{depth(cs, i) + 1}' id='li-comment-{c.n}'>"
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
            f"<dt class='comment {parity(i)} depth-{depth(cs, i) + 1}' id='comment-{c.n}'>"
            f"<span class='comment_num'><a href='#comment-{c.n}' title='Permalink to this "
            f"comment' rel='nofollow'>{i + 1}</a></span> <span class='comment_author'>"
            f"<a href='http://u{c.n}.example/' rel='external nofollow'>{c.author}</a></span> "
            f"<span class='comment_time'>{c.shown[0]}</span></dt>"
            f"<dd class='comment {parity(i)}'><div class='format_text'><p>{c.text}</p>"
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
            f"<li class='comment {parity(i)} depth-{depth(cs, i) + 1}' id='comment-{c.n}'>"
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
            f"<li class='comment {parity(i)}' id='comment-{c.n}'>"
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
            f"<li class='comment {parity(i)}' id='comment-{c.n}'>"
            f"<div id='div-comment-{c.n}' class='clearfix comment-container comment-{parity(i)}'>"
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
            f"<li class='comment {parity(i)}' id='li-comment-{c.n}'>"
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
            f"<li class='comment {parity(i)}' id='comment-{c.n}'><div class='comment-author "
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


def wp_form_only(cs: list[Said]) -> str:
    # no comment yet: the heading, the form's labels and notes, "comments closed" notices
    return page(
        "<div id='comments'><h3>No Responses Yet to &#8220;Why my bread was dense&#8221;"
        "</h3><p class='nocomments'>Be the first to leave a comment.</p></div>",
        WP_HEAD,
    ) + page("<p class='nocomments'>Comments are closed.</p>", WP_HEAD, form=False)
