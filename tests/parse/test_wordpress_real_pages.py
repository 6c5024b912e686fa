"""Each real-WordPress fix, on pages saved from Debian's WordPress 6.1 (fixtures/wordpress-real).

These are the pages the issue's defects were seen on: a fresh install's default widgets,
WordPress's own canonical for comment pages, ``<!--nextpage-->`` posts, a password form,
block themes' post-meta line. The full records are checked by tests/parse/test_fixtures.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from scraper import parse_page
from scraper._protocols import JobKind
from scraper._urls import Scope
from scraper.crawler._analyze import POST, Analysis, PageTask, analyze_page
from scraper.discover._discover import is_listing_page, is_listing_url
from scraper.parse import merge_pages

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "wordpress-real"
THEMES = ("twentytwentyone", "twentytwentytwo", "twentytwentythree")


def _fixture(theme: str, name: str) -> tuple[list[tuple[str, bytes]], dict[str, Any]]:
    single = REAL / theme / f"{name}.expected.json"
    if single.exists():
        doc = json.loads(single.read_text("utf-8"))
        return [(doc["fixture"]["url"], (REAL / theme / f"{name}.html").read_bytes())], doc
    doc = json.loads((REAL / theme / name / "expected.json").read_text("utf-8"))
    pages = [
        (p["url"], (REAL / theme / name / p["file"]).read_bytes()) for p in doc["fixture"]["pages"]
    ]
    return pages, doc


@pytest.mark.parametrize("theme", THEMES)
def test_a_post_page_is_a_post_whatever_its_widgets(theme: str) -> None:
    """Twenty Twenty-One's default "Latest Comments" widget renders each comment as an
    <article>: counting articles made every post a listing (0 posts crawled)."""
    [(url, html)], _ = _fixture(theme, "non-ascii-title")
    tree = lxml.html.fromstring(html)
    if theme == "twentytwentyone":
        widget = tree.xpath("//ol[contains(@class,'wp-block-latest-comments')]//article")
        assert len(widget) > 1
    assert not is_listing_page(tree, url)


def test_post_format_archives_are_listings() -> None:
    assert is_listing_url("http://127.0.0.1:8080/type/aside/")
    assert not is_listing_url("http://127.0.0.1:8080/2024/01/08/an-aside/")


@pytest.mark.parametrize("theme", THEMES)
def test_url_is_the_permalink_on_every_comment_page(theme: str) -> None:
    """WordPress's canonical names ``comment-page-N/#comments`` (block themes even on the
    plain URL): the record's url is the permalink, never a fragment or a comment page."""
    pages, doc = _fixture(theme, "threaded-comment-pages")
    permalink = doc["record"]["url"]
    assert "#" not in permalink
    assert "comment-page" not in permalink
    canonicals = [lxml.html.fromstring(h).xpath("//link[@rel='canonical']/@href") for _, h in pages]
    assert any("comment-page-" in c[0] for c in canonicals if c)
    for url, html in pages:
        assert parse_page(html, url).url == permalink


def test_split_post_pages_join_in_page_order() -> None:
    """``<!--nextpage-->``: page 2's canonical is .../slug/2/; its record is the post's,
    and the three pages make one body, page order kept whatever the fetch order."""
    pages, doc = _fixture("twentytwentyone", "split-post")
    parsed = [(u, parse_page(h, u)) for u, h in pages]
    assert {p.url for _, p in parsed} == {doc["record"]["url"]}
    shuffled = [parsed[0], parsed[2], parsed[1]]
    merged = merge_pages(shuffled)
    text = merged.body.text if merged.body else ""
    assert text.index("Page one.") < text.index("Page two.") < text.index("Page three.")
    assert [q.text for q in merged.quotes] == ["A quote on page two."]
    assert "https://example.org/page-three-link" in [link.url for link in merged.links]


@pytest.mark.parametrize("theme", THEMES)
def test_protected_post_has_a_record_without_a_body(theme: str) -> None:
    """The password form is WordPress's, not the post's: body null, the rest kept, and the
    crawler keeps the record (WordPress's body class says it is a single post)."""
    [(url, html)], _ = _fixture(theme, "protected-post")
    post = parse_page(html, url)
    assert post.body is None
    assert post.title == "Protected: A protected post"
    assert post.published
    result = analyze_page(
        PageTask(html, "text/html; charset=UTF-8", url, JobKind.POST),
        Analysis(Scope.from_seeds([url])),
    )
    assert result.verdict == POST


def test_canonical_comment_page_is_queued() -> None:
    """Twenty Twenty-Three names ``comment-page-1/#comments`` as a post's canonical with no
    link to it; the crawler fetches it so that replaying the canonical does not 404."""
    [(url, html)], _ = _fixture("twentytwentythree", "protected-post")
    result = analyze_page(
        PageTask(html, "text/html; charset=UTF-8", url, JobKind.POST),
        Analysis(Scope.from_seeds([url])),
    )
    assert url + "comment-page-1/" in {f.url for f in result.links if f.kind is JobKind.COMMENTS}


@pytest.mark.parametrize("theme", THEMES)
def test_block_theme_meta_line_never_in_the_body(theme: str) -> None:
    """A one-sentence post: the post-meta template part after the content ("Posted <date>
    in <category> by <author> Tags:") was taken as its continuation; its labels leaked."""
    [(url, html)], doc = _fixture(theme, "aside-short-post")
    post = parse_page(html, url)
    assert post.body is not None
    assert post.body.text == doc["record"]["body"]["text"]
    assert "Posted" not in post.body.text
    assert "Tags:" not in post.body.text


def test_widget_links_to_other_posts_comment_pages_are_theirs() -> None:
    """The Latest Comments widget links to ``.../other-post/comment-page-1/#comment-94``:
    that comment page belongs to the other post, not to the page the widget sits on."""
    [(url, html)], _ = _fixture("twentytwentyone", "non-ascii-title")
    result = analyze_page(
        PageTask(html, "text/html; charset=UTF-8", url, JobKind.POST),
        Analysis(Scope.from_seeds([url.split("/2024/")[0] + "/"])),
    )
    comment_pages = [f for f in result.links if f.kind is JobKind.COMMENTS]
    others = [f for f in comment_pages if not f.url.startswith(url)]
    assert others  # the widget's links
    for found in others:
        assert found.post_url is not None
        assert found.url.startswith(found.post_url)
        assert found.post_url != result.post_url


def test_a_blog_home_is_a_listing_whatever_its_markup() -> None:
    """Jekyll's minima (saved from a real build) lists posts as plain links, no <article>;
    WordPress's static front page (body class "page") stays a page."""
    home = (REAL.parent / "jekyll-real" / "minima" / "_pages" / "home.html").read_bytes()
    tree = lxml.html.fromstring(home)
    assert not tree.xpath("//article")
    assert len(tree.xpath("//ul[@class='post-list']/li")) >= 8
    assert is_listing_page(tree, "http://127.0.0.1:4000/")
    front = b'<html><body class="home page-template-default page page-id-2 wp-embed-responsive">'
    front += b"<article><p>Welcome to our shop.</p></article></body></html>"
    assert not is_listing_page(lxml.html.fromstring(front), "http://127.0.0.1:4000/")
