"""Each real-Mezzanine fix, on pages saved from Mezzanine 6.1.1 with its default templates
(fixtures/mezzanine-real, made by fixtures/_tools/mezzanine_real.py). Before these fixes a
crawl of a real Mezzanine read no comment at all, kept the blog list and its month
archives as posts, and ran each post's body into its tags and comment headings. The full
records are checked by tests/parse/test_fixtures.py."""

from __future__ import annotations

import functools
import itertools
import json
from pathlib import Path

import lxml.html
import pytest

from scraper import Post, parse_page
from scraper.discover._discover import is_listing_page

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "mezzanine-real" / "default"


@functools.cache
def _deep_thread() -> Post:
    """The 200 KB page of 45 comments, parsed once for the tests that read it."""
    url, html = _fixture("deep-thread")
    return parse_page(html, url=url)


def _fixture(name: str) -> tuple[str, bytes]:
    doc = json.loads((REAL / f"{name}.expected.json").read_text("utf-8"))
    return doc["fixture"]["url"], (REAL / f"{name}.html").read_bytes()


@pytest.mark.parametrize(
    ("name", "path"),
    [("blog.html", "/blog/"), ("blog-page-2.html", "/blog/?page=2"),
     ("archive-2024-1.html", "/blog/archive/2024/1/"), ("home.html", "/")],
)  # fmt: skip
def test_mezzanine_listings_are_listings(name: str, path: str) -> None:
    tree = lxml.html.fromstring((REAL / "_pages" / name).read_bytes())
    assert is_listing_page(tree, "http://127.0.0.1:8000" + path)


def test_the_blog_list_is_a_listing_by_its_markup_alone() -> None:
    """No <article>, no listing URL: five linked titles, each with its "Posted by" line."""
    tree = lxml.html.fromstring((REAL / "_pages" / "blog.html").read_bytes())
    assert not tree.xpath("//article")
    assert is_listing_page(tree, "http://127.0.0.1:8000/blog/the-list/")


@pytest.mark.parametrize("name", ["deep-thread", "post-with-quote", "japanese-post"])
def test_a_post_is_not_a_listing(name: str) -> None:
    url, html = _fixture(name)
    assert not is_listing_page(lxml.html.fromstring(html), url)


def test_the_deep_thread() -> None:
    """45 comments on one page, replies nested six deep inside each other's .media-body,
    every comment with a hidden reply form (a textarea) of its own."""
    post = _deep_thread()
    assert post.extractor.name == "mezzanine"
    assert len(post.comments) == 45
    chain = post.comments[:6]
    assert [c.depth for c in chain] == [0, 1, 2, 3, 4, 5]
    assert all(c.parent_id == p.id for p, c in itertools.pairwise(chain))
    assert all(c.author.name and "ago" not in c.author.name for c in post.comments)
    assert all(c.published is None for c in post.comments)  # "2 years ago" is no date
    assert sum(bool(c.is_post_author) for c in post.comments) == 6


def test_placeholders_are_not_comments() -> None:
    _, html = _fixture("deep-thread")
    assert b"Comment deleted" in html
    assert b"Comment awaiting approval" in html
    post = _deep_thread()
    ids = {c.id for c in post.comments}
    texts = " ".join(c.text for c in post.comments)
    assert "deleted" not in texts
    assert "awaiting" not in texts
    assert all(c.parent_id in ids for c in post.comments if c.parent_id)
    # the replies nested under the placeholders: depth 1, their parent unknown
    orphans = [c for c in post.comments if c.depth and c.parent_id is None]
    assert [c.author.name for c in orphans] == ["Mikko Häkkinen", "Ana Ćosić"]


def test_the_body_is_the_post_alone() -> None:
    """The text sits loose in div.middle with the byline, the "(2 comments)" link, tags,
    rating and share buttons around it: none of them is body."""
    url, html = _fixture("post-with-quote")
    post = parse_page(html, url=url)
    assert post.body is not None
    assert post.body.text.startswith("Before the quote comes")
    assert post.body.text.endswith("a link to the source and an end.")
    assert post.tags == ("quotes", "books")
    assert post.published is None


def test_a_paragraph_of_bare_brackets_goes_with_its_link() -> None:
    """A profile strips the "(N comments)" link: its brackets go with it, nothing else does."""
    from scraper.parse.body._cleanup import clean_copy_kept

    div = lxml.html.fromstring(
        '<div><p>(<a href="#comments">2 comments</a>)</p><p>Text (and [more]).</p>'
        '<p>(<img src="/a.png">)</p><p>* * *</p></div>'
    )
    root, _ = clean_copy_kept([div], strip=("a[href='#comments']",))
    assert [lxml.html.tostring(p, encoding="unicode") for p in root.iter("p")] == [
        "<p>Text (and [more]).</p>",
        '<p>(<img src="/a.png">)</p>',
        "<p>* * *</p>",
    ]


def test_bare_brackets_read_past_a_paragraph_that_opens_with_a_bracket_or_a_tag() -> None:
    """The precheck reads only the paragraph's own leading text: one that opens with a
    bracket, with whitespace or with an element is still read whole."""
    from scraper.parse.body._cleanup import clean_copy_kept

    div = lxml.html.fromstring(
        '<div><p>  [<a href="#comments">3</a>] </p><p><b></b>(<a href="#comments">x</a>)</p>'
        '<p>( <a href="#comments">1</a> ) more</p><p>\n(<i>see</i>)</p></div>'
    )
    root, _ = clean_copy_kept([div], strip=("a[href='#comments']",))
    assert [lxml.html.tostring(p, encoding="unicode") for p in root.iter("p")] == [
        "<p>(  ) more</p>",
        "<p>\n(<i>see</i>)</p>",
    ]
