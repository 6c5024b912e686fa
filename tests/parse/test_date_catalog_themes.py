"""The date catalog's second part: the themes and engines small sites of 2015-2022 run.

Each case is the meta line one theme or hosted engine writes (its class names, its order of
published and updated, its icons and screen-reader labels), hand-written after the theme's
own templates, on a page with no machine-readable date unless the case is about one: the
visible convention alone has to answer. Cases where the machine date and the visible one
disagree say which the record keeps. Pages are made up; none is a copy of a real one.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_date_catalog import _BODY, _TITLE, _URL, _page

from scraper import parse_page


def _bare(head: str, body: str, *, lang: str = "en") -> str:
    """A page without ``<article>`` or ``entry-title``: page builders and hosted engines
    (Elementor, Wix, Substack, Medium) write divs with their own class names."""
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{_TITLE} - Small Blog</title>{head}</head><body><div id="site">
<div class="top"><a href="/">Small Blog</a> <a href="/about/">About</a></div>
{body}
<div class="bottom">&copy; 2024 Small Blog. All rights reserved.</div></div></body></html>"""


_TODAY = '<div class="top-bar"><span class="{cls}">{text}</span></div>'


def _masthead(html: str, clock: str) -> str:
    """``html`` with ``clock`` (a news theme's "today" line) at the top of the site header."""
    return html.replace('<header class="site-header">', f'<header class="site-header">{clock}')


# (name, html, url, expected day or None)
CASES: list[Any] = [
    # --- WordPress themes ---
    (
        "astra posted-on with published and updated spans (microdata, no values)",
        _page(
            '<div class="entry-meta"><span class="posted-on"><span class="published" '
            'itemprop="datePublished"> March 3, 2014</span><span class="updated" '
            'itemprop="dateModified"> March 9, 2015</span></span> / <span class="posted-by '
            'vcard author" itemprop="author"><a class="url fn n" href="/author/anna/">'
            '<span class="author-name" itemprop="name">Anna</span></a></span></div>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "generatepress time.updated before time.entry-date.published",
        _page(
            '<div class="entry-meta"><span class="posted-on"><time class="updated" '
            'itemprop="dateModified">March 9, 2015</time><time class="entry-date published" '
            'itemprop="datePublished">March 3, 2014</time></span> <span class="byline">by '
            '<span class="author vcard"><a class="url fn n" href="/author/anna/">'
            '<span class="author-name">Anna</span></a></span></span></div>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "oceanwp meta list with screen-reader labels",
        _page(
            '<ul class="meta ospm-default clr"><li class="meta-author" itemprop="name">'
            '<span class="screen-reader-text">Post author:</span><i class="icon-user"></i>'
            '<a href="/author/anna/">Anna</a></li><li class="meta-date" '
            'itemprop="datePublished"><span class="screen-reader-text">Post published:</span>'
            '<i class="icon-clock"></i>March 3, 2014</li><li class="meta-cat">'
            '<i class="icon-folder"></i><a href="/c/walks/">Walks</a></li></ul>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "divi post-meta with span.published between bars",
        _page(
            '<p class="post-meta"> by <span class="author vcard"><a href="/author/anna/">'
            'Anna</a></span> | <span class="published">Mar 3, 2014</span> | <a '
            'href="/c/walks/" rel="category tag">Walks</a> | <span class="comments-number">'
            '<a href="#respond">0 comments</a></span></p>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "avada meta with a hidden ISO updated span and the visible published day",
        _page(
            '<div class="fusion-meta-info"><div class="fusion-meta-info-wrapper">By '
            '<span class="vcard"><span class="fn"><a href="/author/anna/">Anna</a></span>'
            '</span><span class="fusion-inline-sep">|</span><span class="updated '
            'rich-snippet-hidden">2015-03-09T08:00:00+00:00</span><span>March 3rd, 2014'
            '</span><span class="fusion-inline-sep">|</span>Categories: <a href="/c/walks/">'
            "Walks</a></div></div>"
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "kadence posted-on with a meta label",
        _page(
            '<div class="entry-meta entry-meta-divider-dot"><span class="posted-by">'
            '<span class="meta-label">By</span><span class="author vcard"><a class="url fn n" '
            'href="/author/anna/">Anna</a></span></span><span class="posted-on">'
            '<time class="entry-date published">March 3, 2014</time><time class="updated">'
            "March 9, 2015</time></span></div>"
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "kadence updated-on shown before posted-on",
        _page(
            '<div class="entry-meta"><span class="updated-on"><span class="meta-label">'
            'Last updated</span><time class="entry-date updated">March 9, 2015</time></span>'
            '<span class="posted-on"><span class="meta-label">Posted on</span>'
            '<time class="entry-date published">March 3, 2014</time></span></div>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "newspaper (tagDiv) td-post-date under a td_data_time masthead clock",
        _masthead(
            _page(
                '<div class="td-module-meta-info"><div class="td-post-author-name"><div '
                'class="td-author-by">By</div> <a href="/author/anna/">Anna</a><div '
                'class="td-author-line"> - </div></div><span class="td-post-date"><time '
                'class="entry-date updated td-module-date">March 3, 2014</time></span></div>',
            ),
            _TODAY.format(cls="td_data_time", text="Friday, March 21, 2014"),
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "jannah post-meta date under a topbar-today-date",
        _masthead(
            _page(
                '<div class="post-meta"><span class="meta-author"><a class="author-name" '
                'href="/author/anna/">Anna</a></span><span class="date meta-item tie-icon">'
                "3 March 2014</span></div>"
            ),
            _TODAY.format(cls="topbar-today-date", text="Friday, March 21 2014"),
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "sahifa tie-date under a today-date",
        _masthead(
            _page(
                '<p class="post-meta"><span class="post-meta-author"><a href="/author/anna/">'
                'Anna</a></span><span class="tie-date"><i class="fa fa-clock-o"></i>March 3, '
                "2014</span></p>"
            ),
            _TODAY.format(cls="today-date", text="Friday , 21 March 2014"),
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "soledad post-box-meta-single",
        _page(
            '<div class="post-box-meta-single"><span class="author-post byline"><span '
            'class="author vcard">written by <a class="url fn n" href="/author/anna/">Anna</a>'
            '</span></span><span><time class="entry-date published">March 3, 2014</time>'
            "</span></div>"
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "elementor post-info list on a page-builder page",
        _bare(
            "",
            '<div class="elementor elementor-57"><div class="elementor-widget-container">'
            '<h1 class="elementor-heading-title elementor-size-default">'
            f"{_TITLE}</h1></div>"
            '<div class="elementor-widget-container"><ul class="elementor-inline-items '
            'elementor-icon-list-items elementor-post-info"><li class="elementor-icon-list-item '
            'elementor-inline-item" itemprop="author"><a href="/author/anna/"><span '
            'class="elementor-icon-list-icon"><i class="fa fa-user-circle-o"></i></span><span '
            'class="elementor-icon-list-text elementor-post-info__item '
            'elementor-post-info__item--type-author">Anna</span></a></li><li '
            'class="elementor-icon-list-item elementor-inline-item" itemprop="datePublished">'
            '<a href="/2014/03/03/"><span class="elementor-icon-list-icon"><i class="fa '
            'fa-calendar"></i></span><span class="elementor-icon-list-text '
            'elementor-post-info__item elementor-post-info__item--type-date">March 3, 2014'
            '</span></a></li><li class="elementor-icon-list-item elementor-inline-item">'
            '<span class="elementor-icon-list-text elementor-post-info__item '
            'elementor-post-info__item--type-time">10:15 am</span></li></ul></div>'
            f'<div class="elementor-widget-theme-post-content">{_BODY}</div></div>',
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "twenty nineteen posted-on with an svg icon",
        _page(
            '<div class="entry-meta"><span class="byline"><svg class="svg-icon"></svg><span '
            'class="screen-reader-text">Posted by</span><span class="author vcard"><a '
            'class="url fn n" href="/author/anna/">Anna</a></span></span><span '
            'class="posted-on"><svg class="svg-icon"></svg><a href="/x/" rel="bookmark">'
            '<time class="entry-date published">March 3, 2014</time><time class="updated">'
            "March 9, 2015</time></a></span></div>"
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "twenty twenty post-meta list without a time element",
        _page(
            '<div class="post-meta-wrapper post-meta-single post-meta-single-top"><ul '
            'class="post-meta"><li class="post-author meta-wrapper"><span class="meta-icon">'
            '<span class="screen-reader-text">Post author</span><svg></svg></span><span '
            'class="meta-text">By <a href="/author/anna/">Anna</a></span></li><li '
            'class="post-date meta-wrapper"><span class="meta-icon"><span '
            'class="screen-reader-text">Post date</span><svg></svg></span><span '
            'class="meta-text"><a href="/x/">March 3, 2014</a></span></li></ul></div>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "twenty twenty-one posted-on in the entry footer",
        _page(
            "",
            after='<footer class="entry-footer default-max-width"><div class="posted-by">'
            '<span class="posted-on">Published <time class="entry-date published updated">'
            'March 3, 2014</time></span><span class="byline">By <a href="/author/anna/" '
            'rel="author">Anna</a></span></div><div class="post-taxonomies"><span '
            'class="cat-links">Categorized as <a href="/c/walks/">Walks</a></span></div>'
            "</footer>",
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "block theme wp-block-post-date",
        _bare(
            "",
            '<main class="wp-block-group"><div class="wp-block-group"><h1 '
            f'class="wp-block-post-title">{_TITLE}</h1><div class="wp-block-post-date"><time>'
            'March 3, 2014</time></div></div><div class="entry-content wp-block-post-content">'
            f"{_BODY}</div></main>",
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "block theme modified date shown before the published one",
        _bare(
            "",
            '<main class="wp-block-group"><div class="wp-block-group"><h1 '
            f'class="wp-block-post-title">{_TITLE}</h1><div class="wp-block-post-date__'
            'modified-date wp-block-post-date"><time>March 9, 2015</time></div><div '
            'class="wp-block-post-date"><time>March 3, 2014</time></div></div><div '
            f'class="entry-content wp-block-post-content">{_BODY}</div></main>',
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "genesis entry-time in the entry-meta paragraph",
        _page(
            '<p class="entry-meta"><time class="entry-time">March 3, 2014</time> by <span '
            'class="entry-author"><a class="entry-author-link" href="/author/anna/"><span '
            'class="entry-author-name">Anna</span></a></span> <span class="entry-comments-link">'
            '<a href="#respond">Leave a Comment</a></span></p>'
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "genesis entry-modified-time before entry-time",
        _page(
            '<p class="entry-meta">Last updated on <time class="entry-modified-time">March 9, '
            '2015</time> | Published on <time class="entry-time">March 3, 2014</time> by '
            '<span class="entry-author-name">Anna</span></p>'
        ),
        _URL,
        "2014-03-03",
    ),
    # --- hosted engines and static sites ---
    (
        "blogger contempo post-timestamp time.published",
        """<html><head><title>Small Blog: A Walk</title></head><body><div class="centered">
<main id="main" class="centered"><div class="blog-posts hfeed container"><article
class="post-outer-container"><div class="post-outer"><div class="post"><h3
class="post-title entry-title">A Walk By The River</h3><div class="post-header"><div
class="post-header-line-1"><span class="byline post-timestamp"><a class="timestamp-link"
href="/2014/03/a-walk.html" rel="bookmark" title="permanent link"><time class="published">
March 03, 2014</time></a></span></div></div><div class="post-body entry-content float-container">"""
        + _BODY
        + "</div></div></div></article></div></main></div></body></html>",
        "https://smallblog.blogspot.com/2014/03/a-walk.html",
        "2014-03-03",
    ),
    (
        "blogger emporio byline post-timestamp with a label",
        """<html><head><title>Small Blog: A Walk</title></head><body><div class="page">
<div class="blog-posts hfeed container"><div class="post-outer-container"><div
class="post-outer"><div class="post"><div class="post-header"><div class="byline
post-timestamp"><span class="byline-label">Published</span><a class="timestamp-link"
href="/2014/03/a-walk.html" rel="bookmark"><time class="published">3 March 2014</time></a>
</div></div><h3 class="post-title entry-title">A Walk By The River</h3><div
class="post-body entry-content">"""
        + _BODY
        + "</div></div></div></div></div></div></body></html>",
        "https://smallblog.blogspot.com/2014/03/a-walk.html",
        "2014-03-03",
    ),
    (
        "hugo papermod post-meta with reading time",
        _bare(
            "",
            '<main class="main"><article class="post-single"><header class="post-header">'
            f'<h1 class="post-title entry-hint-parent">{_TITLE}</h1><div class="post-meta">'
            "<span>March 3, 2014</span>&nbsp;·&nbsp;3 min&nbsp;·&nbsp;Anna</div></header>"
            f'<div class="post-content">{_BODY}</div></article></main>',
        ),
        "https://smallblog.example/posts/a-walk-by-the-river/",
        "2014-03-03",
    ),
    (
        "hugo ananke time under the byline",
        _bare(
            "",
            '<main class="pb7" role="main"><article class="flex-l flex-wrap">'
            '<header class="mt4 w-100"><aside class="instapaper_ignoref b helvetica tracked">'
            f'POSTS</aside><h1 class="f1 athelas mt3 mb1">{_TITLE}</h1><p class="tracked">By '
            '<strong>Anna</strong></p><time class="f6 mv4 dib tracked">March 3, 2014</time>'
            f'</header><div class="nested-copy-line-height lh-copy">{_BODY}</div></article></main>',
        ),
        "https://smallblog.example/posts/a-walk-by-the-river/",
        "2014-03-03",
    ),
    (
        "jekyll minima post-meta time.dt-published",
        _bare(
            "",
            '<main class="page-content"><article class="post h-entry"><header '
            f'class="post-header"><h1 class="post-title p-name">{_TITLE}</h1><p '
            'class="post-meta"><time class="dt-published">Mar 3, 2014</time></p></header>'
            f'<div class="post-content e-content">{_BODY}</div></article></main>',
        ),
        "https://smallblog.example/2014/03/03/a-walk.html",
        "2014-03-03",
    ),
    (
        "minimal mistakes page__meta-date, and 'Updated:' in page__date at the bottom",
        _bare(
            "",
            '<div id="main"><article class="page h-entry"><div class="page__inner-wrap">'
            f'<header><h1 id="page-title" class="page__title p-name">{_TITLE}</h1><p '
            'class="page__meta"><span class="page__meta-date"><i class="far fa-calendar-alt">'
            "</i> <time>March 3, 2014</time></span><span class="
            '"page__meta-sep"></span><span class="page__meta-readtime"><i class="far '
            'fa-clock"></i> 3 minute read</span></p></header><section class="page__content '
            f'e-content">{_BODY}</section><footer class="page__meta"><p class="page__date">'
            '<strong><i class="fas fa-fw fa-calendar-alt"></i> Updated:</strong> <time>'
            "March 9, 2015</time></p></footer></div></article></div>",
        ),
        "https://smallblog.example/walks/a-walk/",
        "2014-03-03",
    ),
    (
        "minimal mistakes with only the bottom 'Updated:' line",
        _bare(
            "",
            '<div id="main"><article class="page h-entry"><div class="page__inner-wrap">'
            f'<header><h1 id="page-title" class="page__title p-name">{_TITLE}</h1></header>'
            f'<section class="page__content e-content">{_BODY}</section><footer '
            'class="page__meta"><p class="page__date"><strong>Updated:</strong> <time>'
            "March 9, 2015</time></p></footer></div></article></div>",
        ),
        "https://smallblog.example/walks/a-walk/",
        "2015-03-09",
    ),
    (
        "ghost casper byline-meta-date",
        _bare(
            "",
            '<main id="site-main" class="site-main"><article class="article post"><header '
            f'class="article-header gh-canvas"><h1 class="article-title">{_TITLE}</h1>'
            '<div class="article-byline"><div class="article-byline-meta"><h4 '
            'class="author-name"><a href="/author/anna/">Anna</a></h4><div '
            'class="byline-meta-content"><time class="byline-meta-date">Mar 3, 2014</time>'
            '<span class="byline-reading-time"><span class="bull">•</span> 3 min read</span>'
            f'</div></div></div></header><section class="gh-content gh-canvas">{_BODY}'
            "</section></article></main>",
        ),
        "https://smallblog.example/a-walk/",
        "2014-03-03",
    ),
    (
        "ghost source gh-article-meta-date",
        _bare(
            "",
            '<main class="gh-main"><article class="gh-article post"><header '
            f'class="gh-article-header gh-canvas"><h1 class="gh-article-title">{_TITLE}</h1>'
            '<div class="gh-article-meta"><div class="gh-article-author-name"><a '
            'href="/author/anna/">Anna</a></div><div class="gh-article-meta-content"><time '
            'class="gh-article-meta-date">Mar 3, 2014</time><span class="gh-article-meta-'
            'length"><span class="bull">—</span> 3 min read</span></div></div></header>'
            f'<section class="gh-content gh-canvas">{_BODY}</section></article></main>',
        ),
        "https://smallblog.example/a-walk/",
        "2014-03-03",
    ),
    (
        "medium pw-published-date with hashed classes",
        _bare(
            "",
            '<article><div class="l"><div class="ab cb"><h1 class="pw-post-title gf bm">'
            f'{_TITLE}</h1><div class="ab q"><span class="be b bf z bj"><a href="/@anna">Anna'
            '</a></span><span class="be b bf z dv"><div class="ab ae"><span '
            'data-testid="storyReadTime">3 min read</span><div class="ih ii ab">·</div>'
            '<span data-testid="storyPublishDate">Mar 3, 2014</span></div></span></div>'
            f'<section><div class="gn go gp">{_BODY}</div></section></div></div></article>',
        ),
        "https://medium.com/@anna/a-walk-by-the-river-5f2a9c1b7d3e",
        "2014-03-03",
    ),
    (
        "substack post-header with a hashed-class date",
        _bare(
            "",
            '<div class="single-post-container"><div class="single-post"><article '
            'class="typography newsletter-post post"><div class="post-header"><h1 '
            f'class="post-title published title-X77sOw">{_TITLE}</h1><div class="pencraft '
            'pc-display-flex pc-gap-4"><div class="profile-hover-card-target"><a '
            'href="https://anna.substack.com">Anna</a></div><div class="pencraft pc-reset '
            'color-pub-secondary-text-hGQ02T meta-EgzBVA">Mar 03, 2014</div></div></div>'
            f'<div class="available-content"><div class="body markup">{_BODY}</div></div>'
            "</article></div></div>",
        ),
        "https://anna.substack.com/p/a-walk-by-the-river",
        "2014-03-03",
    ),
    (
        "squarespace 7.1 blog-meta-item--date",
        _bare(
            "",
            '<main id="page"><article class="sections" id="sections"><div '
            'class="blog-item-wrapper"><div class="blog-item-top-wrapper"><div '
            'class="blog-item-meta-wrapper"><div class="blog-meta-item blog-meta-item--date">'
            '<time class="dt-published date-highlight">March 3, 2014</time></div><div '
            'class="blog-meta-item blog-meta-item--author">Anna</div></div><div '
            f'class="blog-item-title"><h1 class="entry-title">{_TITLE}</h1></div></div><div '
            f'class="blog-item-content e-content">{_BODY}</div></div></article></main>',
        ),
        "https://smallblog.example/blog/a-walk-by-the-river",
        "2014-03-03",
    ),
    (
        "wix post-metadata time-ago and an updated line",
        _bare(
            "",
            '<div id="SITE_CONTAINER"><div data-hook="post-page"><article><div '
            'class="post-metadata"><ul class="_3x1Cs"><li><span class="_2aGvg" '
            'data-hook="user-name">Anna</span></li><li><span class="post-metadata__date '
            'time-ago" data-hook="time-ago">Mar 3, 2014</span></li><li><span '
            'class="post-metadata__readingTime">3 min read</span></li></ul></div><h1 '
            f'class="post-title__text" data-hook="post-title">{_TITLE}</h1><div '
            f'data-hook="post-description">{_BODY}</div><p class="post-updated">Updated: '
            "Mar 9, 2015</p></article></div></div>",
        ),
        "https://anna.wixsite.com/smallblog/post/a-walk-by-the-river",
        "2014-03-03",
    ),
    (
        "drupal 10 olivero node__meta with field--name-created",
        _page(
            '<div class="node__meta"><span>By <span class="field field--name-uid '
            'field--type-entity-reference field--label-hidden"><a href="/user/1">anna</a>'
            '</span></span>, <span class="field field--name-created field--type-created '
            'field--label-hidden">3 March, 2014</span></div>'
        ),
        "https://smallblog.example/node/12",
        "2014-03-03",
    ),
    (
        "drupal 8 bartik node__submitted",
        _page(
            '<div class="node__submitted">Submitted by <span class="field field--name-uid">'
            'anna</span> on <span class="field field--name-created">Mon, 03/17/2014 - 10:15'
            "</span></div>"
        ),
        "https://smallblog.example/node/12",
        "2014-03-17",
    ),
    (
        "drupal 7 embedded instagram post's time before the node's date-display-single",
        _page(
            '<div class="field field--name-post-date"><span class="date-display-single">'
            "18.10.2019 16:06 Uhr</span></div>",
            before='<blockquote class="instagram-media"><p><a href="https://instagram.example'
            '/p/1/">A post shared by Anna</a> on <time style="font-family:Arial">Apr 21, 2019'
            " at 4:47 PDT</time></p></blockquote>",
            lang="de",
        ).replace("<head>", '<head><meta name="generator" content="Drupal 7">'),
        "https://smallblog.example/node/12",
        "2019-10-18",
    ),
    (
        "joomla 4 cassiopeia article-info: modified, then published",
        _page(
            '<dl class="article-info text-muted"><dt class="article-info-term">Details</dt>'
            '<dd class="createdby"><span class="icon-user icon-fw"></span> Written by: '
            '<span>Anna</span></dd><dd class="modified"><span class="icon-calendar icon-fw">'
            '</span><time>Last Updated: 09 March 2015</time></dd><dd class="published">'
            '<span class="icon-calendar icon-fw"></span><time>Published: 03 March 2014</time>'
            "</dd></dl>"
        ),
        "https://smallblog.example/index.php/blog/12-a-walk",
        "2014-03-03",
    ),
    (
        "typo3 news detail: news-list-date, German dotted",
        _page(
            '<div class="extra"><span class="news-list-date"><time>03.03.2014</time></span>'
            '<span class="news-list-category">Wanderungen</span></div>',
            lang="de",
        ),
        "https://smallblog.example/aktuelles/detail/ein-spaziergang",
        "2014-03-03",
    ),
    (
        "squarespace 7.0 entry-dateline",
        _page(
            '<div class="entry-meta"><span class="entry-dateline"><a '
            'class="entry-dateline-link" href="/blog/a-walk"><time class="published">'
            'March 3, 2014</time></a></span><span class="entry-author">Anna</span></div>'
        ),
        "https://smallblog.example/blog/a-walk",
        "2014-03-03",
    ),
    (
        "jannah last-updated item before the date item",
        _page(
            '<div class="post-meta"><span class="meta-item last-updated">Last Updated: '
            'March 9, 2015</span><span class="date meta-item tie-icon">March 3, 2014</span>'
            "</div>"
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "astra with only the updated span visible",
        _page(
            '<div class="entry-meta"><span class="posted-on"><span class="updated" '
            'itemprop="dateModified">March 9, 2015</span></span></div>'
        ),
        _URL,
        "2015-03-09",
    ),
    (
        "sahifa post-meta with 'Last Updated' after the date",
        _page(
            '<p class="post-meta"><span class="tie-date">March 3, 2014</span> <span '
            'class="post-last-updated">Last Updated: March 9, 2015</span></p>'
        ),
        _URL,
        "2014-03-03",
    ),
    # --- German news CMSs ---
    (
        "Veröffentlicht am ... | Aktualisiert am ...",
        _page("<p>Veröffentlicht am 03.03.2014 | Aktualisiert am 09.03.2015</p>", lang="de"),
        _URL,
        "2014-03-03",
    ),
    (
        "aktualisiert am ... before erstellt am ...",
        _page("<p>aktualisiert am 09.03.2015, erstellt am 03.03.2014</p>", lang="de"),
        _URL,
        "2014-03-03",
    ),
    (
        "Stand: alone is the page's date",
        _page('<p class="metatextline">Stand: 03.03.2014 10:15 Uhr</p>', lang="de"),
        _URL,
        "2014-03-03",
    ),
    (
        "Erstellt: and Zuletzt aktualisiert: on two lines",
        _page(
            '<div class="info"><p>Zuletzt aktualisiert: 09.03.2015</p><p>Erstellt: '
            "03.03.2014</p></div>",
            lang="de",
        ),
        _URL,
        "2014-03-03",
    ),
    # --- more hosted and hand-made forms ---
    (
        "medium this year's date without its year",
        _bare(
            "",
            '<article><h1 class="pw-post-title">'
            f'{_TITLE}</h1><div><a href="/@anna">Anna</a> · 3 min read · '
            f'<span data-testid="storyPublishDate">Mar 3</span></div><section>{_BODY}'
            "</section></article>",
        ),
        "https://medium.com/@anna/a-walk-by-the-river-5f2a9c1b7d3e",
        None,
    ),
    (
        "jekyll byline 'Mar 3, 2014 • Anna'",
        _bare(
            "",
            f'<div class="post"><h1 class="post-title">{_TITLE}</h1><p class="post-meta">'
            f'Mar 3, 2014 • Anna</p><div class="post-content">{_BODY}</div></div>',
        ),
        "https://anna.github.io/a-walk-by-the-river/",
        "2014-03-03",
    ),
    (
        "hugo ISO date in a plain span",
        _bare(
            "",
            f"<main><h1>{_TITLE}</h1><div><span>2014-03-03</span> · Anna</div><div>{_BODY}"
            "</div></main>",
        ),
        "https://anna.example/posts/a-walk/",
        "2014-03-03",
    ),
    (
        "ghost casper with dated related-post cards after the post",
        _bare(
            "",
            '<main class="site-main"><article class="article post"><header '
            f'class="article-header"><h1 class="article-title">{_TITLE}</h1><div '
            'class="byline-meta-content"><time class="byline-meta-date">Mar 3, 2014</time>'
            f'</div></header><section class="gh-content">{_BODY}</section></article>'
            '<aside class="read-more-wrap"><div class="read-more"><article class="post-card">'
            '<h2 class="post-card-title">Frost</h2><time class="post-card-meta-date">Apr 9, '
            '2014</time></article><article class="post-card"><h2 class="post-card-title">Snow'
            '</h2><time class="post-card-meta-date">Apr 20, 2014</time></article></div>'
            "</aside></main>",
        ),
        "https://smallblog.example/a-walk/",
        "2014-03-03",
    ),
    (
        "a masthead's weekday clock over a plain byline line",
        _masthead(
            _page("<p>By Anna - March 3, 2014</p>"),
            _TODAY.format(cls="td_data_time", text="Friday, March 21, 2014"),
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "Von ... | Datum | Uhrzeit (German news byline)",
        _page("<p>Von Anna | 03.03.2014 | 10:15 Uhr</p>", lang="de"),
        _URL,
        "2014-03-03",
    ),
    (
        "Erschienen am",
        _page('<p class="info">Erschienen am 3. März 2014 in Wanderungen</p>', lang="de"),
        _URL,
        "2014-03-03",
    ),
    (
        "Published ..., last updated ... on one line",
        _page("<p>Published: 3 March 2014, last updated: 9 March 2015</p>"),
        _URL,
        "2014-03-03",
    ),
    (
        "a German Stand line over an erstellt line",
        _page(
            "<p>Stand: 09.03.2015, 08:00 Uhr</p><p>Erstellt: 03.03.2014, 10:15 Uhr</p>",
            lang="de",
        ),
        _URL,
        "2014-03-03",
    ),
    (
        "French publié le / mis à jour le",
        _page(
            "<p>Mis à jour le 9 mars 2015 à 08h00</p><p>Publié le 3 mars 2014 à 10h15</p>",
            lang="fr",
        ),
        _URL,
        "2014-03-03",
    ),
    # --- machine dates and the visible one ---
    (
        # the page presents the post under its update (``_pubdates._updated_shown``): the
        # record keeps the day the reader is shown, the machine's first day in ``modified``
        "a machine published date, only the update shown",
        _page('<p class="post-modified-info">Last Updated on March 9, 2015 by Anna</p>').replace(
            "</head>",
            '<meta property="article:published_time" content="2014-03-03T10:15:00+00:00">'
            '<meta property="article:modified_time" content="2015-03-09T08:00:00+00:00">'
            "</head>",
        ),
        _URL,
        "2015-03-09",
    ),
    (
        "a sticky header clock of today, the post's date in its meta line",
        _masthead(
            _page('<div class="entry-meta"><span class="posted-on">March 3, 2014</span></div>'),
            _TODAY.format(cls="header-date", text="Friday, March 21, 2014"),
        ),
        _URL,
        "2014-03-03",
    ),
    pytest.param(
        "a sticky header clock of today and no date of the post",
        _masthead(_page(""), _TODAY.format(cls="header-date", text="Friday, March 21, 2014")),
        _URL,
        None,
        marks=pytest.mark.xfail(
            reason="a masthead's unlabelled day is read when nothing else dates the post",
            strict=True,
        ),
    ),
]


@pytest.mark.parametrize(
    ("name", "html", "url", "expected"),
    CASES,
    ids=[(c.values if hasattr(c, "values") else c)[0] for c in CASES],
)
def test_theme_date(name: str, html: str, url: str, expected: str | None) -> None:
    published = parse_page(html.encode(), url).published
    assert (published[:10] if published else None) == expected
