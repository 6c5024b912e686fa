"""kill -9 a real ``blog-archiver crawl`` mid-crawl, re-run it, and check nothing was lost
or stored twice: every post exactly once, every WARC readable, catalog == WARC contents."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive import Archive
from scraper.testing import SiteServer, gen_site

pytestmark = pytest.mark.slow

N_POSTS = 40
POLL_LIMIT_S = 120  # a safety bound on waiting, not an assertion about speed


@pytest.fixture(scope="module")
def server() -> SiteServer:
    with SiteServer(gen_site(N_POSTS, seed=11)) as srv:
        yield srv  # type: ignore[misc]


def _command(url: str, path: Path) -> list[str]:
    return [
        sys.executable, "-m", "archive", "crawl", url + "/", "--archive", str(path),
        "--delay", "0", "--concurrency", "4", "--per-host", "4", "--quiet",
    ]  # fmt: skip


def _captures(path: Path) -> int:
    db = path / "catalog.sqlite"
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM captures").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _kill_after(cmd: list[str], path: Path, captures: int) -> bool:
    """Run ``cmd`` and SIGKILL it once the catalog holds ``captures``; True if killed."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + POLL_LIMIT_S
    while proc.poll() is None and time.monotonic() < deadline:
        if _captures(path) >= captures:
            break
        time.sleep(0.005)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return killed


def _check_archive(path: Path, server: SiteServer) -> None:
    responses: Counter[str] = Counter()
    in_warc: dict[tuple[str, int], str] = {}
    for f in sorted((path / "warc").glob("*.warc.gz")):
        with f.open("rb") as fh:
            it = ArchiveIterator(fh)
            for rec in it:
                if rec.rec_type == "response":
                    responses[rec.rec_headers.get_header("WARC-Target-URI")] += 1
                    in_warc[(f.name, it.get_record_offset())] = rec.rec_headers.get_header(
                        "WARC-Record-ID"
                    )
    dupes = {u: n for u, n in responses.items() if n > 1}
    assert not dupes, f"response records stored twice: {dupes}"
    with Archive.open(path, readonly=True) as arc:
        rows = [r for r in arc.captures() if r.record_type == "response"]
        assert {(r.warc_file, r.offset): r.record_id for r in rows} == in_warc
        posts = {p.url: p for p in arc.posts()}
        assert not list(arc.failures())
    for site_post in server.site.posts:
        got = posts[server.url + site_post.path]
        assert len(got.comments) == len(site_post.comments), site_post.path


@pytest.mark.parametrize("kill_points", [(3,), (60,), (20, 90)], ids=["early", "mid", "twice"])
def test_kill_9_then_rerun_resumes_without_loss_or_duplicates(
    tmp_path: Path, server: SiteServer, kill_points: tuple[int, ...]
) -> None:
    path = tmp_path / "arc"
    cmd = _command(server.url, path)
    for n in kill_points:
        assert _kill_after(cmd, path, n), "the crawl finished before the kill point"
        with Archive.open(path, readonly=True) as arc:
            assert arc.stats()["urls"].get("queued", 0) + arc.stats()["urls"].get("claimed", 0)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    _check_archive(path, server)


def test_sigterm_stops_cleanly_and_leaves_nothing_to_repair(
    tmp_path: Path, server: SiteServer
) -> None:
    path = tmp_path / "arc"
    cmd = _command(server.url, path)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + POLL_LIMIT_S
    while proc.poll() is None and time.monotonic() < deadline and _captures(path) < 30:
        time.sleep(0.005)
    assert proc.poll() is None, "the crawl finished before SIGTERM"
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, out + err
    assert "Interrupted" in out
    assert "resume" in out
    with Archive.open(path) as arc:  # a writable open runs recovery: nothing to do
        assert not arc.recovery
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    _check_archive(path, server)
