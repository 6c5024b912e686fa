"""Where a post lives and how it is filed: canonical URL, site, language, categories, tags.

Read by ``metadata.extract_metadata``; each function takes the shared ``Scan`` so the tree
is not walked again.
"""

from __future__ import annotations

import functools
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from lxml.html import HtmlElement

from ..._records import Site
from ..._urls import comment_page_post
from ..dom._css import page_select
from ..dom._page import Page
from ..dom._text import collapse, http_url
from ..profiles._profile import Profile
from ._candidates import Scan, el_text
from ._labels import labelled_links
from ._structured import article_object, ld_strings, ld_text, objects_of_type
from ._titles import links_home, title_parts, title_remainder, unescape_text

__all__ = [
    "Labelled",
    "canonical_url",
    "categories_of",
    "first_meta",
    "http_url",
    "language_of",
    "normalize_language",
    "permalink",
    "site_of",
    "tags_of",
]


def canonical_url(page: Page, scan: Scan, article: dict[str, Any] | None) -> str | None:
    candidates: list[Any] = [scan.canonical, *page.meta.get("og:url", ())]
    if article:
        main = article.get("mainEntityOfPage")
        candidates += [article.get("url"), main.get("@id") if isinstance(main, dict) else main]
    page_path = urlsplit(page.url or "").path.strip("/")
    for value in candidates:
        url = http_url(page.url, value)
        # a canonical that points at the home page of a post is a theme bug, not a fact
        if url and (urlsplit(url).path.strip("/") or not page_path):
            return permalink(page, url)
    return permalink(page, page.url) if page.url else None


def permalink(page: Page, url: str) -> str:
    """The post's own URL, not the page of it that was read: WordPress names a comment
    page (``.../comment-page-3/#comments``, even ``.../#comments`` under block themes) or
    page N of a ``<!--nextpage-->`` post (``.../slug/2/``) as the canonical. A fragment is
    never part of a post's URL."""
    parts = urlsplit(url)
    if parts.fragment or url.endswith("#"):
        url = urlunsplit(parts._replace(fragment=""))
    url = comment_page_post(url) or url
    current = _current_post_page(page)
    if current is not None:
        parts = urlsplit(url)
        path = re.sub(rf"(?<=/){current}/?$", "", parts.path)
        if path != parts.path and path.strip("/"):
            url = urlunsplit(parts._replace(path=path))
    return url


def _current_post_page(page: Page) -> str | None:
    """N on page N >= 2 of a post split with ``<!--nextpage-->``: WordPress marks it in
    the post's page links (``<span class="post-page-numbers current">2</span>``)."""
    for el in page.index.by_class.get("post-page-numbers", ()):
        classes = (el.get("class") or "").split()
        number = _PAGE_NUMBER.search(el.text_content() or "")  # "2", "Page 2"
        if "current" in classes and number and number.group(1) != "1":
            return number.group(1)
    return None


_PAGE_NUMBER = re.compile(r"(\d+)\s*$")


def site_of(page: Page, scan: Scan, url: str | None, title: str | None) -> Site:
    """The site's name and home: structured witnesses, then the theme's site title (or
    its ``rel=home`` link), then what ``<title>`` holds besides the post title."""
    name = first_meta(page, "og:site_name")
    site_url = None
    for obj in objects_of_type(page, "website"):
        name = name or ld_text(obj.get("name"))
        site_url = site_url or http_url(page.url, obj.get("url"))
    article = article_object(page)
    if not name and article:
        name = ld_text(article.get("publisher"))
    name = name or first_meta(page, "application-name")
    home = _home_element(scan)
    if home is not None:
        name = name or el_text(home, 120) or None
        link = home if home.tag == "a" else home.find(".//a[@href]")
        if link is not None and not site_url:
            site_url = http_url(page.url, link.get("href"))
    if not name and title and scan.title:
        name = title_remainder(scan.title, title, url or page.url)
    if not name and scan.title:
        name = _title_end_linked_home(page, scan.title)
    if name and not site_url:
        site_url = _link_named(page, name)
    if not site_url and url:
        parts = urlsplit(url)
        site_url = f"{parts.scheme}://{parts.netloc}/" if parts.netloc else None
    return Site(name=unescape_text(name) or None, url=site_url)


def _home_element(scan: Scan) -> HtmlElement | None:
    for hit in scan.site_titles:
        if not hit.in_comment and not hit.in_article and el_text(hit.el, 120):
            return hit.el
    for hit in scan.home_links:
        if not hit.in_comment and not hit.in_article and el_text(hit.el, 120):
            return hit.el
    for hit in scan.h1:
        if not hit.in_article and links_home(hit.el, None) and el_text(hit.el, 120):
            return hit.el
    return None


def _title_end_linked_home(page: Page, title: str) -> str | None:
    """The first or last segment of ``<title>`` when a link to the site's top pages carries
    exactly that text: "Post_Blog Name" with a "Blog Name" link in the header."""
    parts = [collapse(p) for p in title_parts(title)]
    if len(parts) < 2:
        return None
    ends = {parts[0], parts[-1]}
    host = urlsplit(page.url or "").netloc
    for link in page.links:
        text = collapse(link.text_content())
        if text in ends:
            href = urlsplit(http_url(page.url, link.get("href")) or "")
            if href.netloc == host and len(href.path.strip("/").split("/")) <= 1:
                return text
    return None


def _link_named(page: Page, name: str) -> str | None:
    """The href of a link whose text is the site's name: the home page, on the same host."""
    host = urlsplit(page.url or "").netloc
    for link in page.links:
        if (link.text or "").strip() == name:
            href = http_url(page.url, link.get("href"))
            if href and (not host or urlsplit(href).netloc == host):
                return href
    return None


def first_meta(page: Page, *keys: str) -> str | None:
    for key in keys:
        for value in page.meta.get(key, ()):
            text = collapse(value)
            if text:
                return text
    return None


_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z0-9]{2,8}))*$")


def normalize_language(value: str | None) -> str | None:
    """A language tag in BCP 47 spelling (``de_DE`` -> ``de-DE``); ``None`` when it is none."""
    if not value:
        return None
    value = value.strip().split(",")[0].strip()
    if not _LANG.match(value):
        return None
    parts = value.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part)
    return "-".join(out)


def language_of(page: Page, scan: Scan, article: dict[str, Any] | None) -> str | None:
    candidates = [scan.lang, *page.meta.get("og:locale", ())]
    candidates += page.meta.get("content-language", ())
    candidates += page.meta.get("language", ())
    if article:
        candidates.append(ld_text(article.get("inLanguage")))
    for value in candidates:
        lang = normalize_language(value)
        if lang:
            return lang
    return None


_VIEW_ALL = re.compile(
    r"^(?:view all posts (?:in|filed under)|alle beiträge (?:in|unter)|"
    r"voir tous les articles (?:dans|de la catégorie))\s+",
    re.IGNORECASE,
)


def _names(elements: list[HtmlElement]) -> tuple[str, ...]:
    out: list[str] = []
    for el in elements:
        links = [el] if el.tag == "a" else el.findall(".//a") or [el]
        for link in links:
            text = el_text(link) or _VIEW_ALL.sub("", collapse(link.get("title")))
            if text and len(text) < 80 and text not in out:
                out.append(text)
    return tuple(out)


def _dedupe(values: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        v = collapse(v)
        if v and len(v) < 80 and v not in out:
            out.append(v)
    return tuple(out)


def categories_of(
    page: Page, profile: Profile, scan: Scan, article: dict[str, Any] | None, labelled: Labelled
) -> tuple[str, ...]:
    if article and article.get("articleSection"):
        found = _dedupe(ld_strings(article["articleSection"]))
        if found:
            return found
    for sel in profile.categories:
        # a link the page itself marks rel=tag (and not category) is a tag, whatever a
        # profile selector says: structured markup outranks the profile
        found = _names([el for el in page_select(page, sel) if not _rel_tag_only(el)])
        if found:
            return found
    found = _names(scan.categories)
    if found:
        return found
    found = _dedupe(page.meta.get("article:section", []))
    return found or tuple(labelled.lists.get("categories", ())) or _category_archive_links(scan)


# a category's archive page: "/category/notes.html" (Pelican), "/category/notes/",
# "/categories/notes/" (Hugo)
_CATEGORY_URL = re.compile(r"/(?:category|categories)/[^/?#]+(?:/|\.html?)?$")


def _category_archive_links(scan: Scan) -> tuple[str, ...]:
    """The post's own links to its categories' archives, when nothing marks them (Pelican's
    notmyidea: "In <a href=".../category/notes.html">Notes</a>." in its footer): in the
    article's header or footer, at most three (more is a menu of every category)."""
    root = scan.article_root
    if root is None:
        return ()
    links = [
        a for a in root.iter("a")
        if _CATEGORY_URL.search(_path(a.get("href"))) and _in_post_meta(a, root)
    ]  # fmt: skip
    found = _names(links)
    return found if len(found) <= 3 else ()


def _path(href: str | None) -> str:
    """The href without its query and fragment (no urlsplit: "http://[broken" raises)."""
    return (href or "").split("#", 1)[0].split("?", 1)[0]


def _in_post_meta(link: HtmlElement, root: HtmlElement) -> bool:
    """In the post's own header or footer (its byline and filing), not its text, a nav or
    an aside."""
    meta = False
    for anc in link.iterancestors():
        if anc is root:
            return meta
        if anc.tag in ("nav", "aside"):
            return False
        meta = meta or anc.tag in ("header", "footer")
    return False


class Labelled:
    """The page's labelled link lists, found once and only if a field falls back to them."""

    def __init__(self, page: Page, scan: Scan) -> None:
        self.page = page
        self.scan = scan

    @functools.cached_property
    def lists(self) -> dict[str, list[str]]:
        scan = self.scan
        root = scan.article_root if scan.article_root is not None else self.page.tree.find("body")
        return labelled_links(root) if root is not None else {}


def _rel_tag_only(el: HtmlElement) -> bool:
    """rel=tag without "category", unless the link's container names categories (block
    themes mark their ``taxonomy-category`` links rel=tag)."""
    rel = (el.get("rel") or "").lower().split()
    if "tag" not in rel or "category" in rel:
        return False
    for anc in list(el.iterancestors())[:3]:
        label = f"{anc.get('class') or ''} {anc.get('id') or ''}".lower()
        if "categor" in label or "cat-links" in label:
            return False
    return True


def tags_of(
    page: Page,
    profile: Profile,
    scan: Scan,
    article: dict[str, Any] | None,
    labelled: Labelled,
    categories: tuple[str, ...] = (),
) -> tuple[str, ...]:
    """Tags without the ``categories`` (block themes mark category links ``rel=tag`` too)
    and without a hashtag's ``#``."""
    found = _raw_tags(page, profile, scan, article, labelled)
    return tuple(t for t in (x.lstrip("#").strip() for x in found) if t and t not in categories)


def _raw_tags(
    page: Page, profile: Profile, scan: Scan, article: dict[str, Any] | None, labelled: Labelled
) -> tuple[str, ...]:
    for sel in profile.tags:
        found = _names(page_select(page, sel))
        if found:
            return found
    found = _names(scan.tags)
    if found:
        return found
    found = _dedupe(page.meta.get("article:tag", []))
    if found:
        return found
    if article and article.get("keywords"):
        return _dedupe(ld_strings(article["keywords"]))
    return tuple(labelled.lists.get("tags", ()))
