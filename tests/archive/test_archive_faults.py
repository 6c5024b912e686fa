"""Bad input and faults on the export / recapture / history paths: each gives a clear error
and loses nothing already captured."""

from __future__ import annotations

import asyncio
import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from archive_build import FAST, crawled, edit_site, shared_pool, site_with_comments, store_site

from archive import Archive, ArchiveError
from archive._cli import main
from archive.recapture._recapture import RecaptureConfig, recapture
from scraper.testing import gen_site


def _posts(root: Path) -> dict[str, Any]:
    with Archive.open(root, readonly=True) as arc:
        return {p.url: p for p in arc.posts()}


def test_disk_full_during_recapture_stops_with_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import archive.warc._writer as warc_mod

    site = site_with_comments(6)
    with crawled(tmp_path, site) as server:
        before = _posts(tmp_path)
        server.site, _, _ = edit_site(site)  # something to write
        real_write = os.write
        calls = {"n": 0}

        def full_disk(fd: int, data: Any) -> int:
            calls["n"] += 1
            if calls["n"] > 2:  # the round's warcinfo gets in, then the disk is full
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        monkeypatch.setattr(warc_mod.os, "write", full_disk)
        with pytest.raises(ArchiveError, match="No space left on device"):
            asyncio.run(recapture(tmp_path, RecaptureConfig(crawl=FAST), pool=shared_pool()))
        monkeypatch.setattr(warc_mod.os, "write", real_write)
    assert _posts(tmp_path) == before  # nothing captured before was lost or altered
    with Archive.open(tmp_path) as arc:  # and the archive opens for writing again
        assert arc.stats()["posts"] == len(before)


def test_export_reads_records_not_warcs(tmp_path: Path) -> None:
    """A WARC damaged by another tool does not stop an export: records live in the catalog."""
    store_site(tmp_path, gen_site(3))
    for warc in (tmp_path / "warc").glob("*.warc.gz"):
        warc.write_bytes(warc.read_bytes()[:100])
    assert main(["export", str(tmp_path), "--format", "csv"]) == 0
    assert (tmp_path / "exports" / "posts.csv").read_text().count("\n") > 3


def test_newer_catalog_is_refused_by_export_and_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_site(tmp_path, gen_site(1))
    with sqlite3.connect(tmp_path / "catalog.sqlite") as db:
        db.execute("PRAGMA user_version = 7")
    assert main(["export", str(tmp_path)]) == 1
    assert "version 7" in capsys.readouterr().err
    assert main(["history", str(tmp_path), "http://blog.test/x/"]) == 1
    assert "upgrade blog-archiver" in capsys.readouterr().err
    assert not (tmp_path / "exports" / "posts.jsonl").exists()


def test_export_runs_beside_a_writer(tmp_path: Path) -> None:
    store_site(tmp_path, gen_site(2))
    with Archive.open(tmp_path):  # a crawl holds the write lock
        assert main(["export", str(tmp_path)]) == 0


def test_second_writer_gets_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_site(tmp_path, gen_site(2))
    with Archive.open(tmp_path):
        assert main(["recapture", str(tmp_path), "--delay", "0"]) == 1
    assert "open for writing by another process" in capsys.readouterr().err


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_a_deleted_warc_is_fetched_whole_by_the_next_recapture(tmp_path: Path) -> None:
    site = site_with_comments(6)
    with crawled(tmp_path, site) as server:
        before = _posts(tmp_path)
        for warc in (tmp_path / "warc").glob("*.warc.gz"):
            warc.unlink()  # the whole first crawl's segment, deleted by hand
        server.clear_log()
        stats = asyncio.run(recapture(tmp_path, RecaptureConfig(crawl=FAST), pool=shared_pool()))
        served = server.requests
        url = server.url + site.posts[0].path
    assert stats.not_modified == stats.identical == 0  # nothing left to refer to
    assert not any(r.if_none_match for r in served)  # lost validators are not sent
    assert {server.url + p.path for p in site.posts} <= {server.url + r.path for r in served}
    assert _posts(tmp_path).keys() == before.keys()
    with Archive.open(tmp_path) as arc:
        assert not arc.recovery  # the loss was noted once, by the round's open
        assert dict(arc.stats()["urls"]).get("queued", 0) == 0  # every requeued URL done
        (newest,) = [r for r in arc.captures(url) if r.crawl_id == stats.crawl_id]
        assert arc.read_capture(newest).status == 200
