"""``blog-archiver wacz``: a WACZ 1.1.1 package that the reference validator accepts."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from archive_build import store_site
from replaytools import tool

from archive import Archive
from archive._cli import main
from archive.wacz import _package
from archive.warc._cdxj import index_lines
from scraper.testing import Site, gen_site

BASE = "http://blog.test"


@pytest.fixture(scope="module")
def site() -> Site:
    return gen_site(8, seed=11)


@pytest.fixture(scope="module")
def packed(site: Site, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("wacz") / "arc"
    store_site(root, site, base=BASE)
    out = root.parent / "blog.wacz"
    assert main(["wacz", str(root), "--out", str(out), "--title", "Test Blog"]) == 0
    return root, out


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def test_the_package_lists_every_file_with_its_hash_and_size(packed: tuple[Path, Path]) -> None:
    _, out = packed
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        package = json.loads(zf.read("datapackage.json"))
        digest = json.loads(zf.read("datapackage-digest.json"))
        assert package["wacz_version"] == "1.1.1"
        assert package["profile"] == "data-package"
        assert package["title"] == "Test Blog"
        listed = {r["path"]: r for r in package["resources"]}
        assert set(listed) == names - {"datapackage.json", "datapackage-digest.json"}
        assert {"indexes/index.cdx.gz", "indexes/index.idx", "pages/pages.jsonl"} <= names
        assert any(n.startswith("archive/") and n.endswith(".warc.gz") for n in names)
        for path, res in listed.items():
            data = zf.read(path)
            assert res["hash"] == _sha256(data), path
            assert res["bytes"] == len(data), path
            assert res["name"] == path.rsplit("/", 1)[1]
        assert digest == {"path": "datapackage.json", "hash": _sha256(zf.read("datapackage.json"))}


def test_warcs_and_the_index_data_are_stored_for_range_reads(packed: tuple[Path, Path]) -> None:
    root, out = packed
    with zipfile.ZipFile(out) as zf:
        for info in zf.infolist():
            if info.filename.startswith("archive/") or info.filename.endswith(".cdx.gz"):
                assert info.compress_type == zipfile.ZIP_STORED, info.filename
            if info.filename.startswith("archive/"):
                name = info.filename.removeprefix("archive/")
                assert zf.read(info) == (root / "warc" / name).read_bytes()


def test_no_entry_has_zip64_fields_it_does_not_need(packed: tuple[Path, Path]) -> None:
    """ReplayWeb.page reads an entry whose local header has a ZIP64 extra field as raw bytes
    (its page list then fails to load), so small entries must not have one."""
    _, out = packed
    raw = out.read_bytes()
    with zipfile.ZipFile(out) as zf:
        for info in zf.infolist():
            header = raw[info.header_offset : info.header_offset + 30]
            assert header[:4] == b"PK\x03\x04"
            assert int.from_bytes(header[28:30], "little") == 0, info.filename  # extra length


def test_the_index_is_the_archives_in_gzip_blocks(packed: tuple[Path, Path]) -> None:
    root, out = packed
    with zipfile.ZipFile(out) as zf:
        data = zf.read("indexes/index.cdx.gz")
        idx = zf.read("indexes/index.idx").decode().splitlines()
    expected = (root / "warc" / "index.cdxj").read_text().splitlines()
    assert gzip.decompress(data).decode().splitlines() == expected
    assert idx[0] == '!meta 0 {"format": "cdxj-gzip-1.0", "filename": "index.cdx.gz"}'
    assert len(idx) == 2  # one block: fewer than 1,024 lines


def test_many_blocks_each_start_where_the_idx_says(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "arc"
    store_site(root, site, base=BASE)
    monkeypatch.setattr(_package, "BLOCK_LINES", 4)
    with Archive.open(root, readonly=True) as arc:
        result = arc.write_wacz(tmp_path / "x.wacz")
        lines = list(index_lines(arc._reader().index_rows()))
    assert result.index_lines == len(lines) > 8
    with zipfile.ZipFile(result.path) as zf:
        data = zf.read("indexes/index.cdx.gz")
        idx = zf.read("indexes/index.idx").decode().splitlines()[1:]
    assert len(idx) == (len(lines) + 3) // 4
    got: list[str] = []
    for entry in idx:
        key, ts, meta_json = entry.split(" ", 2)
        meta = json.loads(meta_json)
        block = data[meta["offset"] : meta["offset"] + meta["length"]]
        assert meta["digest"] == _sha256(block)
        block_lines = gzip.decompress(block).decode().splitlines()
        assert block_lines[0].startswith(f"{key} {ts} ")
        got += block_lines
    assert got == lines


def test_pages_list_every_post_with_its_title_and_capture_time(
    packed: tuple[Path, Path], site: Site
) -> None:
    root, out = packed
    with zipfile.ZipFile(out) as zf:
        header, *pages = (json.loads(ln) for ln in zf.read("pages/pages.jsonl").splitlines())
    assert header == {"format": "json-pages-1.0", "id": "pages", "title": "Posts"}
    assert {p["url"]: p["title"] for p in pages} == {BASE + p.path: p.title for p in site.posts}
    assert len({p["id"] for p in pages}) == len(pages)
    with Archive.open(root, readonly=True) as arc:
        for page in pages:
            (row,) = list(arc.captures(page["url"]))
            assert page["ts"] == row.fetched_at[:19] + "Z"


def test_an_archive_without_warcs_is_an_error(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "empty"):
        pass
    assert main(["wacz", str(tmp_path / "empty"), "--out", str(tmp_path / "x.wacz")]) == 1
    assert not (tmp_path / "x.wacz").exists()
    assert main(["wacz", str(tmp_path / "nothing-here")]) == 2


@pytest.mark.slow
def test_the_reference_validator_accepts_it(packed: tuple[Path, Path], tmp_path: Path) -> None:
    wacz = tool("wacz")
    _, out = packed
    proc = subprocess.run(
        [str(wacz), "validate", "-f", str(out)], capture_output=True, text=True, check=False
    )
    print(proc.stdout)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Validation succeeded, the passed WACZ is valid" in proc.stdout
    # The control: the validator does look. A package whose WARC changed after it was
    # hashed must fail.
    bad = tmp_path / "tampered.wacz"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("archive/"):
                data = gzip.compress(b"WARC/1.1\r\n\r\n")
            dst.writestr(info, data)
    proc = subprocess.run(
        [str(wacz), "validate", "-f", str(bad)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 1, proc.stdout
    assert "Validation failed, the passed WACZ is invalid" in proc.stdout


def test_records_past_the_copied_end_of_a_warc_are_not_indexed(site: Site, tmp_path: Path) -> None:
    """What a crawl appends while the package is written (here: bytes cut off the end, as a
    reader sees a file that is still growing) is left out of the index, not pointed into."""
    root = tmp_path / "arc"
    store_site(root, site, base=BASE)
    (warc,) = (root / "warc").glob("*.warc.gz")
    full = warc.stat().st_size
    with warc.open("r+b") as fh:
        fh.truncate(full // 2)
    with Archive.open(root, readonly=True) as arc:
        all_lines = list(index_lines(arc._reader().index_rows()))
        result = arc.write_wacz(tmp_path / "x.wacz")
    with zipfile.ZipFile(result.path) as zf:
        kept = gzip.decompress(zf.read("indexes/index.cdx.gz")).decode().splitlines()
        pages = [json.loads(ln) for ln in zf.read("pages/pages.jsonl").splitlines()[1:]]
    assert 0 < len(kept) < len(all_lines)
    assert 0 < len(pages) == result.pages < len(site.posts)
    indexed = {json.loads(ln.split(" ", 2)[2])["url"] for ln in kept}
    assert {p["url"] for p in pages} <= indexed
    for line in kept:
        fields = json.loads(line.split(" ", 2)[2])
        assert int(fields["offset"]) + int(fields["length"]) <= full // 2
