"""What to fetch next, read from a fetched HTML page: posts, listings, comment pages, feeds.

Pure functions over an lxml tree. Kinds are a *guess* from markup and URL shape (WordPress
permalinks, ``/page/N/``, ``/category/``, ``comment-page-N``); the crawler decides whether a
fetched page is a post from the page itself (not ``is_listing_page`` by its URL and
articles, and a body once parsed), so a wrong guess costs nothing but a label. The
post/listing decision: the engine's own word first (WordPress's ``<body class="single
...">`` or ``archive``/``blog``/``search``, Ghost's ``post-template`` or ``home-template``...),
then a heuristic: a page is a post when its URL is not an
archive/pagination URL or the site's home and it has one article (not counting comments,
widgets, asides, footers, related posts) with a body. WordPress static pages ("About")
pass that test and become records too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from .._protocols import JobKind
from .._records import Post
from .._urls import canonicalize, comment_page_post

__all__ = [
    "Found",
    "api_root",
    "html_links",
    "is_listing_page",
    "is_listing_url",
    "is_post_view",
    "published_day",
    "site_discovery",
    "wp_post_id",
]

_LISTING = re.compile(
    r"/page/\d+/?$|/(category|categories|tags?|author|topics?|series|calendar)/"
    r"|^/\d{4}/(\d{2}/)?(\d{2}/)?$"
    # date archives under a folder of their own: ikiwiki's calendar, Mezzanine's
    # /blog/archive/2024/1/, many static blogs
    r"|/archives?/\d{4}/(\d{1,2}/)?(\d{2}/)?$"
    r"|[?&](paged|page|s|month|year|date)="
    # WordPress's post-format archives
    r"|/type/(aside|gallery|link|image|quote|status|video|audio|chat)/?$"
)
_DATED_POST = re.compile(r"^/\d{4}/\d{2}/(\d{2}/)?[^/]+/?$")
_SKIP = re.compile(
    r"/wp-admin/|/wp-login\.php|/xmlrpc\.php|/wp-json/|/feed/?$|/feed/atom/?$|/trackback/?$"
    r"|/embed/?$|/wp-content/|/wp-includes/|/cdn-cgi/|[?&](share|like_comment|action|preview"
    r"|replytocom|add-to-cart|amp)="
    # a wiki's actions (ikiwiki's ikiwiki.cgi?do=edit|comment|prefs|goto, DokuWiki's
    # doku.php?do=edit): forms and redirects, never a page of the blog
    r"|\.(?:cgi|php)\?(?:[^#]*&)?do="
    # the back office at the site's root (Django's and Mezzanine's /admin/, Drupal's): its
    # login and password-reset forms are no part of the blog
    r"|^https?://[^/]+/admin/"
)
_ASSET_EXT = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|css|js|pdf|zip|gz|mp3|mp4|mov|avi|woff2?|ttf)$", re.I
)
_OLDER = re.compile(r"older|previous|earlier|next page|ältere|anciens", re.I)
# Compiled once; the plain ``contains(@class,'hentry')`` test first spares the string
# building of the exact token test on every element that cannot match (-30 % per page).
# Articles in asides, navs, footers and widget, comment or related-post blocks are not the
# page's own: WordPress's default "Latest Comments" widget renders each comment as an
# <article> in ``ol.wp-block-latest-comments``, which once made every post a "listing".
_ARTICLES = etree.XPath(
    "//article[not(ancestor::article)][not(contains(@class,'comment'))]"
    "[not(starts-with(@id,'comment-'))][not(ancestor::*[@id='comments'])]"
    "[not(ancestor::aside|ancestor::nav|ancestor::footer)]"
    "[not(ancestor::*[contains(@class,'comment') or contains(@class,'widget')"
    " or contains(@class,'related')])]"
    " | //*[contains(@class,'hentry')]"
    "[contains(concat(' ',normalize-space(@class),' '),' hentry ')][not(self::article)]"
    "[not(ancestor::article)][not(ancestor::*[@id='comments'])]"
)


# ikiwiki's inline directive: each page it lists is a div.inlinepage (or div.archivepage in an
# archive list), and a "Recent comments" page inlines its div.comment (with its subject
# line) right into the page's own div#content, where a post's thread sits in div#comments
# (and many themes' #content wraps a post's thread: hence the direct child, and the subject).
# Several of them make a listing.
_INLINED = etree.XPath(
    "//div[@class='inlinepage' or @class='archivepage']"
    " | //div[@id='content']/div[@class='comment'][div[@class='comment-subject']]"
)


@dataclass(frozen=True, slots=True)
class Found:
    """A link worth queueing: canonical URL, guessed kind, and its post for comment pages."""

    url: str
    kind: JobKind
    post_url: str | None = None


def is_listing_url(url: str) -> bool:
    parts = urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    return bool(_LISTING.search(target))


def guess_kind(url: str, *, bookmark: bool = False) -> JobKind:
    if comment_page_post(url) is not None:
        return JobKind.COMMENTS
    if is_listing_url(url):
        return JobKind.LISTING
    if bookmark or _DATED_POST.match(urlsplit(url).path):
        return JobKind.POST
    return JobKind.LISTING if urlsplit(url).path == "/" else JobKind.POST


def site_discovery(seed: str) -> list[Found]:
    """Where WordPress (and most blogs) publish their URL lists, relative to a site seed."""
    base = seed if seed.endswith("/") else seed.rsplit("/", 1)[0] + "/"
    out = [Found(base + name, JobKind.SITEMAP) for name in _SITEMAPS]
    out.append(Found(base + "feed/", JobKind.FEED))
    return out


_SITEMAPS = ("wp-sitemap.xml", "sitemap.xml", "sitemap_index.xml")


def _date_of(el: HtmlElement) -> date | None:
    for t in el.iter("time"):
        value = t.get("datetime") or ""
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            continue
    return None


def _old_articles(tree: HtmlElement, since: date | None) -> tuple[set[HtmlElement], bool]:
    """Article summaries dated before ``since``, and whether *every* dated one is."""
    if since is None:
        return set(), False
    old, dated = set(), 0
    for art in _articles(tree):
        when = _date_of(art)
        if when is not None:
            dated += 1
            if when < since:
                old.add(art)
    return old, dated > 0 and len(old) == dated


def _articles(tree: HtmlElement) -> list[HtmlElement]:
    found = _ARTICLES(tree)
    return found if isinstance(found, list) else []


def _in(el: HtmlElement, group: set[HtmlElement]) -> bool:
    return any(anc in group for anc in el.iterancestors()) if group else False


def html_links(
    tree: HtmlElement, page_url: str, *, since: date | None = None, assets: bool = False
) -> list[Found]:
    """Links of a page worth crawling, deduplicated, in document order.

    With ``since``, links inside article summaries dated before it are dropped, and so is
    pagination when every dated summary on the page is older (listings are newest first).
    """
    base = next((b.get("href") for b in tree.iter("base") if b.get("href")), None) or page_url
    base = canonicalize(base, page_url) or page_url
    old, all_old = _old_articles(tree, since)
    out: dict[str, Found] = {}
    for el in tree.iter("a", "link"):
        href = el.get("href")
        if not href:
            continue
        rel = (el.get("rel") or "").lower().split()
        if el.tag == "link" and not ({"next", "prev", "previous"} & set(rel)):
            continue
        url = canonicalize(href, base)
        if url is None or url in out or _SKIP.search(url):
            continue
        if _ASSET_EXT.search(urlsplit(url).path):
            if assets:
                out[url] = Found(url, JobKind.ASSET)
            continue
        if _in(el, old):
            continue
        text = el.text_content() if el.tag == "a" else ""
        paging = "next" in rel or is_listing_url(url) or bool(_OLDER.search(text or ""))
        kind = guess_kind(url, bookmark="bookmark" in rel)
        if all_old and paging and kind is JobKind.LISTING:
            continue
        out[url] = Found(url, kind, comment_page_post(url))
    out.update(_feeds(tree, base, out))
    if assets:
        out.update(_assets(tree, base, out))
    return list(out.values())


def _feeds(tree: HtmlElement, base: str, known: dict[str, Found]) -> dict[str, Found]:
    """Site feeds from ``<link rel=alternate>``; per-post and comments feeds are left out."""
    out: dict[str, Found] = {}
    for el in tree.iter("link"):
        if "alternate" not in (el.get("rel") or "").lower().split():
            continue
        ctype = (el.get("type") or "").lower()
        if ctype not in ("application/rss+xml", "application/atom+xml"):
            continue
        url = canonicalize(el.get("href") or "", base)
        title = (el.get("title") or "").lower()
        if url is None or url in known or "comment" in title or "/comments/" in url:
            continue
        segments = [s for s in urlsplit(url).path.split("/") if s]
        if len(segments) <= 3:  # /feed/, /blog/feed/, /feed/atom/: not <permalink>/feed/
            out[url] = Found(url, JobKind.FEED)
    return out


def _assets(tree: HtmlElement, base: str, known: dict[str, Found]) -> dict[str, Found]:
    out: dict[str, Found] = {}
    for el in tree.iter("img", "script", "link"):
        if el.tag == "link" and "stylesheet" not in (el.get("rel") or "").lower():
            continue
        url = canonicalize(el.get("src") or el.get("href") or "", base)
        if url and url not in known:
            out[url] = Found(url, JobKind.ASSET)
    return out


def is_listing_page(tree: HtmlElement, url: str) -> bool:
    """A listing by its URL, its several articles or its post summaries (linked titles,
    each with a byline) alone, before any parse: the crawl's
    workers skip the parse of such a page, whose record would be thrown away."""
    if is_listing_url(url):
        return True
    kind = _wordpress_view(tree)
    if kind is None:
        kind = _ghost_view(tree)
    if kind is not None:
        return kind
    inlined = _INLINED(tree)
    if isinstance(inlined, list) and len(inlined) > 1:
        return True
    parts = urlsplit(url)
    if parts.path in ("", "/") and not parts.query:
        # a blog's home is its newest posts, whatever the markup: minima (Jekyll's default
        # theme) lists them as plain links, no <article>
        return True
    return len(_articles(tree)) > 1 or _linked_headings(tree) > 1


# Post titles as headings that are one link each, outside asides, navs, footers, widgets,
# comments and related-post blocks: a list of posts with no <article> (Mezzanine's default
# templates, many hand-made themes). A post's own title is not a link to another page.
_LINKED_HEADINGS = etree.XPath(
    "//h2[count(a) = 1][normalize-space(.) = normalize-space(a)]"
    " | //h3[count(a) = 1][normalize-space(.) = normalize-space(a)]"
)
_NOT_MAIN = re.compile(
    r"comment|widget|related|sidebar|nav|header|footer|menu|more|recent|popular", re.I
)


def _linked_headings(tree: HtmlElement) -> int:
    """How many sibling headings link, title for title, to distinct pages, each with its
    byline after it: summaries in the page's one flow, not teaser boxes (a news page's
    "more stories" put each headline in a box of its own)."""
    found = _LINKED_HEADINGS(tree)
    by_parent: dict[HtmlElement | None, set[str]] = {}
    for h in found if isinstance(found, list) else []:
        if not isinstance(h, HtmlElement) or any(
            a.tag in ("aside", "nav", "footer", "header")
            or _NOT_MAIN.search(f"{a.get('id') or ''} {a.get('class') or ''}")
            for a in h.iterancestors()
        ):
            continue
        link = h.find("a")
        href = ((link.get("href") if link is not None else None) or "").split("#", 1)[0]
        if href and _byline_follows(h):
            by_parent.setdefault(h.getparent(), set()).add(href)
    return max((len(v) for v in by_parent.values()), default=0)


_BYLINE = re.compile(r"meta|byline|posted|author|date|time", re.I)


def _byline_follows(heading: HtmlElement) -> bool:
    """The heading's next element is a byline of the post it names (class ``post-meta``,
    ``byline`` ..., a ``<time>``, a link to an author page): a summary, not a headline of
    a "more stories" box, which lists titles alone."""
    nxt = heading.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    if not isinstance(nxt, HtmlElement):
        return False
    if _BYLINE.search(f"{nxt.get('class') or ''} {nxt.get('id') or ''}"):
        return True
    return nxt.find(".//time") is not None or any(
        "/author/" in (a.get("href") or "") for a in nxt.iter("a")
    )


# WordPress names its view in <body class>: "single single-post postid-4" on a post,
# "page" on a static page, "home blog", "archive", "search" on listings. It is the
# engine's own word, which no widget or related-posts block can fool.
_WP_SINGLE = frozenset({"single", "single-post", "page"})
_WP_LISTING = frozenset({"archive", "blog", "search", "search-results", "paged"})


def is_post_view(tree: HtmlElement) -> bool:
    """WordPress or Ghost says this page is one post or page (``<body class="single ...">``,
    ``"post-template ..."``): its record is kept even when no body can be read (a
    password-protected post, a members-only one)."""
    return _wordpress_view(tree) is False or _ghost_view(tree) is False


def _wordpress_view(tree: HtmlElement) -> bool | None:
    """True for a WordPress listing view, False for a single post or page, else None."""
    body = tree.find("body")
    classes = set((body.get("class") or "").split()) if body is not None else set()
    if not any(c.startswith(("postid-", "page-id-", "wp-")) for c in classes):
        return None  # not WordPress's body classes (or too old a theme to say)
    if classes & _WP_SINGLE:
        return False
    if classes & _WP_LISTING:
        return True
    return None


# Ghost's {{body_class}} names the view too: "post-template" / "page-template" on a post or
# page, "home-template", "tag-template", "author-template", "paged" on listings. Its
# themes (Casper, Source) show "read more" cards as <article>s after the post, outside any
# aside, so counting articles cannot tell. Tags add "tag-SLUG": a post tagged "template"
# also carries "tag-template", hence the single view is asked first.
_GHOST_SINGLE = frozenset({"post-template", "page-template"})
_GHOST_LISTING = frozenset({"home-template", "tag-template", "author-template", "paged"})


def _ghost_view(tree: HtmlElement) -> bool | None:
    """True for a Ghost listing view, False for a single post or page, else None."""
    head = tree.find("head")
    if head is None or not any(
        (m.get("name") or "").lower() == "generator"
        and (m.get("content") or "").lower().startswith("ghost")
        for m in head.iter("meta")
    ):
        return None
    body = tree.find("body")
    classes = set((body.get("class") or "").split()) if body is not None else set()
    if classes & _GHOST_SINGLE:
        return False
    if classes & _GHOST_LISTING:
        return True
    return None


def published_day(post: Post) -> date | None:
    try:
        return date.fromisoformat(post.published[:10]) if post.published else None
    except ValueError:
        return None


_API_POST = re.compile(r"/wp/v2/posts/(\d+)")
_SHORTLINK = re.compile(r"[?&]p=(\d+)")
_POST_ID = re.compile(r"\bpost-?id-(\d+)\b|^post-(\d+)$")


def wp_post_id(tree: HtmlElement) -> int | None:
    """The WordPress post ID of a post page (REST link, shortlink, body class, article id)."""
    for el in tree.iter("link"):
        rel, href = (el.get("rel") or "").lower(), el.get("href") or ""
        if rel == "alternate" and (m := _API_POST.search(href)):
            return int(m.group(1))
        if rel == "shortlink" and (m := _SHORTLINK.search(href)):
            return int(m.group(1))
    candidates: Iterable[str] = [
        *(b.get("class") or "" for b in tree.iter("body")),
        *(a.get("id") or "" for a in tree.iter("article")),
    ]
    for value in candidates:
        for token in value.split():
            if m := _POST_ID.search(token):
                return int(m.group(1) or m.group(2))
    return None


def api_root(tree: HtmlElement, page_url: str) -> str | None:
    """The REST root a WordPress page advertises (``<link rel="https://api.w.org/">``)."""
    for el in tree.iter("link"):
        if (el.get("rel") or "").strip() == "https://api.w.org/" and el.get("href"):
            return canonicalize(el.get("href") or "", page_url)
    return None
