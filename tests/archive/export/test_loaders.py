"""The datasets load as the README shows (pandas, DuckDB, Parquet) with comment ids as
text on both sides of the join: a comment finds its parent, whatever the loader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from archive_samples import fixture_posts

from archive.export._export import ExportItem, ExportOptions, export_records
from scraper._records import Comment, Post

# slow: importing pandas and DuckDB costs ~1 s; the full suite (CI) runs these
pytestmark = pytest.mark.slow

pd = pytest.importorskip("pandas")
# The README's loaders: comment ids are text (engines use ids like "c-12" or hex), and
# pandas and DuckDB's CSV reader would otherwise guess numbers (parent_id 731.0).
IDS = {"id": "string", "parent_id": "string", "root_id": "string"}


def _posts() -> list[Post]:
    posts = list(fixture_posts())
    # ids that look like numbers next to ones that do not, and a leading zero to keep
    mixed = (
        Comment(id="007", text="a"),
        Comment(id="c-12", parent_id="007", depth=1, text="b"),
        Comment(id="8", parent_id="c-12", depth=2, text="c"),
    )
    return [*posts, Post(url="https://f.example/mixed/", comments=mixed)]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    posts = _posts()
    out = {}
    for fmt in ("jsonl", "csv", "parquet"):
        if fmt == "parquet" and not _has("pyarrow"):
            continue
        folder = tmp_path_factory.mktemp(fmt)
        export_records([ExportItem(p) for p in posts], ExportOptions(fmt, folder))
        out[fmt] = folder
    return out


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def _check_join(comments: Any) -> None:
    for column in IDS:
        values = comments[column].dropna()
        assert all(isinstance(v, str) for v in values), column
    assert "007" in set(comments["id"])  # not 7, not 7.0
    replies = comments[comments["parent_id"].notna()]
    parents = comments[["post_url", "id", "depth"]].rename(
        columns={"id": "parent_id", "depth": "parent_depth"}
    )
    joined = replies.merge(parents, on=["post_url", "parent_id"], how="inner")
    assert len(joined) >= 20
    assert len(joined) == len(replies)  # every reply finds its parent in its post
    assert (joined["depth"] == joined["parent_depth"] + 1).all()


def test_pandas_jsonl(exported: dict[str, Path]) -> None:
    folder = exported["jsonl"]
    posts = pd.read_json(folder / "posts.jsonl", lines=True)
    comments = pd.read_json(folder / "comments.jsonl", lines=True, dtype=IDS)
    assert posts["url"].is_unique
    _check_join(comments)


def test_pandas_csv(exported: dict[str, Path]) -> None:
    comments = pd.read_csv(exported["csv"] / "comments.csv", dtype=IDS)
    _check_join(comments)


def test_pandas_parquet(exported: dict[str, Path]) -> None:
    if "parquet" not in exported:
        pytest.skip("Parquet export needs pyarrow (the parquet extra)")
    comments = pd.read_parquet(exported["parquet"] / "comments.parquet")  # typed: no hints
    _check_join(comments)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_duckdb(exported: dict[str, Path], fmt: str) -> None:
    duckdb = pytest.importorskip("duckdb", reason="DuckDB is optional (pip install duckdb)")
    if fmt not in exported:
        pytest.skip("Parquet export needs pyarrow (the parquet extra)")
    folder = exported[fmt]
    source = {
        "jsonl": f"'{folder}/comments.jsonl'",
        "csv": f"read_csv('{folder}/comments.csv', types={{'id': 'VARCHAR', "
        "'parent_id': 'VARCHAR', 'root_id': 'VARCHAR'})",
        "parquet": f"'{folder}/comments.parquet'",
    }[fmt]
    types = duckdb.sql(f"SELECT typeof(id), typeof(parent_id) FROM {source} LIMIT 1").fetchall()
    types = [tuple(row) for row in types]
    assert types == [("VARCHAR", "VARCHAR")]
    unmatched = duckdb.sql(
        f"SELECT count(*) FROM {source} c WHERE c.parent_id IS NOT NULL AND NOT EXISTS "
        f"(SELECT 1 FROM {source} p WHERE p.post_url = c.post_url AND p.id = c.parent_id)"
    ).fetchall()
    assert unmatched[0][0] == 0
    posts = f"'{folder}/posts.{fmt}'"
    dupes = duckdb.sql(f"SELECT count(*) - count(DISTINCT url) FROM {posts}").fetchall()
    assert dupes[0][0] == 0
