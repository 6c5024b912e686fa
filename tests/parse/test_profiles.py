"""Platform detection from cheap witnesses: generator, body classes, head asset hosts."""

from __future__ import annotations

import pytest
from lxml.html import document_fromstring

from scraper.parse.dom._page import Page
from scraper.parse.profiles import PROFILES, detect_profile


def _name(head: str, body: str = "x") -> str:
    return detect_profile(Page(document_fromstring(f"<html><head>{head}</head>{body}</html>"))).name


def _gen(value: str) -> str:
    return f'<meta name="generator" content="{value}">'


def _css(url: str) -> str:
    return f'<link rel="stylesheet" href="{url}">'


@pytest.mark.parametrize(
    ("head", "name"),
    [
        (_gen("WordPress 6.1"), "wordpress"),
        (_css("https://s.example/wp-content/themes/t/style.css"), "wordpress"),
        (_gen("Blogger"), "blogger"),
        (_css("https://www.blogger.com/static/v1/widgets/css.css"), "blogger"),
        (_gen("Ghost 5.2"), "ghost"),
        (_gen("http://www.typepad.com/"), "typepad"),
        ('<meta name="Generator" content="Drupal 10">', "drupal"),
        ('<link rel="icon" href="https://substackcdn.com/icon.png">', "substack"),
        ("<title>t</title>", "generic"),
    ],
)
def test_detect(head: str, name: str) -> None:
    assert _name(head) == name


def test_wordpress_body_classes() -> None:
    assert _name("", '<body class="single single-post postid-3">x</body>') == "wordpress"


def test_host_match_is_not_substring() -> None:
    assert _name(_css("https://theedublogger.com/style.css")) == "generic"


def test_block_theme_is_wordpress() -> None:
    html = f"<html><head>{_gen('WordPress 6.5')}</head><body><div class=wp-site-blocks>x</div>"
    profile = detect_profile(Page(document_fromstring(html + "</body></html>")))
    assert profile.name == "wordpress"
    assert ".wp-block-comment-content" in profile.comments.content


def test_generic_is_last() -> None:
    assert PROFILES[-1].name == "generic"
