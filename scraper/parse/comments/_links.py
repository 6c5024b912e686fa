"""Links to a post's other comment pages, for the crawler (``comment_page_links``).

WordPress paginates with ``comment-page-N`` (pretty permalinks) or ``?cpage=N`` inside
``.comment-navigation`` / ``.nav-links`` ("Older Comments", ``a.page-numbers``); Blogger
pages long threads with ``?showComment=`` / ``commentPage=``. Only links that look like a
comment page of *this* post are returned, absolute, without fragments, deduplicated.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urldefrag, urlsplit

from ..dom._css import page_select
from ..dom._page import Page
from ..dom._text import join_url

__all__ = ["comment_page_links"]

_NAV = (
    ".comment-navigation a, .comments-navigation a, #comment-nav-above a, "
    "#comment-nav-below a, .comment-nav a, nav.comments-pagination a, "
    ".wp-block-comments-pagination a, .comments .nav-links a, #comments .nav-links a, "
    "#comments a.page-numbers, .comment-pagination a, .commentnav a"
)
_PAGE_PATH = re.compile(r"/comment-page-\d+/?$")
_QUERY_KEYS = ("cpage", "commentPage", "comments_page", "comment-page")


def _is_comment_page(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # a raw href such as "http://[broken"
        return False
    if _PAGE_PATH.search(parts.path):
        return True
    query = parse_qs(parts.query)
    return any(k in query for k in _QUERY_KEYS)


def _same_post(url: str, base: str | None) -> bool:
    if not base:
        return True
    a, b = urlsplit(url), urlsplit(base)
    if a.netloc and b.netloc and a.netloc != b.netloc:
        return False
    return _post_path(a.path) == _post_path(b.path)


def _post_path(path: str) -> str:
    return _PAGE_PATH.sub("/", path).rstrip("/")


def comment_page_links(page: Page) -> list[str]:
    """Absolute URLs of the post's other comment pages, in document order."""
    base = page.url
    own = urldefrag(base)[0] if base else None
    out: list[str] = []
    candidates = page_select(page, _NAV)
    candidates += [a for a in page.by_tag("a") if _is_comment_page(a.get("href") or "")]
    for a in candidates:
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        joined = join_url(base or "", href)
        if joined is None:
            continue
        url = urldefrag(joined)[0]
        if not url.startswith(("http://", "https://")) and base:
            continue
        if url == own or url in out:
            continue
        if _is_comment_page(url) and _same_post(url, base):
            out.append(url)
    return out
