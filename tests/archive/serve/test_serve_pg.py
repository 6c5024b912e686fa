"""``serve`` over a PostgreSQL catalog: the same archive stored once in SQLite and once in
PostgreSQL serves the same pages, byte for byte, and ``blog-archiver serve DIR`` finds the
catalog ``DIR/catalog.url`` names (the search index is still a local SQLite file).

Slow: a real PostgreSQL and two archives built for the module."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from conftest import APP_PORT, REPLAY_PORT
from pg_server import PgServer
from serve_build import ASSET_POST, TIMED_URL, Built, Client, build

from archive.serve import INDEX_NAME, ServeConfig, create_app, create_replay_app, open_state

pytestmark = pytest.mark.slow

#: A time this test's run stored (ISO 8601, or the 14-20 digits of a replay URL).
_YEAR = f"{date.today():%Y}"
_NOW = re.compile(rf"{_YEAR}\d{{10,16}}|{_YEAR}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z?")

_WORKER = re.compile(r"blog-archiver-c\d+-w\d+-")
_UUID = re.compile(r"urn:uuid:[0-9a-f-]{36}")


@pytest.fixture(scope="module")
def pair(
    tmp_path_factory: pytest.TempPathFactory, pg_server: PgServer
) -> Iterator[tuple[Built, Built]]:
    """The serve archive built twice: on SQLite, and on a fresh PostgreSQL database."""
    mp = pytest.MonkeyPatch()
    mp.setenv("PGPASSWORD", pg_server.password)  # the folder remembers the address without it
    try:
        base = tmp_path_factory.mktemp("serve-pg")
        yield (
            build(base / "sqlite" / "arc"),
            build(base / "pg" / "arc", pg_server.create_database()),
        )
    finally:
        mp.undo()


def _paths(built: Built) -> list[str]:
    post = built.edited_post
    return [
        "/",
        "/?q=styled",
        "/?q=kaleidoscopic+lanterns",
        "/?author=Ann",
        f"/post?url={post}",
        f"/post.json?url={post}",
        f"/history?url={post}",
        f"/replay?url={ASSET_POST}&at=2100",
    ]


def _plain(text: str, root: Path) -> list[str]:
    text = _NOW.sub("T", text.replace(str(root), "ROOT"))
    text = _UUID.sub("UUID", _WORKER.sub("blog-archiver-", text))
    return text.splitlines()


def _same(a: httpx.Response, b: httpx.Response, roots: tuple[Path, Path], what: str) -> None:
    assert a.status_code == b.status_code, what
    assert a.headers.get("content-type") == b.headers.get("content-type"), what
    # the two archives differ only in where they are (their folder may show in a page)
    # and when they were built (a capture's time is the clock's when the test stored it)
    # and what names their records (a shared catalog's WARC files carry the worker's id)
    left, right = (_plain(r.text, root) for r, root in ((a, roots[0]), (b, roots[1])))
    assert left == right, what


def test_serve_pages_are_the_same_on_both_catalogs(
    pair: tuple[Built, Built], pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", pg_server.password)
    lite, pg = pair
    assert (pg.root / "catalog.url").exists()
    assert not (pg.root / "catalog.sqlite").exists()
    roots = (lite.root, pg.root)
    with (
        open_state(
            ServeConfig(lite.root, allowed_hosts=("testserver",)), APP_PORT, REPLAY_PORT
        ) as (s1, _),
        open_state(ServeConfig(pg.root, allowed_hosts=("testserver",)), APP_PORT, REPLAY_PORT) as (
            s2,
            info,
        ),
    ):
        assert s2.archive.shared  # the PostgreSQL catalog, read-only
        assert info.path == pg.root / INDEX_NAME
        assert info.rebuilt
        apps = [Client(create_app(s, ["testserver"])) for s in (s1, s2)]
        replays = [Client(create_replay_app(s.replayer, ["testserver"])) for s in (s1, s2)]
        for path in _paths(lite):
            a, b = (app.get(path) for app in apps)
            assert a.status_code == 200, path
            _same(a, b, roots, path)
        for path in (f"/2100/{ASSET_POST}", f"/2020/{TIMED_URL}", f"/2100/{TIMED_URL}"):
            a, b = (r.get(path) for r in replays)
            assert a.status_code == 200, path
            _same(a, b, roots, path)
        assert replays[1].get("/2100/http://blog.test/none/").status_code == 404


def test_the_serve_command_reads_the_remembered_postgresql_catalog(
    pair: tuple[Built, Built], pg_server: PgServer, tmp_path: Path
) -> None:
    _, pg = pair
    index = tmp_path / "search.sqlite"
    env = {**os.environ, "PGPASSWORD": pg_server.password}
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive", "serve", str(pg.root), "--port", "0",
         "--index", str(index)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            m = re.search(r"at (http://\S+/) \(replays from (http://\S+/)\)", line)
            if m:
                app_url, replay_url = m.group(1), m.group(2)
                break
        else:
            pytest.fail(f"serve did not start: {proc.stderr.read() if proc.stderr else ''}")
        with httpx.Client(trust_env=False, timeout=30) as client:
            listing = client.get(app_url, params={"q": "styled"})
            assert listing.status_code == 200
            assert "A styled post" in listing.text
            replay = client.get(f"{replay_url}2100/{TIMED_URL}")
            assert replay.text == "new"
        assert index.exists()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
