"""The body text a parse gives a small hand-written page: the one helper the body rule tests
share, so each test reads as its page and its expectation."""

from __future__ import annotations

from scraper import parse_page

__all__ = ["body_text"]


def body_text(html: str, url: str) -> str:
    post = parse_page(html.encode(), url)
    assert post.body is not None
    return post.body.text
