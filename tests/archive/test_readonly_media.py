"""An archive on read-only media (a mounted copy, a DVD, a read-only bind) can be read:
opened with ``readonly=True``, exported elsewhere, shown in ``history``; writing to it is
one clear error, not a traceback.

The test needs a real read-only filesystem (as root, permission bits do not stop writes):
a read-only bind mount, which needs CAP_SYS_ADMIN; without it the test skips.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_build import BASE, store_site

from archive import Archive
from archive._cli import main
from scraper.testing import gen_site


@pytest.fixture
def readonly_archive(tmp_path: Path) -> Iterator[Path]:
    src = tmp_path / "src"
    store_site(src, gen_site(3, seed=2))
    with Archive.open(src) as arc:  # a last writer that left a clean catalog
        arc.write_index()
    mnt = tmp_path / "ro"
    mnt.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount(8) to make a read-only filesystem")
    bind = subprocess.run(["mount", "--bind", str(src), str(mnt)], capture_output=True, text=True)
    if bind.returncode != 0:
        pytest.skip(f"cannot bind-mount (needs root with CAP_SYS_ADMIN): {bind.stderr.strip()}")
    try:
        ro = subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(mnt)], capture_output=True, text=True
        )
        if ro.returncode != 0:
            pytest.skip(f"cannot remount read-only: {ro.stderr.strip()}")
        probe = mnt / "probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("the read-only mount accepted a write")
        yield mnt
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_open_readonly_reads_posts(readonly_archive: Path) -> None:
    with Archive.open(readonly_archive, readonly=True) as arc:
        posts = list(arc.posts())
    assert len(posts) == 3


def test_export_and_history_of_a_readonly_archive(
    readonly_archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", str(readonly_archive), "--out", str(out), "--quiet"]) == 0
    assert len((out / "posts.jsonl").read_text().splitlines()) == 3
    site = gen_site(3, seed=2)
    assert main(["history", str(readonly_archive), BASE + site.posts[0].path]) == 0
    assert "first version" in capsys.readouterr().out


def test_writing_to_a_readonly_archive_is_one_line(
    readonly_archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["reparse", str(readonly_archive)])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert "read-only" in err.lower()
    assert len(err.splitlines()) == 1, err
    code = main(["crawl", "http://127.0.0.1:9/", "--archive", str(readonly_archive / "new")])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert "cannot write the archive" in err
