"""Discovery from sitemaps, feeds, REST pages and HTML (pure: no network)."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest
from lxml import html as lxml_html

from scraper._errors import ParseError
from scraper._protocols import JobKind
from scraper._records import Capture
from scraper.discover._discover import (
    api_root,
    html_links,
    is_listing_page,
    site_discovery,
    wp_post_id,
)
from scraper.discover._sitemaps import parse_feed, parse_sitemap
from scraper.discover._wpapi import comments_url, is_past_last_page, parse_posts, posts_url
from scraper.parse._parse import parse_page
from scraper.testing import BILLION_LAUGHS, gen_site, render

BASE = "http://b.example"
CAP = 1 << 20
SITE = gen_site(40, seed=5)


def _tree(target: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(render(SITE, target, BASE).body)


def test_sitemap_index_and_urlset() -> None:
    index = parse_sitemap(render(SITE, "/wp-sitemap.xml", BASE).body, BASE + "/wp-sitemap.xml", CAP)
    assert next(e.url for e in index.sitemaps) == BASE + "/wp-sitemap-posts-post-1.xml"
    sub = parse_sitemap(render(SITE, "/wp-sitemap-posts-post-1.xml", BASE).body, BASE + "/s", CAP)
    assert len(sub.urls) == 40
    assert sub.urls[0].when == SITE.posts[0].published.date()


def test_gzipped_sitemap() -> None:
    body = gzip.compress(render(SITE, "/wp-sitemap-posts-post-1.xml", BASE).body)
    assert len(parse_sitemap(body, BASE + "/s.xml.gz", CAP).urls) == 40


def test_sitemap_entity_bomb_is_refused() -> None:
    with pytest.raises(ParseError, match="XML entity declarations refused"):
        parse_sitemap(BILLION_LAUGHS, BASE + "/wp-sitemap.xml", CAP)


def test_gzipped_sitemap_bomb_is_refused() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (4 * CAP) + b"</urlset>")
    with pytest.raises(ParseError, match="gzip bomb"):
        parse_sitemap(bomb, BASE + "/s.xml.gz", CAP)


def test_not_xml_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_sitemap(b"<html><body>hello", BASE + "/sitemap.xml", CAP)


def test_rss_and_atom_feeds() -> None:
    rss = parse_feed(render(SITE, "/feed/", BASE).body, BASE + "/feed/", CAP)
    assert [e.url for e in rss] == [BASE + p.path for p in SITE.posts[:10]]
    assert rss[0].when == SITE.posts[0].published.date()
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <entry><link rel="replies" href="/x/#comments"/><link rel="alternate" href="/2020/a/"/>
      <published>2020-03-04T10:00:00Z</published></entry></feed>"""
    entries = parse_feed(atom, BASE + "/feed/atom/", CAP)
    assert [(e.url, e.when) for e in entries] == [(BASE + "/2020/a/", date(2020, 3, 4))]


def test_listing_links() -> None:
    found = {f.url: f for f in html_links(_tree("/"), BASE + "/")}
    assert found[BASE + SITE.posts[0].path].kind is JobKind.POST
    assert found[BASE + "/page/2/"].kind is JobKind.LISTING
    assert found[BASE + "/feed/"].kind is JobKind.FEED
    assert all("utm_" not in u and "#" not in u for u in found)
    assert not any("/wp-json/" in u for u in found)


def test_post_links_include_comment_pages_with_their_post() -> None:
    post = next(p for p in SITE.posts if SITE.comment_page_count(p) > 2)
    found = html_links(_tree(post.path), BASE + post.path)
    pages = [f for f in found if f.kind is JobKind.COMMENTS]
    assert pages
    assert all(f.post_url == BASE + post.path for f in pages)
    assert not any("replytocom" in f.url for f in found)


def test_since_drops_old_summaries_and_pagination() -> None:
    newest = SITE.posts[0].published.date()
    found = {f.url for f in html_links(_tree("/page/2/"), BASE + "/page/2/", since=newest)}
    assert not any(BASE + p.path in found for p in SITE.posts[10:20])
    assert BASE + "/page/3/" not in found


def test_post_or_listing() -> None:
    post = SITE.posts[3]
    page = render(SITE, post.path, BASE).body
    assert not is_listing_page(_tree(post.path), BASE + post.path)
    assert parse_page(page, BASE + post.path).body is not None
    assert is_listing_page(_tree("/page/2/"), BASE + "/page/2/")


def test_wordpress_ids_and_api_root() -> None:
    post = SITE.posts[3]
    tree = _tree(post.path)
    assert wp_post_id(tree) == post.id
    assert api_root(tree, BASE + post.path) == BASE + "/wp-json/"


def test_site_discovery_relative_to_seed() -> None:
    urls = [f.url for f in site_discovery("http://b.example/blog/")]
    assert "http://b.example/blog/wp-sitemap.xml" in urls
    assert "http://b.example/blog/feed/" in urls


def test_rest_pages() -> None:
    root = BASE + "/wp-json/"
    assert posts_url(root, 2) == BASE + "/wp-json/wp/v2/posts?per_page=100&page=2"
    assert comments_url(root, 7, 1).endswith("wp/v2/comments?post=7&per_page=100&page=1")
    body = json.dumps([{"id": 1, "link": BASE + "/2020/a/", "date_gmt": "2020-01-02T03:04:05"}])
    cap = Capture(url=root, status=200, fetched_at="", content=body.encode())
    assert [(e.url, e.when) for e in parse_posts(cap)] == [(BASE + "/2020/a/", date(2020, 1, 2))]
    end = json.dumps({"code": "rest_post_invalid_page_number"}).encode()
    assert is_past_last_page(Capture(url=root, status=400, fetched_at="", content=end))
