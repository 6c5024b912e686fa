"""Every user mistake gets one line on stderr and the documented exit code (2 for usage),
never a traceback, and never a side effect (an empty archive at a mistyped path)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from archive_build import store_site

from archive._cli import main
from scraper.testing import gen_site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("usage") / "arc"
    store_site(root, gen_site(2, seed=1))
    return root


@pytest.fixture
def arc(built: Path, tmp_path: Path) -> Path:
    """A copy per test of an archive built once: a usage error must leave it alone, and
    a test that did not would not spoil the next one's."""
    shutil.copytree(built, tmp_path / "arc")
    return tmp_path / "arc"


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["crawl", "http://127.0.0.1:9/", "--archive", "{tmp}/x", "--concurrency", "0"],
         "--concurrency must be at least 1"),
        (["crawl", "http://127.0.0.1:9/", "--archive", "{tmp}/x", "--delay", "-5"],
         "--delay must be 0 or more"),
        (["crawl", "http://127.0.0.1:9/", "--archive", "{tmp}/x", "--max-pages", "0"],
         "--max-pages must be at least 1"),
        (["crawl", "http://[::1", "--archive", "{tmp}/x"], "Invalid IPv6 URL"),
        (["crawl", "http://127.0.0.1:9/", "--archive", "{tmp}/x", "--since", "yesterday"],
         "not a date"),
        (["recapture", "{arc}", "--every", "6x"], "not a duration"),
        (["recapture", "{arc}", "--concurrency", "0"], "--concurrency must be at least 1"),
        (["recapture", "{tmp}/notarc"], "not an archive"),
        (["export", "{arc}", "--since", "yesterday"], "not a date"),
        (["export", "{tmp}/notarc"], "not an archive"),
        (["reparse", "{tmp}/notarc"], "not an archive"),
    ],
)  # fmt: skip
def test_usage_errors_exit_2_with_one_line(
    argv: list[str], says: str, arc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(tmp=tmp_path, arc=arc) for a in argv]
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's own checks (--since's type): usage + one line
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert says in err
    assert "Traceback" not in err
    if not err.startswith("usage:"):
        assert len(err.splitlines()) == 1, err
    assert not (tmp_path / "notarc").exists()  # a mistyped path stays untouched
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("command", ["crawl", "recapture"])
def test_help_states_the_defaults(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "(default: 1.0)" in out  # --delay
    assert "(default: 8)" in out  # --concurrency
    assert "(default: None)" not in out


def test_default_user_agent_names_no_contact_url_unless_given() -> None:
    from scraper._config import CrawlConfig, FetchConfig

    assert "http" not in CrawlConfig().fetch.full_user_agent
    assert CrawlConfig().fetch.full_user_agent.startswith("blog-archiver/")
    with_contact = FetchConfig(contact="+https://archive.example/about")
    assert with_contact.full_user_agent.endswith("(+https://archive.example/about)")
