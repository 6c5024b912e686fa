"""The CDXJ index is keyed as replay tools key look-ups, and old indexes are re-keyed."""

from __future__ import annotations

import json
from pathlib import Path

from archive_build import store_site

from archive import Archive
from archive.warc._cdxj import index_is_stale
from archive.warc._surt import surt
from scraper.testing import gen_site

BASE = "http://www2.blog.test:8080"


def _index(root: Path) -> list[str]:
    return (root / "warc" / "index.cdxj").read_text("utf-8").splitlines()


def test_every_key_is_the_surt_of_its_url(tmp_path: Path) -> None:
    store_site(tmp_path, gen_site(4, seed=2), base=BASE)
    lines = _index(tmp_path)
    assert lines
    for line in lines:
        key, _ts, fields = line.split(" ", 2)
        assert key == surt(json.loads(fields)["url"])
        assert key.startswith("test,blog:8080)/")  # www2. dropped, no trailing slash
        assert not key.endswith("/")
    assert not index_is_stale(tmp_path / "warc")


def test_an_index_with_the_old_keys_is_rebuilt_on_a_writable_open(tmp_path: Path) -> None:
    store_site(tmp_path, gen_site(4, seed=2), base=BASE)
    fresh = _index(tmp_path)
    old = []  # what the keys of before gave: www2 kept, trailing slash kept
    for line in fresh:
        key, rest = line.split(" ", 1)
        url = json.loads(rest.split(" ", 1)[1])["url"]
        old_key = key.replace("test,blog:8080)", "test,blog,www2:8080)")
        old.append(f"{old_key}{'/' if url.endswith('/') else ''} {rest}")
    (tmp_path / "warc" / "index.cdxj").write_text("".join(ln + "\n" for ln in sorted(old)))
    assert index_is_stale(tmp_path / "warc")
    with Archive.open(tmp_path, readonly=True):
        pass  # a reader never writes
    assert _index(tmp_path) == sorted(old)
    with Archive.open(tmp_path):
        pass
    assert _index(tmp_path) == fresh
    assert not index_is_stale(tmp_path / "warc")


def test_one_stale_line_among_many_is_found(tmp_path: Path) -> None:
    store_site(tmp_path, gen_site(30, seed=5), base=BASE, parse=False)  # the index is the point
    lines = _index(tmp_path)
    assert len(lines) > 64
    # The sampler reads 64 lines spread over the file; every line is stale in a real
    # old index, but even a run of a few is caught when it covers a sample point.
    mid = len(lines) // 2
    for i in range(mid - 3, mid + 3):
        key, rest = lines[i].split(" ", 1)
        lines[i] = key + "/ " + rest
    (tmp_path / "warc" / "index.cdxj").write_text("".join(ln + "\n" for ln in lines))
    assert index_is_stale(tmp_path / "warc")


def test_no_index_or_an_empty_one_is_not_stale_and_garbage_is(tmp_path: Path) -> None:
    warc = tmp_path / "warc"
    warc.mkdir()
    assert not index_is_stale(warc)
    (warc / "index.cdxj").write_text("")
    assert not index_is_stale(warc)
    (warc / "index.cdxj").write_text("not an index\n")
    assert index_is_stale(warc)
