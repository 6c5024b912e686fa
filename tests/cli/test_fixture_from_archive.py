"""``fixtures add URL --archive DIR``: a fixture made from what an archive holds, on either
catalog backend, and one clear line when the archive or the page is not there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from archive_build import BASE, capture_of, store_site

from archive._cli import main
from scraper import parse_page
from scraper.testing import gen_site


def test_a_page_in_the_archive_becomes_a_fixture(
    tmp_path: Path, catalog: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    site = gen_site(2, seed=3)
    store_site(tmp_path / "arc", site, catalog=catalog, parse=False)
    url = BASE + site.posts[0].path
    rc = main(
        [
            "fixtures",
            "add",
            url,
            "--archive",
            str(tmp_path / "arc"),
            "--dir",
            str(tmp_path / "fx"),
            "--name",
            "first",
        ]
    )
    assert rc == 0, capsys.readouterr().err
    served = capture_of(site, site.posts[0].path)
    assert (tmp_path / "fx" / "first.html").read_bytes() == served.body
    expected = json.loads((tmp_path / "fx" / "first.expected.json").read_text("utf-8"))
    assert expected["fixture"]["url"] == url
    assert expected["fixture"]["content_type"] == served.content_type
    assert "--archive" in expected["fixture"]["note"]
    assert (
        expected["record"]
        == parse_page(served.body, url, content_type=served.content_type).to_dict()
    )


def test_a_url_the_archive_never_captured_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_site(tmp_path / "arc", gen_site(1, seed=3), parse=False)
    rc = main(
        [
            "fixtures",
            "add",
            BASE + "/nowhere/",
            "--archive",
            str(tmp_path / "arc"),
            "--dir",
            str(tmp_path / "fx"),
        ]
    )
    err = capsys.readouterr().err
    assert rc == 2
    assert err.startswith("blog-archiver: error: ")
    assert "no capture of this URL" in err
    assert not (tmp_path / "fx").exists()


def test_a_missing_archive_is_one_line_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc = main(
        [
            "fixtures",
            "add",
            BASE + "/x/",
            "--archive",
            str(tmp_path / "nope"),
            "--dir",
            str(tmp_path / "fx"),
        ]
    )
    assert rc == 2
    assert "no archive folder" in capsys.readouterr().err
    assert not (tmp_path / "nope").exists()
