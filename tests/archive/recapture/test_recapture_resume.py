"""Re-capture rounds that are interrupted and resumed: each URL recorded once, versions
completed, new posts the dead run found fetched, and a summary of the whole round."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
import threading
from pathlib import Path

import pytest
from archive_build import FAST, again, crawled, round_records, shared_pool, site_with_comments

from archive import Archive
from archive.recapture._recapture import RecaptureConfig, recapture
from scraper.testing import Site


@pytest.fixture
def site() -> Site:
    return site_with_comments(6)


# The fast suite keeps one case of each of the first two tests (the 304 round, a post
# killed before its parse) and the new post a dead run left half done; the other cases
# (another first crawl each) and the round report run in the full run.
_VALIDATORS = pytest.mark.parametrize(
    "validators",
    [True, pytest.param(False, marks=pytest.mark.slow)],
    ids=["304", "identical"],
)


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
@_VALIDATORS
def test_a_resumed_round_records_each_url_once(
    tmp_path: Path, site: Site, validators: bool
) -> None:
    with crawled(tmp_path, site, validators=validators) as server:
        stop = threading.Event()
        fetched: list[str] = []

        def after_a_few(event: object) -> None:
            if getattr(event, "kind", "") == "fetched":
                fetched.append(getattr(event, "url", ""))
                if len(fetched) >= 8:
                    stop.set()

        stopped = asyncio.run(
            recapture(
                tmp_path,
                RecaptureConfig(crawl=FAST),
                pool=shared_pool(),
                stop=stop,
                on_event=after_a_few,
            )
        )
        assert stopped.interrupted
        done_before = set(round_records(tmp_path))
        assert len(done_before) >= 8
        server.clear_log()
        stats = again(tmp_path)  # the same command again: resumes the unfinished round
        asked = [r.path for r in server.requests]
    assert not stats.interrupted  # type: ignore[attr-defined]
    assert stats.crawl_id == stopped.crawl_id  # type: ignore[attr-defined]
    twice = {u: n for u, n in round_records(tmp_path).items() if n > 1}
    assert not twice, f"recorded twice in one round: {twice}"
    # What the interrupted run re-captured is not asked for again (robots.txt aside).
    again_asked = {server.url + p for p in asked if p != "/robots.txt"} & done_before
    assert not again_asked
    # Every page of the site is in the round, and nothing changed.
    everything = set(round_records(tmp_path))
    assert {server.url + p.path for p in site.posts} <= everything
    assert stats.changed == stats.new == stats.changed_posts == 0  # type: ignore[attr-defined]


def _edit_last_comment(site: Site) -> Site:
    """The newest post with its last comment edited: only the post page changes."""
    post = site.posts[0]
    last = post.comments[-1].id
    threads = tuple(
        tuple(
            dataclasses.replace(c, text="Edited after the fact.") if c.id == last else c for c in t
        )
        for t in post.threads
    )
    new = dataclasses.replace(post, comments=tuple(c for t in threads for c in t), threads=threads)
    return dataclasses.replace(site, posts=[new, *site.posts[1:]])


@pytest.mark.parametrize(
    "parsed",
    [pytest.param(True, marks=pytest.mark.slow), False],
    ids=["parsed", "killed-before-parse"],
)
@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_a_resumed_round_completes_the_version_of_a_changed_post(
    tmp_path: Path, site: Site, parsed: bool
) -> None:
    with crawled(tmp_path, site) as server:
        server.site = _edit_last_comment(site)
        url = server.url + site.posts[0].path
        assert site.comment_page_count(site.posts[0]) >= 1  # pages that stay unchanged
        stop = threading.Event()

        def stop_at_the_post(event: object) -> None:
            if getattr(event, "kind", "") == "fetched" and getattr(event, "url", "") == url:
                stop.set()  # the changed page is stored; its comment pages come later

        asyncio.run(
            recapture(
                tmp_path,
                RecaptureConfig(crawl=FAST),
                pool=shared_pool(),
                stop=stop,
                on_event=stop_at_the_post,
            )
        )
        if not parsed:  # as if killed between storing the changed page and its parse
            db = sqlite3.connect(tmp_path / "catalog.sqlite")
            with db:
                db.execute(
                    "DELETE FROM pages WHERE capture_id IN (SELECT id FROM captures "
                    "WHERE crawl_id = (SELECT MAX(id) FROM crawls))"
                )
            db.close()
        stats = again(tmp_path)
        expected = [c.text for c in server.site.posts[0].comments]
    # the round's summary counts the whole round: the interrupted run's change included
    assert stats.changed_posts == 1  # type: ignore[attr-defined]
    assert stats.changed >= 1  # type: ignore[attr-defined]
    assert not {u: n for u, n in round_records(tmp_path).items() if n > 1}
    with Archive.open(tmp_path, readonly=True) as arc:
        versions = arc.post_versions(url)
        latest = {p.url: p for p in arc.posts()}[url]
    assert len(versions) == 2
    # The new version holds the whole thread: the comment pages this run found unchanged
    # are linked to the version the interrupted run started.
    assert [c.text for c in latest.comments] == expected


def _url_state(root: Path, url: str) -> str | None:
    db = sqlite3.connect(root / "catalog.sqlite")
    try:
        row = db.execute("SELECT state FROM urls WHERE url = ?", (url,)).fetchone()
    finally:
        db.close()
    return None if row is None else str(row[0])


@pytest.mark.slow
def test_a_new_post_found_by_an_interrupted_round_is_fetched_when_it_resumes(
    tmp_path: Path, site: Site
) -> None:
    older = Site(spec=site.spec, posts=site.posts[1:])
    with crawled(tmp_path, older) as server:
        server.site = site
        url = server.url + site.posts[0].path
        stop = threading.Event()

        def once_the_post_is_queued(event: object) -> None:
            if getattr(event, "kind", "") == "queued" and _url_state(tmp_path, url):
                stop.set()  # found and queued; the round stops before fetching it

        asyncio.run(
            recapture(
                tmp_path,
                RecaptureConfig(crawl=FAST),
                pool=shared_pool(),
                stop=stop,
                on_event=once_the_post_is_queued,
            )
        )
        assert _url_state(tmp_path, url) == "queued"
        assert url not in round_records(tmp_path)
        # Its listing pages may well answer 304 now: the queue in the catalog is what is left.
        server.site, server.unlisted = older, site
        stats = again(tmp_path)
    assert stats.new >= 1  # type: ignore[attr-defined]
    assert round_records(tmp_path)[url] == 1
    assert _url_state(tmp_path, url) == "parsed"


def _summary(stats: object) -> dict[str, object]:
    keep = ("not_modified", "identical", "changed", "new", "other", "changed_posts")
    return {k: getattr(stats, k) for k in (*keep, "carried_pages", "same_parse")}


@pytest.mark.slow
@_VALIDATORS
def test_a_resumed_round_reports_the_whole_round(
    tmp_path: Path, site: Site, validators: bool
) -> None:
    edited = _edit_last_comment(site)
    # The same round without interruption, on an archive of its own: what to expect.
    with crawled(tmp_path / "whole", site, validators=validators) as server:
        server.site = edited
        whole = again(tmp_path / "whole")
    root = tmp_path / "resumed"
    with crawled(root, site, validators=validators) as server:
        server.site = edited
        url = server.url + site.posts[0].path
        stop = threading.Event()

        def after_the_post(event: object) -> None:
            if getattr(event, "kind", "") == "fetched" and getattr(event, "url", "") == url:
                stop.set()

        first = asyncio.run(
            recapture(
                root,
                RecaptureConfig(crawl=FAST),
                pool=shared_pool(),
                stop=stop,
                on_event=after_the_post,
            )
        )
        stored = sum(round_records(root).values())
        stats = again(root)
    assert first.interrupted
    assert first.changed_posts == 1
    assert stats.resumed_records == stored > 0  # type: ignore[attr-defined]
    assert _summary(stats) == _summary(whole)
    assert whole.changed_posts == 1  # type: ignore[attr-defined]
    records = sum(round_records(root).values())
    counted = ("not_modified", "identical", "changed", "new", "other")
    assert sum(getattr(stats, k) for k in counted) == records
    assert stats.requests >= records  # type: ignore[attr-defined]
    with Archive.open(root, readonly=True) as arc:
        rows = [r for r in arc.captures() if r.crawl_id == stats.crawl_id]  # type: ignore[attr-defined]
    db = sqlite3.connect(root / "catalog.sqlite")
    try:
        (size,) = db.execute(
            "SELECT SUM(warc_length + COALESCE(request_length, 0)) FROM captures "
            "WHERE crawl_id = ?",
            (stats.crawl_id,),  # type: ignore[attr-defined]
        ).fetchone()
        (saved,) = db.execute(
            "SELECT stats_json FROM crawls WHERE id = ?",
            (stats.crawl_id,),  # type: ignore[attr-defined]
        ).fetchone()
    finally:
        db.close()
    assert len(rows) == records
    assert stats.warc_bytes == size  # type: ignore[attr-defined]
    assert f'"resumed_records": {stored}' in saved


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_a_new_post_the_dead_run_stored_but_did_not_finish_is_finished(
    tmp_path: Path, site: Site
) -> None:
    older = Site(spec=site.spec, posts=site.posts[1:])
    with crawled(tmp_path, older) as server:
        server.site = site
        url = server.url + site.posts[0].path
        stop = threading.Event()

        def at_the_post(event: object) -> None:
            if getattr(event, "kind", "") == "fetched" and getattr(event, "url", "") == url:
                stop.set()

        asyncio.run(
            recapture(
                tmp_path,
                RecaptureConfig(crawl=FAST),
                pool=shared_pool(),
                stop=stop,
                on_event=at_the_post,
            )
        )
        # as if killed after its parse was written but before its final state was
        db = sqlite3.connect(tmp_path / "catalog.sqlite")
        with db:
            db.execute("UPDATE urls SET state = 'queued' WHERE url = ?", (url,))
        db.close()
        server.clear_log()
        again(tmp_path)
        asked = {r.path for r in server.requests}
    assert site.posts[0].path not in asked  # re-captured once in the round
    assert _url_state(tmp_path, url) == "parsed"
    assert round_records(tmp_path)[url] == 1
