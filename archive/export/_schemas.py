"""A JSON Schema for each exported dataset, and which one a file of rows is checked against.

Three shapes leave ``export``: the Post record (``posts.jsonl``/``posts.json`` rows, the
``parse`` command's output), the flat posts row (``posts.csv``/``posts.parquet``) and the
comment row (``comments.*`` in every format). The row schemas are built from the column
tables in ``_rows`` (one definition of the columns), so they cannot drift from the writers.
Comment ``id``, ``parent_id`` and ``root_id`` are strings: engines use non-numeric ids
(Disqus hex ids, ``c-12``), so they are text everywhere, never numbers.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from scraper._schema import post_schema

from ._rows import CAPTURE_COLUMNS, COMMENT_COLUMNS, LIST_SEPARATOR, POST_COLUMNS, ColumnType

__all__ = ["DATASETS", "Dataset", "dataset_of", "dataset_schema", "read_rows"]

Dataset = Literal["post", "posts-rows", "comments"]
DATASETS: tuple[Dataset, ...] = ("post", "posts-rows", "comments")

_DATE = post_schema()["$defs"]["date"]
_JSON_TYPES: dict[ColumnType, dict[str, Any]] = {
    "str": {"type": ["string", "null"]},
    "int": {"type": ["integer", "null"]},
    "bool": {"type": ["boolean", "null"]},
    "list": {"type": "array", "items": {"type": "string"}},
}
#: Columns whose values say more than their column type.
_REFINED: dict[str, dict[str, Any]] = {
    "published": _DATE,
    "modified": _DATE,
    "depth": {"type": "integer", "minimum": 0},
    "position": {"type": "integer", "minimum": 0},
    "comment_count": {"type": ["integer", "null"], "minimum": 0},
    "id": {"type": ["string", "null"], "description": "text, not a number: load as a string"},
    "parent_id": {"type": ["string", "null"], "description": "the parent comment's id"},
    "root_id": {"type": ["string", "null"], "description": "the thread's top comment's id"},
}
_TITLES = {
    "posts-rows": "blog-archiver posts row (CSV, Parquet)",
    "comments": "blog-archiver comment row (comments.jsonl, .json, .csv, .parquet)",
}


def dataset_schema(name: Dataset) -> dict[str, Any]:
    """The JSON Schema of one dataset's rows (``--all-captures`` columns allowed)."""
    if name == "post":
        schema = post_schema()
        for column, kind in CAPTURE_COLUMNS:
            schema["properties"][column] = _JSON_TYPES[kind]
        return schema
    columns = POST_COLUMNS if name == "posts-rows" else COMMENT_COLUMNS
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://blog-archiver.invalid/schema/{name}-1.json",
        "title": _TITLES[name],
        "type": "object",
        "additionalProperties": False,
        "required": [column for column, _ in columns],
        "properties": {
            column: _REFINED.get(column, _JSON_TYPES[kind])
            for column, kind in (*columns, *CAPTURE_COLUMNS)
        },
    }


def dataset_of(path: Path, first: dict[str, Any] | None) -> Dataset:
    """Which dataset a file holds: by the export's file names, else by its first row."""
    stem, suffix = path.name.split(".")[0], path.suffix.lower()
    if stem == "comments":
        return "comments"
    if stem == "posts":
        return "posts-rows" if suffix in (".csv", ".parquet") else "post"
    if first is not None and "post_url" in first:
        return "comments"
    if first is not None and "body_text" in first and "schema_version" not in first:
        return "posts-rows"
    return "post"


def read_rows(path: Path, dataset: Dataset | None) -> Iterator[tuple[str, Any]]:
    """(where, row) for each row of a JSON Lines, JSON, CSV or Parquet file."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from _parquet_rows(path)
    elif suffix == ".csv":
        yield from _csv_rows(path, dataset or dataset_of(path, None))
    else:
        yield from _json_rows(path)


def _json_rows(path: Path) -> Iterator[tuple[str, Any]]:
    """JSON Lines (first line a whole object) is streamed; else a JSON array or object."""
    with path.open(encoding="utf-8") as fh:
        first = fh.readline()
        try:
            json.loads(first)
            lines = True
        except json.JSONDecodeError:
            lines = False
        fh.seek(0)
        if lines:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield f"line {n}", json.loads(line)
            return
        data = json.load(fh)  # a JSON array, or one indented object as ``parse`` prints
        for i, rec in enumerate(data if isinstance(data, list) else [data]):
            yield f"record {i + 1}", rec


def _csv_rows(path: Path, dataset: Dataset) -> Iterator[tuple[str, Any]]:
    """CSV cells are text: each is read back as its column's type (an empty cell is null,
    a list is split on the export's separator) so that the schema checks the values."""
    columns = dict(POST_COLUMNS if dataset == "posts-rows" else COMMENT_COLUMNS)
    columns.update(CAPTURE_COLUMNS)
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), 2):
            yield f"line {n}", {k: _cell(v, columns.get(k, "str")) for k, v in row.items()}


def _cell(value: str | None, kind: ColumnType) -> Any:
    if kind == "list":
        return value.split(LIST_SEPARATOR) if value else []
    if value is None or value == "":
        return None
    if kind == "int":
        try:
            return int(value)
        except ValueError:
            return value  # the schema reports it
    if kind == "bool":
        return {"True": True, "False": False}.get(value, value)
    return value


def _parquet_rows(path: Path) -> Iterator[tuple[str, Any]]:
    from ._writers import require_pyarrow

    _, pq = require_pyarrow()
    n = 0
    for batch in pq.ParquetFile(str(path)).iter_batches():
        for row in batch.to_pylist():
            n += 1
            yield f"row {n}", row
