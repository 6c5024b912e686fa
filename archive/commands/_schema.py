"""``blog-archiver schema [--dataset D] [--validate FILE]``: print the JSON Schema of a
dataset (the Post record by default), or check a file of rows against the right one.

Validation is here so that users who post-process exports, or write records with their own
tools, can check them with the same schemas our exports are checked against. The dataset
is taken from ``--dataset``, else from the export's file name (``comments.*``,
``posts.csv`` ...), else from the shape of the first row.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from archive._errors import ExportError
from archive.export._schemas import DATASETS, Dataset, dataset_of, dataset_schema, read_rows
from scraper._schema import validate_post

_MAX_REPORTED = 20


def register(sub: Any) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of a dataset, or check a file")
    p.add_argument(
        "--validate",
        metavar="FILE",
        help="check the rows in FILE (JSON Lines, JSON, CSV or Parquet); exit 1 if any fail",
    )
    p.add_argument(
        "--dataset",
        choices=DATASETS,
        help="post (posts.jsonl/.json, parse output), posts-rows (posts.csv/.parquet) or "
        "comments (comments.*); default: from the file name, else the first row's shape",
    )
    p.set_defaults(func=run)


@cache
def _validator(dataset: Dataset) -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(dataset_schema(dataset))


def row_errors(row: dict[str, Any], dataset: Dataset) -> list[str]:
    """Every way ``row`` breaks its dataset's schema, as readable strings."""
    if dataset == "post":
        extras = {k: v for k, v in row.items() if k not in ("crawl_id", "captured_at")}
        return validate_post(extras)
    errors = sorted(_validator(dataset).iter_errors(row), key=lambda e: list(e.path))
    return [f"{'/'.join(str(p) for p in e.path) or '<root>'}: {e.message}" for e in errors]


def validate_file(path: Path, dataset: Dataset | None = None) -> tuple[int, list[str], str]:
    """(rows checked, problems, the dataset they were checked as) for a file of rows."""
    count, problems = 0, []
    chosen: Dataset | None = dataset
    try:
        for where, row in read_rows(path, dataset):
            count += 1
            if not isinstance(row, dict):
                problems.append(f"{path}: {where}: not an object")
                continue
            if chosen is None:
                chosen = dataset_of(path, row)
            for err in row_errors(row, chosen):
                problems.append(f"{path}: {where} ({_name(row)}): {err}")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: not JSON: {exc}")
    return count, problems, chosen or dataset_of(path, None)


def _name(row: dict[str, Any]) -> str:
    if "post_url" in row:
        return f"{row.get('post_url')} comment {row.get('id')}"
    return str(row.get("url"))


def run(args: argparse.Namespace) -> int:
    if not args.validate:
        json.dump(dataset_schema(args.dataset or "post"), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    path = Path(args.validate)
    if not path.is_file():
        print(f"blog-archiver: error: no such file: {path}", file=sys.stderr)
        return 2
    try:
        count, problems, dataset = validate_file(path, args.dataset)
    except ExportError as exc:  # a Parquet file without pyarrow installed
        print(f"blog-archiver: error: {exc}", file=sys.stderr)
        return 2
    for line in problems[:_MAX_REPORTED]:
        print(line, file=sys.stderr)
    if len(problems) > _MAX_REPORTED:
        print(f"... and {len(problems) - _MAX_REPORTED} more", file=sys.stderr)
    print(f"{count} records checked against the {dataset} schema, {len(problems)} problems")
    return 1 if problems else 0
