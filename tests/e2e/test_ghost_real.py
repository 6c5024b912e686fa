"""End to end on a real Ghost 5 (the npm package, SQLite) under both bundled themes, Source
(Ghost 5's default) and Casper: content put in through Ghost's Admin API, served on
127.0.0.1, crawled, exported, and checked against what the Admin API says is published
(the owner's "Coming soon" post that a new Ghost makes included)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from engines.compare import Score, same_date, score
from engines.crawl import crawl_and_export
from engines.ghost import POSTS, THEMES, UNPUBLISHED, Ghost, missing
from engines.verify import verify_record

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]

Crawled = tuple[list[dict[str, Any]], dict[str, Any], Score]


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Crawled]]:
    """One Ghost, each theme crawled once for the module (the crawls are the slow part)."""
    if why := missing():
        pytest.skip(why)
    root = tmp_path_factory.mktemp("ghost")
    out: dict[str, Crawled] = {}
    with Ghost(root) as site:
        site.add_content()
        truth = site.truth()
        for theme in THEMES:
            site.activate(theme)
            records, _ = crawl_and_export(site.url + "/", root / f"arc-{theme}")
            out[theme] = (records, truth, score(records, truth))
        yield out


@pytest.fixture(params=THEMES)
def crawled(request: pytest.FixtureRequest, crawls: dict[str, Crawled]) -> Crawled:
    return crawls[request.param]


def _record(crawled: Crawled, slug: str) -> tuple[dict[str, Any], dict[str, Any]]:
    records, truth, _ = crawled
    want = next(p for p in truth["posts"] if p["slug"] == slug)
    rec = next(r for r in records if r["url"] == want["url"])
    return rec, want


def test_every_post_once_under_its_permalink(crawled: Crawled) -> None:
    _, truth, s = crawled
    assert s.posts == len(truth["posts"]) == len(POSTS) + 1  # Ghost's own "Coming soon"
    assert s.posts_found_once == s.posts, s.problems


def test_listings_are_not_posts(crawled: Crawled) -> None:
    """Casper's home, tag and author pages list post cards: none of them is a record."""
    _, _, s = crawled
    assert not s.stray_records


def test_drafts_and_scheduled_posts_never_become_records(crawled: Crawled) -> None:
    records, _, _ = crawled
    hidden = {slug for slug, *_ in UNPUBLISHED}
    titles = {title for _, title, *_ in UNPUBLISHED}
    assert not [r["url"] for r in records if r["url"].rstrip("/").rsplit("/", 1)[-1] in hidden]
    assert not [r["title"] for r in records if r["title"] in titles]


def test_fields_and_body_match_ghost(crawled: Crawled) -> None:
    """Title, primary author, publication instant, Ghost's public tags, body words."""
    _, _, s = crawled
    assert s.post_fields_right == s.post_fields, s.problems
    assert min(s.body_f1) >= 0.95, s.problems
    assert s.posts_right == s.posts, s.problems


def test_every_post_is_read_by_the_ghost_profile(crawled: Crawled) -> None:
    records, truth, _ = crawled
    posts = {p["url"] for p in truth["posts"]}
    names = {r["url"]: r["extractor"]["name"] for r in records if r["url"] in posts}
    assert set(names.values()) == {"ghost"}, names


def test_internal_tags_stay_internal(crawled: Crawled) -> None:
    records, _, _ = crawled
    assert not [r["url"] for r in records if any(t.startswith("#") for t in r["tags"])]
    rec, want = _record(crawled, "sections-and-headings")
    assert rec["tags"] == want["tags"] == ["Notes"]


def test_no_comments_from_a_script_thread(crawled: Crawled) -> None:
    """Comments are on (``comments_enabled: all``) but Ghost renders them in the browser:
    the pages hold a script tag, no thread, so every record has none and no count."""
    records, _, _ = crawled
    assert all(r["comments"] == [] and r["comment_count"] is None for r in records)


def test_members_only_post_has_no_body(crawled: Crawled) -> None:
    """A visitor's page of a members-only post shows the title, byline and a sign-up call,
    not the text: the body is unknown (null), the rest is still right."""
    rec, want = _record(crawled, "for-members")
    assert want["protected"]
    assert rec["body"] is None
    assert rec["title"] == want["title"]
    assert same_date(rec["published"], want["published"])


def test_a_post_edited_after_publication_says_when(crawled: Crawled) -> None:
    rec, want = _record(crawled, "the-harbour-master-corrects-himself")
    assert datetime.fromisoformat(want["modified"]) > datetime.fromisoformat(want["published"])
    assert same_date(rec["modified"], want["modified"])
    assert "Correction added after publication" in rec["body"]["text"]


def test_records_are_true_field_by_field(crawled: Crawled) -> None:
    """The strict check the saved fixtures pass (links, images, quotes, site, language)."""
    records, truth, _ = crawled
    wrong = {}
    for want in truth["posts"]:
        rec = next(r for r in records if r["url"] == want["url"])
        if bad := verify_record(rec, want, truth):
            wrong[want["slug"]] = bad
    assert not wrong


def test_co_authors_are_all_named(crawled: Crawled) -> None:
    """Ghost's JSON-LD credits only the primary author; Casper's and Source's byline links
    both, the declared one first (``_declared.with_linked``)."""
    rec, want = _record(crawled, "written-together")
    assert rec["author"]["name"] == want["author"]
    assert [a["name"] for a in rec["authors"]] == want["authors"]
