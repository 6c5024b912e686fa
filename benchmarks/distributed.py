"""Crawl workers on one PostgreSQL catalog: what a page costs, so scale can be projected.

    python benchmarks/distributed.py [--hosts 50] [--posts 40] [--delay 0.05] [--queued 100000]
    python benchmarks/distributed.py --recapture [--hosts 20] [--posts 20] [--delay 0.05]

The machine has 2 cores, so this measures cost per page rather than hoping for speed-up
from more processes than cores. One loopback site of ``--hosts`` blogs (``scraper.testing``'s
generated blog, each on its own address 127.0.0.2, 127.0.0.3 ...) x ``--posts`` posts is
crawled three times, each into a fresh archive:

* one process on SQLite (``blog-archiver crawl``, the embedded default);
* one worker on PostgreSQL (``crawl --catalog postgresql://...``);
* two workers on PostgreSQL (``crawl --catalog`` + ``worker``), the server's CPU counted.

Per run: pages/s (fetched URLs: pages, robots.txt, feeds, sitemaps), CPU ms per page of the
workers (their whole process trees, parse workers included) and of the PostgreSQL server
(every ``postgres`` process), catalog round trips per page (counted by each worker's
connection: a pipeline is one) and statements per page (``pg_stat_statements``), WAL
bytes per page (``pg_current_wal_lsn`` before and after), peak RSS per worker, and the
smallest gap between two requests to one host (the test servers log arrival times).
Then the memory check: 100,000 URLs queued in the shared frontier, a 300-page slice
crawled by one worker, its peak RSS. The server runs durable (``fsync``, full page writes,
synchronous commit on). Prints markdown tables.

``--recapture``: a re-capture round instead of a crawl. The blogs are served with ETag and
Last-Modified (``archive._loopback.ConditionalServer``), crawled once into a PostgreSQL
catalog, then re-captured three times on the unchanged sites (so every round asks the same
URLs and gets 304s): by ``recapture DIR`` alone, by ``recapture DIR`` + one ``worker``, and
alone again (each round's catalog holds the earlier rounds' rows). The same columns,
counted over the round's processes.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from pg_server import PgServer, find_bin_dir, start_server, stop_server  # noqa: E402

from archive._loopback import ConditionalServer  # noqa: E402
from scraper.testing import SiteServer, SiteSpec, gen_site  # noqa: E402

DURABLE = (
    "-c fsync=on -c synchronous_commit=on -c full_page_writes=on "
    "-c shared_preload_libraries=pg_stat_statements -c max_connections=60"
)


@dataclass(frozen=True, slots=True)
class Run:
    name: str
    pages: int
    wall: float
    worker_cpu: float
    server_cpu: float
    calls: int | None
    trips: int | None
    wal: int | None
    rss_mb: list[float]
    min_gap: float

    def row(self) -> str:
        per = max(self.pages, 1)
        calls = f"{self.calls / per:.2f}" if self.calls is not None else "-"
        trips = f"{self.trips / per:.2f}" if self.trips is not None else "-"
        wal = f"{self.wal / per:,.0f}" if self.wal is not None else "-"
        server = f"{self.server_cpu / per * 1000:.2f}" if self.calls is not None else "-"
        rss = " / ".join(f"{r:.0f}" for r in self.rss_mb)
        return (
            f"| {self.name} | {self.pages:,} | {self.pages / self.wall:.1f} | "
            f"{self.worker_cpu / per * 1000:.2f} | {server} | {trips} | {calls} | {wal} | {rss} | "
            f"{self.min_gap * 1000:.0f} |"
        )


def _tree(pid: int) -> tuple[float, int]:
    """CPU seconds and resident bytes of ``pid`` and its descendants now."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0, 0
    cpu, rss = 0.0, 0
    for p in procs:
        try:
            t = p.cpu_times()
            cpu += t.user + t.system + t.children_user + t.children_system
            rss += p.memory_info().rss
        except psutil.Error:
            pass
    return cpu, rss


def _server_cpu(server: PgServer | None) -> float:
    if server is None:
        return 0.0
    return _tree(server.pid)[0]


def run_workers(
    cmds: list[list[str]], env: dict[str, str], ready: Callable[[], bool] = lambda: True
) -> tuple[float, float, list[float]]:
    """Run ``cmds`` (the later ones once ``ready()``: the first has started the round);
    (wall s, CPU s of all their trees, peak RSS MB of each)."""
    t0 = time.perf_counter()
    procs = []
    for i, cmd in enumerate(cmds):
        while i and not ready():
            time.sleep(0.05)
        procs.append(
            subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
    cpu = {p.pid: 0.0 for p in procs}
    peak = {p.pid: 0 for p in procs}
    while any(p.poll() is None for p in procs):
        for p in procs:
            if p.returncode is None:
                c, r = _tree(p.pid)
                cpu[p.pid] = max(cpu[p.pid], c)
                peak[p.pid] = max(peak[p.pid], r)
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    for p in procs:
        if p.returncode not in (0, 1):  # 1: some pages failed (the 404s of the memory check)
            raise SystemExit(f"{p.args} exited {p.returncode}")
    return wall, sum(cpu.values()), [peak[p.pid] / 2**20 for p in procs]


def _gap(sites: Sequence[SiteServer | ConditionalServer], since: float) -> float:
    """The smallest gap between two requests to one host after ``since``."""
    gaps = []
    for s in sites:
        times = sorted(r.at for r in s.requests if r.at >= since)
        gaps += [b - a for a, b in itertools.pairwise(times)]
    return min(gaps) if gaps else 0.0


def _stat(dsn: str, sql: str) -> int:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        cur = conn.execute(sql)
        row = cur.fetchone() if cur.description else None
    return int(row[0]) if row and row[0] is not None else 0


def crawl_run(
    name: str, sites: list[SiteServer], work: Path, server: PgServer | None, workers: int,
    delay: float,
) -> Run:  # fmt: skip
    since = time.monotonic()
    arc = work / name.replace(" ", "-")
    seeds = [s.url + "/" for s in sites]
    base = [sys.executable, "-m", "archive"]
    flags = ["--delay", str(delay), "--concurrency", "16", "--quiet"]
    env = dict(os.environ)
    dsn = None
    if server is not None:
        dsn = server.create_database("bench")
        _stat(dsn, "CREATE EXTENSION pg_stat_statements")
        env["PGPASSWORD"] = server.password
        address = dsn.replace(f":{server.password}@", "@")
        cmds = [[*base, "crawl", *seeds, "--archive", str(arc), "--catalog", address, *flags]]
        cmds += [[*base, "worker", "--archive", str(arc), "--quiet"]] * (workers - 1)
        _stat(dsn, "SELECT pg_stat_statements_reset() IS NULL")
        lsn = _stat(dsn, "SELECT pg_current_wal_lsn() - '0/0'")
    else:
        cmds = [[*base, "crawl", *seeds, "--archive", str(arc), *flags]]
    server_before = _server_cpu(server)

    def started() -> bool:
        if dsn is None or not _stat(dsn, "SELECT to_regclass('workers') IS NOT NULL"):
            return False
        return _stat(dsn, "SELECT COUNT(*) FROM workers") > 0

    wall, cpu, rss = run_workers(cmds, env, started)
    server_cpu = _server_cpu(server) - server_before
    calls = wal = trips = None
    if dsn is not None:
        wal = _stat(dsn, "SELECT pg_current_wal_lsn() - '0/0'") - lsn
        calls = _stat(
            dsn, "SELECT SUM(calls) FROM pg_stat_statements WHERE dbid = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())",
        )  # fmt: skip
        pages = _stat(dsn, "SELECT COUNT(*) FROM captures")
        trips = _stat(dsn, "SELECT SUM(round_trips) FROM workers")
    else:
        import sqlite3

        db = sqlite3.connect(arc / "catalog.sqlite")
        pages = int(db.execute("SELECT COUNT(*) FROM captures").fetchone()[0])
        db.close()
    return Run(name, pages, wall, cpu, server_cpu, calls, trips, wal, rss, _gap(sites, since))


def big_frontier(server: PgServer, sites: list[SiteServer], work: Path, queued: int) -> str:
    """``queued`` URLs in the shared frontier, one worker crawls a 300-page slice."""
    dsn = server.create_database("big")
    import psycopg

    from archive.catalog import connect_pg

    connect_pg(dsn, readonly=False).close()  # the schema
    host = sites[0].url.split("//")[1]
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO urls (url, seq, kind, state, updated_at, host) "
            "SELECT %s || '/2031/01/01/missing-' || i || '/', nextval('urls_seq'), 'post', "
            "'queued', '2026-01-01T00:00:00Z', %s FROM generate_series(1, %s) i",
            (sites[0].url, host, queued),
        )
        conn.execute("INSERT INTO hosts (host) VALUES (%s)", (host,))
    env = {**os.environ, "PGPASSWORD": server.password}
    address = dsn.replace(f":{server.password}@", "@")
    cmd = [sys.executable, "-m", "archive", "crawl", *(s.url + "/" for s in sites[:5]),
           "--archive", str(work / "big"), "--catalog", address, "--delay", "0",
           "--concurrency", "16", "--max-pages", "300", "--quiet"]  # fmt: skip
    wall, _cpu, rss = run_workers([cmd], env)
    left = _stat(dsn, "SELECT COUNT(*) FROM urls WHERE state = 'queued'")
    return (
        f"| {queued:,} URLs queued, 300-page slice, one worker | {wall:.1f} s | "
        f"{rss[0]:.0f} MB | {left:,} still queued |"
    )


def recapture_runs(
    server: PgServer, sites: list[ConditionalServer], work: Path, delay: float
) -> list[Run]:
    """Crawl once, then a round by the lead alone and a round by the lead + one worker."""
    dsn = server.create_database("recap")
    _stat(dsn, "CREATE EXTENSION pg_stat_statements")
    env = {**os.environ, "PGPASSWORD": server.password}
    address = dsn.replace(f":{server.password}@", "@")
    arc = work / "recapture"
    base = [sys.executable, "-m", "archive"]
    seeds = [s.url + "/" for s in sites]
    run_workers(
        [[*base, "crawl", *seeds, "--archive", str(arc), "--catalog", address, "--delay", "0",
          "--concurrency", "16", "--quiet"]],
        env,
    )  # fmt: skip
    open_round = "(SELECT MAX(id) FROM crawls WHERE kind = 'recapture' AND finished_at IS NULL)"
    flags = ["--delay", str(delay), "--concurrency", "16", "--quiet"]
    runs = []
    for i, workers in enumerate((1, 2, 1)):  # alone again last: later rounds cost more?
        since = time.monotonic()
        cmds = [[*base, "recapture", str(arc), *flags]]
        cmds += [[*base, "worker", "--archive", str(arc), "--quiet"]] * (workers - 1)
        _stat(dsn, "SELECT pg_stat_statements_reset() IS NULL")
        lsn = _stat(dsn, "SELECT pg_current_wal_lsn() - '0/0'")
        server_before = _server_cpu(server)

        def seeded() -> bool:
            return _stat(dsn, f"SELECT COUNT(*) FROM round_jobs WHERE crawl_id = {open_round}") > 0

        wall, cpu, rss = run_workers(cmds, env, seeded)
        server_cpu = _server_cpu(server) - server_before
        wal = _stat(dsn, "SELECT pg_current_wal_lsn() - '0/0'") - lsn
        calls = _stat(
            dsn, "SELECT SUM(calls) FROM pg_stat_statements WHERE dbid = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())",
        )  # fmt: skip
        last = "(SELECT MAX(id) FROM crawls WHERE kind = 'recapture')"
        pages = _stat(dsn, f"SELECT COUNT(*) FROM captures WHERE crawl_id = {last}")
        trips = _stat(dsn, f"SELECT SUM(round_trips) FROM workers WHERE crawl_id = {last}")
        name = f"re-capture round {i + 1}, {'lead alone' if workers == 1 else 'lead + 1 worker'}"
        runs.append(
            Run(name, pages, wall, cpu, server_cpu, calls, trips, wal, rss, _gap(sites, since))
        )
    return runs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hosts", type=int, default=50)
    ap.add_argument("--posts", type=int, default=40)
    ap.add_argument("--delay", type=float, default=0.05)
    ap.add_argument("--queued", type=int, default=100_000)
    ap.add_argument("--recapture", action="store_true", help="a re-capture round, 1 vs 2")
    args = ap.parse_args()
    if args.recapture:
        return main_recapture(args)
    bin_dir, why = find_bin_dir()
    if bin_dir is None:
        sys.exit(why)
    work = Path(tempfile.mkdtemp(prefix="bench-dist-"))
    pg_root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    server = start_server(pg_root, bin_dir, settings=DURABLE)
    sites = []
    try:
        for i in range(args.hosts):
            spec = SiteSpec(n_posts=args.posts, seed=i + 1, filler_bytes=20_000)
            site = gen_site(args.posts, spec=spec)
            sites.append(SiteServer(site, host=f"127.0.0.{i + 2}").start())
        runs = [
            crawl_run("SQLite, 1 process", sites, work, None, 1, args.delay),
            crawl_run("PostgreSQL, 1 worker", sites, work, server, 1, args.delay),
            crawl_run("PostgreSQL, 2 workers", sites, work, server, 2, args.delay),
        ]
        big = big_frontier(server, sites, work, args.queued)
    finally:
        for s in sites:
            s.stop()
        stop_server(server)
    print(f"{args.hosts} hosts x {args.posts} posts, --delay {args.delay}, "
          f"--concurrency 16 per worker; {os.cpu_count()} cores\n")  # fmt: skip
    print(
        "| run | pages | pages/s | worker CPU ms/page | server CPU ms/page | round trips/page "
        "| statements/page | WAL bytes/page | peak RSS MB per worker | min gap per host ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        print(r.row())
    print("\n| memory check | wall | peak RSS | |\n|---|---|---|---|")
    print(big)
    return 0


def main_recapture(args: argparse.Namespace) -> int:
    bin_dir, why = find_bin_dir()
    if bin_dir is None:
        sys.exit(why)
    work = Path(tempfile.mkdtemp(prefix="bench-recap-"))
    pg_root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    server = start_server(pg_root, bin_dir, settings=DURABLE)
    sites: list[ConditionalServer] = []
    try:
        for i in range(args.hosts):
            site = gen_site(args.posts, spec=SiteSpec(n_posts=args.posts, seed=i + 1))
            sites.append(ConditionalServer(site, pad=20_000, host=f"127.0.0.{i + 2}").__enter__())
        runs = recapture_runs(server, sites, work, args.delay)
    finally:
        for s in sites:
            s.__exit__(None, None, None)
        stop_server(server)
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.hosts} hosts x {args.posts} posts (ETag/Last-Modified, unchanged: 304s), "
          f"--delay {args.delay}, --concurrency 16 per process; {os.cpu_count()} cores; "
          f"load average {load} at the end\n")  # fmt: skip
    print(
        "| run | URLs | URLs/s | CPU ms/URL (all processes) | server CPU ms/URL "
        "| round trips/URL | statements/URL | WAL bytes/URL | peak RSS MB per process "
        "| min gap per host ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        print(r.row())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
