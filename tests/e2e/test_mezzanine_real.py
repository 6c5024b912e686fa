"""End to end on a real Mezzanine 6.1 (a Django CMS from PyPI, SQLite) with its default
templates: content put in through Mezzanine's models, served by Django on 127.0.0.1,
crawled, exported, and checked against Mezzanine's ORM read back. The second engine whose
threaded comments the tests check, after WordPress."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from engines.compare import Score, score
from engines.crawl import crawl_and_export
from engines.mezzanine import Mezzanine, missing
from engines.verify import verify_record

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

Crawled = tuple[list[dict[str, Any]], dict[str, Any], Score]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    if why := missing():
        pytest.skip(why)
    root = tmp_path_factory.mktemp("mezzanine")
    with Mezzanine(root) as site:
        truth = site.truth()
        records, _ = crawl_and_export(site.url + "/", root / "arc")
        yield records, truth, score(records, truth)


def _record(crawled: Crawled, slug: str) -> tuple[dict[str, Any], dict[str, Any]]:
    records, truth, _ = crawled
    want = next(p for p in truth["posts"] if p["slug"] == slug)
    return next(r for r in records if r["url"] == want["url"]), want


def test_every_post_once_under_its_permalink(crawled: Crawled) -> None:
    _, truth, s = crawled
    assert s.posts == len(truth["posts"]) == 12
    assert s.posts_found_once == s.posts, s.problems


def test_listings_and_the_back_office_are_not_posts(crawled: Crawled) -> None:
    """The blog list (no <article>: linked titles with bylines), its pages, the category,
    tag, author and month archives, and Django's admin login: none is a record."""
    _, _, s = crawled
    assert not s.stray_records


def test_drafts_and_scheduled_posts_never_become_records(crawled: Crawled) -> None:
    records, _, _ = crawled
    assert not [
        r["url"] for r in records if "never appear" in ((r["body"] or {}).get("text") or "")
    ]
    assert not [
        r["title"] for r in records if r["title"] in ("A draft nobody sees", "A scheduled post")
    ]


def test_fields_and_body_match_mezzanine(crawled: Crawled) -> None:
    """Title, author's full name, keywords as tags, body words; no date (the page shows
    only "N months ago") and no categories (the post page does not show them)."""
    _, _, s = crawled
    assert s.post_fields_right == s.post_fields, s.problems
    assert min(s.body_f1) >= 0.95, s.problems
    assert s.posts_right == s.posts, s.problems


def test_every_visible_comment_once_with_its_parent(crawled: Crawled) -> None:
    _, truth, s = crawled
    assert s.comments == sum(len(p["comments"]) for p in truth["posts"]) >= 40
    assert s.comments_right == s.comments, s.problems


def test_the_deep_thread_nests_six_levels(crawled: Crawled) -> None:
    rec, want = _record(crawled, "the-night-ferry")
    assert max(c["depth"] for c in rec["comments"]) == 5
    assert len(rec["comments"]) == len(want["comments"]) >= 40


def test_removed_and_unapproved_comments_are_not_records(crawled: Crawled) -> None:
    """A visitor sees "Comment deleted" / "Comment awaiting approval" with no name or text;
    the record has no comment for either, and their words appear nowhere."""
    _, _, s = crawled
    rec, want = _record(crawled, "the-night-ferry")
    assert len(want["placeholders"]) == 2
    assert not {c["id"] for c in rec["comments"]} & set(want["placeholders"])
    assert not s.leaked
    # their replies, still shown nested under the placeholders: depth 1, parent unknown
    ids = {c["id"] for c in want["comments"] if "engine_parent_id" in c}
    assert len(ids) == 2
    replies = [c for c in rec["comments"] if c["id"] in ids]
    assert [(c["parent_id"], c["depth"]) for c in replies] == [(None, 1), (None, 1)]


def test_records_are_true_field_by_field(crawled: Crawled) -> None:
    """The strict check (links, quotes, comment depth, order, permalinks, post-author mark)."""
    records, truth, _ = crawled
    wrong = {}
    for want in truth["posts"]:
        rec = next(r for r in records if r["url"] == want["url"])
        if bad := verify_record(rec, want, truth):
            wrong[want["slug"]] = bad
    assert not wrong
