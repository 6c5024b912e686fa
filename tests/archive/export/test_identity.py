"""A post's identity in an export is its canonical ``url``: pages that name the same one
are one post (one row, its comments once), and ``--all-captures`` keeps one per round."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from archive_samples import post

from archive.export._export import ExportItem, ExportOptions, export_records


def test_two_pages_with_one_canonical_url_export_once(tmp_path: Path) -> None:
    first, other = post(1), post(2)
    twin = dataclasses.replace(other, url=first.url, title="The AMP copy")
    items = [ExportItem(p) for p in (first, twin, other)]
    result = export_records(items, ExportOptions("jsonl", tmp_path))
    assert (result.posts.rows, result.duplicates) == (2, 1)
    rows = [json.loads(x) for x in (tmp_path / "posts.jsonl").read_text().splitlines()]
    assert [r["url"] for r in rows] == [first.url, other.url]
    assert rows[0]["title"] == first.title  # the first in the archive's order is kept
    comments = [json.loads(x) for x in (tmp_path / "comments.jsonl").read_text().splitlines()]
    per_post = [c["post_url"] for c in comments]
    assert per_post.count(first.url) == len(first.comments)  # not twice
    assert result.to_dict()["duplicates"] == 1


def test_all_captures_keeps_one_row_per_round(tmp_path: Path) -> None:
    p = post(1)
    items = [ExportItem(p, 1, "a"), ExportItem(p, 2, "b"), ExportItem(p, 2, "b")]
    result = export_records(items, ExportOptions("csv", tmp_path, all_captures=True))
    assert (result.posts.rows, result.duplicates) == (2, 1)
