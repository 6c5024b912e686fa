"""Which date-bearing elements can speak for the post: the filters ``datewitnesses``
applies before it weighs them. A profile's broad selector, a list of teasers and an
embedded post all bring dates that are some other post's."""

from __future__ import annotations

from collections.abc import Iterator

from lxml.html import HtmlElement

from ..dom._css import page_select
from ..dom._page import Page
from ..profiles._profile import Profile
from ._candidates import Scan
from ._regions import region_of

__all__ = ["listing", "profile_elements", "quoted"]


def listing(dated: list[tuple[HtmlElement, str]]) -> set[int]:
    """The elements that are items of a list of posts: one markup (tag and class) shown
    with different days is a teaser list, a related-posts box or an archive, and each
    of its days is some other post's. The page's own dateline is written once, or with
    one day (header and footer of the same post)."""
    days: dict[tuple[str, str], set[str]] = {}
    for el, value in dated:
        days.setdefault((el.tag, el.get("class") or ""), set()).add(value[:10])
    return {id(el) for el, _ in dated if len(days[(el.tag, el.get("class") or "")]) > 1}


def profile_elements(page: Page, profile: Profile, scan: Scan) -> Iterator[HtmlElement]:
    """The profile's date elements, selector by selector (lazily: each is a walk of the
    tree), those inside the article first; a selector as broad as "time.published" (or
    Drupal's bare "time") also finds the dates of comments, of related-post lists and
    of embedded posts, which are never the post's: an Instagram or Twitter embed is a
    ``<blockquote>`` whose ``<time>`` is the quoted post's day."""
    root = scan.article_root
    for sel in profile.published:
        other: list[HtmlElement] = []
        for el in page_select(page, sel):
            regions = set()
            in_article = False
            for anc in el.iterancestors():
                in_article = in_article or anc is root
                kind = "comment" if anc.tag == "blockquote" else region_of(anc)
                if kind:
                    regions.add(kind)
            if "comment" in regions:
                continue  # a comment's date, or a quoted post's
            if in_article:
                yield el
            elif "side" not in regions:
                other.append(el)
        yield from other


def quoted(el: HtmlElement) -> bool:
    """True inside a ``<blockquote>``: an embedded tweet's or Instagram post's date."""
    return any(anc.tag == "blockquote" for anc in el.iterancestors())
