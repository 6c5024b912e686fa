"""The selector engine must find exactly what lxml's ``CSSSelector`` finds, in its order:
every selector of the profiles and the extractors' tables, over every fixture page, from
the document root and from subtrees; plus the edge cases where hand-written matchers
went wrong (NBSP and form feed in classes, empty attribute values)."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pytest
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement
from slices import fast_slice

from scraper.parse.body._body import _POST_ITEMS, _STRUCTURED, _SUMMARY
from scraper.parse.comments._count import _GENERIC_COUNT
from scraper.parse.comments._hints import GENERIC_HINTS
from scraper.parse.comments._links import _NAV
from scraper.parse.dom._css import index_select, page_select, select, select_all
from scraper.parse.dom._html import build_tree, decode_html
from scraper.parse.dom._page import Page
from scraper.parse.profiles import PROFILES
from scraper.parse.profiles._profile import CommentSelectors

_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _strings(record: object) -> list[str]:
    out: list[str] = []
    assert dataclasses.is_dataclass(record)
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            out.extend(value)
            if len(value) > 1:
                out.append(", ".join(value))  # the extractors also ask for the union
        elif isinstance(value, CommentSelectors):
            out.extend(_strings(value))
    if isinstance(record, CommentSelectors) and record.post_author_class:
        out.append("." + record.post_author_class)
    return out


def _all_selectors() -> list[str]:
    found: list[str] = []
    for profile in PROFILES:
        found.extend(_strings(profile))
    found.extend(_strings(GENERIC_HINTS))
    found.append(_NAV)  # one selector list
    for table in (_STRUCTURED, _SUMMARY, _POST_ITEMS, _GENERIC_COUNT):
        found.extend(table)
        found.append(", ".join(table))
    return list(dict.fromkeys(found))


SELECTORS = _all_selectors()
PAGES = sorted(_FIXTURES.rglob("*.html"))
# The fast suite sweeps every selector over these four pages (~0.8 s of the sweep's ~20 s of
# CPU); the full run (``pytest``, CI) sweeps all of them. Picked greedily for coverage per
# second: together they match 60 % of the (selector, scope) pairs that match on any fixture,
# with four engines (generic, Jekyll, WordPress, Blogger), three charsets (windows-1252,
# Shift_JIS, UTF-8) and a threaded comment list as the inner scope.
_FAST_PAGES = {
    _FIXTURES / name
    for name in (
        "generic/windows-1252-labelled-latin1.html",
        "jekyll-real/minima/japanese-post.html",
        "wordpress/twentyten-japanese-shift-jis.html",
        "blogger/simple-threaded-comments.html",
    )
}


@functools.cache
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector, translator="html")


def _lxml(selector: str, root: HtmlElement) -> list[HtmlElement]:
    return [e for e in _compiled(selector)(root) if isinstance(e, HtmlElement)]


def test_the_tables_are_read() -> None:
    assert len(SELECTORS) > 200
    assert len(PAGES) >= 30
    assert "ol.commentlist" in SELECTORS


@pytest.mark.parametrize(
    "path", fast_slice(PAGES, _FAST_PAGES, ids=lambda p: str(p.relative_to(_FIXTURES)))
)
def test_profile_selectors_on_fixtures(path: Path) -> None:
    page = Page(build_tree(decode_html(path.read_bytes())))
    body = page.tree.find("body")
    # subtrees the extractors select under: the body
    # and one more: a comment container, else a post item
    inner = _lxml(".comment, .comments, #comments", page.tree) or _lxml(_POST_ITEMS[0], page.tree)
    roots = [el for el in (body, *inner[:1]) if el is not None]
    handled = 0
    for selector in SELECTORS:
        want = _lxml(selector, page.tree)
        got = index_select(page.index, selector)
        if got is not None:
            handled += 1
            assert got == want, selector
        assert page_select(page, selector) == want, selector
        for root in roots:
            assert select(root, selector, page.index) == _lxml(selector, root), (selector, root)
    assert handled > len(SELECTORS) * 0.9  # the XPath is the exception, not the rule
    some = SELECTORS[:40]
    for root in roots:
        union = sorted({e for s in some for e in _lxml(s, root)}, key=page.index.position.get)
        assert select_all(root, some, page.index) == union
        assert select_all(root, some) == union


_DOC = """<html><body class="home blog">
<div id="main" class="wrap  post\tmain"><article class="post hentry">
  <h1 class="entry-title">T</h1>
  <p class="x&#160;y">nbsp class</p>
  <p class="f&#12;g">form feed class</p>
  <p class="t&#9;u&#10;v&#13;w">tab, LF and CR</p>
  <div class="tags-links">Tags: <a href="/t/a" rel="tag">a</a>,
    <a href="/t/b" rel="tag nofollow">b</a>
    <div class="tags-links"><a href="/t/c" rel="tag">c</a><p><a href="/t/d">d</a></p></div>
    <a href="/t/e">e</a></div>
  <div class="cat-links"><span><a href="/c/x" rel="category tag">x</a></span></div>
  <a href="/p#comments" title="">3 comments</a><a href="/p/#comments-x" title="c">no</a>
  <time class="entry-date published" datetime="2024-01-02">Jan 2</time>
  <p lang="en-GB">p</p><p data-testid="authorName">A</p>
</article>
<section id="comments"><h2>2 Responses</h2><div><h2>no</h2></div></section></div>
</body></html>"""

_EDGES = [
    ".tags-links a",
    ".tags-links > a",
    "div.tags-links a[rel=tag]",
    ".tags-links p a",
    "a[rel~=category]",
    "a[rel~=tag]",
    "a[rel=tag]",
    "p[rel]",
    "p[rel=tag]",
    "a[rel][href]",
    "a[rel~='']",
    "a[rel~='category tag']",
    "a[href$='#comments']",
    "a[href^='/t/']",
    "a[href*='/c/']",
    "a[href^='']",
    "a[href$='']",
    "a[href*='']",
    "[title='']",
    "[title^='']",
    "p[lang|=en]",
    "h1.entry-title",
    "time.entry-date.published",
    "#comments > h2",
    "#comments h2",
    "#main article .cat-links a",
    "body > div > article > h1",
    ".x",
    ".y",
    ".x\\a0 y",
    ".f",
    ".g",
    ".f\\c g",
    ".t",
    ".u",
    ".v",
    ".w",
    ".post.main",
    "[class~=x]",
    "[class~=f]",
    "[class~=u]",
    "[data-testid=authorName]",
    "[DATA-TESTID=authorName]",
    "[title]",
    "A[HREF]",
    "h1, .tags-links a, time",
    "*",
    "div *",
    ".nothing a",
    "a:not(:first-child)",
    "h1 + p",
    "a[title!=x]",
    "p:nth-of-type(2)",
    "[data-testid=authorname i]",
    "a[href=",
]


@pytest.fixture(scope="module")
def page() -> Page:
    page = Page(build_tree(_DOC))
    page.elements  # noqa: B018
    return page


@pytest.mark.parametrize("selector", _EDGES)
def test_edge_cases_as_lxml(page: Page, selector: str) -> None:
    try:
        want = _lxml(selector, page.tree)
    except Exception:  # a broken selector: lxml raises, ours matches nothing
        want = []
    assert page_select(page, selector) == want
    found = index_select(page.index, selector)
    assert found is None or found == want
    for root in page.tree.iter("article", "div", "section"):
        try:
            want = _lxml(selector, root)
        except Exception:
            want = []
        assert select(root, selector, page.index) == want


def test_edge_cases_by_hand(page: Page) -> None:
    def texts(selector: str) -> list[str]:
        return [(el.text or "").strip() for el in page_select(page, selector)]

    # NBSP and form feed are no separators for cssselect's normalize-space(); tab, LF, CR are
    assert texts(".x") == texts(".y") == texts(".f") == texts(".g") == []
    assert texts(".x\\a0 y") == ["nbsp class"]
    assert texts(".f\\c g") == []  # a class token holding FF can never match
    assert texts(".t") == texts(".u") == texts(".v") == texts(".w") == ["tab, LF and CR"]
    # an empty value never matches a substring test, even where every string "starts with" it
    assert texts("a[href^='']") == texts("a[href$='']") == texts("a[href*='']") == []
    assert texts("a[rel~='']") == []
    assert texts("[title='']") == ["3 comments"]
    # nested containers: each descendant once, in document order
    assert texts(".tags-links a") == ["a", "b", "c", "d", "e"]
    assert texts(".tags-links > a") == ["a", "b", "c", "e"]


def test_scoped_chains_stay_below_the_root(page: Page) -> None:
    article = page.tree.find(".//article")
    assert article is not None
    # "div article h1": the div is above the root, so nothing under the article matches
    assert select(article, "div h1", page.index) == []
    assert [e.text for e in select(article, "article h1", page.index)] == ["T"]
    assert select(article, "#comments h2", page.index) == []


def test_first_selector_that_matches(page: Page) -> None:
    assert [e.text for e in page_select(page, (".nothing", ".cat-links a", "h1"))] == ["x"]
    assert page_select(page, (".nothing",)) == []


def test_a_copy_is_not_in_the_index(page: Page) -> None:
    import copy

    article = page.tree.find(".//article")
    assert article is not None
    dup = copy.deepcopy(article)
    assert index_select(page.index, "h1", dup) is None
    assert [e.text for e in select(dup, "h1", page.index)] == ["T"]


def test_listed_with_attr_never_scans() -> None:
    index = Page(build_tree(_DOC)).index
    # a name the index pass lists: its list, empty when no element carries it
    assert [e.text for e in index.listed_with_attr("rel") or ()] == ["a", "b", "c", "x"]
    assert index.listed_with_attr("pubdate") == []
    # any other name is listed only once ``with_attr`` has scanned for it
    assert index.listed_with_attr("lang") is None
    assert [e.text for e in index.with_attr("lang")] == ["p"]
    assert index.listed_with_attr("lang") == index.with_attr("lang")
