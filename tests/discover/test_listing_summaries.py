"""Listings without <article>: post summaries as linked titles with bylines (Mezzanine's
default blog list), date archives under a word, and the back office, never crawled."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from scraper.discover._discover import html_links, is_listing_page, is_listing_url

BASE = "http://b.example"


def _summary(slug: str, title: str) -> str:
    return f"""<h2><a href="/blog/{slug}/">{title}</a></h2>
<h6 class="post-meta">Posted by: <a href="/blog/author/anna/">Anna</a> in
<a href="/blog/category/news/">News</a> 2 years ago</h6>
<p>The first lines of {title}.</p>
<p><a href="/blog/{slug}/">read more</a></p>"""


def _page(main: str, aside: str = "") -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"""<html><body><div class="container"><h1>Blog</h1>
<div class="row"><div class="col-md-7 middle">{main}</div>
<div class="col-md-3 right">{aside}</div></div></div></body></html>""")


def test_linked_titles_with_bylines_are_a_listing() -> None:
    tree = _page(_summary("winter-storms", "Winter storms") + _summary("quays", "The quays"))
    assert is_listing_page(tree, BASE + "/blog/")


def test_a_post_with_teaser_boxes_is_not_a_listing() -> None:
    """A news page's "more stories": each headline in its own box, with its date."""
    teasers = "".join(
        f'<div class="teaser"><h3><a href="/n/{i}">Story {i}</a></h3>'
        f'<span class="date">May {i}</span></div>'
        for i in range(1, 6)
    )
    post = "<p>" + "The story itself, told at length. " * 40 + "</p>"
    assert not is_listing_page(_page(post + teasers), BASE + "/news/story/")


def test_one_post_with_its_byline_is_not_a_listing() -> None:
    body = '<h6 class="post-meta">Posted by: <a href="/blog/author/anna/">Anna</a></h6><p>Text.</p>'
    related = (
        '<div id="related-posts"><h3><a href="/blog/a/">A</a></h3><h6 class="post-meta">x</h6>'
        '<h3><a href="/blog/b/">B</a></h3><h6 class="post-meta">y</h6></div>'
    )
    assert not is_listing_page(_page(body + related), BASE + "/blog/winter-storms/")


@pytest.mark.parametrize(
    ("path", "listing"),
    [("/blog/archive/2024/1/", True), ("/archives/2019/", True), ("/blog/archive/", False),
     ("/blog/the-archive-of-2024/", False)],
)  # fmt: skip
def test_date_archives_under_a_word(path: str, listing: bool) -> None:
    assert is_listing_url(BASE + path) is listing


def test_the_back_office_is_not_crawled() -> None:
    tree = lxml_html.fromstring(
        '<html><body><a href="/admin/">Log in</a><a href="/blog/admin-tips/">Tips</a>'
        '<a href="/category/admin/">Admin</a></body></html>'
    )
    urls = [f.url for f in html_links(tree, BASE + "/")]
    assert urls == [BASE + "/blog/admin-tips/", BASE + "/category/admin/"]
