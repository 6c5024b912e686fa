"""End to end: crawl the loopback test blog into an archive through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive import Archive
from archive._cli import main
from scraper.testing import SiteServer, gen_site

pytestmark = pytest.mark.slow

N_POSTS = 12


@pytest.fixture(scope="module")
def server() -> SiteServer:
    with SiteServer(gen_site(N_POSTS, seed=7)) as srv:
        yield srv  # type: ignore[misc]


@pytest.fixture(scope="module")
def crawled(server: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    path = tmp_path_factory.mktemp("crawl") / "arc"
    proc = subprocess.run(
        [sys.executable, "-m", "archive", "crawl", server.url + "/", "--archive", str(path),
         "--delay", "0", "--concurrency", "8", "--per-host", "8", "--log-json"],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    return path, proc.returncode, proc.stdout + "\n" + proc.stderr


def test_crawl_exits_cleanly_and_prints_a_summary(crawled: tuple[Path, int, str]) -> None:
    path, code, output = crawled
    assert code in (0, 1), output
    assert "pages fetched" in output
    assert str(path) in output


def test_log_json_is_one_object_per_line(crawled: tuple[Path, int, str]) -> None:
    _, _, output = crawled
    events = [json.loads(ln) for ln in output.splitlines() if ln.startswith("{")]
    assert events
    assert {"fetched", "queued"} <= {e["event"] for e in events}


def test_every_post_is_archived_once_with_all_comments(
    crawled: tuple[Path, int, str], server: SiteServer
) -> None:
    path, _, _ = crawled
    with Archive.open(path, readonly=True) as arc:
        posts = {p.url: p for p in arc.posts()}
    expected = {server.url + p.path: p for p in server.site.posts}
    assert set(expected) <= set(posts)
    for url, site_post in expected.items():
        got = posts[url]
        assert got.title == site_post.title
        assert sorted(c.id or "" for c in got.comments) == sorted(
            str(c.id) for c in site_post.comments
        ), url


def test_warc_files_are_readable_and_match_the_catalog(crawled: tuple[Path, int, str]) -> None:
    path, _, _ = crawled
    files = sorted((path / "warc").glob("*.warc.gz"))
    assert files
    responses: Counter[str] = Counter()
    ids = set()
    for f in files:
        with f.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type == "response":
                    responses[rec.rec_headers.get_header("WARC-Target-URI")] += 1
                    ids.add(rec.rec_headers.get_header("WARC-Record-ID"))
        check = subprocess.run(
            [sys.executable, "-m", "warcio.cli", "index", str(f)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert check.returncode == 0, check.stderr
    assert max(responses.values()) == 1
    with Archive.open(path, readonly=True) as arc:
        rows = [r for r in arc.captures() if r.record_type == "response"]
        assert {r.record_id for r in rows} == ids
        row = next(r for r in rows if r.url.endswith("/"))
        assert arc.read_capture(row).url == row.url
    index = (path / "warc" / "index.cdxj").read_text().splitlines()
    assert len(index) == len(rows)
    assert index == sorted(index)


def test_second_writer_gets_a_clear_error(tmp_path: Path, server: SiteServer) -> None:
    with Archive.open(tmp_path / "arc"):
        code = main(["crawl", server.url + "/", "--archive", str(tmp_path / "arc"), "--quiet"])
    assert code == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["crawl", "http://127.0.0.1:1/"])  # --archive missing
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["crawl", "http://127.0.0.1:1/", "--archive", "x", "--since", "yesterday"])
    assert exc.value.code == 2


def test_demo_runs_offline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["demo", "--dir", str(tmp_path / "demo"), "--posts", "4", "--quiet"])
    out = capsys.readouterr().out
    assert code in (0, 1), out
    assert "blog-archiver export" in out
    with Archive.open(tmp_path / "demo", readonly=True) as arc:
        assert len(list(arc.posts())) >= 4


def test_a_seed_that_is_no_url_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["crawl", "notaurl", "--archive", str(tmp_path / "a"), "--quiet"]) == 2
    assert not (tmp_path / "a").exists()


def test_nothing_captured_exits_1_and_says_why(tmp_path: Path) -> None:
    import io
    import socket

    from archive.commands._crawl import crawl_into
    from scraper._config import CrawlConfig, FetchConfig, Timeouts

    with socket.socket() as s:  # a port nobody listens on: connections are refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = CrawlConfig(
        delay=0,
        robots_retry_delay=0.05,
        robots_retries=1,
        fetch=FetchConfig(max_attempts=1, timeout=Timeouts.all(2.0)),
    )
    out = io.StringIO()
    code = crawl_into([f"http://127.0.0.1:{port}/"], tmp_path / "a", config, quiet=True, out=out)
    text = out.getvalue()
    assert code == 1
    assert "Nothing was captured" in text
    assert "Skipped URLs" in text or "Failed URLs" in text
