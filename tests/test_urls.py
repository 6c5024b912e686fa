"""URL canonicalization, scope and address classification (pure)."""

from __future__ import annotations

import pytest

from scraper._urls import Scope, canonicalize, comment_page_post, is_private_address


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://Blog.Example:80/a/b/?utm_source=x&p=2#c", "http://blog.example/a/b/?p=2"),
        ("https://blog.example:443/", "https://blog.example/"),
        ("http://blog.example", "http://blog.example/"),
        ("http://blog.example/p/?replytocom=5#respond", "http://blog.example/p/"),
        ("http://blog.example/p/?fbclid=1&gclid=2&b=1&a=2", "http://blog.example/p/?b=1&a=2"),
        ("http://blog.example/a/../b/./c/", "http://blog.example/b/c/"),
        ("http://blog.example/café/", "http://blog.example/caf%C3%A9/"),
        ("http://blog.example/caf%C3%A9/", "http://blog.example/caf%C3%A9/"),
        ("http://blog.example/x", "http://blog.example/x"),  # no slash added: the site decides
        ("http://blog.example:8080/x/", "http://blog.example:8080/x/"),
        ("http://[::1]:8080/a", "http://[::1]:8080/a"),
    ],
)
def test_canonicalize(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


@pytest.mark.parametrize(
    "raw", ["mailto:a@b.example", "javascript:void(0)", "ftp://x/", "http://", "http://x:99999/"]
)
def test_non_http_urls_are_none(raw: str) -> None:
    assert canonicalize(raw) is None


def test_relative_resolution() -> None:
    assert (
        canonicalize("../other/", "http://b.example/2020/post/") == "http://b.example/2020/other/"
    )
    assert canonicalize("#comments", "http://b.example/p/") == "http://b.example/p/"


def test_comment_page_post() -> None:
    assert comment_page_post("http://b/2020/slug/comment-page-3/") == "http://b/2020/slug/"
    assert comment_page_post("http://b/?p=1&cpage=2") == "http://b/?p=1"
    assert comment_page_post("http://b/2020/slug/") is None


def test_scope_prefix_and_hosts() -> None:
    scope = Scope.from_seeds(["http://b.example/blog/", "http://c.example/"], ["cdn.example"])
    assert "http://b.example/blog/2020/x/" in scope
    assert "http://b.example/other/" not in scope
    assert scope.has_host("http://b.example/wp-sitemap.xml")
    assert "http://c.example/anything" in scope
    assert "https://cdn.example/img.png" in scope
    assert "http://evil.example/" not in scope


def test_scope_of_a_single_post_seed_keeps_its_comment_pages() -> None:
    scope = Scope.from_seeds(["http://b.example/2020/01/01/slug/"])
    assert "http://b.example/2020/01/01/slug/comment-page-2/" in scope
    assert "http://b.example/2020/01/02/other/" not in scope


@pytest.mark.parametrize(
    ("address", "private"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("192.168.0.1", True),
        ("169.254.169.254", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("fe80::1", True),
        ("0.0.0.0", True),
        ("8.8.8.8", False),
        ("2606:4700::1111", False),
        ("not-an-ip", False),
    ],
)
def test_private_addresses(address: str, private: bool) -> None:
    assert is_private_address(address) is private


@pytest.mark.parametrize("base", ["http://b.example/d/e/", "https://b.example/", "ftp://z/"])
@pytest.mark.parametrize(
    "href",
    [
        "http://a.example/x",
        "https://A.Example:443/p;?q=1#f",
        "http://a/../b",
        "http://x/p;",
        "http://[bad/x",
        "http://h?x=1&utm_source=2",
        "http://h:99999/",
        "https://h/%2F./../c",
        "http://h./x",
        "http://h/a;b/c;d",
        "http://h:/x",
        "http:///no-host",
    ],
)
def test_cached_absolute_links_canonicalize_as_uncached(href: str, base: str) -> None:
    from scraper._urls import _canonicalize

    assert canonicalize(href, base) == _canonicalize(href, base)
    assert canonicalize(href, base) == canonicalize(href, base)  # the cached answer
