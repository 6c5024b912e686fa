"""Export and history commands over a real archive built through the Archive sink."""

import json
from pathlib import Path

import pandas as pd
import pytest
from archive_build import BASE, edit_site, site_with_comments, store_site

from archive._cli import main
from scraper.testing import gen_site


def test_export_command_jsonl_and_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalog: str | None
) -> None:
    site = gen_site(5)
    store_site(tmp_path / "arc", site, catalog=catalog)
    assert main(["export", str(tmp_path / "arc"), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert "5 posts" in out
    posts = pd.read_json(tmp_path / "arc" / "exports" / "posts.jsonl", lines=True)
    comments = pd.read_json(tmp_path / "arc" / "exports" / "comments.jsonl", lines=True)
    assert sorted(posts["url"]) == sorted(BASE + p.path for p in site.posts)
    assert len(comments) == sum(len(p.comments) for p in site.posts)
    out_dir = tmp_path / "csv"
    assert main(["export", str(tmp_path / "arc"), "--format", "csv", "--out", str(out_dir)]) == 0
    csv_comments = pd.read_csv(out_dir / "comments.csv")
    assert len(csv_comments) == len(comments)
    assert set(csv_comments["post_url"]) <= set(posts["url"])


def test_export_filters_by_published_date(tmp_path: Path) -> None:
    site = gen_site(6)
    store_site(tmp_path, site)
    days = sorted(p.published.date().isoformat() for p in site.posts)
    args = ["export", str(tmp_path), "--since", days[2], "--until", days[3], "--site", "blog.test"]
    assert main(args) == 0
    lines = (tmp_path / "exports" / "posts.jsonl").read_text().splitlines()
    assert len(lines) == 2


def test_all_captures_and_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], catalog: str | None
) -> None:
    site = site_with_comments()
    store_site(tmp_path, site, catalog=catalog)
    site2, edited, deleted = edit_site(site)
    store_site(tmp_path, site2, kind="recapture")
    url = BASE + site.posts[0].path
    assert main(["export", str(tmp_path), "--all-captures", "--format", "csv"]) == 0
    posts = pd.read_csv(tmp_path / "exports" / "posts.csv")
    assert sorted(posts[posts["url"] == url]["crawl_id"]) == [1, 2]
    capsys.readouterr()
    assert main(["history", str(tmp_path), url, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    change = data["changes"][0]
    assert [c["id"] for c in change["comments_edited"]] == [str(edited)]
    assert str(deleted) in [c["id"] for c in change["comments_removed"]]
    removed = {c["id"]: c for c in data["comments"]}[str(deleted)]
    assert removed["removed_at"] is not None
    assert main(["history", str(tmp_path), url]) == 0
    text = capsys.readouterr().out
    assert "REMOVED" in text
    assert "Edited after the fact." in text


def test_history_of_unknown_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_site(tmp_path, gen_site(1))
    assert main(["history", str(tmp_path), "http://nowhere.test/x/"]) == 1
    assert "no captures" in capsys.readouterr().err


def test_export_of_missing_archive_is_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "nope")]) == 2
    assert "not an archive" in capsys.readouterr().err
