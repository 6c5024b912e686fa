"""The frontier workers share on PostgreSQL: claims never overlap, one host is asked by one
worker at a time and not before its delay, a dead worker's claims come back when its lease
runs out, robots.txt is kept once for all, and the schema version is checked."""

from __future__ import annotations

import gzip
import threading
import time
from pathlib import Path

import pytest

from archive import Archive, ArchiveError, CatalogVersionError
from archive.catalog import PgFrontier, connect_pg, redact, register_worker
from scraper import Job, JobKind, URLState


def _now() -> str:
    return "2026-12-07T00:00:00Z"


def _frontier(
    dsn: str, *, delay: float = 0.0, lease: float = 60.0, per_host: int = 1
) -> PgFrontier:
    db = connect_pg(dsn, readonly=False)
    crawl_id = int(
        db.execute(
            "INSERT INTO crawls (kind, started_at, settings_json) VALUES ('crawl', ?, '{}') "
            "RETURNING id",
            (_now(),),
        ).fetchone()[0]
    )
    return PgFrontier(db, register_worker(db, crawl_id, _now()), _now, delay=delay,
                      per_host=per_host, lease=lease)  # fmt: skip


def _jobs(hosts: int, per_host: int) -> list[Job]:
    return [
        Job(f"http://127.0.0.{h + 2}:8000/p{i}/", JobKind.POST)
        for i in range(per_host)
        for h in range(hosts)
    ]


def test_add_dedups_across_workers_and_counts_new(pg_dsn: str) -> None:
    a, b = _frontier(pg_dsn), _frontier(pg_dsn)
    assert a.add(_jobs(2, 3)) == 6
    assert b.add(_jobs(3, 3)) == 3
    assert a.pending() == b.pending() == 9


def test_known_lists_every_workers_urls_with_their_kinds(pg_dsn: str) -> None:
    a, b = _frontier(pg_dsn), _frontier(pg_dsn)
    a.add(_jobs(2, 3))
    b.add([Job("http://127.0.0.9:8000/page/2/", JobKind.LISTING)])
    known = dict(b.known())
    assert len(known) == 7
    assert known["http://127.0.0.9:8000/page/2/"] is JobKind.LISTING
    assert known["http://127.0.0.2:8000/p0/"] is JobKind.POST


def test_claims_of_two_workers_never_overlap_and_take_one_url_per_host(pg_dsn: str) -> None:
    a, b = _frontier(pg_dsn), _frontier(pg_dsn)
    a.add(_jobs(10, 5))
    got_a = a.claim(6)
    got_b = b.claim(6)
    urls_a, urls_b = {j.url for j in got_a}, {j.url for j in got_b}
    assert len(got_a) == 6
    assert len(got_b) == 4
    assert not urls_a & urls_b
    hosts = [j.url.split("/")[2] for j in got_a + got_b]
    assert len(set(hosts)) == 10
    assert a.claim(5) == []  # every host is busy until its job is finished


def test_concurrent_claimers_get_disjoint_jobs(pg_dsn: str) -> None:
    seed = _frontier(pg_dsn)
    seed.add(_jobs(30, 4))
    workers = [_frontier(pg_dsn) for _ in range(4)]
    taken: list[list[str]] = [[] for _ in workers]

    def run(i: int) -> None:
        f = workers[i]
        while True:
            jobs = f.claim(3)
            if not jobs:
                if f.pending() == 0:
                    return
                time.sleep(0.01)
                continue
            for job in jobs:
                taken[i].append(job.url)
                f.finish(job.url, URLState.PARSED)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    every = [u for urls in taken for u in urls]
    assert sorted(every) == sorted(j.url for j in _jobs(30, 4))  # each exactly once


def test_a_host_is_not_claimed_again_before_its_delay(pg_dsn: str) -> None:
    f = _frontier(pg_dsn, delay=0.5)
    f.add(_jobs(1, 2))
    (first,) = f.claim(5)
    f.finish(first.url, URLState.PARSED)
    assert f.claim(5) == []  # finished, but the delay runs from the end of the request
    deadline = time.monotonic() + 10
    second: list[Job] = []
    while not second and time.monotonic() < deadline:
        second = f.claim(5)
        time.sleep(0.05)
    assert [j.url for j in second] == ["http://127.0.0.2:8000/p1/"]


def test_crawl_delay_from_robots_is_shared_and_stored_once(pg_dsn: str) -> None:
    a, b = _frontier(pg_dsn), _frontier(pg_dsn)
    origin = "http://127.0.0.2:8000"
    assert b.known_robots(origin) is None
    a.save_robots(origin, 200, b"User-agent: *\nCrawl-delay: 3\n", 3.0)
    b.save_robots(origin, 200, b"other", 1.0)  # the first copy stays
    assert b.known_robots(origin) == (200, b"User-agent: *\nCrawl-delay: 3\n")
    (delay,) = a._db.execute("SELECT delay FROM hosts WHERE host = '127.0.0.2:8000'").fetchone()
    assert delay == 3.0


def test_a_dead_workers_claims_return_when_the_lease_runs_out(pg_dsn: str) -> None:
    dead, alive = _frontier(pg_dsn, lease=0.3), _frontier(pg_dsn, lease=0.3)
    dead.add(_jobs(2, 1))
    assert len(dead.claim(5)) == 2
    assert alive.claim(5) == []
    time.sleep(0.5)
    alive.reap()
    again = alive.claim(5)
    assert len(again) == 2
    dead.finish(again[0].url, URLState.PARSED)  # a late finish of a lost claim ...
    (in_flight,) = alive._db.execute("SELECT SUM(in_flight) FROM hosts").fetchone()
    assert in_flight == 2  # ... does not release the host the live worker now holds


def test_finish_of_an_unqueued_url_records_it(pg_dsn: str) -> None:
    f = _frontier(pg_dsn)
    f.finish("http://127.0.0.2:8000/elsewhere/", URLState.FAILED, "404")
    assert f.counts() == {"failed": 1}


def test_an_unknown_schema_version_is_refused(pg_dsn: str) -> None:
    connect_pg(pg_dsn, readonly=False).close()
    db = connect_pg(pg_dsn, readonly=False)
    db.execute("UPDATE catalog_meta SET value = '99' WHERE key = 'version'")
    db.close()
    with pytest.raises(CatalogVersionError, match="schema version 99"):
        connect_pg(pg_dsn, readonly=False)


def test_a_database_with_other_tables_is_not_taken_over(pg_dsn: str) -> None:
    import psycopg

    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE theirs (x int)")
    with pytest.raises(ArchiveError, match="other tables"):
        connect_pg(pg_dsn, readonly=False)


def test_messages_and_stored_addresses_carry_no_password(pg_dsn: str) -> None:
    assert ":" not in redact(pg_dsn).split("@")[0].removeprefix("postgresql://")
    assert redact("postgresql://u:s3cret@h/db?password=x&sslmode=require") == (
        "postgresql://u@h/db?sslmode=require"
    )
    assert "s3cret" not in redact("host=h user=u password=s3cret dbname=d")
    bad = pg_dsn.rsplit("/", 1)[0] + "/nonexistent_db"
    with pytest.raises(ArchiveError) as err:
        connect_pg(bad, readonly=False)
    password = pg_dsn.split(":")[2].split("@")[0]
    assert password not in str(err.value)


def test_a_shared_archive_remembers_its_catalog_without_the_password(
    tmp_path: Path, pg_dsn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    password = pg_dsn.split(":")[2].split("@")[0]
    with Archive.open(tmp_path, catalog=pg_dsn) as arc:
        assert arc.shared
        crawl_id = arc.begin_crawl("crawl", {"seeds": ["http://127.0.0.2/"]})
    remembered = (tmp_path / "catalog.url").read_text()
    assert password not in remembered
    assert remembered.strip() == redact(pg_dsn)
    warcs = list((tmp_path / "warc").glob("*.warc.gz"))
    assert all(password.encode() not in gzip.decompress(p.read_bytes()) for p in warcs)
    monkeypatch.setenv("PGPASSWORD", password)  # where libpq finds it next time
    with Archive.open(tmp_path, readonly=True) as arc:
        assert arc.shared
        assert arc.open_round("crawl") == (
            crawl_id,
            {"seeds": ["http://127.0.0.2/"], "lease": 30.0},
        )
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(ArchiveError, match="password") as err:
        Archive.open(tmp_path, readonly=True)
    assert password not in str(err.value)


def test_a_joining_worker_holds_claims_under_the_rounds_lease(tmp_path: Path, pg_dsn: str) -> None:
    """Workers judge each other dead by the lease: one that joined with a shorter one
    would take a live worker's claims, so the round's lease is every worker's."""
    with Archive.open(tmp_path / "lead", catalog=pg_dsn) as lead:
        lead.lease = 45.0
        crawl_id = lead.begin_crawl("crawl", {"seeds": ["http://127.0.0.2/"]})
        with Archive.open(tmp_path / "worker", catalog=pg_dsn) as worker:
            worker.lease = 5.0
            assert worker.begin_crawl("crawl", {}, join=True) == crawl_id
            assert worker.lease == 45.0
            assert worker.frontier.lease == 45.0  # type: ignore[union-attr]
