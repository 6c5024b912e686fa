"""Re-capture as a process: killed with -9 mid-round and run again, stopped by SIGTERM."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from archive_build import crawled, round_records, site_with_comments

from archive import Archive
from scraper.testing import Site

pytestmark = pytest.mark.slow


@pytest.fixture
def site() -> Site:
    return site_with_comments(6)


def _count_captures(root: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{root / 'catalog.sqlite'}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute("SELECT COUNT(*) FROM captures").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("kill_after", [5, 40])
def test_kill_9_mid_round_then_rerun_records_each_url_once(tmp_path: Path, kill_after: int) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from scraper.testing import gen_site

    site = gen_site(30, seed=11)
    with crawled(tmp_path, site) as server:
        start = _count_captures(tmp_path)
        cmd = [sys.executable, "-m", "archive", "recapture", str(tmp_path), "--delay", "0",
               "--concurrency", "4", "--per-host", "4"]  # fmt: skip
        cwd = Path(__file__).resolve().parents[2]
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if _count_captures(tmp_path) >= start + kill_after:
                break
            time.sleep(0.002)
        assert proc.poll() is None, "the round finished before the kill"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
    counts = round_records(tmp_path)
    assert not {u: n for u, n in counts.items() if n > 1}
    assert {server.url + p.path for p in site.posts} <= set(counts)
    with Archive.open(tmp_path, readonly=True) as arc:
        assert all(len(arc.post_versions(server.url + p.path)) == 1 for p in site.posts)


def test_sigterm_stops_the_loop_cleanly(tmp_path: Path, site: Site) -> None:
    import os
    import signal
    import subprocess
    import sys

    with crawled(tmp_path, site):
        proc = subprocess.Popen(
            [sys.executable, "-m", "archive", "recapture", str(tmp_path), "--every", "1h",
             "--delay", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=Path(__file__).resolve().parents[2],
        )  # fmt: skip
        try:
            assert proc.stdout is not None
            first = proc.stdout.readline()  # the first round's report: now it sleeps
            assert "round 2 done" in first
            os.kill(proc.pid, signal.SIGTERM)
            code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert code == 130
    with Archive.open(tmp_path) as arc:
        assert not arc.recovery  # nothing half written
