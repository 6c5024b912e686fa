"""``schema --validate`` checks each exported dataset against its own schema: real exports
of the fixtures' parsed records, in every format, pass; a broken row of each is caught."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from archive_samples import fixture_posts

from archive._cli import main
from archive.commands._schema import validate_file
from archive.export._export import ExportItem, ExportOptions, export_records
from archive.export._schemas import dataset_of, dataset_schema
from scraper._records import Post


@pytest.fixture(scope="module")
def parsed() -> list[Post]:
    posts = list(fixture_posts())
    assert sum(len(p.comments) for p in posts) > 50
    return posts


def _export(posts: list[Post], fmt: str, out: Path) -> Path:
    items = [ExportItem(p, 1, "2024-01-01T00:00:00Z") for p in posts]
    export_records(items, ExportOptions(fmt, out, all_captures=True))  # type: ignore[arg-type]
    return out


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "parquet"])
def test_real_exports_validate_against_their_own_schema(
    parsed: list[Post], fmt: str, tmp_path: Path
) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="Parquet export needs the parquet extra")
    out = _export(parsed, fmt, tmp_path)
    want = {"posts": "post" if fmt in ("jsonl", "json") else "posts-rows", "comments": "comments"}
    for name, dataset in want.items():
        count, problems, chosen = validate_file(out / f"{name}.{fmt}")
        assert chosen == dataset
        assert problems == []
        assert count > 0


def test_cli_picks_the_comments_schema(parsed: list[Post], tmp_path: Path) -> None:
    out = _export(parsed, "jsonl", tmp_path)
    assert main(["schema", "--validate", str(out / "comments.jsonl")]) == 0


def test_broken_comment_row_is_reported(
    parsed: list[Post], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _export(parsed, "jsonl", tmp_path)
    rows = [json.loads(line) for line in (out / "comments.jsonl").read_text().splitlines()]
    rows[0]["parent_id"] = 1.0  # what a loader that guessed the type would write back
    rows[1]["depth"] = -1
    renamed = tmp_path / "mine.jsonl"  # no export name: the rows' shape decides
    renamed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["schema", "--validate", str(renamed)]) == 1
    captured = capsys.readouterr()
    assert "against the comments schema, 2 problems" in captured.out
    assert "parent_id: 1.0 is not of type 'string', 'null'" in captured.err


def test_broken_csv_cell_is_reported(parsed: list[Post], tmp_path: Path) -> None:
    out = _export(parsed, "csv", tmp_path)
    path = out / "comments.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows[0]["depth"] = "deep"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    _, problems, _ = validate_file(path)
    assert len(problems) == 1
    assert "depth" in problems[0]


def test_dataset_flag_overrides_the_guess(parsed: list[Post], tmp_path: Path) -> None:
    out = _export(parsed, "jsonl", tmp_path)
    _, problems, chosen = validate_file(out / "comments.jsonl", "post")
    assert chosen == "post"
    assert problems  # comment rows are no Post records


@pytest.mark.parametrize("dataset", ["post", "posts-rows", "comments"])
def test_schema_prints_each_dataset(dataset: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--dataset", dataset]) == 0
    assert json.loads(capsys.readouterr().out) == dataset_schema(dataset)  # type: ignore[arg-type]


def test_dataset_guess_by_name_and_shape() -> None:
    assert dataset_of(Path("x/comments.csv"), None) == "comments"
    assert dataset_of(Path("posts.parquet"), None) == "posts-rows"
    assert dataset_of(Path("posts.jsonl"), None) == "post"
    assert dataset_of(Path("mine.jsonl"), {"post_url": "u"}) == "comments"
    assert dataset_of(Path("mine.jsonl"), {"body_text": "t", "url": "u"}) == "posts-rows"
    assert dataset_of(Path("mine.json"), {"schema_version": 1}) == "post"
