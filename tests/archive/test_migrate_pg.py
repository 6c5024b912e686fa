"""``blog-archiver migrate DIR --to postgresql://...``: every row moves, the posts read the
same, the folder remembers the new catalog, and a failure keeps nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from archive_build import site_with_comments, store_site
from pg_server import PgServer

import archive.catalog._copy as copy_mod
from archive import Archive
from archive._cli import main
from archive.catalog import connect_pg


def _posts(root: Path) -> list[dict[str, object]]:
    with Archive.open(root, readonly=True) as arc:
        return [p.to_dict() for p in arc.posts()]


def test_migrate_moves_every_row_and_the_archive_reads_the_same(
    tmp_path: Path, pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_site(tmp_path, site_with_comments(4))
    store_site(tmp_path, site_with_comments(4), kind="recapture")
    before = _posts(tmp_path)
    catalog = (tmp_path / "catalog.sqlite").read_bytes()
    dsn = pg_server.create_database()
    monkeypatch.setenv("PGPASSWORD", pg_server.password)
    address = dsn.replace(f":{pg_server.password}@", "@")
    assert main(["migrate", str(tmp_path), "--to", address]) == 0
    assert (tmp_path / "catalog.url").read_text().strip() == address
    assert (tmp_path / "catalog.sqlite").read_bytes() == catalog  # the original, as it was
    assert _posts(tmp_path) == before  # now read from PostgreSQL
    with Archive.open(tmp_path) as arc:  # and written: ids continue after the copied ones
        crawl_id = arc.begin_crawl("crawl", {"seeds": []})
        assert crawl_id == 3
        assert [r.record_type for r in arc.captures()][:1] == ["response"]
        arc.end_crawl(crawl_id, {})
    lines = (tmp_path / "warc" / "index.cdxj").read_text().splitlines()
    assert len(lines) == sum(1 for _ in Archive.open(tmp_path, readonly=True).captures())


@pytest.mark.slow  # another archive and database; the whole move above stays fast
def test_a_failed_migration_keeps_nothing(
    tmp_path: Path, pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_site(tmp_path, site_with_comments(3))
    dsn = pg_server.create_database()
    real = copy_mod._rows

    def failing(src: object, table: str, columns: str) -> object:
        if table == "pages":
            raise OSError("disk full on the way")
        return real(src, table, columns)  # type: ignore[arg-type]

    monkeypatch.setattr(copy_mod, "_rows", failing)
    with pytest.raises(OSError, match="disk full"):
        main(["migrate", str(tmp_path), "--to", dsn])
    assert not (tmp_path / "catalog.url").exists()
    db = connect_pg(dsn, readonly=True)
    assert db.execute("SELECT COUNT(*) FROM crawls").fetchone() == (0,)
    db.close()
    monkeypatch.undo()
    assert main(["migrate", str(tmp_path), "--to", dsn]) == 0  # the same target, again
    assert main(["migrate", str(tmp_path), "--to", dsn]) == 1  # the folder moved already
    other = tmp_path / "other"
    store_site(other, site_with_comments(2))
    assert main(["migrate", str(other), "--to", dsn]) == 1  # never merged into another
    monkeypatch.setenv("PGPASSWORD", pg_server.password)  # the folder keeps no password
    assert json.loads(json.dumps(_posts(tmp_path)))
