"""The generated blog and its server behave like WordPress, faults included."""

from __future__ import annotations

import gzip

import httpx
import pytest

from scraper.testing import Fault, FaultKind, SiteServer, SiteSpec, gen_site, render


def test_generation_is_deterministic_and_sized() -> None:
    a, b = gen_site(50, seed=7), gen_site(50, seed=7)
    assert [p.path for p in a.posts] == [p.path for p in b.posts]
    assert len(a.posts) == 50
    assert len({p.path for p in a.posts}) == 50
    assert any(a.comment_page_count(p) > 1 for p in a.posts)
    assert max(c.depth for p in a.posts for c in p.comments) >= 2


def test_comment_pages_cover_every_comment_once() -> None:
    site = gen_site(40)
    for post in site.posts:
        pages = range(1, site.comment_page_count(post) + 1)
        ids = [c.id for n in pages for c in site.comment_page(post, n)]
        assert sorted(ids) == sorted(c.id for c in post.comments)


def test_plain_url_shows_newest_comment_page() -> None:
    site = gen_site(40)
    post = next(p for p in site.posts if site.comment_page_count(p) > 1)
    last = site.comment_page(post, site.comment_page_count(post))
    html = render(site, post.path, "http://x").body.decode()
    assert f'id="comment-{last[0].id}"' in html
    assert "comment-page-" in html
    assert "Older Comments" in html


def test_gzip_sitemaps_and_filler() -> None:
    site = gen_site(30, spec=SiteSpec(gzip_sitemaps=True, filler_bytes=40_000))
    index = render(site, "/wp-sitemap.xml", "http://x").body.decode()
    assert "wp-sitemap-posts-post-1.xml.gz" in index
    sub = render(site, "/wp-sitemap-posts-post-1.xml.gz", "http://x").body
    assert b"<urlset" in gzip.decompress(sub)
    assert len(render(site, site.posts[0].path, "http://x").body) > 40_000


def test_wp_json_pages_end_with_400() -> None:
    site = gen_site(150)
    first = render(site, "/wp-json/wp/v2/posts?per_page=100&page=1", "http://x")
    past = render(site, "/wp-json/wp/v2/posts?per_page=100&page=3", "http://x")
    assert first.status == 200
    assert past.status == 400
    assert b"rest_post_invalid_page_number" in past.body


@pytest.mark.timeout(60)
def test_server_serves_and_injects_faults() -> None:
    site = gen_site(20)
    faults = {
        "/feed/": Fault(kind=FaultKind.RETRY_AFTER_SECONDS, status=503, seconds=3, times=1),
        "/bad/": Fault(kind=FaultKind.STATUS, status=410),
        "/loop/": Fault(kind=FaultKind.REDIRECT_LOOP),
        "/short/": Fault(kind=FaultKind.SHORT_BODY),
    }
    with SiteServer(site, faults=faults) as server, httpx.Client(base_url=server.url) as client:
        assert client.get("/robots.txt").text.startswith("User-agent: *")
        first, second = client.get("/feed/"), client.get("/feed/")
        assert (first.status_code, first.headers["retry-after"]) == (503, "3")
        assert second.status_code == 200
        assert client.get("/bad/").status_code == 410
        assert client.get("/loop/").headers["location"].endswith("/loop/?loop=1")
        with pytest.raises(httpx.RemoteProtocolError):
            client.get("/short/")
        assert client.get(site.posts[0].path).status_code == 200
        assert server.count("/feed/") == 2
        assert server.requests[0].path == "/robots.txt"


def test_a_site_with_assets_links_and_serves_them() -> None:
    from scraper.testing import asset_paths

    plain = gen_site(3, seed=2)
    site = gen_site(3, spec=SiteSpec(assets=True), seed=2)
    base = "http://blog.test"
    assert asset_paths(plain) == []
    assert render(plain, "/wp-content/uploads/post-1.png", base).status == 404
    paths = asset_paths(site)
    assert len(paths) == 2 + len(site.posts)  # stylesheet, logo, one image per post
    post = site.posts[0]
    page = render(site, post.path, base).body.decode()
    plain_page = render(plain, post.path, base).body.decode()
    own = {paths[0], paths[1], f"/wp-content/uploads/post-{post.id}.png"}
    for path in paths:
        resp = render(site, path, base)
        assert resp.status == 200, path
        ctype = dict(resp.headers)["Content-Type"]
        assert ctype == ("text/css" if path.endswith(".css") else "image/png")
        if path.endswith(".png"):
            assert resp.body.startswith(b"\x89PNG\r\n\x1a\n")
        assert (base + path in page) == (path in own), path
        assert base + path not in plain_page
    assert render(site, "/wp-content/uploads/post-999.png", base).status == 404
