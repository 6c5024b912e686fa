import dataclasses
import datetime as dt
import errno
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import pandas as pd
import pytest
from archive_samples import comment, post

from archive._errors import ExportError
from archive.export._export import ExportItem, ExportOptions, export_records, parse_date
from archive.export._writers import default_opener
from scraper._records import Post


def _items(posts: list[Post]) -> list[ExportItem]:
    return [ExportItem(p) for p in posts]


def _posts(n: int = 3) -> list[Post]:
    return [post(i, published=f"2024-01-0{i}T09:00:00+00:00") for i in range(1, n + 1)]


def test_jsonl_loads_with_pandas(tmp_path: Path) -> None:
    res = export_records(_items(_posts()), ExportOptions("jsonl", tmp_path))
    assert (res.posts.rows, res.comments.rows) == (3, 9)
    posts = pd.read_json(res.posts.path, lines=True)
    comments = pd.read_json(res.comments.path, lines=True, dtype={"id": str, "parent_id": str})
    assert len(posts) == 3
    assert len(comments) == 9
    # JSON Lines posts are the full record, comments embedded.
    first = json.loads(res.posts.path.read_text().splitlines()[0])
    assert len(first["comments"]) == 3
    assert set(comments["post_url"]) == set(posts["url"])


def test_json_is_one_streamed_array(tmp_path: Path) -> None:
    res = export_records(_items(_posts()), ExportOptions("json", tmp_path))
    data = json.loads(res.posts.path.read_text())
    assert [d["url"] for d in data] == [p.url for p in _posts()]
    assert len(json.loads(res.comments.path.read_text())) == 9
    empty = export_records([], ExportOptions("json", tmp_path / "e"))
    assert json.loads(empty.posts.path.read_text()) == []


def test_csv_flattening(tmp_path: Path) -> None:
    res = export_records(_items(_posts()), ExportOptions("csv", tmp_path))
    posts = pd.read_csv(res.posts.path)
    row = posts.iloc[0]
    assert row["categories"] == "News | World"
    assert row["author_name"] == "Ann"
    assert row["author_url"] == "https://blog.example/author/ann/"
    assert row["comment_count"] == 3
    assert row["quotes_count"] == 1
    assert row["body_text"].startswith("One two")
    assert "comments" not in posts.columns
    comments = pd.read_csv(res.comments.path, dtype={"id": str, "parent_id": str, "root_id": str})
    assert list(comments.columns[:5]) == ["post_url", "id", "parent_id", "root_id", "depth"]
    reply = comments[comments["id"] == "2"].iloc[0]
    assert (reply["parent_id"], reply["root_id"], reply["depth"]) == ("1", "1", 1)
    # Commas, quotes and newlines in text survive the round trip.
    assert set(comments["text"]) >= {"A reply, with a comma", 'He said "hi"\nthen left'}
    assert comments.columns.tolist()[-1] == "is_post_author"


def test_filters_site_and_dates(tmp_path: Path) -> None:
    other = post(9, host="other.example", published="2024-01-02T00:00:00+00:00")
    undated = dataclasses.replace(post(8), published=None)
    items = _items([*_posts(), other, undated])
    opts = ExportOptions(
        "jsonl",
        tmp_path,
        site="blog.example",
        since=parse_date("2024-01-02"),
        until=dt.date(2024, 1, 3),
    )
    res = export_records(items, opts)
    urls = [json.loads(line)["url"] for line in res.posts.path.read_text().splitlines()]
    assert urls == ["https://blog.example/2024/01/post-2/", "https://blog.example/2024/01/post-3/"]
    assert res.skipped == 3
    by_url = export_records(items, ExportOptions("jsonl", tmp_path, site="https://other.example/"))
    assert by_url.posts.rows == 1


def test_bad_date_is_a_clear_error() -> None:
    with pytest.raises(ExportError, match="not a date"):
        parse_date("yesterday")


def test_all_captures_adds_version_columns(tmp_path: Path) -> None:
    v1 = post(1)
    v2 = post(1, comments=(comment("1", "First!"),))
    items = [ExportItem(v1, 1, "2024-02-01T00:00:00Z"), ExportItem(v2, 2, "2024-02-02T00:00:00Z")]
    res = export_records(items, ExportOptions("csv", tmp_path, all_captures=True))
    posts = pd.read_csv(res.posts.path)
    assert posts["crawl_id"].tolist() == [1, 2]
    assert posts["captured_at"].tolist() == ["2024-02-01T00:00:00Z", "2024-02-02T00:00:00Z"]
    comments = pd.read_csv(res.comments.path)
    assert comments.groupby("crawl_id").size().to_dict() == {1: 3, 2: 1}
    res = export_records(items, ExportOptions("jsonl", tmp_path, all_captures=True))
    rows = pd.read_json(res.posts.path, lines=True)
    assert rows["crawl_id"].tolist() == [1, 2]


def test_invalid_record_is_left_out_reported_and_the_rest_written(tmp_path: Path) -> None:
    bad = dataclasses.replace(post(2), published="last Tuesday")
    res = export_records(_items([post(1), bad, post(3)]), ExportOptions("jsonl", tmp_path))
    assert res.posts.rows == 2
    assert len(res.rejected) == 1
    assert re.search(r"post-2/.*published", res.rejected[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["comments.jsonl", "posts.jsonl"]


def test_full_disk_leaves_no_half_dataset(tmp_path: Path) -> None:
    class FullDisk:
        def __init__(self, fh: IO[Any]) -> None:
            self.fh, self.written = fh, 0

        def write(self, s: str) -> int:
            self.written += len(s)
            if self.written > 2000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(s)

        def close(self) -> None:
            self.fh.close()

    def opener(path: Path, mode: str) -> Any:
        return FullDisk(default_opener(path, mode))

    with pytest.raises(ExportError, match="No space left"):
        export_records(_items(_posts(20)), ExportOptions("jsonl", tmp_path), opener=opener)
    assert list(tmp_path.iterdir()) == []


def test_stale_partial_files_are_cleaned(tmp_path: Path) -> None:
    (tmp_path / ".posts.csv.partial").write_text("half")
    export_records(_items(_posts(1)), ExportOptions("csv", tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["comments.csv", "posts.csv"]


def test_parquet_row_groups(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    res = export_records(_items(_posts(5)), ExportOptions("parquet", tmp_path, row_group=2))
    meta = pq.ParquetFile(res.posts.path).metadata
    assert (meta.num_rows, meta.num_row_groups) == (5, 3)
    table = pq.read_table(res.posts.path)
    assert table.column("categories").to_pylist()[0] == ["News", "World"]
    comments = pd.read_parquet(res.comments.path)
    assert len(comments) == 15


def test_parquet_rows_round_trip_with_nulls_and_long_text(tmp_path: Path) -> None:
    """Rows go through Arrow's JSON reader: nulls, bools, lists, non-ASCII and a row longer
    than a reader block must all come back as written."""
    pq = pytest.importorskip("pyarrow.parquet")
    from archive.export._writers import open_writer

    cols = (("url", "str"), ("n", "int"), ("ok", "bool"), ("tags", "list"), ("text", "str"))
    rows = [
        {"url": "https://b.example/1", "n": 3, "ok": True, "tags": ["a", "ü"], "text": "é" * 3},
        {"url": "https://b.example/2", "n": 0, "ok": False, "tags": None, "text": "x" * 3_000_000},
        {"url": "https://b.example/3", "n": None, "ok": None, "tags": [], "text": None},
    ]
    path = tmp_path / "rows.parquet"
    w = open_writer("parquet", path, cols, row_group=100)
    for row in rows:
        w.write(row)
    w.close()
    assert pq.read_table(path).to_pylist() == rows
    assert pq.ParquetFile(path).metadata.num_row_groups == 2  # cut after the 3 MB row


@pytest.mark.slow  # a fresh interpreter importing pyarrow
def test_parquet_export_does_not_load_pandas(tmp_path: Path) -> None:
    """pyarrow imports pandas for ``pa.table`` on Python lists (~50 MB); the export must not."""
    pytest.importorskip("pyarrow")
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1])\n"
        "from archive_samples import post\n"
        "from archive.export._export import ExportItem, ExportOptions, export_records\n"
        "items = [ExportItem(post(i)) for i in range(1, 4)]\n"
        "export_records(items, ExportOptions('parquet', Path(sys.argv[2])))\n"
        "print('pandas' in sys.modules)"
    )
    here = str(Path(__file__).resolve().parents[2])
    out = subprocess.run(
        [sys.executable, "-c", code, here, str(tmp_path)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_parquet_without_pyarrow_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(ExportError, match=r"pip install 'blog-archiver\[parquet\]'"):
        export_records(_items(_posts(1)), ExportOptions("parquet", tmp_path))
    assert not (tmp_path / "posts.parquet").exists()
