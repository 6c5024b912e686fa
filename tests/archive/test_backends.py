"""The same archive on both catalog backends reads back the same: exports (JSON Lines, CSV,
every capture), the WACZ package's page list, crash recovery's findings.

One site is stored twice, in two rounds (a comment edited and one deleted between them), at
the same capture times: once in the folder's own SQLite catalog, once in a PostgreSQL one.
What may differ is what names a record (``urn:uuid`` ids are random; a shared catalog's WARC
files carry the worker's id) and the folder; everything else must be byte for byte equal.

Slow: a real PostgreSQL and two archives per module.
"""

from __future__ import annotations

import dataclasses
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import archive_build
import pytest
from archive_build import edit_site, site_with_comments, store_site
from pg_server import PgServer

from archive import Archive
from archive._cli import main
from archive._recovery import recover
from archive._reparse import reparse_archive
from archive.catalog import Catalog, connect_pg, connect_sqlite
from scraper._records import Capture
from scraper.testing import Site

pytestmark = pytest.mark.slow

_UUID = re.compile(rb"urn:uuid:[0-9a-f-]{36}")
_WORKER = re.compile(rb"blog-archiver-c\d+-w\d+-")
_BYTES = re.compile(rb"\d[\d,]*")
_STAMP = re.compile(rb"blog-archiver-\d{14,20}-")  # a segment's name carries its opening time


def _fixed_time(at: str) -> object:
    real = archive_build.capture_of

    def capture_of(site: Site, path: str, base: str = archive_build.BASE) -> Capture:
        return dataclasses.replace(real(site, path, base), fetched_at=at)

    return capture_of


def _build(root: Path, catalog: str | None, mp: pytest.MonkeyPatch) -> None:
    site = site_with_comments()
    mp.setattr(archive_build, "capture_of", _fixed_time("2024-05-01T10:00:00+00:00"))
    store_site(root, site, catalog=catalog)
    edited, _, _ = edit_site(site)
    mp.setattr(archive_build, "capture_of", _fixed_time("2024-06-01T10:00:00+00:00"))
    store_site(root, edited, kind="recapture")


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, pg_server: PgServer) -> Iterator[list[Path]]:
    """``[sqlite archive, postgresql archive]`` of the same two rounds."""
    mp = pytest.MonkeyPatch()
    mp.setenv("PGPASSWORD", pg_server.password)  # the folder remembers the address without it
    try:
        base = tmp_path_factory.mktemp("backends")
        roots = [base / "sqlite", base / "pg"]
        _build(roots[0], None, mp)
        _build(roots[1], pg_server.create_database(), mp)
        yield roots
    finally:
        mp.undo()


@pytest.fixture
def pg_env(pg_server: PgServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", pg_server.password)


def _plain(data: bytes, root: Path) -> bytes:
    data = data.replace(str(root).encode(), b"ROOT")
    return _STAMP.sub(b"blog-archiver-T-", _UUID.sub(b"UUID", _WORKER.sub(b"blog-archiver-", data)))


@pytest.mark.usefixtures("pg_env")
@pytest.mark.parametrize(
    "args",
    [["--format", "jsonl"], ["--format", "csv"], ["--format", "csv", "--all-captures"]],
    ids=["jsonl", "csv", "all-captures"],
)
def test_exports_are_the_same_on_both_catalogs(pair: list[Path], args: list[str]) -> None:
    outs = []
    for root in pair:
        out = root.parent / f"{root.name}-export-{'-'.join(args)}"
        assert main(["export", str(root), *args, "--out", str(out), "--quiet"]) == 0
        outs.append(out)
    names = sorted(p.name for p in outs[0].iterdir())
    assert names
    assert names == sorted(p.name for p in outs[1].iterdir())
    for name in names:
        lite, pg = (
            _plain((out / name).read_bytes(), root) for out, root in zip(outs, pair, strict=True)
        )
        assert lite.splitlines() == pg.splitlines(), name


@pytest.mark.usefixtures("pg_env")
def test_history_is_the_same_on_both_catalogs(
    pair: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    site = site_with_comments()
    url = archive_build.BASE + site.posts[0].path
    texts = []
    for root in pair:
        assert main(["history", str(root), url, "--json"]) == 0
        texts.append(_plain(capsys.readouterr().out.encode(), root))
    assert texts[0] == texts[1]
    assert json.loads(texts[0])["changes"]


@pytest.mark.usefixtures("pg_env")
def test_wacz_pages_are_the_same_on_both_catalogs(pair: list[Path], tmp_path: Path) -> None:
    pages = []
    for root in pair:
        out = tmp_path / f"{root.name}.wacz"
        with Archive.open(root, readonly=True) as arc:
            arc.write_wacz(out, title="same")
        with zipfile.ZipFile(out) as z:
            pages.append(_plain(z.read("pages/pages.jsonl"), root))
    assert pages[0] == pages[1]
    assert pages[0].count(b"\n") > 1


def test_recovery_finds_the_same_on_both_catalogs(
    tmp_path: Path, pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A segment cut short (a power cut): the records past the cut are marked lost, their
    parses kept and their URLs queued again, and reparse passes them by, on both backends
    alike."""
    monkeypatch.setenv("PGPASSWORD", pg_server.password)
    found = []
    for name, address in (("sqlite", None), ("pg", pg_server.create_database())):
        root = tmp_path / name
        _build(root, address, monkeypatch)
        first = sorted((root / "warc").glob("*.warc.gz"))[0]
        with Archive.open(root, readonly=True) as arc:
            rows = [c for c in arc.captures() if c.warc_file == first.name]
        cut = rows[len(rows) // 2].offset + 10  # inside the same record on both
        with first.open("r+b") as f:
            f.truncate(cut)
        db = (
            connect_pg(address, readonly=False)
            if address
            else connect_sqlite(root / "catalog.sqlite", readonly=False)
        )
        catalog = Catalog(db)
        try:
            report = recover(catalog, root / "warc", "2024-07-01T00:00:00Z")
            lost = [catalog.lost_reason(c.id) for c in catalog.captures()]
            queued = catalog.stats()["urls"]
        finally:
            catalog.close()
        # where the cut is in bytes differs by the file names the records carry
        notes = _BYTES.sub(b"N", b"\n".join(_plain(n.encode(), root) for n in report.notes))
        reasons = [_BYTES.sub(b"N", _plain(r.encode(), root)) if r else None for r in lost]
        # reparse leaves the lost records' parses as they are, and says how many
        again = reparse_archive(root, jobs=1, force=True)
        reparsed = (again.pages, again.lost, again.failed, again.changed)
        found.append((report.lost_records, report.kept_pages, notes, reasons, queued, reparsed))
    assert found[0][0] > 0
    assert found[0][-1][1] == found[0][1]
    assert found[0] == found[1]
