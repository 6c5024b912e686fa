"""A run killed before it wrote ``warc/index.cdxj`` (kill -9 writes nothing on the way out)
leaves an archive whose next open writes the index, so replay tools find the captures."""

from __future__ import annotations

from pathlib import Path

from archive_build import store_site

from archive import Archive
from scraper.testing import gen_site


def test_a_missing_index_is_written_on_open(tmp_path: Path) -> None:
    store_site(tmp_path / "arc", gen_site(2, seed=1))
    index = tmp_path / "arc" / "warc" / "index.cdxj"
    written = index.read_text()
    index.unlink()
    with Archive.open(tmp_path / "arc"):
        pass
    assert index.read_text() == written


def test_a_new_archive_gets_no_empty_index(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "new"):
        pass
    assert not (tmp_path / "new" / "warc" / "index.cdxj").exists()
