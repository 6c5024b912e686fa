"""End to end on a real Pelican site (PyPI's pelican 4, its default theme notmyidea): built
into a private dir with five posts a page, served on 127.0.0.1, crawled, exported, and
checked against Pelican's own articles (written by a plugin inside its build)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from engines.compare import Score, score
from engines.crawl import crawl_and_export
from engines.ikiwiki_content import POSTS
from engines.pelican import Pelican, missing

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

Crawled = tuple[list[dict[str, Any]], dict[str, Any], Score]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    if why := missing():
        pytest.skip(why)
    root = tmp_path_factory.mktemp("pelican")
    with Pelican(root) as site:
        truth = site.truth()
        records, _ = crawl_and_export(site.url + "/", root / "arc")
        yield records, truth, score(records, truth)


def test_every_post_once_under_its_permalink(crawled: Crawled) -> None:
    _, truth, s = crawled
    assert s.posts == len(truth["posts"]) == len(POSTS)
    assert s.posts_found_once == s.posts, s.problems


def test_paginated_index_category_tag_and_author_pages_are_not_posts(crawled: Crawled) -> None:
    """index2.html, category/*.html, tag/*.html, author/*.html, archives.html: listings."""
    _, _, s = crawled
    assert not s.stray_records


def test_fields_and_body_match_pelican(crawled: Crawled) -> None:
    """Title, author, date, the category (a footer link to its archive), tags, body."""
    _, _, s = crawled
    assert s.post_fields_right == s.post_fields, s.problems
    assert min(s.body_f1) >= 0.95, s.problems
    assert s.posts_right == s.posts, s.problems
