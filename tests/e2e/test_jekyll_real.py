"""End to end on a real Jekyll site (Debian's jekyll, its default theme minima): built and
served on 127.0.0.1, crawled, exported, and checked against Jekyll's own ``site.posts``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from engines.compare import Score, score
from engines.crawl import crawl_and_export
from engines.jekyll import Jekyll, missing

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def crawled(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[list[dict[str, Any]], dict[str, Any], Score]]:
    if why := missing():
        pytest.skip(why)
    root = tmp_path_factory.mktemp("jekyll")
    with Jekyll(root) as site:
        truth = site.truth()
        records, _ = crawl_and_export(site.url + "/", root / "arc")
        yield records, truth, score(records, truth)


def test_every_post_once_under_its_permalink(crawled: Any) -> None:
    _, truth, s = crawled
    assert s.posts == len(truth["posts"]) >= 8
    assert s.posts_found_once == s.posts, s.problems


def test_the_home_page_is_a_listing_not_a_post(crawled: Any) -> None:
    """minima lists the posts as plain links (no <article>): still the blog's home."""
    _, _, s = crawled
    assert not s.stray_records


def test_fields_and_body_match_jekyll(crawled: Any) -> None:
    """Title, author, date (site timezone), body; minima shows no categories or tags, so
    the records have none (Jekyll's own are in the URL only)."""
    _, _, s = crawled
    assert s.post_fields_right == s.post_fields, s.problems
    assert min(s.body_f1) >= 0.95, s.problems
    assert s.posts_right == s.posts, s.problems
