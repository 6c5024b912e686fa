"""Render any path of a generated ``Site`` as WordPress (Twenty Eleven-like) would serve it.

``render(site, target, base)`` is pure: the server calls it per request with its own base
URL, so links are absolute as on a real WordPress site. Markup follows core WordPress
(``article.hentry``, ``ol.commentlist`` / ``ol.children``, ``comment-page-N``, "Older
Comments" links, ``rel=next``, ``<link rel="https://api.w.org/">``) so that the crawler and
the parsers meet what they will meet in the wild.
"""

from __future__ import annotations

import gzip
import html
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from ._assets import STYLESHEET, logo_path, post_image_path, render_asset
from ._site import Site, SiteComment, SitePost, author_slug

__all__ = ["Response", "render"]

_HTML = "text/html; charset=UTF-8"


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


def _ok(body: str | bytes, ctype: str = _HTML, status: int = 200, **extra: str) -> Response:
    data = body.encode("utf-8") if isinstance(body, str) else body
    headers = [("Content-Type", ctype)]
    headers += [(k.replace("_", "-"), v) for k, v in extra.items()]
    return Response(status, tuple(headers), data)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _page(site: Site, base: str, title: str, main: str, head: str = "") -> str:
    api = f'<link rel="https://api.w.org/" href="{base}/wp-json/">' if site.spec.wp_json else ""
    private = "".join(f'<li><a href="{base}{p}">Members</a></li>' for p in site.private_paths())
    filler = ""
    if site.spec.filler_bytes:
        para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 8
        filler = "<aside class='widget'>" + f"<p>{para}</p>" * (
            site.spec.filler_bytes // len(para) + 1
        )
        filler += "</aside>"
    style = logo = ""
    if site.spec.assets:
        style = f'<link rel="stylesheet" id="twentyeleven-style" href="{base}{STYLESHEET}">'
        logo = f'<img class="site-logo" src="{base}{logo_path()}" alt="" width="48" height="16">'
    cats = "".join(
        f'<li class="cat-item"><a href="{base}/category/{c}/">{c.title()}</a></li>'
        for c in sorted({p.category for p in site.posts})
    )
    return (
        '<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8">'
        f"<title>{_e(title)} | Test Blog</title>"
        f'<link rel="alternate" type="application/rss+xml" title="Test Blog &raquo; Feed" '
        f'href="{base}/feed/">{api}{style}{head}</head>'
        f'<body class="blog"><div id="page" class="hfeed"><header id="branding">'
        f'<h1 id="site-title"><a href="{base}/" rel="home">{logo}Test Blog</a></h1>'
        f'<nav id="access"><ul class="menu"><li><a href="{base}/">Home</a></li>{private}</ul></nav>'
        f'</header><div id="main"><div id="primary"><div id="content" role="main">{main}'
        "</div></div>"
        f'<div id="secondary" class="widget-area"><ul>{cats}</ul>{filler}</div></div></div>'
        "</body></html>\n"
    )


def _summary(base: str, post: SitePost) -> str:
    return (
        f'<article id="post-{post.id}" class="post-{post.id} post type-post hentry">'
        f'<header class="entry-header"><h2 class="entry-title"><a href="{base}{post.path}" '
        f'rel="bookmark">{_e(post.title)}</a></h2><div class="entry-meta">'
        f'<time class="entry-date" datetime="{post.published.isoformat()}">'
        f"{post.published:%B %d, %Y}</time></div></header>"
        f'<div class="entry-summary"><p>{_e(post.paragraphs[0])}</p></div>'
        f'<footer class="entry-meta"><a href="{base}{post.path}#comments">Comments</a> '
        f'<a href="{base}{post.path}?utm_source=home&amp;utm_medium=web">Share</a>'
        "</footer></article>"
    )


def _listing(site: Site, base: str, prefix: str, posts: list[SitePost], n: int) -> Response | None:
    pages = site.pages_for(posts)
    if n < 1 or n > pages:
        return None
    per = site.spec.posts_per_page
    body = "".join(_summary(base, p) for p in posts[(n - 1) * per : n * per])
    head, nav = "", ""
    if n < pages:
        head += f'<link rel="next" href="{base}{prefix}page/{n + 1}/">'
        nav += f'<div class="nav-previous"><a href="{base}{prefix}page/{n + 1}/">'
        nav += '<span class="meta-nav">&larr;</span> Older posts</a></div>'
    if n > 1:
        newer = f"{base}{prefix}" if n == 2 else f"{base}{prefix}page/{n - 1}/"
        head += f'<link rel="prev" href="{newer}">'
        nav += f'<div class="nav-next"><a href="{newer}">Newer posts '
        nav += '<span class="meta-nav">&rarr;</span></a></div>'
    main = body + f'<nav id="nav-below"><h3 class="assistive-text">Post navigation</h3>{nav}</nav>'
    return _ok(_page(site, base, "Blog", main, head))


def _comment(base: str, post: SitePost, c: SiteComment, kids: str) -> str:
    children = f'<ol class="children">{kids}</ol>' if kids else ""
    return (
        f'<li class="comment depth-{c.depth + 1}" id="li-comment-{c.id}">'
        f'<article id="comment-{c.id}" class="comment"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><span class="fn">{_e(c.author)}</span> on '
        f'<a href="{base}{post.path}#comment-{c.id}"><time datetime="{c.published.isoformat()}">'
        f'{c.published:%B %d, %Y at %H:%M}</time></a> <span class="says">said:</span></div>'
        f'</footer><div class="comment-content"><p>{_e(c.text)}</p></div>'
        f'<div class="reply"><a class="comment-reply-link" rel="nofollow" '
        f'href="{base}{post.path}?replytocom={c.id}#respond">Reply</a></div></article>'
        f"{children}</li>"
    )


def _comment_list(base: str, post: SitePost, comments: list[SiteComment]) -> str:
    ids = {c.id for c in comments}
    kids: dict[int, list[SiteComment]] = {}
    for c in comments:
        kids.setdefault(c.parent if c.parent in ids else 0, []).append(c)

    def walk(c: SiteComment) -> str:
        return _comment(base, post, c, "".join(walk(k) for k in kids.get(c.id, [])))

    return '<ol class="commentlist">' + "".join(walk(c) for c in kids.get(0, [])) + "</ol>"


def _comment_nav(site: Site, base: str, post: SitePost, n: int, where: str) -> str:
    count = site.comment_page_count(post)
    if count <= 1:
        return ""
    links = ""

    def href(k: int) -> str:  # WordPress links the default page by the plain permalink
        if k == site.default_comment_page(post):
            return f"{base}{post.path}#comments"
        return f"{base}{post.path}comment-page-{k}/#comments"

    if n > 1:
        links += f'<div class="nav-previous"><a href="{href(n - 1)}">'
        links += "&larr; Older Comments</a></div>"
    if n < count:
        links += f'<div class="nav-next"><a href="{href(n + 1)}">'
        links += "Newer Comments &rarr;</a></div>"
    title = '<h1 class="assistive-text">Comment navigation</h1>'
    return f'<nav id="comment-nav-{where}">{title}{links}</nav>'


def _post(site: Site, base: str, post: SitePost, page: int | None) -> Response | None:
    count = site.comment_page_count(post)
    n = site.default_comment_page(post) if page is None else page
    if page is not None and not 1 <= page <= count:
        return None
    comments = site.comment_page(post, n) if count else []
    url = f"{base}{post.path}" + (f"comment-page-{page}/" if page else "")
    number = len(post.comments)
    heading = "One thought on" if number == 1 else f"{number} thoughts on"
    thread = ""
    if number:
        thread = (
            f'<div id="comments"><h2 id="comments-title">{heading} &ldquo;<span>{_e(post.title)}'
            f"</span>&rdquo;</h2>{_comment_nav(site, base, post, n, 'above')}"
            f"{_comment_list(base, post, comments)}"
            f"{_comment_nav(site, base, post, n, 'below')}</div>"
        )
    body = "".join(f"<p>{_e(p)}</p>" for p in post.paragraphs)
    if site.spec.assets:
        src = f"{base}{post_image_path(post.id)}"
        body += f'<figure class="wp-block-image"><img src="{src}" alt=""></figure>'
    main = (
        f'<article id="post-{post.id}" class="post-{post.id} post type-post status-publish hentry">'
        f'<header class="entry-header"><h1 class="entry-title">{_e(post.title)}</h1>'
        f'<div class="entry-meta"><span class="sep">Posted on </span><a href="{base}{post.path}" '
        f'rel="bookmark"><time class="entry-date" datetime="{post.published.isoformat()}">'
        f'{post.published:%B %d, %Y}</time></a><span class="by-author"> by <span class="author '
        f'vcard"><a class="url fn n" href="{base}/author/{author_slug(post.author)}/" rel="author">'
        f"{_e(post.author)}</a></span></span></div></header>"
        f'<div class="entry-content">{body}</div>'
        '<footer class="entry-meta">This entry was posted in '
        f'<a href="{base}/category/{post.category}/" rel="category tag">{post.category.title()}</a>'
        f"</footer></article>{thread}"
    )
    head = f'<link rel="canonical" href="{url}">'
    api = f"{base}/wp-json/wp/v2/posts/{post.id}"
    head += f'<link rel="alternate" type="application/json" href="{api}">'
    return _ok(_page(site, base, post.title, main, head))


def _feed(site: Site, base: str) -> Response:
    items = "".join(
        f"<item><title>{_e(p.title)}</title><link>{base}{p.path}</link>"
        f"<pubDate>{p.published:%a, %d %b %Y %H:%M:%S +0000}</pubDate>"
        f'<guid isPermaLink="false">{base}/?p={p.id}</guid></item>'
        for p in site.posts[: site.spec.feed_items]
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Test Blog</title><link>{base}</link>{items}</channel></rss>"
    )
    return _ok(xml, "application/rss+xml; charset=UTF-8")


def _sitemap_name(site: Site, n: int) -> str:
    return f"/wp-sitemap-posts-post-{n}.xml" + (".gz" if site.spec.gzip_sitemaps else "")


def _sitemaps(site: Site, base: str, path: str) -> Response | None:
    size = site.spec.sitemap_max_urls
    count = max(1, (len(site.posts) + size - 1) // size)
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if path == "/wp-sitemap.xml":
        subs = [_sitemap_name(site, n) for n in range(1, count + 1)]
        subs.append("/wp-sitemap-taxonomies-category-1.xml")
        locs = "".join(f"<sitemap><loc>{base}{s}</loc></sitemap>" for s in subs)
        return _ok(
            f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex {ns}>{locs}</sitemapindex>',
            "application/xml; charset=UTF-8",
        )
    if path == "/wp-sitemap-taxonomies-category-1.xml":
        cats = sorted({p.category for p in site.posts})
        locs = "".join(f"<url><loc>{base}/category/{c}/</loc></url>" for c in cats)
        return _ok(
            f'<?xml version="1.0" encoding="UTF-8"?><urlset {ns}>{locs}</urlset>',
            "application/xml; charset=UTF-8",
        )
    for n in range(1, count + 1):
        if path == _sitemap_name(site, n):
            chunk = site.posts[(n - 1) * size : n * size]
            locs = "".join(
                f"<url><loc>{base}{p.path}</loc><lastmod>{p.published.isoformat()}</lastmod></url>"
                for p in chunk
            )
            xml = f'<?xml version="1.0" encoding="UTF-8"?><urlset {ns}>{locs}</urlset>'.encode()
            if site.spec.gzip_sitemaps:
                return _ok(gzip.compress(xml, mtime=0), "application/x-gzip")
            return _ok(xml, "application/xml; charset=UTF-8")
    return None


def _robots(site: Site, base: str) -> Response:
    lines = ["User-agent: *"] + [f"Disallow: {d}" for d in site.spec.disallow]
    lines += ["Allow: /wp-admin/admin-ajax.php", "", f"Sitemap: {base}/wp-sitemap.xml", ""]
    return _ok("\n".join(lines), "text/plain; charset=utf-8")


def render(site: Site, target: str, base: str) -> Response:
    """The response for request target ``target`` (path + query) on a site at ``base``."""
    split = urlsplit(target)
    path, query = split.path or "/", parse_qs(split.query)
    found = _route(site, base, path, query)
    if found is None:
        main = '<article class="error404 not-found"><h1>Nothing Found</h1></article>'
        return _ok(_page(site, base, "Page not found", main), status=404)
    return found


def _route(site: Site, base: str, path: str, query: dict[str, list[str]]) -> Response | None:
    from ._wpjson import render_api

    parts = [p for p in path.split("/") if p]
    if (asset := render_asset(site, path)) is not None:
        return _ok(asset[1], asset[0])
    if path == "/robots.txt":
        return _robots(site, base)
    if path == "/feed/":
        return _feed(site, base)
    if path.startswith("/wp-sitemap"):
        return _sitemaps(site, base, path)
    if path.startswith("/wp-json/"):
        return render_api(site, base, path, query) if site.spec.wp_json else None
    if path in site.private_paths():
        return _ok(_page(site, base, "Members", "<p>Members only.</p>"))
    if path == "/" or (len(parts) == 2 and parts[0] == "page" and parts[1].isdigit()):
        return _listing(site, base, "/", site.posts, int(parts[1]) if parts else 1)
    if parts[:1] == ["author"] and len(parts) in (2, 4):
        posts = [p for p in site.posts if author_slug(p.author) == parts[1]]
        n = int(parts[3]) if len(parts) == 4 and parts[2] == "page" and parts[3].isdigit() else 1
        return _listing(site, base, f"/author/{parts[1]}/", posts, n) if posts else None
    if parts[:1] == ["category"] and len(parts) in (2, 4):
        posts = site.in_category(parts[1])
        n = int(parts[3]) if len(parts) == 4 and parts[2] == "page" and parts[3].isdigit() else 1
        return _listing(site, base, f"/category/{parts[1]}/", posts, n) if posts else None
    if len(parts) == 5 and parts[4].startswith("comment-page-"):
        post = site.by_path.get("/" + "/".join(parts[:4]) + "/")
        num = parts[4].removeprefix("comment-page-")
        return _post(site, base, post, int(num)) if post and num.isdigit() else None
    post = site.by_path.get(path)
    return _post(site, base, post, None) if post else None
