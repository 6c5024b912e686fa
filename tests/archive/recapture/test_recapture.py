"""Re-capture against a loopback blog: revisits for unchanged pages, versions for changes."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from archive_build import (
    FAST,
    again,
    crawled,
    edit_site,
    first_crawl,
    shared_pool,
    site_with_comments,
)
from warcio.archiveiterator import ArchiveIterator

from archive import Archive
from archive._loopback import ConditionalServer
from archive.recapture._history import post_history
from archive.recapture._recapture import RecaptureConfig, parse_duration, recapture, run_every
from scraper.testing import Site


def warc_records(root: Path) -> list[tuple[str, str | None, str | None]]:
    out = []
    for path in sorted((root / "warc").glob("*.warc.gz")):
        with path.open("rb") as f:
            for rec in ArchiveIterator(f):
                h = rec.rec_headers
                out.append(
                    (rec.rec_type, h.get_header("WARC-Profile"), h.get_header("WARC-Target-URI"))
                )
    return out


@pytest.fixture
def site() -> Site:
    return site_with_comments(6)


# The PostgreSQL variants crawl a real server end to end (~40 s each here): slow. The fast
# suite keeps the core rounds on SQLite (unchanged site: revisits only; changed and deleted
# comments: a new version; history; stop; the loop; durations); each of the other rounds
# below costs a re-capture (most a first crawl of their own too) and is marked slow.
_BACKENDS = pytest.mark.parametrize(
    "catalog", ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)], indirect=True
)


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
@_BACKENDS
def test_unchanged_site_gives_revisits_only(
    tmp_path: Path, site: Site, catalog: str | None
) -> None:
    with ConditionalServer(site) as server:
        first_crawl(tmp_path, server, catalog)
        warc_before = sum(p.stat().st_size for p in (tmp_path / "warc").glob("*.warc.gz"))
        n_records = len(warc_records(tmp_path))
        server.clear_log()
        stats = again(tmp_path)
        served = server.requests
    assert stats.changed == stats.new == stats.changed_posts == 0  # type: ignore[attr-defined]
    assert stats.not_modified > 0  # type: ignore[attr-defined]
    assert stats.failed == 0  # type: ignore[attr-defined]
    # Every request for a page we had carried a validator, and the server said 304.
    assert all(r.if_none_match for r in served if r.status == 304)
    # robots.txt is read without conditions (the crawler needs its body), and the REST
    # API's past-the-end page answers 400 each time: both come back identical.
    assert {r.path.split("?")[0] for r in served if r.status != 304} <= {
        "/robots.txt",
        "/wp-json/wp/v2/posts",
    }
    new = warc_records(tmp_path)[n_records:]
    kinds = {(t, p.rsplit("/", 1)[-1] if p else None) for t, p, _ in new}
    assert kinds <= {
        ("warcinfo", None),
        ("revisit", "server-not-modified"),
        ("revisit", "identical-payload-digest"),
    }
    growth = sum(p.stat().st_size for p in (tmp_path / "warc").glob("*.warc.gz")) - warc_before
    # Header-only records, no payload: under 1 KB each (the test pages are small, so the
    # ratio to the first capture is not the point here; benchmarks/recapture.py measures it).
    assert growth < 1024 * len(new)
    assert growth < warc_before / 3
    with Archive.open(tmp_path, readonly=True) as arc:
        url = server.url + site.posts[0].path
        assert len(arc.post_versions(url)) == 1  # no new version of an unchanged post
        revisit = next(r for r in arc.captures(url) if r.record_type == "revisit")
        assert revisit.etag  # validators kept from the 304
        assert arc.read_capture(revisit).content  # payload resolved through refers_to


@pytest.mark.slow
def test_without_validators_identical_payload_revisits(tmp_path: Path, site: Site) -> None:
    with crawled(tmp_path, site, validators=False):
        stats = again(tmp_path)
    assert stats.identical > 0  # type: ignore[attr-defined]
    assert stats.not_modified == stats.changed == 0  # type: ignore[attr-defined]
    profiles = {p for t, p, _ in warc_records(tmp_path) if t == "revisit"}
    assert profiles == {"http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"}


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
@_BACKENDS
def test_changed_and_deleted_comments_make_a_new_version(
    tmp_path: Path, site: Site, catalog: str | None
) -> None:
    with ConditionalServer(site) as server:
        first_crawl(tmp_path, server, catalog)
        server.site, edited, deleted = edit_site(site)
        stats = again(tmp_path)
        url = server.url + site.posts[0].path
    assert stats.changed_posts == 1  # type: ignore[attr-defined]
    assert stats.changed >= 1  # type: ignore[attr-defined]
    with Archive.open(tmp_path, readonly=True) as arc:
        versions = arc.post_versions(url)
        h = post_history(arc, url)
        latest = {p.url: p for p in arc.posts()}[url]
    assert len(versions) == 2
    change = h.changes[0].diff
    assert [c.id for c in change.comments_edited] == [str(edited)]
    assert [c.id for c in change.comments_removed] == [str(deleted)]
    assert not change.comments_added
    removed = {c.id: c for c in h.comments}[str(deleted)]
    assert removed.removed_at == h.changes[0].captured_at
    # The new version holds the whole thread, pages that did not change included.
    assert len(latest.comments) == len(server.site.posts[0].comments)


@pytest.mark.slow
def test_new_posts_are_captured(tmp_path: Path, site: Site) -> None:
    older = Site(spec=site.spec, posts=site.posts[1:])
    with crawled(tmp_path, older) as server:
        server.site = site
        stats = again(tmp_path)
        url = server.url + site.posts[0].path
    assert stats.new >= 1  # type: ignore[attr-defined]
    with Archive.open(tmp_path, readonly=True) as arc:
        assert url in {p.url for p in arc.posts()}


@pytest.mark.slow
def test_max_age_skips_old_posts(tmp_path: Path, site: Site) -> None:
    with crawled(tmp_path, site) as server:
        server.clear_log()
        again(tmp_path, max_age=timedelta(days=1))
        asked = {r.path for r in server.requests}
    assert not any(p.path in asked for p in site.posts)


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_stop_before_start_ends_cleanly(tmp_path: Path, site: Site) -> None:
    with crawled(tmp_path, site):
        stop = threading.Event()
        stop.set()
        stats = asyncio.run(
            recapture(tmp_path, RecaptureConfig(crawl=FAST), pool=shared_pool(), stop=stop)
        )
    assert stats.interrupted
    with Archive.open(tmp_path) as arc:  # opens cleanly: nothing half written
        assert not arc.recovery


def test_loop_logs_failed_round_and_goes_on(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    n = run_every(
        tmp_path / "missing", RecaptureConfig(), timedelta(0), stop=threading.Event(),
        on_error=errors.append, rounds=2,
    )  # fmt: skip
    assert n == 2
    assert len(errors) == 2
    assert "not an archive" in str(errors[0])


def test_parse_duration() -> None:
    assert parse_duration("6h") == timedelta(hours=6)
    assert parse_duration("1d12h") == timedelta(hours=36)
    assert parse_duration("30d") == timedelta(days=30)
    assert parse_duration("90") == timedelta(seconds=90)
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration("soon")


@pytest.mark.slow
def test_cli_one_round(tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    from archive._cli import main

    with crawled(tmp_path, site):
        code = main(["recapture", str(tmp_path), "--delay", "0", "--concurrency", "4"])
    out = capsys.readouterr().out
    assert code == 0
    assert "not modified (304)" in out
    assert "0 changed" in out


@pytest.mark.slow  # a real archive and a second round, ~1-2 s
def test_history_lists_unchanged_fetches(
    tmp_path: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    from archive._cli import main

    with crawled(tmp_path, site) as server:
        again(tmp_path)
        url = server.url + site.posts[0].path
    assert main(["history", str(tmp_path), url]) == 0
    out = capsys.readouterr().out
    assert "2 fetches, 1 versions" in out
    assert "revisit: not modified (304)" in out


@pytest.mark.slow
def test_churning_bytes_with_the_same_record_make_no_new_version(
    tmp_path: Path, site: Site
) -> None:
    # A fresh nonce in every response: no validator matches and no payload digest repeats,
    # yet nothing a reader sees changed, so history must not grow a version per round.
    with crawled(tmp_path, site, validators=False, nonce=True) as server:
        stats = again(tmp_path)
        url = server.url + site.posts[0].path
    assert stats.changed > 0  # type: ignore[attr-defined]
    assert stats.same_parse > 0  # type: ignore[attr-defined]
    assert stats.changed_posts == 0  # type: ignore[attr-defined]
    with Archive.open(tmp_path, readonly=True) as arc:
        assert len(arc.post_versions(url)) == 1
        # the new bytes are still archived as captured (nothing is thrown away)
        assert sum(r.record_type == "response" for r in arc.captures(url)) >= 2


def _round_ids(root: Path) -> list[int]:
    db = sqlite3.connect(root / "catalog.sqlite")
    try:
        return [int(r[0]) for r in db.execute("SELECT id FROM crawls ORDER BY id")]
    finally:
        db.close()


@pytest.mark.slow
def test_a_post_found_by_recapture_is_recaptured_after_it_leaves_the_listings(
    tmp_path: Path, site: Site
) -> None:
    older = Site(spec=site.spec, posts=site.posts[1:])
    new = site.posts[0]
    with crawled(tmp_path, older) as server:
        server.site = site  # the blog publishes a post
        again(tmp_path)  # round 2 finds it on the home page, feed and sitemap
        url = server.url + new.path
        # It rolls off: no listing, feed, sitemap or API page links it any more, yet it
        # (and its comment pages) are still there.
        server.site, server.unlisted = older, site
        server.clear_log()
        third = again(tmp_path)
        asked = {r.path: r for r in server.requests}
    _crawl, round2, round3 = _round_ids(tmp_path)
    assert third.crawl_id == round3  # type: ignore[attr-defined]
    with Archive.open(tmp_path, readonly=True) as arc:
        rows = list(arc.captures())
        in_round2 = {r.url for r in rows if r.crawl_id == round2 and r.url.startswith(url)}
        in_round3 = {r.url: r for r in rows if r.crawl_id == round3 and r.url.startswith(url)}
        assert url in {p.url for p in arc.posts()}  # export reads it
        h = post_history(arc, url)
    assert url in in_round2
    # history: one version (round 2), fetched again unchanged in round 3
    assert [c for c, _ in h.captures] == [round2]
    assert [(f.crawl_id, f.label) for f in h.fetches] == [
        (round2, "response 200"),
        (round3, "revisit: not modified (304)"),
    ]
    # Round 3 asked for the post and every page of it round 2 had, conditionally: revisits.
    assert set(in_round3) == in_round2
    assert all(r.record_type == "revisit" for r in in_round3.values())
    assert asked[new.path].status == 304
    assert asked[new.path].if_none_match
    # The catalog's frontier holds it like a crawled post.
    db = sqlite3.connect(tmp_path / "catalog.sqlite")
    try:
        kind, state = db.execute("SELECT kind, state FROM urls WHERE url = ?", (url,)).fetchone()
    finally:
        db.close()
    assert (kind, state) == ("post", "parsed")
