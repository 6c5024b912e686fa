"""A re-capture round's queue on PostgreSQL (``round_jobs``, schema version 3): seeded once,
claimed like a crawl's frontier (one host at a time, leases), 304s finished as answers,
new URLs queued for later rounds, and a version-2 catalog migrated in place."""

from __future__ import annotations

import time

import pytest

from archive.catalog import Db, connect_pg, register_worker, schema_version
from archive.catalog._pg_rounds import RoundFrontier, RoundJob, round_pending, seed_round
from archive.catalog._pg_schema import PG_VERSION
from scraper import Job, JobKind, URLState

pytestmark = pytest.mark.slow


def _now() -> str:
    return "2026-12-07T00:00:00Z"


def _round(db: Db) -> int:
    return int(
        db.execute(
            "INSERT INTO crawls (kind, started_at, settings_json) VALUES ('recapture', ?, '{}') "
            "RETURNING id",
            (_now(),),
        ).fetchone()[0]
    )


def _frontier(
    dsn: str, crawl_id: int, claimed: list[RoundJob], *, lease: float = 60.0
) -> tuple[RoundFrontier, set[str]]:
    db = connect_pg(dsn, readonly=False)
    not_modified: set[str] = set()
    f = RoundFrontier(
        db, register_worker(db, crawl_id, _now()), crawl_id, _now,
        delay=0.0, per_host=1, lease=lease, since=_now(),
        on_claim=claimed.extend, not_modified=not_modified,
    )  # fmt: skip
    return f, not_modified


def _jobs(hosts: int, per_host: int) -> list[RoundJob]:
    return [
        RoundJob(
            Job(f"http://127.0.0.{h + 2}:8000/p{i}/", JobKind.POST),
            etag=f'"e{h}-{i}"',
            last_modified=None,
            base=None,
            reclaimed=False,
        )
        for i in range(per_host)
        for h in range(hosts)
    ]


def test_a_round_is_seeded_once_and_claimed_one_host_at_a_time(pg_dsn: str) -> None:
    db = connect_pg(pg_dsn, readonly=False)
    crawl_id = _round(db)
    assert seed_round(db, crawl_id, _jobs(3, 2), _now()) == 6
    assert seed_round(db, crawl_id, _jobs(3, 2), _now()) == 0  # a re-run adds nothing
    seen_a: list[RoundJob] = []
    seen_b: list[RoundJob] = []
    a, nm_a = _frontier(pg_dsn, crawl_id, seen_a)
    b, _ = _frontier(pg_dsn, crawl_id, seen_b)
    got_a = a.claim(5)
    got_b = b.claim(5)
    assert len(got_a) == 3  # each host once: all three are a's turn now
    assert got_b == []
    assert {r.etag for r in seen_a} == {'"e0-0"', '"e1-0"', '"e2-0"'}  # validators come along
    nm_a.add(got_a[0].url)  # the sink saw a 304: the crawler reports it as a failure
    a.finish(got_a[0].url, URLState.FAILED, "HTTP 304")
    a.finish(got_a[1].url, URLState.PARSED)
    a.finish(got_a[2].url, URLState.FAILED, "HTTP 500")
    assert a.answered_304 == 1
    assert a.counts() == {"fetched": 1, "parsed": 1, "failed": 1, "queued": 3}
    assert round_pending(db, crawl_id) == 3
    assert len(b.claim(5)) == 3
    assert a.claim(5) == []


def test_new_urls_join_the_round_and_the_archive_known_ones_do_not(pg_dsn: str) -> None:
    db = connect_pg(pg_dsn, readonly=False)
    db.execute(
        "INSERT INTO urls (url, seq, kind, state, updated_at, host) "
        "VALUES ('http://127.0.0.2:8000/old/', 1, 'post', 'parsed', ?, '127.0.0.2:8000')",
        (_now(),),
    )
    crawl_id = _round(db)
    f, _ = _frontier(pg_dsn, crawl_id, [])
    new = Job("http://127.0.0.2:8000/new/", JobKind.POST)
    old = Job("http://127.0.0.2:8000/old/", JobKind.POST)
    assert f.add([new, old]) == 1
    (job,) = f.claim(5)
    assert job.url == new.url
    f.finish(job.url, URLState.PARSED)
    states = dict(db.execute("SELECT url, state FROM urls").fetchall())
    assert states == {new.url: "parsed", old.url: "parsed"}  # later rounds ask it too


def test_a_dead_workers_claims_come_back_marked_as_reclaimed(pg_dsn: str) -> None:
    db = connect_pg(pg_dsn, readonly=False)
    crawl_id = _round(db)
    seed_round(db, crawl_id, _jobs(1, 1), _now())
    dead, _ = _frontier(pg_dsn, crawl_id, [], lease=0.5)
    assert len(dead.claim(1)) == 1
    seen: list[RoundJob] = []
    alive, _ = _frontier(pg_dsn, crawl_id, seen, lease=0.5)
    assert alive.claim(1) == []
    time.sleep(0.7)
    alive.reap()
    assert len(alive.claim(1)) == 1
    assert [r.reclaimed for r in seen] == [True]
    (in_flight,) = db.execute("SELECT SUM(in_flight) FROM hosts").fetchone()
    assert in_flight == 1


def test_a_version_2_catalog_is_migrated_by_a_writable_open_only(pg_dsn: str) -> None:
    db = connect_pg(pg_dsn, readonly=False)
    db.execute("DROP TABLE round_jobs")
    db.execute("UPDATE catalog_meta SET value = '2' WHERE key = 'version'")
    db.close()
    ro = connect_pg(pg_dsn, readonly=True)  # read as it is: no rewrite from a reader
    assert schema_version(ro) == 2
    ro.close()
    rw = connect_pg(pg_dsn, readonly=False)
    assert schema_version(rw) == PG_VERSION == 3
    (table,) = rw.execute("SELECT to_regclass('round_jobs')::text").fetchone()
    assert table == "round_jobs"
    rw.close()
    connect_pg(pg_dsn, readonly=False).close()  # migrated once: a second open is plain


def test_a_round_asks_at_its_own_delay_not_the_crawls(pg_dsn: str) -> None:
    """The crawl stored its hosts' delay (its --delay 5): a round at --delay 0 must not
    inherit it; robots.txt's Crawl-delay, which the round reads again, still counts."""
    db = connect_pg(pg_dsn, readonly=False)
    jobs = _jobs(2, 2)
    hosts = sorted({j.job.url.split("/")[2] for j in jobs})
    for host in hosts:
        db.execute("INSERT INTO hosts (host, delay) VALUES (?, 5.0)", (host,))
    crawl_id = _round(db)
    seed_round(db, crawl_id, jobs, _now())
    rows = db.execute("SELECT host, delay FROM hosts ORDER BY host", ()).fetchall()
    assert [tuple(r) for r in rows] == [(h, None) for h in hosts]
    f, _ = _frontier(pg_dsn, crawl_id, [])
    f.save_robots("http://" + hosts[0], 200, b"User-agent: *\nCrawl-delay: 2\n", 2.0)
    rows = db.execute("SELECT host, delay FROM hosts ORDER BY host", ()).fetchall()
    assert [tuple(r) for r in rows] == [(hosts[0], 2.0), (hosts[1], None)]
