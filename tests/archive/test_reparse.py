import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from archive_build import store_site

from archive import Archive, ArchiveLockedError
from archive._cli import main
from archive._reparse import reparse, reparse_archive
from archive.catalog import connect_pg, connect_sqlite
from scraper.crawler._pagepool import PagePool
from scraper.testing import gen_site


def _catalog(root: Path) -> sqlite3.Connection:
    return sqlite3.connect(root / "catalog.sqlite")


def _mark_stale(root: Path, title: str | None = None, catalog: str | None = None) -> None:
    """Pretend an older parser wrote the records (and got the title wrong)."""
    if catalog is None:
        db = connect_sqlite(root / "catalog.sqlite", readonly=False)
    else:
        db = connect_pg(catalog, readonly=False)
    with db.transaction():
        for pid, rec in db.execute("SELECT id, record_json FROM pages").fetchall():
            data = json.loads(rec)
            if title is not None:
                data["title"] = title
            db.execute(
                "UPDATE pages SET parser_version = 'old', record_json = ? WHERE id = ?",
                (json.dumps(data), pid),
            )
    db.close()


def test_reparse_restores_fields_and_is_idempotent(tmp_path: Path, catalog: str | None) -> None:
    site = gen_site(4)
    store_site(tmp_path, site, catalog=catalog)
    _mark_stale(tmp_path, title="WRONG", catalog=catalog)
    report = reparse_archive(tmp_path, jobs=1)
    assert report.pages > 0
    assert report.changed == report.pages
    assert report.fields["title"] == report.pages
    assert report.failed == 0
    with Archive.open(tmp_path, readonly=True) as arc:
        titles = {p.title for p in arc.posts()}
    assert titles == {p.title for p in site.posts}
    again = reparse_archive(tmp_path, jobs=1)
    assert (again.pages, again.current) == (0, report.pages)
    forced = reparse_archive(tmp_path, jobs=1, force=True)
    assert (forced.pages, forced.changed) == (report.pages, 0)


@pytest.mark.slow  # a real archive or worker processes, ~0.5-2 s
def test_reparse_in_worker_processes(tmp_path: Path, page_pool: PagePool) -> None:
    store_site(tmp_path, gen_site(6))
    _mark_stale(tmp_path, title="WRONG")
    report = reparse_archive(tmp_path, pool=page_pool)
    assert report.failed == 0
    assert report.changed == report.pages > 0


def test_stop_between_batches_keeps_finished_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import archive._reparse as mod

    store_site(tmp_path, gen_site(3))  # 8 pages: a batch of 3 and the rest
    _mark_stale(tmp_path)
    monkeypatch.setattr(mod, "BATCH", 3)
    stop = threading.Event()
    stop.set()
    with Archive.open(tmp_path) as arc:
        first = reparse(mod.catalog_connection(arc), arc.warc_dir, jobs=1, stop=stop)
    assert first.interrupted
    assert first.pages == 3
    rest = reparse_archive(tmp_path, jobs=1)
    assert rest.current == 3
    assert rest.pages > 0
    assert not rest.interrupted


def test_corrupt_warc_is_reported_and_records_kept(tmp_path: Path) -> None:
    store_site(tmp_path, gen_site(3))
    _mark_stale(tmp_path, title="KEPT")
    for warc in (tmp_path / "warc").glob("*.warc.gz"):
        data = bytearray(warc.read_bytes())
        data[200:] = b"\x00garbage" * ((len(data) - 200) // 8) + b"\x00" * ((len(data) - 200) % 8)
        warc.write_bytes(bytes(data))
    report = reparse_archive(tmp_path, jobs=1)
    assert report.failed > 0
    assert report.errors
    with _catalog(tmp_path) as db:
        titles = {json.loads(r)["title"] for (r,) in db.execute("SELECT record_json FROM pages")}
    assert titles == {"KEPT"}


def test_truncated_warc_from_another_tool(tmp_path: Path) -> None:
    store_site(tmp_path, gen_site(3))
    _mark_stale(tmp_path, title="KEPT")
    # Another tool rewrote the segment and cut it short: records past the cut are gone.
    for warc in (tmp_path / "warc").glob("*.warc.gz"):
        warc.write_bytes(warc.read_bytes()[: warc.stat().st_size // 2])
    report = reparse_archive(tmp_path, jobs=1, force=True)
    # Opening for writing lets recovery mark the records past the cut as lost
    # (archive._recovery) and keep their parses: those stay as they were, every other page
    # is reparsed from what is still readable, nothing raises.
    with _catalog(tmp_path) as db:
        titles = [json.loads(r)["title"] for (r,) in db.execute("SELECT record_json FROM pages")]
    assert report.pages + report.lost == len(titles)
    assert report.pages > 0
    assert report.lost > 0
    assert report.failed == 0
    assert titles.count("KEPT") == report.lost  # the old record, not thrown away


def test_second_writer_is_refused(tmp_path: Path) -> None:
    store_site(tmp_path, gen_site(2))
    with Archive.open(tmp_path), pytest.raises(ArchiveLockedError):
        reparse_archive(tmp_path, jobs=1)


def test_cli_reports_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_site(tmp_path, gen_site(2))
    _mark_stale(tmp_path, title="WRONG")
    assert main(["reparse", str(tmp_path), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "changed" in out
    assert "title:" in out
    assert main(["reparse", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 0


def test_newer_catalog_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_site(tmp_path, gen_site(1))
    with _catalog(tmp_path) as db:
        db.execute("PRAGMA user_version = 99")
    assert main(["reparse", str(tmp_path)]) == 1
    assert "version 99" in capsys.readouterr().err


def test_full_disk_on_catalog_write_is_clear_and_keeps_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib

    import archive._reparse as mod
    from archive import ArchiveError
    from archive.catalog import Db, transaction

    store_site(tmp_path, gen_site(3))  # 8 pages: a batch of 2 saved, the rest refused
    _mark_stale(tmp_path, title="OLD")
    monkeypatch.setattr(mod, "BATCH", 2)
    calls = {"n": 0}

    @contextlib.contextmanager
    def filling_disk(conn: Db) -> Any:
        calls["n"] += 1
        if calls["n"] > 1:
            raise sqlite3.OperationalError("database or disk is full")
        with transaction(conn) as c:
            yield c

    monkeypatch.setattr(mod, "transaction", filling_disk)
    with pytest.raises(ArchiveError, match="disk is full"):
        reparse_archive(tmp_path, jobs=1)
    monkeypatch.undo()
    with _catalog(tmp_path) as db:
        rows = [json.loads(r)["title"] for (r,) in db.execute("SELECT record_json FROM pages")]
    assert rows.count("OLD") == len(rows) - 2  # the first batch is saved, the rest untouched
    assert reparse_archive(tmp_path, jobs=1).current == 2  # and a re-run continues
