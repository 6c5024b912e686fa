"""``blog-archiver serve``'s command line: its errors and warnings, as the CLI says them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from archive._cli import main
from archive._errors import ServeError
from archive.serve import ServeConfig, is_loopback, run_server


def test_serve_of_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", str(tmp_path / "nothing")]) == 2
    assert "blog-archiver: error: no archive at" in capsys.readouterr().err


def test_serve_of_a_folder_without_catalog_says_so(tmp_path: Path) -> None:
    err = io.StringIO()
    with pytest.raises(ServeError, match="not an archive"):
        run_server(ServeConfig(tmp_path, port=0), out=io.StringIO(), err=err)


def test_a_catalog_url_that_is_not_postgresql_is_refused(tmp_path: Path) -> None:
    (tmp_path / "catalog.url").write_text("mysql://somewhere/blogs\n")
    with pytest.raises(ServeError, match="does not name a PostgreSQL catalog"):
        run_server(ServeConfig(tmp_path, port=0), out=io.StringIO(), err=io.StringIO())


def test_a_non_loopback_address_is_warned_about(tmp_path: Path) -> None:
    err = io.StringIO()
    with pytest.raises(ServeError, match="not an archive"):
        run_server(ServeConfig(tmp_path, host="0.0.0.0", port=0), out=io.StringIO(), err=err)
    assert "blog-archiver: warning: serving on 0.0.0.0, not a loopback address" in err.getvalue()


def test_loopback_names() -> None:
    for host in ("127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost"):
        assert is_loopback(host)
    for host in ("0.0.0.0", "::", "192.168.1.2", "example.org"):
        assert not is_loopback(host)
    assert ServeConfig(Path("."), host="0.0.0.0").hosts() == ["*"]
    assert "evil.example" not in ServeConfig(Path(".")).hosts()
    assert ServeConfig(Path("."), port=9000).replay_port_number == 9001
