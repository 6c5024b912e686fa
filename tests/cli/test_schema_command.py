import json
from pathlib import Path

import pytest
from archive_samples import post

from archive._cli import main


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "blog-archiver Post record"


def test_validate_jsonl_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "posts.jsonl"
    rows = [{**post(i).to_dict(), "crawl_id": 1, "captured_at": "x"} for i in range(3)]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["schema", "--validate", str(f)]) == 0
    assert "3 records checked against the post schema, 0 problems" in capsys.readouterr().out


def test_validate_reports_bad_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = post(2).to_dict()
    bad["published"] = "yesterday"
    f = tmp_path / "posts.json"
    f.write_text(json.dumps([post(1).to_dict(), bad], indent=2))
    assert main(["schema", "--validate", str(f)]) == 1
    err = capsys.readouterr().err
    assert "record 2" in err
    assert "post-2" in err
    assert "published" in err


def test_validate_one_indented_object(tmp_path: Path) -> None:
    f = tmp_path / "one.json"
    f.write_text(json.dumps(post(1).to_dict(), indent=2))
    assert main(["schema", "--validate", str(f)]) == 0


def test_validate_missing_file_is_usage_error(tmp_path: Path) -> None:
    assert main(["schema", "--validate", str(tmp_path / "nope.jsonl")]) == 2
