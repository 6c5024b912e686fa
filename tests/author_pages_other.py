"""The byline catalog's other engines (``author_catalog``): Blogger, static site generators,
Ghost, hosted builders, Drupal, Joomla, TYPO3, and plain German and co-author bylines, each
as its template prints the post header (made up; no page is copied)."""

from __future__ import annotations

from author_pages_wp import BODY, TITLE, URL, page


def _blogger(byline: str, title: str = "h3") -> str:
    """Blogger's 2017 themes (Contempo, Soho, Emporio, Notable) keep the whole post column
    in ``div.widget.Blog``; the byline sits in the post header or footer."""
    return page(
        '<div class="section" id="page_body"><div class="widget Blog" data-version="2" id='
        '"Blog1"><div class="blog-posts hfeed container"><article class="post-outer-container">'
        '<div class="post-outer"><div class="post"><a name="123"></a><' + title + ' class="post-'
        f'title entry-title">{TITLE}</{title}><div class="post-header"><div class="post-header-'
        f'line-1">{byline}<span class="byline post-timestamp"><meta content="{URL}"><a class='
        f'"timestamp-link" href="{URL}" rel="bookmark"><time class="published" datetime="2020-'
        '03-03T10:00:00Z">March 03, 2020</time></a></span></div></div><div class="post-body '
        f'entry-content float-container">{BODY}</div></div></div></article></div></div></div>',
        sidebar='<aside class="sidebar-container"><div class="widget Profile"><h3 class='
        '"title">About Me</h3><a class="profile-name-link g-profile" href="https://www.blogger'
        '.com/profile/1">Jane Doe</a></div></aside>',
    )


_BLOGGER_BYLINE = (
    '<span class="byline post-author vcard"><span class="byline-label">By</span><span class='
    '"fn"><meta content="https://www.blogger.com/profile/1"><a class="g-profile" href="https:'
    '//www.blogger.com/profile/1" title="author profile"><span>Jane Doe</span></a></span></span>'
)


def _header(inner: str, body: str = BODY) -> str:
    return page(
        f'<article class="post"><header class="post-header">{inner}</header>'
        f'<div class="post-content">{body}</div></article>'
    )


def _german(line: str) -> str:
    """A German news site's article: the byline as a plain paragraph under the teaser."""
    return page(
        f'<article class="artikel"><h1>{TITLE}</h1><p class="teaser"><strong>Die Stadt '
        "spart, die Bücherei bleibt: Der Rat stimmt knapp dafür.</strong></p>"
        f'{line}<p class="datum">03.03.2020, 10:00 Uhr</p><div class="text">{BODY}</div>'
        "</article>",
        lang="de",
    )


OTHER: dict[str, tuple[str, list[str]]] = {
    "blogger contempo": (_blogger(_BLOGGER_BYLINE), ["Jane Doe"]),
    "blogger emporio": (_blogger(_BLOGGER_BYLINE.replace("span", "div", 1), "h1"), ["Jane Doe"]),
    "blogger simple 2015": (
        _blogger(
            '<span class="post-author vcard">Posted by <span class="fn" itemprop="author">'
            '<a class="g-profile" href="https://www.blogger.com/profile/1" rel="author" title='
            '"author profile"><span itemprop="name">Jane Doe</span></a></span></span>'
        ),
        ["Jane Doe"],
    ),
    "hugo papermod": (
        _header(
            f'<h1 class="post-title entry-hint-parent">{TITLE}</h1><div class="post-meta"><span'
            " title='2020-03-03 10:00:00 +0000 UTC'>March 3, 2020</span>&nbsp;·&nbsp;4 min"
            "&nbsp;·&nbsp;Jane Doe</div>"
        ),
        ["Jane Doe"],
    ),
    "hugo ananke": (
        _header(
            '<aside class="instapaper_ignoref b helvetica tracked">POSTS</aside><h1 class="f1 '
            f'athelas mt3 mb1">{TITLE}</h1><p class="tracked">By <strong>Jane Doe</strong></p>'
            '<time class="f6 mv4 dib tracked" datetime="2020-03-03T10:00:00Z">March 3, 2020'
            "</time>"
        ),
        ["Jane Doe"],
    ),
    "hugo mainroad": (
        _header(
            f'<h1 class="entry__title">{TITLE}</h1><div class="entry__meta meta mb"><div class='
            '"meta__item-author meta__item"><svg class="meta__icon icon icon-author"></svg>'
            '<span class="meta__text">Jane Doe</span></div><div class="meta__item-datetime '
            'meta__item"><svg class="meta__icon icon icon-time"></svg><time class="meta__text" '
            'datetime="2020-03-03T10:00:00Z">2020-03-03</time></div></div>'
        ),
        ["Jane Doe"],
    ),
    "jekyll minima": (
        _header(
            f'<h1 class="post-title p-name" itemprop="name headline">{TITLE}</h1><p class='
            '"post-meta"><time class="dt-published" datetime="2020-03-03T10:00:00+00:00" '
            'itemprop="datePublished">Mar 3, 2020</time> • <span itemprop="author"><span class='
            '"p-author h-card" itemprop="name">Jane Doe</span></span></p>'
        ),
        ["Jane Doe"],
    ),
    "ghost casper 3": (
        page(
            '<article class="post-full post"><header class="post-full-header"><h1 class="post-'
            f'full-title">{TITLE}</h1><div class="post-full-byline"><section class="post-full-'
            'byline-content"><ul class="author-list"><li class="author-list-item"><div class='
            '"author-card"><div class="author-info"><div class="bio"><h2>Jane Doe</h2><p>Jane '
            'writes about the town.</p></div></div></div><a href="/author/jane/" class="author-'
            'avatar"><img class="author-profile-image" src="/j.jpg" alt="Jane Doe"></a></li></ul>'
            '<section class="post-full-byline-meta"><h4 class="author-name"><a href="/author/'
            'jane/">Jane Doe</a></h4><div class="byline-meta-content"><time class="byline-meta-'
            'date" datetime="2020-03-03">3 March 2020</time><span class="byline-reading-time">'
            '<span class="bull">&bull;</span> 4 min read</span></div></section></section></div>'
            f'</header><section class="post-full-content"><div class="post-content">{BODY}</div>'
            "</section></article>"
        ),
        ["Jane Doe"],
    ),
    "ghost casper 5 co-authors": (
        page(
            '<article class="article post"><header class="article-header gh-canvas"><h1 class='
            f'"article-title">{TITLE}</h1><div class="article-byline"><section class="article-'
            'byline-content"><ul class="author-list"><li class="author-list-item"><a href="/'
            'author/jane/" class="author-avatar"><img class="author-profile-image" src="/j.jpg" '
            'alt="Jane Doe"></a></li></ul><div class="article-byline-meta"><h4 class="author-'
            'name"><a href="/author/jane/">Jane Doe</a>, <a href="/author/john/">John Roe</a>'
            '</h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="2020'
            '-03-03">Mar 3, 2020</time></div></div></section></div></header><section class='
            f'"gh-content gh-canvas">{BODY}</section></article>'
        ),
        # one link per author: two people, each with the URL of their page (author9)
        ["Jane Doe", "John Roe"],
    ),
    "ghost source": (
        page(
            '<article class="gh-article post"><header class="gh-article-header gh-canvas"><h1 '
            f'class="gh-article-title">{TITLE}</h1><div class="gh-article-meta"><div class="gh-'
            'article-author-image"><a href="/author/jane/"><img class="author-profile-image" src'
            '="/j.jpg" alt="Jane Doe"></a></div><div class="gh-article-meta-wrapper"><h4 class='
            '"gh-article-author-name"><a href="/author/jane/">Jane Doe</a></h4><div class="gh-'
            'article-meta-content"><time class="gh-article-meta-date" datetime="2020-03-03">Mar '
            '3, 2020</time></div></div></div></header><section class="gh-content gh-canvas">'
            f"{BODY}</section></article>"
        ),
        ["Jane Doe"],
    ),
    "medium 2018": (
        page(
            '<article><div class="section-content"><div class="section-inner"><div class="u-'
            'paddingTop10"><div class="postMetaInline postMetaInline-authorLockup ui-caption'
            'Strong u-flex1"><a class="ds-link ds-link--styleSubtle link link--darken" href="'
            'https://medium.com/@janedoe" data-action="show-user-card" dir="auto">Jane Doe</a>'
            '<button class="button button--smallest">Follow</button><div class="ui-caption '
            'postMetaInline js-testPostMetaInlineSupplemental"><time datetime="2020-03-03">Mar '
            f'3, 2020</time> · 4 min read</div></div></div><h1 class="graf graf--h3">{TITLE}</h1>'
            f"{BODY}</div></div></article>"
        ),
        ["Jane Doe"],
    ),
    "medium 2021": (
        page(
            f'<article><div class="l"><h1 class="pw-post-title">{TITLE}</h1><div class="pw-'
            'author"><div class="ab q"><a href="/@janedoe?source=post_page" rel="noopener"><img '
            'alt="Jane Doe" class="l ec" src="/j.jpg"></a></div><div class="ab q"><span class='
            '"be b bf z bj"><a class="af ag ah ai" data-testid="authorName" href="/@janedoe?'
            'source=post_page">Jane Doe</a></span><span><button class="bd b">Follow</button>'
            '</span></div><div class="ab"><span data-testid="storyReadTime">4 min read</span>'
            '<span data-testid="storyPublishDate">Mar 3, 2021</span></div></div>'
            f"<section>{BODY}</section></div></article>"
        ),
        ["Jane Doe"],
    ),
    "substack": (
        page(
            '<article class="typography newsletter-post post"><div class="post-header"><h1 '
            f'class="post-title unpublished">{TITLE}</h1><h3 class="subtitle">The vote was '
            'close</h3><div class="pencraft pc-display-flex pc-gap-12 pc-alignItems-center">'
            '<div class="pencraft pc-display-flex pc-gap-4"><div class="pencraft pc-reset '
            "color-pub-primary-text-NyXPlw font-meta-MWBumP size-11-NuY2Zx transform-uppercase"
            '-yKDgcq meta-EgzBVA"><span data-state="closed"><a href="https://substack.com/'
            '@janedoe" class="pencraft pc-reset decoration-hover-underline-ClDVRM">Jane Doe</a>'
            '</span></div><div class="pencraft pc-reset color-pub-secondary-text-hGQ02T meta-'
            'EgzBVA">Mar 03, 2021</div></div></div></div><div class="available-content"><div '
            f'class="body markup">{BODY}</div></div></article>'
        ),
        ["Jane Doe"],
    ),
    "squarespace 7": (
        page(
            '<article class="BlogItem hentry"><div class="BlogItem-meta"><a href="/blog?author='
            '5abc" class="Blog-meta-item Blog-meta-item--author">Jane Doe</a><time class="Blog-'
            'meta-item Blog-meta-item--date" datetime="2020-03-03">March 3, 2020</time></div>'
            f'<h1 class="BlogItem-title" data-content-field="title">{TITLE}</h1><div class='
            f'"sqs-layout">{BODY}</div></article>'
        ),
        ["Jane Doe"],
    ),
    "squarespace 7.1": (
        page(
            '<article class="entry h-entry"><div class="blog-item-top-wrapper"><div class="'
            f'blog-item-title"><h1 class="entry-title" data-content-field="title">{TITLE}</h1>'
            '</div><div class="blog-item-meta-wrapper"><div class="blog-meta-item blog-meta-'
            'item--author"><a href="/blog?author=5abc" class="blog-author">Jane Doe</a></div>'
            '<div class="blog-meta-item blog-meta-item--date"><time class="dt-published" '
            'datetime="2020-03-03">March 3</time></div></div></div><div class="blog-item-'
            f'content e-content">{BODY}</div></article>'
        ),
        ["Jane Doe"],
    ),
    "wix blog": (
        page(
            '<article data-hook="post"><div data-hook="post-header"><div class="_3x"><span '
            'data-hook="avatar-image"><img src="/j.jpg" alt=""></span><span data-hook="user-'
            'name" class="tQ0Q1A"><span>Jane Doe</span></span><ul class="_2s"><li><span data-'
            'hook="time-ago" title="Mar 3, 2020">Mar 3, 2020</span></li><li><span data-hook="'
            'time-to-read">2 min read</span></li></ul></div></div><h1 data-hook="post-title" '
            f'class="blog-post-title-font">{TITLE}</h1><div data-hook="post-description">{BODY}'
            "</div></article>"
        ),
        ["Jane Doe"],
    ),
    "drupal olivero": (
        page(
            '<article class="node node--type-article node--view-mode-full"><header class="'
            f'node__header"><h1 class="title page-title"><span class="field field--name-title">'
            f'{TITLE}</span></h1><div class="node__meta"><div><span>By <span class="field '
            'field--name-uid field--type-entity-reference field--label-hidden"><a title="View '
            'user profile." href="/user/3" class="username">Jane Doe</a></span></span>, <span '
            'class="field field--name-created">3 March, 2020</span></div></div></header><div '
            f'class="node__content"><div class="text-content field--name-body">{BODY}</div>'
            "</div></article>"
        ),
        ["Jane Doe"],
    ),
    "drupal bartik": (
        page(
            f'<h1 class="js-quickedit-page-title title page-title"><span>{TITLE}</span></h1>'
            '<article class="node node--type-article is-promoted node--view-mode-full"><div '
            'class="node__meta"><article typeof="schema:Person" class="profile"></article><span>'
            'Submitted by <span class="field field--name-uid field--type-entity-reference '
            'field--label-hidden"><span lang="" typeof="schema:Person" property="schema:name">'
            'Jane Doe</span></span> on <span class="field field--name-created">Tue, 03/03/2020'
            ' - 10:00</span></span></div><div class="node__content clearfix"><div class="'
            f'field field--name-body">{BODY}</div></div></article>'
        ),
        ["Jane Doe"],
    ),
    "joomla 4 cassiopeia": (
        page(
            '<div class="com-content-article item-page"><div class="page-header"><h1>'
            f'{TITLE}</h1></div><dl class="article-info text-muted"><dt class="article-info-'
            'term">Details</dt><dd class="createdby"><span class="icon-user icon-fw" aria-'
            'hidden="true"></span>Written by: <span>Jane Doe</span></dd><dd class="category-'
            'name"><span class="icon-folder-open icon-fw"></span>Category: <a href="/town">Town'
            '</a></dd><dd class="published"><span class="icon-calendar icon-fw"></span><time '
            'datetime="2020-03-03T10:00:00+00:00">Published: 03 March 2020</time></dd></dl><div '
            f'class="com-content-article__body">{BODY}</div></div>'
        ),
        ["Jane Doe"],
    ),
    "typo3 news": (
        page(
            '<div class="news news-single"><div class="article"><div class="header"><h1>'
            f'{TITLE}</h1></div><div class="footer"><p><span class="news-list-date"><time '
            'datetime="2020-03-03">03.03.2020</time></span><span class="news-list-category">'
            'Stadt</span><span class="news-list-author">von Jana Müller</span></p></div><div '
            f'class="news-text-wrap">{BODY}</div></div></div>',
            lang="de",
        ),
        ["Jana Müller"],
    ),
    "german von": (_german("<p>Von Jana Müller</p>"), ["Jana Müller"]),
    "german autor": (_german("<p>Autor: Jana Müller</p>"), ["Jana Müller"]),
    "german text": (_german("<p>Text: Jana Müller | Fotos: Max Kurz</p>"), ["Jana Müller"]),
    "german ein beitrag von": (_german("<p>Ein Beitrag von Jana Müller</p>"), ["Jana Müller"]),
    "german und": (_german("<p>Von Jana Müller und Max Kurz</p>"), ["Jana Müller und Max Kurz"]),
    "german follow button": (
        _german(
            '<div class="autor-box"><a href="/autoren/jana-mueller/">Jana Müller</a><span '
            'class="autor-name">Jana Müller</span><button class="btn-follow">Folge mir</button>'
            "</div>"
        ),
        ["Jana Müller"],
    ),
    "german gastbeitrag": (_german("<p>Ein Gastbeitrag von Jana Müller</p>"), ["Jana Müller"]),
    "german veröffentlicht von am": (
        _german("<p>Veröffentlicht von Jana Müller am 3. März 2020</p>"),
        ["Jana Müller"],
    ),
    "german name | date": (_german("<p>Jana Müller | 3. März 2020</p>"), ["Jana Müller"]),
    "german von, date": (_german("<p>Von Jana Müller, 03.03.2020</p>"), ["Jana Müller"]),
    "german foto then text": (
        _german("<p>Foto: Max Kurz</p><p>Text: Jana Müller</p>"),
        ["Jana Müller"],
    ),
    "french par le": (
        _header(f"<h1>{TITLE}</h1><p class='meta'>Par Jeanne Dupont, le 3 mars 2020</p>"),
        ["Jeanne Dupont"],
    ),
    "spanish por": (
        _header(f"<h1>{TITLE}</h1><p class='meta'>Por Ana López | 3 de marzo de 2020</p>"),
        ["Ana López"],
    ),
    "jekyll clean blog": (
        page(
            '<header class="masthead"><div class="post-heading"><h1>' + TITLE + "</h1><h2 "
            'class="subheading">The vote was close</h2><span class="meta">Posted by <a href='
            '"/about/">Jane Doe</a> on March 3, 2020</span></div></header><article><div '
            f'class="container">{BODY}</div></article>'
        ),
        ["Jane Doe"],
    ),
    "hugo hello-friend": (
        _header(
            f'<h1 class="post-title">{TITLE}</h1><div class="post-meta"><time class="post-date"'
            '>2020-03-03</time><span class="post-author">Jane Doe</span><span class="post-'
            'reading-time">4 min read (800 words)</span></div>'
        ),
        ["Jane Doe"],
    ),
    "hexo next": (
        _header(
            f'<h1 class="post-title" itemprop="name headline">{TITLE}</h1><div class="post-'
            'meta"><span class="post-meta-item"><span class="post-meta-item-icon"><i class="far'
            ' fa-calendar"></i></span><span class="post-meta-item-text">Posted on</span> <time '
            'title="Created: 2020-03-03 10:00:00" datetime="2020-03-03T10:00:00+01:00">2020-03-'
            '03</time></span><span class="post-meta-item"><span class="post-meta-item-icon"><i '
            'class="far fa-user"></i></span><span class="post-meta-item-text">Author</span> '
            "<span>Jane Doe</span></span></div>"
        ),
        ["Jane Doe"],
    ),
    "ghost casper 2 author card": (
        page(
            '<article class="post-full post"><header class="post-full-header"><section class='
            '"post-full-meta"><time class="post-full-meta-date" datetime="2019-03-03">3 March '
            f'2019</time></section><h1 class="post-full-title">{TITLE}</h1></header><section '
            f'class="post-full-content"><div class="post-content">{BODY}</div></section><footer '
            'class="post-full-footer"><section class="author-card"><img class="author-profile-'
            'image" src="/j.jpg" alt="Jane Doe"><section class="author-card-content"><h4 class='
            '"author-card-name"><a href="/author/jane/">Jane Doe</a></h4><p>Read <a href="/author'
            '/jane/">more posts</a> by this author.</p></section></section><div class="post-full'
            '-footer-right"><a class="author-card-button" href="/author/jane/">Read More</a></div>'
            "</footer></article>"
        ),
        ["Jane Doe"],
    ),
    "substack 2020": (
        page(
            f'<article class="post"><div class="post-header"><h1 class="post-title">{TITLE}</h1>'
            '<div class="post-meta post-header-meta"><table class="post-meta-item author-widget">'
            '<tr><td class="post-meta-item author-widget-avatar"><a href="https://substack.com/'
            'profile/123-jane-doe"><img src="/j.jpg" alt=""></a></td><td class="post-meta-item">'
            '<div class="profile-hover-wrapper"><a class="frontend-pencraft-Text-module__'
            'decoration-hover-underline--BEYAn" href="https://substack.com/profile/123-jane-doe">'
            'Jane Doe</a></div><div class="post-date"><time datetime="2020-03-03">Mar 3, 2020'
            f'</time></div></td></tr></table></div></div><div class="body markup">{BODY}</div>'
            "</article>"
        ),
        ["Jane Doe"],
    ),
    "joomla 3 protostar": (
        page(
            '<div class="item-page"><div class="page-header"><h2 itemprop="headline">'
            f'{TITLE}</h2></div><dl class="article-info muted"><dt class="article-info-term">'
            'Details</dt><dd class="createdby" itemprop="author"><span class="icon-user" aria-'
            'hidden="true"></span> Geschrieben von <span itemprop="name">Jana Müller</span></dd>'
            '<dd class="published"><span class="icon-calendar"></span> <time datetime="2020-03-'
            '03T10:00:00+00:00">Veröffentlicht: 03. März 2020</time></dd></dl><div itemprop='
            f'"articleBody">{BODY}</div></div>',
            lang="de",
        ),
        ["Jana Müller"],
    ),
    "hubspot blog": (
        page(
            '<div class="blog-post"><h1><span id="hs_cos_wrapper_name">' + TITLE + "</span></h1>"
            '<div class="blog-post__meta"><a class="blog-post__author" href="/blog/author/jane-'
            'doe"><img class="blog-post__author-image" src="/j.jpg" alt="Jane Doe"></a><a href="'
            '/blog/author/jane-doe">Jane Doe</a><time class="blog-post__timestamp">Mar 3, 2020'
            f'</time></div><div class="blog-post__body">{BODY}</div></div>'
        ),
        ["Jane Doe"],
    ),
    "co-authors by a, b and c": (
        _header(f"<h1>{TITLE}</h1><p class='meta'>By Jane Doe, John Roe and Ann Poe</p>"),
        ["Jane Doe, John Roe and Ann Poe"],
    ),
    "co-authors a & b": (
        _header(f"<h1>{TITLE}</h1><p class='meta'>By Jane Doe &amp; John Roe</p>"),
        ["Jane Doe & John Roe"],
    ),
}
