"""The byline catalog's WordPress themes (``author_catalog``): each theme's post header as
the theme prints it, the page shell shared by every entry of the catalog."""

from __future__ import annotations

URL = "https://smallsite.example/2020/03/library-stays-open/"
TITLE = "Library Stays Open On Sundays"
_PROSE = (
    "The council met on Tuesday and agreed, after a long debate about the budget, to keep "
    "the library open on Sundays for at least another year, its chair said afterwards. "
    "Readers had written in their hundreds, and the vote was closer than anyone expected."
)
BODY = f"<p>{_PROSE}</p><p>{_PROSE} Again.</p><p>{_PROSE} Once more.</p>"
_SIDEBAR = """<aside class="sidebar widget-area"><section class="widget widget_recent_entries">
<h2 class="widget-title">Recent Posts</h2><ul><li><a href="/p/1/">Bridge works begin</a></li>
<li><a href="/p/2/">Market moves to the square</a></li></ul></section>
<section class="widget widget_categories"><h2 class="widget-title">Categories</h2>
<ul><li><a href="/c/town/">Town</a></li></ul></section></aside>"""


def page(post: str, *, lang: str = "en", head: str = "", sidebar: str = _SIDEBAR) -> str:
    """A small site's post page around ``post``: header and menu, the post, a sidebar
    without bylines, a footer with a copyright line."""
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{TITLE} – Town Notes</title>{head}</head><body class="post-template single">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Town Notes</a></p>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/about/">About</a>
</li></ul></nav></header><div id="content" class="site-content"><main id="main">{post}</main>
{sidebar}</div><footer class="site-footer"><p>&copy; 2021 Town Notes. Proudly powered by
WordPress</p></footer></body></html>"""


def _wp(meta: str, *, before: bool = False, footer: str = "") -> str:
    """A WordPress post as most classic themes print it: the meta line under (or over) the
    ``entry-title``, the ``entry-content``, an ``entry-footer``."""
    title = f'<h1 class="entry-title">{TITLE}</h1>'
    header = f"{meta}{title}" if before else f"{title}{meta}"
    return page(
        f'<article id="post-12" class="post-12 post type-post status-publish hentry">'
        f'<header class="entry-header">{header}</header>'
        f'<div class="entry-content">{BODY}</div>'
        f'<footer class="entry-footer">{footer}</footer></article>'
    )


_WP_LINK = '<a class="url fn n" href="/author/jane/">Jane Doe</a>'
_DATE = (
    '<time class="entry-date published" datetime="2020-03-03T10:00:00+00:00">March 3, 2020</time>'
)

WORDPRESS: dict[str, tuple[str, list[str]]] = {
    "wp astra": (
        _wp(
            '<div class="entry-meta"><span class="posted-by vcard author" itemprop="author">'
            'By <a title="View all posts by Jane Doe" href="/author/jane/" rel="author" '
            'class="url fn n" itemprop="url"><span class="author-name" itemprop="name">'
            'Jane Doe</span></a></span> / <span class="posted-on"><span class="published">'
            "March 3, 2020</span></span></div>"
        ),
        ["Jane Doe"],
    ),
    "wp generatepress": (
        _wp(
            f'<div class="entry-meta"><span class="posted-on">{_DATE}</span> '
            '<span class="byline">by <span class="author vcard" itemprop="author">'
            '<a class="url fn n" href="/author/jane/" title="View all posts by Jane Doe" '
            'rel="author" itemprop="url"><span class="author-name" itemprop="name">Jane Doe'
            "</span></a></span></span></div>"
        ),
        ["Jane Doe"],
    ),
    "wp oceanwp": (
        _wp(
            '<ul class="meta ospm-default clr"><li class="meta-author" itemprop="name">'
            '<span class="screen-reader-text">Post author:</span><i class="icon-user" '
            'aria-hidden="true"></i><a href="/author/jane/" title="Posts by Jane Doe" '
            'rel="author" itemprop="author">Jane Doe</a></li><li class="meta-date">'
            '<span class="screen-reader-text">Post published:</span><i class="icon-clock">'
            '</i>March 3, 2020</li><li class="meta-cat"><i class="icon-folder"></i>'
            '<a href="/c/town/" rel="category tag">Town</a></li></ul>'
        ),
        ["Jane Doe"],
    ),
    "wp divi": (
        _wp(
            '<p class="post-meta"> by <span class="author vcard"><a href="/author/jane/" '
            'title="Posts by Jane Doe" rel="author">Jane Doe</a></span> | <span class='
            '"published">Mar 3, 2020</span> | <a href="/c/town/" rel="category tag">Town</a>'
            ' | <span class="comments-number"><a href="#respond">0 comments</a></span></p>'
        ),
        ["Jane Doe"],
    ),
    "wp avada": (
        _wp(
            '<div class="fusion-meta-info"><div class="fusion-meta-info-wrapper">By <span '
            'class="vcard"><span class="fn"><a href="/author/jane/" title="Posts by Jane Doe" '
            'rel="author">Jane Doe</a></span></span><span class="fusion-inline-sep">|</span>'
            '<span>March 3rd, 2020</span><span class="fusion-inline-sep">|</span>'
            'Categories: <a href="/c/town/" rel="category tag">Town</a></div></div>'
        ),
        ["Jane Doe"],
    ),
    "wp kadence": (
        _wp(
            '<div class="entry-meta entry-meta-divider-dot"><span class="posted-by">'
            '<span class="meta-label">By</span><span class="author vcard">'
            f'{_WP_LINK}</span></span><span class="posted-on">{_DATE}</span></div>'
        ),
        ["Jane Doe"],
    ),
    "wp newspaper tagdiv": (
        _wp(
            '<div class="td-module-meta-info"><div class="td-post-author-name"><div '
            'class="td-author-by">By</div> <a href="/author/jane/">Jane Doe</a><div '
            'class="td-author-line"> - </div> </div><span class="td-post-date">'
            '<time class="entry-date updated td-module-date" datetime="2020-03-03">'
            "March 3, 2020</time></span></div>"
        ),
        ["Jane Doe"],
    ),
    "wp newspaper tagdiv cloud": (
        page(
            '<div class="td-post-content tdi_1"><div class="tdb_title"><h1 class="tdb-title-'
            f'text">{TITLE}</h1></div><div class="tdb_single_author"><div class="tdb-block-'
            'inner td-fix-index"><a class="tdb-author-photo" href="/author/jane/"><img src='
            '"/a.jpg" alt=""></a><div class="tdb-author-name-wrap"><span class="tdb-author-'
            'by">By</span> <a class="tdb-author-name" href="/author/jane/">Jane Doe</a></div>'
            f'</div></div><div class="tdb_single_content">{BODY}</div></div>'
        ),
        ["Jane Doe"],
    ),
    "wp jannah": (
        _wp(
            '<div id="single-post-meta" class="post-meta clearfix"><span class="author-meta '
            'single-author with-avatars"><span class="meta-item meta-author-wrapper"><span '
            'class="meta-author-avatar"><a href="/author/jane/"><img src="/a.jpg" alt="">'
            '</a></span><span class="meta-author"><a href="/author/jane/" class="author-name '
            'tie-icon" title="Jane Doe">Jane Doe</a></span></span></span><span class="date '
            'meta-item tie-icon">March 3, 2020</span></div>'
        ),
        ["Jane Doe"],
    ),
    "wp sahifa": (
        _wp(
            '<p class="post-meta"><span class="post-meta-author"><i class="fa fa-user"></i>'
            '<a href="/author/jane/" title="">Jane Doe </a></span><span class="tie-date">'
            '<i class="fa fa-clock-o"></i>March 3, 2020</span></p>'
        ),
        ["Jane Doe"],
    ),
    "wp soledad": (
        page(
            '<article class="post type-post"><div class="header-standard header-classic '
            'single-header"><div class="penci-standard-cat"><span class="cat"><a class='
            '"penci-cat-name" href="/c/town/">Town</a></span></div><h1 class="post-title '
            f'single-post-title entry-title">{TITLE}</h1><div class="post-box-meta-single">'
            '<span class="author-post byline"><span class="author vcard">written by <a '
            'class="author-url url fn n" href="/author/jane/">Jane Doe</a></span></span>'
            f'<span>{_DATE}</span></div></div><div class="post-entry">{BODY}</div></article>'
        ),
        ["Jane Doe"],
    ),
    "wp hello elementor post-info": (
        page(
            '<div class="elementor elementor-99"><div class="elementor-element elementor-'
            'widget elementor-widget-theme-post-title"><div class="elementor-widget-container">'
            f'<h1 class="elementor-heading-title elementor-size-default">{TITLE}</h1></div>'
            '</div><div class="elementor-element elementor-widget elementor-widget-post-info">'
            '<div class="elementor-widget-container"><ul class="elementor-inline-items '
            'elementor-icon-list-items elementor-post-info"><li class="elementor-icon-list-'
            'item elementor-inline-item" itemprop="author"><a href="/author/jane/"><span '
            'class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-user-circle">'
            '</i></span><span class="elementor-icon-list-text elementor-post-info__item '
            'elementor-post-info__item--type-author">Jane Doe</span></a></li><li class='
            '"elementor-icon-list-item elementor-inline-item" itemprop="datePublished"><span '
            'class="elementor-icon-list-text elementor-post-info__item elementor-post-info__'
            'item--type-date">March 3, 2020</span></li></ul></div></div><div class="elementor-'
            'element elementor-widget elementor-widget-theme-post-content"><div class='
            f'"elementor-widget-container">{BODY}</div></div></div>'
        ),
        ["Jane Doe"],
    ),
    "wp twenty nineteen": (
        _wp(
            '<div class="entry-meta"><span class="byline"><svg class="svg-icon"></svg><span '
            'class="screen-reader-text">Posted by</span><span class="author vcard">'
            f'{_WP_LINK}</span></span><span class="posted-on"><svg class="svg-icon"></svg>'
            f'<a href="{URL}" rel="bookmark">{_DATE}</a></span></div>'
        ),
        ["Jane Doe"],
    ),
    "wp twenty seventeen": (
        _wp(
            '<div class="entry-meta"><span class="posted-on"><span class="screen-reader-text">'
            f'Posted on</span> <a href="{URL}" rel="bookmark">{_DATE}</a></span><span class='
            f'"byline"> by <span class="author vcard">{_WP_LINK}</span></span></div>',
            before=True,
        ),
        ["Jane Doe"],
    ),
    "wp twenty twenty": (
        _wp(
            '<div class="post-meta-wrapper post-meta-single post-meta-single-top"><ul class='
            '"post-meta"><li class="post-author meta-wrapper"><span class="meta-icon"><span '
            'class="screen-reader-text">Post author</span><svg class="svg-icon"></svg></span>'
            '<span class="meta-text">By <a href="/author/jane/">Jane Doe</a></span></li><li '
            'class="post-date meta-wrapper"><span class="meta-icon"><span class="screen-reader'
            f'-text">Post date</span></span><span class="meta-text"><a href="{URL}">March 3, '
            "2020</a></span></li></ul></div>"
        ),
        ["Jane Doe"],
    ),
    "wp twenty twenty-one": (
        _wp(
            "",
            footer=(
                '<div class="posted-by"><span class="posted-on">Published <time class="entry-'
                'date published updated" datetime="2020-03-03T10:00:00+00:00">March 3, 2020'
                '</time></span><span class="byline">By <a href="/author/jane/" rel="author">'
                'Jane Doe</a></span></div><div class="post-taxonomies"><span class="cat-links">'
                'Categorized as <a href="/c/town/" rel="category tag">Town</a></span></div>'
            ),
        ),
        ["Jane Doe"],
    ),
    "wp block theme post-author": (
        page(
            '<div class="wp-site-blocks"><main class="wp-block-group"><h1 class="wp-block-post-'
            f'title">{TITLE}</h1><div class="wp-block-post-author"><div class="wp-block-post-'
            'author__avatar"><img alt="" src="/a.jpg" class="avatar avatar-48"></div><div '
            'class="wp-block-post-author__content"><p class="wp-block-post-author__name">Jane '
            'Doe</p></div></div><div class="wp-block-post-date"><time datetime="2020-03-03">'
            'March 3, 2020</time></div><div class="entry-content wp-block-post-content">'
            f"{BODY}</div></main></div>"
        ),
        ["Jane Doe"],
    ),
    "wp block theme post-author-name": (
        page(
            '<div class="wp-site-blocks"><main class="wp-block-group"><h1 class="wp-block-post-'
            f'title">{TITLE}</h1><div class="wp-block-group is-layout-flex"><p class="has-small-'
            'font-size">Written by </p><div class="wp-block-post-author-name has-small-font-'
            'size"><a href="/author/jane/" target="_self" class="wp-block-post-author-name__'
            'link">Jane Doe</a></div><p class="has-small-font-size">in</p><div class="taxonomy-'
            'category wp-block-post-terms"><a href="/c/town/" rel="tag">Town</a></div></div>'
            f'<div class="entry-content wp-block-post-content">{BODY}</div></main></div>'
        ),
        ["Jane Doe"],
    ),
    "wp genesis": (
        _wp(
            '<p class="entry-meta"><time class="entry-time" itemprop="datePublished" datetime='
            '"2020-03-03T10:00:00+00:00">March 3, 2020</time> by <span class="entry-author" '
            'itemprop="author"><a href="/author/jane/" class="entry-author-link" itemprop='
            '"url" rel="author"><span class="entry-author-name" itemprop="name">Jane Doe</span>'
            '</a></span> <span class="entry-comments-link"><a href="#respond">Leave a Comment'
            "</a></span></p>"
        ),
        ["Jane Doe"],
    ),
    "wp neve": (
        _wp(
            '<div class="nv-meta-list"><ul class="nv-meta-list"><li class="meta author vcard">'
            '<span class="author-name fn">by <a href="/author/jane/" title="Posts by Jane Doe" '
            'rel="author">Jane Doe</a></span></li><li class="meta date posted-on">'
            f"{_DATE}</li></ul></div>"
        ),
        ["Jane Doe"],
    ),
    "wp blocksy": (
        _wp(
            '<ul class="entry-meta" data-type="simple:slash"><li class="meta-author" itemprop='
            '"author"><a class="ct-meta-element-author" href="/author/jane/" title="Posts by '
            'Jane Doe" rel="author" itemprop="url"><span itemprop="name">Jane Doe</span></a>'
            f'</li><li class="meta-date">{_DATE}</li></ul>'
        ),
        ["Jane Doe"],
    ),
    "wp hestia": (
        _wp(
            '<h4 class="author">Published by <a href="/author/jane/" class="vcard author">'
            f'<strong class="fn">Jane Doe</strong></a> on {_DATE}</h4>'
        ),
        ["Jane Doe"],
    ),
    "wp mh magazine": (
        _wp(
            '<p class="entry-meta"><span class="entry-meta-date updated"><i class="fa fa-clock'
            '-o"></i><a href="/2020/03/">March 3, 2020</a></span><span class="entry-meta-author'
            ' author vcard"><i class="fa fa-user"></i><a class="fn" href="/author/jane/">Jane '
            "Doe</a></span></p>"
        ),
        ["Jane Doe"],
    ),
}
