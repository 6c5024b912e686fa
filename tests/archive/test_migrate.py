"""A catalog written by an older blog-archiver keeps working: read-only opens read it as it
is, the first writable open migrates it in place, and nothing is lost on the way."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from archive_build import FAST, crawled, edit_site, shared_pool, site_with_comments

from archive import Archive, ArchiveError
from archive.catalog import CATALOG_VERSION
from archive.recapture._recapture import RecaptureConfig, recapture
from archive.warc._cdxj import surt

#: Version 1's DDL, verbatim (blog-archiver up to the release that introduced version 2).
V1_SCHEMA = """
CREATE TABLE crawls (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    settings_json TEXT NOT NULL,
    stats_json TEXT
);
CREATE TABLE warc_files (
    name TEXT PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    created_at TEXT NOT NULL
);
CREATE TABLE urls (
    url TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    depth INTEGER NOT NULL DEFAULT 0,
    post_url TEXT,
    via TEXT,
    reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX urls_state_seq ON urls (state, seq);
CREATE TABLE captures (
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    url TEXT NOT NULL,
    urlkey TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    status INTEGER,
    warc_file TEXT NOT NULL,
    warc_offset INTEGER NOT NULL,
    warc_length INTEGER NOT NULL,
    record_id TEXT NOT NULL UNIQUE,
    request_offset INTEGER,
    request_length INTEGER,
    payload_digest TEXT,
    etag TEXT,
    last_modified TEXT,
    content_type TEXT,
    record_type TEXT NOT NULL,
    refers_to INTEGER REFERENCES captures(id)
);
CREATE INDEX captures_url ON captures (url, crawl_id);
CREATE INDEX captures_urlkey ON captures (urlkey, fetched_at);
CREATE INDEX captures_file ON captures (warc_file, warc_offset);
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    page_url TEXT NOT NULL,
    post_url TEXT NOT NULL,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    capture_id INTEGER REFERENCES captures(id),
    parsed_at TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    record_json TEXT NOT NULL,
    UNIQUE (capture_id, crawl_id)
);
CREATE INDEX pages_post ON pages (post_url, crawl_id);
"""


def _as_v1(root: Path) -> None:
    """Rewrite the archive's catalog as blog-archiver 1 wrote it (same rows, old layout)."""
    db = root / "catalog.sqlite"
    old = root / "v1.sqlite"
    conn = sqlite3.connect(old)
    conn.create_function("surt", 1, surt)
    conn.executescript(V1_SCHEMA)
    conn.execute("ATTACH DATABASE ? AS v2", (str(db),))
    conn.executescript(
        """
        INSERT INTO crawls SELECT * FROM v2.crawls;
        INSERT INTO urls SELECT * FROM v2.urls;
        INSERT INTO warc_files (name, crawl_id, created_at)
            SELECT name, crawl_id, created_at FROM v2.warc_files;
        INSERT INTO captures (id, crawl_id, url, urlkey, fetched_at, status, warc_file,
            warc_offset, warc_length, record_id, request_offset, request_length,
            payload_digest, etag, last_modified, content_type, record_type, refers_to)
        SELECT id, crawl_id, url, surt(url), fetched_at, status, warc_file, warc_offset,
            warc_length, record_id, request_offset, request_length, payload_digest, etag,
            last_modified, content_type, record_type, refers_to FROM v2.capture_rows;
        INSERT INTO pages SELECT * FROM v2.pages;
        PRAGMA user_version = 1;
        """
    )
    conn.commit()
    conn.execute("DETACH DATABASE v2")
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    old.rename(db)


def _snapshot(root: Path) -> tuple[list[object], list[object], list[object], int]:
    with Archive.open(root, readonly=True) as arc:
        captures = list(arc.captures())
        posts = [p.to_dict() for p in arc.posts()]
        versions = [
            (cid, at, post.to_dict())
            for p in posts
            for cid, at, post in arc.post_versions(str(p["url"]))
        ]
    conn = sqlite3.connect(root / "catalog.sqlite")
    (pages,) = conn.execute("SELECT COUNT(*) FROM pages").fetchone()
    conn.close()
    return captures, posts, versions, pages


def _version(root: Path) -> int:
    conn = sqlite3.connect(root / "catalog.sqlite")
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow  # a first crawl and three re-capture rounds; the refusal tests stay fast
def test_a_version_1_catalog_is_read_then_migrated_without_loss(tmp_path: Path) -> None:
    site = site_with_comments(4)
    with crawled(tmp_path, site) as server:
        asyncio.run(
            recapture(tmp_path, RecaptureConfig(crawl=FAST), pool=shared_pool())
        )  # revisits
        server.site, _, _ = edit_site(site)
        asyncio.run(
            recapture(tmp_path, RecaptureConfig(crawl=FAST), pool=shared_pool())
        )  # a new version
        index = (tmp_path / "warc" / "index.cdxj").read_text()
        before = _snapshot(tmp_path)
        assert {c.record_type for c in before[0]} == {"response", "revisit"}  # type: ignore[attr-defined]
        assert len(before[2]) > len(before[1])  # some post has two versions

        _as_v1(tmp_path)
        assert _version(tmp_path) == 1
        # A reader takes no lock, so it must not migrate: it reads version 1 as it is.
        assert _snapshot(tmp_path) == before
        with Archive.open(tmp_path, readonly=True) as arc:
            assert all(arc.read_capture(r).url == r.url for r in arc.captures())
        assert _version(tmp_path) == 1

        with Archive.open(tmp_path) as arc:  # the writable open migrates
            assert not arc.recovery
            for row in arc.captures():
                assert arc.read_capture(row).url == row.url
            assert arc.write_index().read_text() == index
        assert _version(tmp_path) == CATALOG_VERSION
        assert _snapshot(tmp_path) == before
        conn = sqlite3.connect(tmp_path / "catalog.sqlite")
        (blobs,) = conn.execute(
            "SELECT COUNT(*) FROM captures WHERE typeof(record_id) = 'blob'"
        ).fetchone()
        (shared,) = conn.execute(
            "SELECT COUNT(*) FROM captures WHERE record_type = 'revisit' AND payload_digest IS NULL"
        ).fetchone()
        conn.close()
        assert blobs == len(before[0])
        assert shared > 0  # a revisit's digest is its original's, stored once

        # ... and the migrated archive goes on: another round is all revisits.
        stats = asyncio.run(recapture(tmp_path, RecaptureConfig(crawl=FAST), pool=shared_pool()))
        assert stats.changed == stats.new == stats.changed_posts == 0


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_a_failed_migration_changes_nothing(tmp_path: Path) -> None:
    with crawled(tmp_path, site_with_comments(2)):
        pass
    _as_v1(tmp_path)
    conn = sqlite3.connect(tmp_path / "catalog.sqlite")
    # A capture naming a crawl round that does not exist: the migration refuses it whole.
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE captures SET crawl_id = 99 WHERE id = 1")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="broken references"):
        Archive.open(tmp_path)
    assert _version(tmp_path) == 1
    conn = sqlite3.connect(tmp_path / "catalog.sqlite")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "targets" not in tables
