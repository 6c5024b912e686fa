"""End to end on a real ikiwiki blog (Debian's ikiwiki, its example blog with the comments
plugin and its default look): compiled into a private dir, served on 127.0.0.1, crawled,
exported, and checked against what ikiwiki itself made of its sources (its indexdb, read
back with its own Perl modules)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from engines.compare import Score, same_date, score
from engines.crawl import crawl_and_export
from engines.ikiwiki import Ikiwiki, missing
from engines.ikiwiki_content import COMMENTS, POSTS

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

Crawled = tuple[list[dict[str, Any]], dict[str, Any], Score]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    if why := missing():
        pytest.skip(why)
    root = tmp_path_factory.mktemp("ikiwiki")
    with Ikiwiki(root) as site:
        truth = site.truth()
        records, _ = crawl_and_export(site.url + "/", root / "arc")
        yield records, truth, score(records, truth)


def test_every_post_once_under_its_permalink(crawled: Crawled) -> None:
    """Twelve posts: the index shows the ten newest, the rest only the archive and tag
    pages and the calendar link to."""
    _, truth, s = crawled
    assert s.posts == len(truth["posts"]) == len(POSTS)
    assert s.posts_found_once == s.posts, s.problems


def test_listings_are_not_posts(crawled: Crawled) -> None:
    """The index, the "posts" archive, tag pages, month archives and "Recent comments" all
    inline other pages: none of them is a record."""
    records, truth, s = crawled
    assert truth["listings"]
    assert not s.stray_records
    urls = {r["url"] for r in records}
    assert not urls & set(truth["listings"])


def test_every_comment_once_with_author_date_and_text(crawled: Crawled) -> None:
    """Signed-in and anonymous commenters, non-ASCII names, links: each comment exactly
    once, flat (ikiwiki has no replies), its date in the blog's time zone."""
    _, _, s = crawled
    assert s.comments == len(COMMENTS)
    assert s.comments_found_once == s.comments, s.problems
    assert s.comments_right == s.comments, s.problems


def test_fields_and_body_match_ikiwiki(crawled: Crawled) -> None:
    """Title, author (``<meta name="author">``), tags, body. The page shows its creation
    date only inside an HTML comment and "Last edited" as text: the post edited after
    publication is the one whose published day can differ (known, README)."""
    records, truth, s = crawled
    assert min(s.body_f1) >= 0.95, s.problems
    edited = {p["url"] for p in truth["posts"] if p["modified"] != p["published"]}
    assert len(edited) == 1
    wrong = [p for p in s.problems if not any(p.startswith(u) for u in edited)]
    assert not wrong, s.problems
    by_url = {r["url"]: r for r in records}
    for want in truth["posts"]:
        rec = by_url[want["url"]]
        assert rec["title"] == want["title"]
        assert rec["author"]["name"] == want["author"]
        assert sorted(rec["tags"]) == sorted(want["tags"])
        if want["url"] not in edited:
            assert same_date(rec["published"], want["published"]), rec["url"]
