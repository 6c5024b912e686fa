"""Links to other comment pages, for the crawler."""

from __future__ import annotations

from lxml.html import document_fromstring

from scraper.parse.comments._comments import comment_page_links
from scraper.parse.dom._page import Page


def test_wordpress_comment_navigation() -> None:
    html = """<html><body><div id="comments">
    <nav class="comment-navigation"><div class="nav-previous">
    <a href="/2020/01/post/comment-page-1/#comments">Older Comments</a></div></nav>
    <div class="nav-links"><a class="page-numbers" href="/2020/01/post/comment-page-3/">3</a>
    <a class="page-numbers" href="https://blog.example/2020/01/post/?cpage=4#comments">4</a></div>
    </div><a href="/2020/02/other/comment-page-2/">elsewhere</a>
    <a href="/about/">About</a></body></html>"""
    page = Page(document_fromstring(html), "https://blog.example/2020/01/post/comment-page-2/")
    assert comment_page_links(page) == [
        "https://blog.example/2020/01/post/comment-page-1/",
        "https://blog.example/2020/01/post/comment-page-3/",
        "https://blog.example/2020/01/post/?cpage=4",
    ]


def test_no_links_without_pagination() -> None:
    page = Page(document_fromstring("<html><body><a href='/x'>x</a></body></html>"), "https://b/")
    assert comment_page_links(page) == []
