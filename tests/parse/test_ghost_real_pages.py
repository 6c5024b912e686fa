"""Each real-Ghost fix, on pages saved from Ghost 5.130 (npm) under Casper and Source
(fixtures/ghost-real, made by fixtures/_tools/ghost_real.py). Before these fixes a crawl of
a real Ghost kept no post at all. The full records are checked by tests/parse/test_fixtures.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from scraper import parse_page
from scraper._protocols import JobKind
from scraper._urls import Scope
from scraper.crawler._analyze import POST, Analysis, PageTask, analyze_page
from scraper.discover._discover import is_listing_page, is_post_view

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "ghost-real"
THEMES = ("casper", "source")


def _fixture(theme: str, name: str) -> tuple[str, bytes]:
    doc = json.loads((REAL / theme / f"{name}.expected.json").read_text("utf-8"))
    return doc["fixture"]["url"], (REAL / theme / f"{name}.html").read_bytes()


@pytest.mark.parametrize("theme", THEMES)
def test_a_post_with_read_more_cards_is_a_post(theme: str) -> None:
    """Casper and Source show related-post cards as <article>s after the post, outside any
    aside: by count a listing, by Ghost's own body class ("post-template") a post."""
    url, html = _fixture(theme, "post-with-quote")
    tree = lxml.html.fromstring(html)
    assert len(tree.xpath("//article")) > 1
    assert not is_listing_page(tree, url)
    result = analyze_page(
        PageTask(html, "text/html; charset=utf-8", url, JobKind.POST),
        Analysis(Scope.from_seeds([url.rsplit("/", 2)[0] + "/"])),
    )
    assert result.verdict == POST


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(
    ("name", "path"),
    [("home.html", "/"), ("tag-notes.html", "/tag/notes/"), ("author-zoe.html", "/author/zoe/")],
)
def test_ghost_listings_are_listings(theme: str, name: str, path: str) -> None:
    tree = lxml.html.fromstring((REAL / theme / "_pages" / name).read_bytes())
    assert is_listing_page(tree, "http://127.0.0.1:2368" + path)
    assert not is_post_view(tree)


def test_post_template_class_needs_ghost() -> None:
    """The body class is Ghost's word only on a Ghost page (its generator meta)."""
    page = (
        '<html><head><meta name="generator" content="{gen}"></head>'
        '<body class="post-template"><article><h1>A</h1><p>One.</p></article>'
        "<article><h2>B</h2><p>Two.</p></article></body></html>"
    )
    ghost = lxml.html.fromstring(page.format(gen="Ghost 5.130"))
    other = lxml.html.fromstring(page.format(gen="Hugo 0.111"))
    assert not is_listing_page(ghost, "http://127.0.0.1:2368/a/")
    assert is_post_view(ghost)
    assert is_listing_page(other, "http://127.0.0.1:2368/a/")
    assert not is_post_view(other)


@pytest.mark.parametrize("theme", THEMES)
def test_members_only_post_has_no_body(theme: str) -> None:
    """A visitor sees Ghost's sign-up call where a members-only post's text would be: the
    body is unknown (null), not the call and not the related-post cards below it; the
    record is still kept (title, author, date)."""
    url, html = _fixture(theme, "members-only")
    post = parse_page(html, url)
    assert post.body is None
    assert post.title == "For members only"
    assert post.author is not None
    assert post.author.name == "Zoë Ångström"
    assert is_post_view(lxml.html.fromstring(html))


def test_a_public_preview_before_the_call_is_the_body() -> None:
    page = (
        '<html><head><meta name="generator" content="Ghost 5.130"><title>P</title></head>'
        '<body class="post-template"><article class="post"><h1>P</h1>'
        '<section class="gh-content"><p>The free first paragraph, for everyone.</p>'
        '<aside class="gh-post-upgrade-cta"><h2>This post is for subscribers only</h2>'
        '<a href="#/portal/signup">Subscribe now</a></aside></section></article></body></html>'
    )
    post = parse_page(page.encode(), "http://127.0.0.1:2368/p/")
    assert post.body is not None
    assert post.body.text == "The free first paragraph, for everyone."


def test_in_page_links_are_not_links() -> None:
    """Ghost's "Coming soon" post links "#/portal/" (its sign-up popup); footnotes link
    "#fn1". Neither leads to another page (fixtures/README: #fragment links left out)."""
    page = (
        "<html><head><title>P</title></head><body><article><h1>P</h1><div class='entry-content'>"
        "<p>You can <a href='#/portal/'>subscribe</a>, read a note<a href='#fn1'>1</a> or "
        "<a href='https://example.org/x'>go</a>.</p></div></article></body></html>"
    )
    post = parse_page(page.encode(), "http://127.0.0.1:2368/p/")
    assert [link.url for link in post.links] == ["https://example.org/x"]
