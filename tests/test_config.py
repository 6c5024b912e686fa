"""``CrawlConfig`` and ``FetchConfig`` refuse what cannot work, naming the field."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from scraper._config import CrawlConfig, FetchConfig, Timeouts


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"concurrency": 0}, "concurrency"),
        ({"concurrency": 2.5}, "concurrency"),
        ({"per_host": 0}, "per_host"),
        ({"delay": -1}, "delay"),
        ({"delay": float("nan")}, "delay"),
        ({"max_pages": 0}, "max_pages"),
        ({"robots_retry_delay": -0.5}, "robots_retry_delay"),
        ({"robots_retries": -1}, "robots_retries"),
        ({"since": "2024-01-01"}, "since"),
        ({"scope": ["cdn.example"]}, "scope"),
        ({"scope": ("",)}, "scope"),
        ({"obey_robots": "no"}, "obey_robots"),
        ({"fetch": None}, "fetch"),
    ],
)
def test_crawl_config_names_the_bad_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=rf"CrawlConfig\.{field}\b"):
        CrawlConfig(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"user_agent": ""}, "user_agent"),
        ({"contact": " "}, "contact"),
        ({"max_bytes": 0}, "max_bytes"),
        ({"max_attempts": 0}, "max_attempts"),
        ({"backoff_base": -1.0}, "backoff_base"),
        ({"backoff_base": 2.0, "backoff_max": 1.0}, "backoff_max"),
        ({"retry_after_cap": -1}, "retry_after_cap"),
        ({"max_redirects": -1}, "max_redirects"),
        ({"timeout": 5.0}, "timeout"),
        ({"allow_private": 1}, "allow_private"),
        ({"assets": None}, "assets"),
    ],
)
def test_fetch_config_names_the_bad_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=rf"FetchConfig\.{field}\b"):
        FetchConfig(**kwargs)  # type: ignore[arg-type]


def test_a_user_agent_cannot_smuggle_a_header() -> None:
    with pytest.raises(ValueError, match="one line"):
        FetchConfig(contact="ops@example.org\r\nX-Evil: 1")


def test_timeouts_must_be_positive() -> None:
    with pytest.raises(ValueError, match=r"Timeouts\.read"):
        Timeouts(read=0)
    assert Timeouts.all(2.0) == Timeouts(connect=2.0, read=2.0, write=2.0, pool=2.0)


def test_replace_is_checked_too() -> None:
    with pytest.raises(ValueError, match="concurrency"):
        replace(CrawlConfig(), concurrency=0)


def test_the_fetch_settings_are_nested_not_repeated() -> None:
    config = CrawlConfig(since=date(2024, 1, 1), fetch=FetchConfig(max_bytes=1 << 20))
    assert config.fetch.max_bytes == 1 << 20
    assert not hasattr(config, "max_bytes")
    assert CrawlConfig().fetch == FetchConfig()


def test_the_cli_names_the_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A value the config refuses is a usage error naming the flag, before anything is made."""
    from archive._cli import main

    argv = ["crawl", "--archive", str(tmp_path / "a"), "--user-agent", " ", "http://b.example/"]
    assert main(argv) == 2
    assert "--user-agent must be a non-empty string" in capsys.readouterr().err
    assert not (tmp_path / "a").exists()
