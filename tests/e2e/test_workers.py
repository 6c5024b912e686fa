"""Many workers, one PostgreSQL catalog: three worker processes crawl four test blogs served
on 127.0.0.2-5 (distinct sites); one is SIGKILLed mid-crawl and another joins later.

Every post is exported exactly once with every comment, no host ever saw two requests
closer than the crawl's delay (the test servers log when each request arrived), every WARC
file reads to its end, and the CDXJ index lists every record the catalog holds."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from archive_build import assert_index_covers_warcs
from pg_server import PgServer

from scraper.testing import SiteServer, gen_site

pytestmark = pytest.mark.slow

HOSTS = 4
POSTS = 10
DELAY = 0.25
LEASE = 2.0


@pytest.fixture
def sites() -> Iterator[list[SiteServer]]:
    servers = []
    try:
        for i in range(HOSTS):
            try:
                servers.append(SiteServer(gen_site(POSTS, seed=10 + i), host=f"127.0.0.{i + 2}"))
                servers[-1].start()
            except OSError as exc:  # pragma: no cover - a loopback without 127.0.0.0/8
                pytest.skip(f"cannot serve on 127.0.0.{i + 2}: {exc}")
        yield servers
    finally:
        for s in servers:
            s.stop()


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "archive", *args]


def _captures(dsn: str) -> int:
    import psycopg

    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT COUNT(*) FROM captures").fetchone()
    return int(row[0]) if row else 0


def test_workers_share_one_crawl_politely_and_survive_a_kill(
    tmp_path: Path, pg_server: PgServer, sites: list[SiteServer]
) -> None:
    dsn = pg_server.create_database("crawl")
    address = dsn.replace(f":{pg_server.password}@", "@")  # the password goes by environment
    env = {**os.environ, "PGPASSWORD": pg_server.password}
    arc = tmp_path / "arc"
    logs = [(tmp_path / f"w{i}.log").open("w") for i in range(4)]
    seeds = [s.url + "/" for s in sites]
    flags = ["--quiet", "--lease", str(LEASE)]
    first = subprocess.Popen(
        _cli("crawl", *seeds, "--archive", str(arc), "--catalog", address,
             "--delay", str(DELAY), "--concurrency", "4", *flags),
        env=env, stdout=logs[0], stderr=subprocess.STDOUT,
    )  # fmt: skip
    procs = [first]
    deadline = time.monotonic() + 60
    while not (arc / "catalog.url").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    for i in (1, 2):
        procs.append(
            subprocess.Popen(
                _cli("worker", "--archive", str(arc), *flags),
                env=env,
                stdout=logs[i],
                stderr=subprocess.STDOUT,
            )
        )
    victim = procs[1]
    while _captures(dsn) < 25 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert victim.poll() is None, "the crawl ended before a worker could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait(30)
    time.sleep(0.5)
    procs.append(
        subprocess.Popen(
            _cli("worker", "--archive", str(arc), *flags),
            env=env,
            stdout=logs[3],
            stderr=subprocess.STDOUT,
        )
    )
    codes = [p.wait(300) for p in procs]
    for log in logs:
        log.close()
    output = "\n".join(f.read_text() for f in sorted(tmp_path.glob("w*.log")))
    assert codes[1] == -signal.SIGKILL
    assert [codes[0], codes[2], codes[3]] == [0, 0, 0], output
    assert pg_server.password not in output
    assert pg_server.password not in (arc / "catalog.url").read_text()

    # Every post exactly once, with every comment.
    assert subprocess.run(_cli("export", str(arc)), env=env, capture_output=True).returncode == 0
    posts = [json.loads(line) for line in (arc / "exports" / "posts.jsonl").open()]
    comments = [json.loads(line) for line in (arc / "exports" / "comments.jsonl").open()]
    urls = [p["url"] for p in posts]
    expected = {s.url + p.path for s in sites for p in s.site.posts}
    assert len(urls) == len(set(urls))
    assert set(urls) == expected
    got = sorted((c["post_url"], c["id"]) for c in comments)
    assert got == sorted(
        (s.url + p.path, str(c.id)) for s in sites for p in s.site.posts for c in p.comments
    )

    # Politeness across all workers, as each host saw it; robots.txt asked once per host.
    for s in sites:
        assert s.count("/robots.txt") == 1, s.url
        times = sorted(r.at for r in s.requests)
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert min(gaps) >= DELAY - 0.01, (s.url, min(gaps))

    # Every WARC file reads to its end; the index lists every record the catalog holds.
    warcs = assert_index_covers_warcs(arc, _captures(dsn))
    assert len({w.name.split("-")[3] for w in warcs}) >= 3  # files of at least 3 workers
