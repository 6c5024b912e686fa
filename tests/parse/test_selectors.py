"""``index_select`` must find exactly what the compiled XPath finds."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement

from scraper.parse.dom._html import build_tree
from scraper.parse.dom._page import Page, css
from scraper.parse.dom._selectors import index_select, page_css

_DOC = """<html><body class="home blog">
<div id="main" class="wrap  post\tmain"><article class="post hentry">
  <h1 class="entry-title">T</h1>
  <p class="x&#160;y">nbsp class</p>
  <div class="tags-links">Tags: <a href="/t/a" rel="tag">a</a>,
    <a href="/t/b" rel="tag nofollow">b</a>
    <div class="tags-links"><a href="/t/c" rel="tag">c</a></div></div>
  <div class="cat-links"><span><a href="/c/x" rel="category tag">x</a></span></div>
  <a href="/p#comments" title="">3 comments</a><a href="/p/#comments-x" title="c">no</a>
  <time class="entry-date published" datetime="2024-01-02">Jan 2</time>
  <p lang="en-GB">p</p><p data-testid="authorName">A</p>
</article>
<section id="comments"><h2>2 Responses</h2><div><h2>no</h2></div></section></div>
</body></html>"""

_SELECTORS = [
    ".tags-links a",
    ".tags-links > a",
    "div.tags-links a[rel=tag]",
    "a[rel~=category]",
    "a[rel~=tag]",
    "a[rel~='']",
    "a[href$='#comments']",
    "a[href^='/t/']",
    "a[href*='/c/']",
    "a[href$='']",
    "p[lang|=en]",
    "h1.entry-title",
    ".entry-title",
    "time.entry-date.published",
    "#comments > h2",
    "#comments h2",
    "#main article .cat-links a",
    "body > div > article > h1",
    ".x",
    ".y",
    ".post.main",
    "[data-testid=authorName]",
    "[DATA-TESTID=authorName]",
    "[title]",
    "A[HREF]",
    "h1, .tags-links a, time",
    "*",
    "div *",
    ".nothing a",
]


@pytest.fixture(scope="module")
def page() -> Page:
    page = Page(build_tree(_DOC))
    page.elements  # noqa: B018
    return page


@pytest.mark.parametrize("selector", _SELECTORS)
def test_same_as_xpath(page: Page, selector: str) -> None:
    want = [e for e in css(selector)(page.tree) if isinstance(e, HtmlElement)]
    assert index_select(page.index, selector) == want


@pytest.mark.parametrize("selector", ["a:not(:first-child)", "h1 + p", "a[title!=x]"])
def test_unhandled_falls_back(page: Page, selector: str) -> None:
    assert index_select(page.index, selector) is None
    want = [e for e in css(selector)(page.tree) if isinstance(e, HtmlElement)]
    assert page_css(page, selector) == want


def test_first_selector_that_matches(page: Page) -> None:
    assert [e.text for e in page_css(page, (".nothing", ".cat-links a", "h1"))] == ["x"]
    assert page_css(page, (".nothing",)) == []
