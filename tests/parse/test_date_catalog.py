"""A catalog of publication-date conventions: one small hand-written page each.

The hidden pages are mostly small sites and blogs whose dates are visible text, written the
way their engine, theme or language writes them. Each case here is one such convention
(an engine's markup, a language's date, a layout), on a page with no other date witness, so
the parser has to read that convention or fail; the cases where nothing on the page states
the post's day expect ``None`` (a date is never invented). Pages are made up; none is a copy
of a real one.
"""

from __future__ import annotations

from typing import Any

import pytest

from scraper import parse_page

_PROSE = (
    "The river path was quiet this morning, and the light over the water changed every few "
    "minutes as the clouds moved in from the west. We walked as far as the old mill, where "
    "the heron stood in the shallows as it does most days, and then turned back for home."
)
_BODY = f"<p>{_PROSE}</p><p>{_PROSE}</p><p>{_PROSE}</p>"
_URL = "https://smallblog.example/a-walk-by-the-river/"
_TITLE = "A Walk By The River"


def _page(meta: str, *, after: str = "", before: str = "", lang: str = "en") -> str:
    """A small blog's post page: header, the post (meta line under its headline, body,
    what follows it), a sidebar without dates, a footer with a copyright year."""
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{_TITLE} | Small Blog</title></head><body><div id="page">
<header class="site-header"><a href="/">Small Blog</a>
<nav><a href="/about/">About</a></nav></header>
<main id="main"><article class="post">{before}<h1 class="entry-title">{_TITLE}</h1>{meta}
<div class="entry-content">{_BODY}</div>{after}</article></main>
<aside class="sidebar"><h3>Categories</h3><ul><li><a href="/c/walks/">Walks</a></li>
<li><a href="/c/birds/">Birds</a></li></ul></aside>
<footer class="site-footer">&copy; 2024 Small Blog</footer></div></body></html>"""


def _blogger(date_header: str) -> str:
    return f"""<html><head><title>Small Blog: {_TITLE}</title></head><body>
<div class="main-inner"><div class="blog-posts hfeed"><div class="date-outer">
<h2 class="date-header"><span>{date_header}</span></h2><div class="date-posts">
<div class="post-outer"><div class="post hentry"><h3 class="post-title entry-title">{_TITLE}</h3>
<div class="post-body entry-content">{_BODY}</div>
<div class="post-footer"><span class="post-author vcard">Posted by
<span class="fn">Anna</span></span>
<span class="post-timestamp">at <a class="timestamp-link" href="{_URL}" rel="bookmark">
<abbr class="published">10:15 AM</abbr></a></span></div></div></div></div></div></div></div>
</body></html>"""


_COMMENTS = """<div id="comments" class="comments-area"><h2>2 comments</h2><ol class="comment-list">
<li class="comment"><div class="comment-meta"><b class="fn">Ben</b> says:
<a href="#c1">March 5, 2014 at 9:12 am</a></div><p>Lovely walk, thanks for sharing it.</p></li>
<li class="comment"><div class="comment-meta"><b class="fn">Cleo</b> says:
<a href="#c2">March 7, 2014 at 6:40 pm</a></div><p>We went there last year too.</p></li>
</ol></div>"""

_RECENT = """<aside class="widget"><h3>Recent posts</h3><ul>
<li><a href="/p1/">Autumn colours</a> <span class="post-date">April 2, 2014</span></li>
<li><a href="/p2/">Frost</a> <span class="post-date">April 9, 2014</span></li>
<li><a href="/p3/">First snow</a> <span class="post-date">April 20, 2014</span></li></ul></aside>"""

# (name, html, url, expected day or None)
CASES: list[Any] = [
    # --- engines and themes ---
    (
        "wordpress entry-date and updated spans, no machine values",
        _page(
            '<div class="entry-meta"><span class="posted-on">Posted on <a href="/x/" '
            'rel="bookmark"><span class="entry-date published">March 3, 2014</span>'
            '<span class="updated">March 9, 2015</span></a></span></div>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "wordpress time.published and time.updated",
        _page(
            '<div class="entry-meta"><span class="posted-on"><a href="/x/" rel="bookmark">'
            '<time class="entry-date published" datetime="2014-03-03T10:15:00+00:00">'
            'March 3, 2014</time><time class="updated" datetime="2015-03-09T08:00:00+00:00">'
            "March 9, 2015</time></a></span></div>"
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "wordpress time.updated written before time.published",
        _page(
            '<div class="entry-meta"><time class="updated" datetime="2015-03-09">March 9, '
            '2015</time> <time class="entry-date published" datetime="2014-03-03">March 3, '
            "2014</time></div>"
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "wordpress classic postmetadata after the post",
        _page(
            "",
            after='<p class="postmetadata alt"><small>This entry was posted on Monday, '
            "March 3rd, 2014 at 10:15 am and is filed under Walks. You can follow any "
            "responses to this entry through the RSS 2.0 feed.</small></p>",
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "kubrick small under the headline",
        _page("<small>March 3rd, 2014 <!-- by Anna --></small>"),
        _URL,
        "2014-03-03",
    ),
    ("blogger date-header", _blogger("Monday, March 3, 2014"), _URL, "2014-03-03"),
    ("blogger date-header in German", _blogger("Montag, 3. März 2014"), _URL, "2014-03-03"),
    (
        "drupal submitted, month first (Drupal's default format)",
        _page(
            '<div class="submitted">Submitted by <a href="/user/1">anna</a> on '
            "Mon, 03/17/2014 - 10:15</div>"
        ),
        _URL,
        "2014-03-17",
    ),
    (
        "drupal 7 submitted with a long date",
        _page(
            '<div class="meta submitted"><span property="dc:date dc:created" '
            'class="username">anna</span> on Monday, March 3, 2014 - 10:15</div>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "joomla article-info create and modified",
        _page(
            '<dl class="article-info"><dt class="article-info-term">Details</dt>'
            '<dd class="create">Created: 03 March 2014</dd>'
            '<dd class="modified">Last Updated: 09 March 2015</dd></dl>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "joomla 3 create with an icon, German",
        _page(
            '<dl class="article-info muted"><dd class="create"><span class="icon-calendar">'
            '</span> Erstellt: 03. März 2014</dd><dd class="hits">Zugriffe: 412</dd></dl>',
            lang="de",
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "joomla 1.5 createdate cell",
        _page(
            '<table class="contentpaneopen"><tr><td class="createdate">Monday, 03 March 2014 '
            "10:15</td></tr></table>"
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "phpbb post author line",
        """<html><head><title>A Walk By The River - Forum</title></head><body>
<div id="page-body"><h2 class="topic-title">
<a href="./viewtopic.php?t=5">A Walk By The River</a></h2>
<div class="post bg2" id="p11"><div class="inner"><div class="postbody">
<h3 class="first"><a href="#p11">A Walk By The River</a></h3>
<p class="author"><a href="./viewtopic.php?p=11#p11"><span class="imageset icon_post_target">
</span></a>by
<strong><a href="./memberlist.php?u=2">anna</a></strong> &raquo; Mon Mar 03, 2014 10:15 am</p>
<div class="content">"""
        + _PROSE
        + "<br><br>"
        + _PROSE
        + "</div></div></div></div></div></body></html>",
        "https://forum.example/viewtopic.php?t=5",
        "2014-03-03",
    ),
    (
        "vbulletin post date, month first",
        """<html><head><title>A Walk By The River - Forums</title></head><body>
<div id="posts"><div id="edit11"><table class="tborder" id="post11"><tr>
<td class="thead"><a name="post11"></a>03-17-2014, 10:15 AM</td></tr>
<tr><td class="alt2"><a class="bigusername" href="member.php?u=2">anna</a></td></tr>
<tr><td class="alt1" id="td_post_11"><div class="smallfont">
<strong>A Walk By The River</strong></div>
<hr><div id="post_message_11">"""
        + _PROSE
        + "<br><br>"
        + _PROSE
        + "</div></td></tr></table></div></div></body></html>",
        "https://forum.example/showthread.php?t=5",
        "2014-03-17",
    ),
    (
        "hatom abbr.published with a title",
        _page('<abbr class="published" title="2014-03-03T10:15:00+01:00">3 March 2014</abbr>'),
        _URL,
        "2014-03-03",
    ),
    (
        "microdata datePublished on a span",
        _page('<span itemprop="datePublished" content="2014-03-03">3 March 2014</span>'),
        _URL,
        "2014-03-03",
    ),
    (
        "a <time> without a datetime",
        _page('<p class="byline">By Anna · <time>3 March 2014</time></p>'),
        _URL,
        "2014-03-03",
    ),
    (
        "a date-classed span",
        _page('<div class="post-meta"><span class="date">Mar 3, 2014</span></div>'),
        _URL,
        "2014-03-03",
    ),
    (
        "a byline with the date between bars",
        _page('<p class="meta">by Anna | March 3, 2014 | 2 Comments</p>'),
        _URL,
        "2014-03-03",
    ),
    (
        "a date over the headline",
        _page("", before='<div class="meta"><span>03.03.2014</span></div>', lang="de"),
        _URL,
        "2014-03-03",
    ),
    # --- written forms ---
    ("Posted on March 3rd, 2014", _page("<p>Posted on March 3rd, 2014</p>"), _URL, "2014-03-03"),
    ("3rd March 2014", _page("<p>3rd March 2014</p>"), _URL, "2014-03-03"),
    ("Monday 3rd March 2014", _page("<p>Monday 3rd March 2014</p>"), _URL, "2014-03-03"),
    ("3rd of March, 2014", _page("<p>Posted on the 3rd of March, 2014</p>"), _URL, "2014-03-03"),
    ("03.03.2014", _page("<p>17.03.2014</p>", lang="de"), _URL, "2014-03-17"),
    ("2014-03-03", _page("<p>2014-03-03</p>"), _URL, "2014-03-03"),
    ("2014/03/03", _page("<p>Posted 2014/03/03</p>"), _URL, "2014-03-03"),
    ("2014.03.03", _page("<p>Posted on 2014.03.03</p>"), _URL, "2014-03-03"),
    ("03 Mar 2014", _page("<p>03 Mar 2014</p>"), _URL, "2014-03-03"),
    ("03-Mar-2014", _page("<p>03-Mar-2014</p>"), _URL, "2014-03-03"),
    ("Sept. 3, 2014", _page("<p>Sept. 3, 2014</p>"), _URL, "2014-09-03"),
    ("Mar. 3, 2014", _page("<p>By Anna, Mar. 3, 2014</p>"), _URL, "2014-03-03"),
    (
        "an RFC 2822 date in the text",
        _page("<p>Mon, 03 Mar 2014 10:15:00 +0000</p>"),
        _URL,
        "2014-03-03",
    ),
    ("3. März 2014", _page("<p>3. März 2014</p>", lang="de"), _URL, "2014-03-03"),
    (
        "Veröffentlicht am 3. März 2014",
        _page("<p>Veröffentlicht am 3. März 2014 von Anna</p>", lang="de"),
        _URL,
        "2014-03-03",
    ),
    (
        "am 03.03.14 um 10:00",
        _page("<p>Geschrieben von Anna am 17.03.14 um 10:00</p>", lang="de"),
        _URL,
        "2014-03-17",
    ),
    (
        "Geschrieben am 03.03.2014",
        _page("<p>Geschrieben am 17.03.2014 von Anna</p>", lang="de"),
        _URL,
        "2014-03-17",
    ),
    ("le 3 mars 2014", _page("<p>Publié le 3 mars 2014</p>", lang="fr"), _URL, "2014-03-03"),
    ("Publié le 10/03/2014", _page("<p>Publié le 10/03/2014</p>", lang="fr"), _URL, "2014-03-10"),
    (
        "3 de marzo de 2014",
        _page("<p>Publicado el 3 de marzo de 2014</p>", lang="es"),
        _URL,
        "2014-03-03",
    ),
    ("3 de Marzo, 2014", _page("<p>3 de Marzo, 2014</p>", lang="es"), _URL, "2014-03-03"),
    (
        "3 de março de 2014",
        _page("<p>Publicado em 3 de março de 2014</p>", lang="pt"),
        _URL,
        "2014-03-03",
    ),
    ("3 marzo 2014", _page("<p>Pubblicato il 3 marzo 2014</p>", lang="it"), _URL, "2014-03-03"),
    ("3 maart 2014", _page("<p>Geplaatst op 3 maart 2014</p>", lang="nl"), _URL, "2014-03-03"),
    ("3. marca 2014", _page("<p>Publikované 3. marca 2014</p>", lang="sk"), _URL, "2014-03-03"),
    ("3 marca 2014", _page("<p>Opublikowano 3 marca 2014</p>", lang="pl"), _URL, "2014-03-03"),
    ("3. března 2014", _page("<p>Publikováno 3. března 2014</p>", lang="cs"), _URL, "2014-03-03"),
    ("3 mars 2014 (sv)", _page("<p>Publicerad 3 mars 2014</p>", lang="sv"), _URL, "2014-03-03"),
    ("3. marts 2014", _page("<p>Udgivet 3. marts 2014</p>", lang="da"), _URL, "2014-03-03"),
    ("3 Mart 2014", _page("<p>Yayınlanma: 3 Mart 2014</p>", lang="tr"), _URL, "2014-03-03"),
    ("3 martie 2014", _page("<p>Publicat pe 3 martie 2014</p>", lang="ro"), _URL, "2014-03-03"),
    ("2014. március 3.", _page("<p>2014. március 3.</p>", lang="hu"), _URL, "2014-03-03"),
    ("3 Μαρτίου 2014", _page("<p>3 Μαρτίου 2014</p>", lang="el"), _URL, "2014-03-03"),
    ("3 марта 2014", _page("<p>Опубликовано 3 марта 2014</p>", lang="ru"), _URL, "2014-03-03"),
    ("3 березня 2014", _page("<p>3 березня 2014</p>", lang="uk"), _URL, "2014-03-03"),
    ("2014年3月3日", _page("<p>2014年3月3日</p>", lang="ja"), _URL, "2014-03-03"),
    ("2014년 3월 3일", _page("<p>2014년 3월 3일</p>", lang="ko"), _URL, "2014-03-03"),
    (
        "3. maaliskuuta 2014",
        _page("<p>Julkaistu 3. maaliskuuta 2014</p>", lang="fi"),
        _URL,
        "2014-03-03",
    ),
    # --- orders, short years, split dates ---
    ("US month first", _page("<p>Posted 03/10/2014</p>", lang="en-US"), _URL, "2014-03-10"),
    ("UK day first", _page("<p>Posted 10/03/2014</p>", lang="en-GB"), _URL, "2014-03-10"),
    (
        "a month's name and an apostrophe year",
        _page("<p>veröffentlicht am 14 Feb ’14 | Kategorien: Wandern</p>", lang="de"),
        _URL,
        "2014-02-14",
    ),
    (
        "US numeric date with a two-digit year and a time",
        _page("<p>By Anna • 03/17/14 10:15am</p>", lang="en-US"),
        _URL,
        "2014-03-17",
    ),
    (
        "day, month and year in three elements",
        _page(
            '<div class="post-date"><span class="day">03</span><span class="month">Mar</span>'
            '<span class="year">2014</span></div>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "a calendar icon without the year, under a dated archive URL",
        _page('<div class="date"><span class="month">Mar</span><span class="day">3</span></div>'),
        "https://smallblog.example/2014/03/a-walk-by-the-river/",
        "2014-03-03",
    ),
    (
        "a calendar icon without the year, no year anywhere",
        _page('<div class="date"><span class="month">Mar</span><span class="day">3</span></div>'),
        _URL,
        None,
    ),
    (
        "a calendar badge of three unclassed elements",
        _page('<div class="badge"><span>03</span><span>Mar</span><span>2014</span></div>'),
        _URL,
        "2014-03-03",
    ),
    (
        "a badge of day, month and year over the headline",
        _page("", before="<div><b>17</b> <b>Mär</b> <b>2014</b></div>", lang="de"),
        _URL,
        "2014-03-17",
    ),
    ("a day equal to its month, order unknown", _page("<p>3-3-2014</p>"), _URL, "2014-03-03"),
    (
        "a US time zone after an ambiguous numeric date",
        _page('<p class="byline">By Anna <span>10/04/2016 05:07 AM EDT</span></p>'),
        _URL,
        "2016-10-04",
    ),
    (
        "a dotted US date with a two-digit year, its time apart",
        _page("<p>Anna</p><p>05.24.16</p><p>5:42 AM</p>"),
        _URL,
        "2016-05-24",
    ),
    # --- the URL ---
    (
        "an archive URL and no visible date",
        _page(""),
        "https://smallblog.example/2014/03/03/a-walk-by-the-river/",
        "2014-03-03",
    ),
    ("?p= with no date anywhere", _page(""), "https://smallblog.example/?p=123", None),
    # --- more engines, forums and languages (htmldate's class and label lists) ---
    (
        "typepad asset-meta byline, month first",
        _page(
            '<div class="asset-meta"><span class="byline">Posted by Anna on 03/17/2014 at '
            "10:15 AM</span></div>"
        ),
        _URL,
        "2014-03-17",
    ),
    (
        "movable type entry footer",
        _page(
            "",
            after='<p class="entry-footer">Posted by Anna at March 17, 2014 10:15 AM | '
            '<a href="#comments">Comments (2)</a></p>',
        ),
        _URL,
        "2014-03-17",
    ),
    (
        "smf forum post header",
        _page(
            '<div class="smalltext">&laquo; <strong>on:</strong> March 03, 2014, 10:15:37 AM '
            "&raquo;</div>"
        ),
        "https://forum.example/index.php?topic=5.0",
        "2014-03-03",
    ),
    (
        "xenforo DateTime with a unix time",
        _page(
            '<div class="messageMeta"><abbr class="DateTime" data-time="1393841700" '
            'data-datestring="Mar 3, 2014" data-timestring="10:15 AM">Mar 3, 2014 at '
            "10:15 AM</abbr></div>"
        ),
        "https://forum.example/threads/a-walk.5/",
        "2014-03-03",
    ),
    (
        "a reading-time line",
        _page('<div class="post-meta">Anna · Mar 3, 2014 · 4 min read</div>'),
        _URL,
        "2014-03-03",
    ),
    (
        "a font-awesome calendar icon before the date",
        _page('<p><i class="fa fa-calendar"></i> 17.03.2014 <i class="fa fa-user"></i> Anna</p>'),
        _URL,
        "2014-03-17",
    ),
    (
        "a US date-classed span with a two-digit year",
        _page('<div class="meta"><span class="date">3/17/14</span></div>', lang="en-US"),
        _URL,
        "2014-03-17",
    ),
    (
        "a day-first date-classed span with a two-digit year",
        _page('<div class="meta"><span class="date">17/03/14</span></div>', lang="en-GB"),
        _URL,
        "2014-03-17",
    ),
    (
        "German Stand: as the only date",
        _page("", after="<p>Stand: 17.03.2014</p>", lang="de"),
        _URL,
        "2014-03-17",
    ),
    (
        "German Datum: with a two-digit year",
        _page("<p>Datum: 17.03.14</p>", lang="de"),
        _URL,
        "2014-03-17",
    ),
    (
        "Turkish yayınlanma tarihi",
        _page("<p>Yayınlanma tarihi: 17.03.2014</p>", lang="tr"),
        _URL,
        "2014-03-17",
    ),
    (
        "Chinese 发布时间",
        _page("<p>发布时间：2014-03-03 10:15</p>", lang="zh"),
        _URL,
        "2014-03-03",
    ),
    ("3 Maret 2014", _page("<p>Diterbitkan 3 Maret 2014</p>", lang="id"), _URL, "2014-03-03"),
    (
        "Vietnamese ngày tháng năm",
        _page("<p>Thứ hai, ngày 3 tháng 3 năm 2014</p>", lang="vi"),
        _URL,
        "2014-03-03",
    ),
    ("3 مارس 2014", _page("<p>3 مارس 2014</p>", lang="ar"), _URL, "2014-03-03"),
    ("3. mars 2014 (nb)", _page("<p>Publisert 3. mars 2014</p>", lang="nb"), _URL, "2014-03-03"),
    ("3. ožujka 2014", _page("<p>Objavljeno 3. ožujka 2014.</p>", lang="hr"), _URL, "2014-03-03"),
    (
        "a ghost post-full-meta-date",
        _page(
            '<section class="post-full-meta"><time class="post-full-meta-date" '
            'datetime="2014-03-03">3 March 2014</time></section>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "English relative date only",
        _page('<p class="meta">Posted 2 days ago by Anna</p>'),
        _URL,
        None,
    ),
    (
        "a forum's joined date only",
        _page('<div class="userinfo">Joined: Mar 3, 2014<br>Posts: 212</div>'),
        "https://forum.example/viewtopic.php?t=5",
        None,
    ),
    (
        "a forum's clock line before the post",
        _page(
            '<p class="datetime">It is currently Fri Mar 21, 2014 7:22 pm</p>'
            '<p class="author">by anna &raquo; Mon Mar 03, 2014 10:15 am</p>'
        ),
        "https://forum.example/viewtopic.php?t=5",
        "2014-03-03",
    ),
    (
        "a masthead's current date in a date-classed element",
        _page(
            '<p class="meta">03.03.2014</p>',
            before='<div class="current-date">Aktuelles Datum: 21.03.2014</div>',
            lang="de",
        ),
        _URL,
        "2014-03-03",
    ),
    # --- dates that are not the post's ---
    ("relative date only", _page("<p>vor 2 Tagen</p>", lang="de"), _URL, None),
    ("a copyright year only", _page(""), _URL, None),
    ("comments' dates only", _page("", after=_COMMENTS), _URL, None),
    (
        "the post's date, then comments' dates",
        _page('<p class="meta">March 3, 2014</p>', after=_COMMENTS),
        _URL,
        "2014-03-03",
    ),
    (
        "a recent-posts widget's dates and the post's",
        _page('<p class="meta">March 3, 2014</p>', after=_RECENT),
        _URL,
        "2014-03-03",
    ),
    (
        "updated first, then published",
        _page("<p>Updated: March 9, 2015 | Published: March 3, 2014</p>"),
        _URL,
        "2014-03-03",
    ),
    (
        "a last-updated line over the post's date line",
        _page("<p>Last updated on March 9, 2015</p><p>Posted March 3, 2014 by Anna</p>"),
        _URL,
        "2014-03-03",
    ),
]


@pytest.mark.parametrize(
    ("name", "html", "url", "expected"),
    CASES,
    ids=[(c.values if hasattr(c, "values") else c)[0] for c in CASES],
)
def test_date_convention(name: str, html: str, url: str, expected: str | None) -> None:
    published = parse_page(html.encode(), url).published
    assert (published[:10] if published else None) == expected
