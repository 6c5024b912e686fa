"""A re-capture round spread over workers on one PostgreSQL catalog: three blogs served on
127.0.0.2-4 with ETag/Last-Modified are crawled, two of them change (a comment edited, one
deleted), then ``recapture DIR`` leads a round that two ``worker`` processes join; one of
them is SIGKILLed while it holds a claim.

Every URL due is captured exactly once in the round (the killed worker's claim included,
once its lease ran out: the record it wrote before it died is indexed, not written again),
the changes become new versions that ``history`` shows, the
round is recorded with its summary, no host ever saw two requests closer than the round's
delay (each server logs when every request arrived), every WARC file reads to its end and
the CDXJ index lists every record the catalog holds."""

from __future__ import annotations

import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_build import assert_index_covers_warcs, edit_site, site_with_comments
from pg_server import PgServer

from archive._loopback import ConditionalServer
from archive.warc._reader import iter_records

pytestmark = pytest.mark.slow

HOSTS = 3
POSTS = 8
DELAY = 0.3
LEASE = 2.0


@pytest.fixture
def servers() -> Iterator[list[ConditionalServer]]:
    started: list[ConditionalServer] = []
    try:
        for i in range(HOSTS):
            server = ConditionalServer(
                site_with_comments(POSTS, seed=20 + 7 * i), host=f"127.0.0.{i + 2}"
            )
            try:
                started.append(server.__enter__())
            except OSError as exc:  # pragma: no cover - a loopback without 127.0.0.0/8
                pytest.skip(f"cannot serve on 127.0.0.{i + 2}: {exc}")
        yield started
    finally:
        for s in started:
            s.__exit__(None, None, None)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "archive", *args]


def _query(dsn: str, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(dsn) as conn:
        return list(conn.execute(sql, params).fetchall())


def _round(dsn: str) -> int | None:
    rows = _query(dsn, "SELECT id FROM crawls WHERE kind = 'recapture' ORDER BY id DESC LIMIT 1")
    return int(rows[0][0]) if rows else None  # type: ignore[call-overload]


def _held(dsn: str, pid: int) -> list[str]:
    """URLs the worker process ``pid`` holds a claim on right now."""
    rows = _query(
        dsn,
        "SELECT j.url FROM round_jobs j JOIN workers w ON w.id = j.worker_id "
        "WHERE j.state = 'claimed' AND w.name = %s",
        (f"{socket.gethostname()}:{pid}",),
    )
    return [str(r[0]) for r in rows]


def _worker_id(dsn: str, pid: int) -> int:
    rows = _query(dsn, "SELECT id FROM workers WHERE name = %s", (f"{socket.gethostname()}:{pid}",))
    return int(rows[-1][0])  # type: ignore[call-overload]


def _written(arc: Path, worker_id: int, urls: set[str]) -> set[str]:
    """Which of ``urls`` worker ``worker_id`` has a (whole) record of in its WARC files."""
    found: set[str] = set()
    for path in (arc / "warc").glob(f"blog-archiver-c*-w{worker_id}-*.warc.gz"):
        try:
            found |= {
                r.url
                for r in iter_records(path, 0, path.stat().st_size)
                if r.record_type in ("response", "revisit") and r.url in urls
            }
        except Exception:  # a record being appended right now: look again
            continue
    return found


def test_a_round_spread_over_workers_survives_a_kill_and_records_each_page_once(
    tmp_path: Path, pg_server: PgServer, servers: list[ConditionalServer]
) -> None:
    dsn = pg_server.create_database("recap")
    address = dsn.replace(f":{pg_server.password}@", "@")  # the password goes by environment
    env = {**os.environ, "PGPASSWORD": pg_server.password}
    arc = tmp_path / "arc"
    seeds = [s.url + "/" for s in servers]
    crawl = subprocess.run(
        _cli("crawl", *seeds, "--archive", str(arc), "--catalog", address, "--delay", "0",
             "--quiet"),
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert crawl.returncode == 0, crawl.stdout + crawl.stderr

    # Two blogs change: the newest post's first comment edited, a leaf comment deleted.
    changed = []
    for server in servers[:2]:
        server.site, edited, deleted = edit_site(server.site)
        changed.append((server.url + server.site.posts[0].path, str(edited), str(deleted)))
    for server in servers:
        server.clear_log()

    logs = [(tmp_path / f"p{i}.log").open("w") for i in range(3)]
    lead = subprocess.Popen(
        _cli("recapture", str(arc), "--delay", str(DELAY), "--lease", str(LEASE)),
        env=env, stdout=logs[0], stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    # The workers start as soon as the round exists: one may come before its URLs are
    # queued, and waits for them.
    while _round(dsn) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    crawl_id = _round(dsn)
    assert crawl_id is not None, "the round never started"
    workers = [
        subprocess.Popen(
            _cli("worker", "--archive", str(arc), "--lease", str(LEASE)),
            env=env,
            stdout=logs[i],
            stderr=subprocess.STDOUT,
        )
        for i in (1, 2)
    ]
    victim = workers[0]
    held: list[str] = []
    while not held and victim.poll() is None and time.monotonic() < deadline:
        held = _held(dsn, victim.pid)
    assert held, "the victim never held a claim"
    # Hold the victim's claimed rows, so that its job's final state -- and the page's rows
    # sent in the same transaction -- wait: once its record of one of them is on disk, it
    # dies with a record in its WARC file and no row in the catalog.
    import psycopg

    lock = psycopg.connect(dsn)
    lock.execute(
        "SELECT 1 FROM round_jobs WHERE crawl_id = %s AND url = ANY(%s) FOR UPDATE",
        (crawl_id, held),
    )
    orphans: set[str] = set()
    while not orphans and time.monotonic() < deadline:
        orphans = _written(arc, _worker_id(dsn, victim.pid), set(held))
    victim.send_signal(signal.SIGKILL)
    victim.wait(30)
    lock.rollback()
    lock.close()
    assert orphans, "the victim never wrote a record of its claims"
    codes = [lead.wait(300), victim.wait(), workers[1].wait(300)]
    for log in logs:
        log.close()
    output = "\n".join(f.read_text() for f in sorted(tmp_path.glob("p*.log")))
    assert codes == [0, -signal.SIGKILL, 0], output
    assert f"round {crawl_id} done" in output
    assert pg_server.password not in output

    # Every URL due was asked and is recorded once in the round; the dead claim too.
    states = dict(_query(dsn, "SELECT url, state FROM round_jobs WHERE crawl_id = %s", (crawl_id,)))
    assert states
    assert not {u: s for u, s in states.items() if s in ("queued", "claimed", "failed")}
    per_url = dict(
        _query(
            dsn,
            "SELECT url, COUNT(*) FROM capture_rows WHERE crawl_id = %s GROUP BY url",
            (crawl_id,),
        )
    )
    assert {u: n for u, n in per_url.items() if n != 1} == {}
    assert set(states) <= set(per_url)
    claims = dict(
        _query(dsn, "SELECT url, claims FROM round_jobs WHERE crawl_id = %s", (crawl_id,))
    )
    assert all(claims[u] >= 2 for u in held), (held, claims)
    # The orphaned record was indexed by the process that took the claim over, not
    # fetched and written again: the round's one record of it is the dead worker's.
    victim_file = f"-w{_worker_id(dsn, victim.pid)}-"
    for url in orphans:
        (where,) = _query(
            dsn, "SELECT warc_file FROM capture_rows WHERE crawl_id = %s AND url = %s",
            (crawl_id, url),
        )  # fmt: skip
        assert victim_file in str(where[0]), (url, where)
    # The work was shared: the lead and the surviving worker both stored records.
    files = {
        str(r[0]).split("-")[3]
        for r in _query(
            dsn, "SELECT DISTINCT warc_file FROM capture_rows WHERE crawl_id = %s", (crawl_id,)
        )
    }
    assert len(files) >= 2, files

    # The round is recorded with its summary; the changes are new versions in history.
    (stats_json,) = _query(
        dsn, "SELECT stats_json FROM crawls WHERE id = %s AND finished_at IS NOT NULL",
        (crawl_id,),
    )[0]  # fmt: skip
    stats = json.loads(str(stats_json))
    assert stats["changed_posts"] == 2
    assert stats["requests"] == len(per_url)
    assert stats["not_modified"] > 0
    assert stats["failed"] == 0
    for url, edited, deleted in changed:
        shown = subprocess.run(
            _cli("history", str(arc), url, "--json"), env=env, capture_output=True, text=True
        )
        assert shown.returncode == 0, shown.stderr
        history = json.loads(shown.stdout)
        assert [c["crawl_id"] for c in history["captures"]][-1] == crawl_id
        diff = history["changes"][-1]
        assert diff["crawl_id"] == crawl_id
        assert [c["id"] for c in diff["comments_edited"]] == [edited]
        assert [c["id"] for c in diff["comments_removed"]] == [deleted]

    # Politeness across the three processes, as each host saw it.
    for s in servers:
        times = sorted(r.at for r in s.requests)
        assert len(times) > 5
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert min(gaps) >= DELAY - 0.01, (s.url, min(gaps))

    # Every WARC file reads to its end; the index lists every record the catalog holds.
    (total,) = _query(dsn, "SELECT COUNT(*) FROM captures")[0]
    assert_index_covers_warcs(arc, total)


def test_a_round_on_postgresql_that_reaches_nothing_fails_and_is_recorded(
    tmp_path: Path, pg_server: PgServer
) -> None:
    dsn = pg_server.create_database("down")
    address = dsn.replace(f":{pg_server.password}@", "@")
    env = {**os.environ, "PGPASSWORD": pg_server.password}
    arc = tmp_path / "arc"
    with ConditionalServer(site_with_comments(3)) as server:
        post = server.url + server.site.posts[0].path
        crawl = subprocess.run(
            _cli("crawl", server.url + "/", "--archive", str(arc), "--catalog", address,
                 "--delay", "0", "--quiet"),
            env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert crawl.returncode == 0, crawl.stdout + crawl.stderr
    # The server is gone: its port refuses connections.
    proc = subprocess.run(
        _cli("recapture", str(arc), "--quiet"), env=env, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "failed, nothing captured" in lines[0]
    assert "connection refused" in lines[0]
    shown = subprocess.run(
        _cli("history", str(arc), post, "--json"), env=env, capture_output=True, text=True
    )
    failed = json.loads(shown.stdout)["failed_rounds"]
    assert len(failed) == 1
    assert "connection refused" in failed[0]["error"]
    assert not _query(dsn, "SELECT 1 FROM crawls WHERE finished_at IS NULL")  # recorded
