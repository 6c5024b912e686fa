"""What a real Pelican site (tests/engines/pelican.py, theme notmyidea) revealed: a post
names its category only by a link to the category's archive in its footer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml.html import document_fromstring

from scraper import parse_page
from scraper.discover._discover import is_listing_page

_POST = """<html><head><title>A post that quotes</title></head><body>
<nav><ul><li><a href="/category/notes.html">Notes</a></li>
<li><a href="/category/news.html">News</a></li></ul></nav>
<section id="content" class="body"><article><header><h1 class="entry-title">
<a href="/quotes.html" rel="bookmark">A post that quotes</a></h1></header>
<div class="entry-content"><footer class="post-info">
<abbr class="published" title="2024-01-05T18:30:00+01:00">Published: Fri 05 January 2024</abbr>
<address class="vcard author">By <a class="url fn" href="/author/zoe.html">Zoë</a></address>
{filing}
<p>tags: <a href="/tag/quotes.html">quotes</a></p></footer>
<p>Before the quote comes a sentence of our own, long enough to be a body.</p>
<p>After it, <a href="/category/news.html">a link to the news</a> in the text.</p>
</div></article></section></body></html>"""


def _categories(filing: str) -> tuple[str, ...]:
    return parse_page(_POST.format(filing=filing), "http://blog.example/quotes.html").categories


def test_category_archive_link_in_the_post_footer() -> None:
    assert _categories('<p>In <a href="/category/notes.html">Notes</a>.</p>') == ("Notes",)


def test_category_links_only_in_nav_or_text_are_not_the_posts() -> None:
    assert _categories("") == ()


def test_a_menu_of_every_category_is_no_filing() -> None:
    menu = "".join(f'<a href="/category/c{i}/">C{i}</a> ' for i in range(5))
    assert _categories(f"<p>{menu}</p>") == ()


REAL = Path(__file__).resolve().parents[2] / "fixtures" / "pelican-real" / "notmyidea"


@pytest.mark.parametrize(
    ("name", "path"),
    [("home.html", "/"), ("home-page-2.html", "/index2.html"),
     ("category-notes.html", "/category/notes.html"), ("tag-news.html", "/tag/news.html")],
)  # fmt: skip
def test_real_pelican_listings_are_listings(name: str, path: str) -> None:
    """Pages saved from a real Pelican (fixtures/_tools/pelican_real.py): "/index2.html",
    the home's second page, says so by its several articles."""
    tree = document_fromstring((REAL / "_pages" / name).read_bytes())
    assert is_listing_page(tree, "http://127.0.0.1:8000" + path)


@pytest.mark.parametrize("name", ["post-with-quote", "japanese-post", "edited-post"])
def test_real_pelican_posts_are_posts(name: str) -> None:
    doc = json.loads((REAL / f"{name}.expected.json").read_text("utf-8"))
    tree = document_fromstring((REAL / f"{name}.html").read_bytes())
    assert not is_listing_page(tree, doc["fixture"]["url"])
