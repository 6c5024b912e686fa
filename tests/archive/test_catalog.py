"""Catalog + frontier semantics: dedup, claim, finish, resume, version check, lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from archive import Archive, ArchiveLockedError, CatalogVersionError
from archive.catalog import CATALOG_VERSION
from scraper._protocols import Job, JobKind, URLState


def _jobs(*urls: str) -> list[Job]:
    return [Job(u, JobKind.POST) for u in urls]


def test_add_dedups_and_claim_is_fifo(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a") as arc:
        f = arc.frontier
        assert f.add(_jobs("http://b/1", "http://b/2", "http://b/1")) == 2
        assert f.add(_jobs("http://b/2", "http://b/3")) == 1
        assert f.pending() == 3
        assert [j.url for j in f.claim(2)] == ["http://b/1", "http://b/2"]
        assert f.pending() == 3
        assert [j.url for j in f.claim(5)] == ["http://b/3"]
        assert f.claim(5) == []
        f.finish("http://b/1", URLState.PARSED)
        f.finish("http://b/2", URLState.FAILED, "HTTP 404")
        f.finish("http://b/3", URLState.SKIPPED, "robots.txt")
        assert f.pending() == 0
        assert f.add(_jobs("http://b/1")) == 0  # seen once = never again
        assert list(arc.failures()) == [("http://b/2", "HTTP 404")]
        assert f.counts() == {"parsed": 1, "failed": 1, "skipped": 1}


def test_job_fields_round_trip(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a") as arc:
        job = Job("http://b/p/comment-page-2/", JobKind.COMMENTS, 3, "http://b/p/", "http://b/p/")
        arc.frontier.add([job])
        assert arc.frontier.claim(1) == [job]


def test_claims_of_a_dead_process_return_to_the_queue(tmp_path: Path) -> None:
    arc = Archive.open(tmp_path / "a")
    arc.frontier.add(_jobs("http://b/1", "http://b/2", "http://b/3"))
    arc.frontier.claim(2)
    arc.frontier.finish("http://b/1", URLState.PARSED)
    arc.close()  # as if killed: b/2 stays claimed in the catalog
    with Archive.open(tmp_path / "a") as arc:
        assert arc.frontier.pending() == 2
        assert [j.url for j in arc.frontier.claim(5)] == ["http://b/2", "http://b/3"]


def test_finish_of_an_unknown_url_is_recorded(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a") as arc:
        arc.frontier.finish("http://b/x", URLState.FAILED, "redirect loop")
        assert list(arc.failures()) == [("http://b/x", "redirect loop")]
        assert arc.frontier.pending() == 0


def test_second_writer_is_refused_readers_are_not(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a") as arc:
        arc.frontier.add(_jobs("http://b/1"))
        with pytest.raises(ArchiveLockedError, match="another process"):
            Archive.open(tmp_path / "a")
        with Archive.open(tmp_path / "a", readonly=True) as ro:
            assert list(ro.captures()) == []
    Archive.open(tmp_path / "a").close()  # the lock is released on close


def test_newer_catalog_version_is_refused(tmp_path: Path) -> None:
    Archive.open(tmp_path / "a").close()
    conn = sqlite3.connect(tmp_path / "a" / "catalog.sqlite")
    conn.execute(f"PRAGMA user_version={CATALOG_VERSION + 1}")
    conn.close()
    with pytest.raises(CatalogVersionError, match="upgrade blog-archiver"):
        Archive.open(tmp_path / "a")
    with pytest.raises(CatalogVersionError):
        Archive.open(tmp_path / "a", readonly=True)


def test_readonly_open_of_missing_archive_fails(tmp_path: Path) -> None:
    from archive import ArchiveError

    with pytest.raises(ArchiveError, match="not an archive"):
        Archive.open(tmp_path / "nope", readonly=True)
    assert not (tmp_path / "nope").exists()


def test_schema_has_the_documented_tables(tmp_path: Path) -> None:
    Archive.open(tmp_path / "a").close()
    conn = sqlite3.connect(tmp_path / "a" / "catalog.sqlite")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"crawls", "urls", "captures", "pages", "warc_files"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CATALOG_VERSION
    conn.close()
