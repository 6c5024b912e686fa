"""The scheduler's failure paths end to end, through the CLI as cron runs it: a site that is
down, a refused port, a stop signal during a round, a demo re-run after Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from archive import Archive
from archive._cli import main
from scraper._errors import UnreachableError
from scraper.fetch._causes import connect_cause as _connect_cause
from scraper.fetch._causes import translate as _translate
from scraper.testing import Fault, FaultKind, SiteServer, gen_site

pytestmark = pytest.mark.slow


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archive", *args],
        capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    """An archive of a 4-post blog whose server is gone afterwards: (path, a post, port)."""
    path = tmp_path_factory.mktemp("sched") / "arc"
    port = _free_port()
    with SiteServer(gen_site(4, seed=3), port=port) as srv:
        proc = _cli("crawl", srv.url + "/", "--archive", str(path), "--delay", "0", "--quiet")
        assert proc.returncode in (0, 1), proc.stderr
        post = srv.url + srv.site.posts[0].path
    return path, post, port


def test_recapture_accepts_quiet_as_the_readme_cron_line_runs_it(
    crawled: tuple[Path, str, int],
) -> None:
    path, _post, port = crawled
    with SiteServer(gen_site(4, seed=3), port=port):
        proc = _cli("recapture", str(path), "--max-age", "30d", "--quiet", "--delay", "0")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""  # a healthy round mails nothing


def test_a_round_against_a_down_site_fails_loudly_and_is_recorded(
    crawled: tuple[Path, str, int],
) -> None:
    path, post, _port = crawled  # the server is stopped: the port refuses connections
    proc = _cli("recapture", str(path), "--quiet")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr  # said once
    assert "failed" in lines[0]
    assert "connection refused" in lines[0]
    assert "robots.txt unavailable" not in proc.stderr
    history = _cli("history", str(path), post, "--json")
    failed = json.loads(history.stdout)["failed_rounds"]
    assert failed
    assert "connection refused" in failed[-1]["error"]
    text = _cli("history", str(path), post).stdout
    assert "ROUND FAILED" in text


def test_a_crawl_of_a_refused_port_names_the_cause(tmp_path: Path) -> None:
    seed = f"http://127.0.0.1:{_free_port()}/"
    code = main(["crawl", seed, "--archive", str(tmp_path / "a"), "--quiet"])
    assert code == 1
    with Archive.open(tmp_path / "a", readonly=True) as arc:
        reasons = {reason for _url, reason in arc.failures()}
    assert reasons == {"host unreachable: connection refused"}


def test_connect_failures_are_translated_to_their_cause() -> None:
    import httpx

    dns = httpx.ConnectError("x")
    dns.__cause__ = socket.gaierror(-2, "Name or service not known")
    err = _translate("http://nowhere.test/", dns)
    assert isinstance(err, UnreachableError)
    assert err.reason == "DNS failure: Name or service not known"
    refused = OSError("All connection attempts failed")
    refused.__cause__ = ConnectionRefusedError(111, "Connect call failed")
    assert _connect_cause(refused) == "connection refused"
    assert isinstance(_translate("http://h/", httpx.ConnectTimeout("t")), UnreachableError)


def test_sigint_stops_a_round_with_requests_in_flight(crawled: tuple[Path, str, int]) -> None:
    path, _post, port = crawled
    stall = Fault(kind=FaultKind.STALL, seconds=600)
    site = gen_site(4, seed=3)
    faults = {p.path: stall for p in site.posts}
    with SiteServer(site, port=port, faults=faults) as srv:
        proc = subprocess.Popen(
            [sys.executable, "-m", "archive", "recapture", str(path), "--delay", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        while not any(r.fault is FaultKind.STALL for r in srv.requests):
            if proc.poll() is not None:
                pytest.fail(f"round ended before a request stalled: {proc.communicate()}")
            os.sched_yield()
        proc.send_signal(signal.SIGINT)
        # The stalled requests would hold it 600 s; cancelled, it ends at once.
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in out
    assert "Traceback" not in err, err


def test_demo_rerun_resumes_on_the_same_port(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    first = _cli("demo", "--dir", str(folder), "--posts", "3", "--no-fixtures", "--quiet")
    assert first.returncode in (0, 1), first.stderr
    mark = json.loads((folder / "demo.json").read_text())
    again = _cli("demo", "--dir", str(folder), "--posts", "3", "--no-fixtures", "--quiet")
    assert f"127.0.0.1:{mark['blog_port']}/" in again.stdout
    with Archive.open(folder, readonly=True) as arc:
        hosts = {p.url.split("/")[2] for p in arc.posts() if p.url}
    assert hosts == {f"127.0.0.1:{mark['blog_port']}"}
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", mark["blog_port"]))
        busy.listen()
        taken = _cli("demo", "--dir", str(folder), "--posts", "3", "--no-fixtures")
    assert taken.returncode == 1
    assert "port" in taken.stderr
    assert "Traceback" not in taken.stderr
    other = _cli("demo", "--dir", str(folder), "--posts", "5", "--no-fixtures")
    assert other.returncode == 2
    assert "another archive" in other.stderr
