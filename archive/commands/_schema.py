"""``blog-archiver schema [--validate FILE]``: print the JSON Schema of the Post record, or
check a file of records (JSON Lines, a JSON array or one JSON object) against it.

Validation is here so that users who post-process exports, or write records with their own
tools, can check them with the same schema our exports are checked against.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scraper._schema import post_schema, validate_post

#: Version-pinning columns an ``--all-captures`` export adds to each record.
_EXPORT_EXTRAS = ("crawl_id", "captured_at")
_MAX_REPORTED = 20


def register(sub: Any) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of Post records, or check records")
    p.add_argument(
        "--validate",
        metavar="FILE",
        help="check the records in FILE (JSON Lines, JSON array or object); exit 1 if any fail",
    )
    p.set_defaults(func=run)


def _records(path: Path) -> Iterator[tuple[str, Any]]:
    """(where, record) for each record; JSON Lines (first line a whole object) is streamed."""
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


def validate_file(path: Path) -> tuple[int, list[str]]:
    """(records checked, problems) for a file of records."""
    count, problems = 0, []
    try:
        for where, rec in _records(path):
            count += 1
            if isinstance(rec, dict):
                rec = {k: v for k, v in rec.items() if k not in _EXPORT_EXTRAS}
            for err in validate_post(rec) if isinstance(rec, dict) else ["<root>: not an object"]:
                problems.append(f"{path}: {where} ({_url(rec)}): {err}")
    except json.JSONDecodeError as exc:
        problems.append(f"{path}: not JSON: {exc}")
    return count, problems


def _url(rec: Any) -> str:
    return str(rec.get("url")) if isinstance(rec, dict) else "?"


def run(args: argparse.Namespace) -> int:
    if not args.validate:
        json.dump(post_schema(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    path = Path(args.validate)
    if not path.is_file():
        print(f"blog-archiver: error: no such file: {path}", file=sys.stderr)
        return 2
    count, problems = validate_file(path)
    for line in problems[:_MAX_REPORTED]:
        print(line, file=sys.stderr)
    if len(problems) > _MAX_REPORTED:
        print(f"... and {len(problems) - _MAX_REPORTED} more", file=sys.stderr)
    print(f"{count} records checked, {len(problems)} problems")
    return 1 if problems else 0
