"""One record that breaks the schema does not stop ``export``: it is reported, the rest is
written, and nothing else is printed (no stray "closed database" traceback)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from archive_build import store_site

from archive._cli import main
from scraper.testing import gen_site


def test_a_bad_record_is_reported_and_the_rest_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arc = tmp_path / "arc"
    store_site(arc, gen_site(4, seed=2))
    with sqlite3.connect(arc / "catalog.sqlite") as conn:
        page_id, record = conn.execute(
            "SELECT id, record_json FROM pages WHERE page_url = post_url "
            "AND json_array_length(record_json, '$.comments') > 0 LIMIT 1"
        ).fetchone()
        bad = json.loads(record)
        # The case, a "+0000" comment date, is normalized when the record is read
        # (the parser's guard, tests/parse/test_hostile_pages.py); a title that is no
        # string is what no reader fixes.
        bad["title"] = ["not", "a", "string"]
        conn.execute("UPDATE pages SET record_json = ? WHERE id = ?", (json.dumps(bad), page_id))
    conn.close()
    code = main(["export", str(arc), "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 1
    assert "1 records left out" in captured.err
    assert bad["url"] in captured.err
    assert "Traceback" not in captured.err
    assert "ProgrammingError" not in captured.err
    rows = (tmp_path / "out" / "posts.jsonl").read_text().splitlines()
    assert len(rows) == 3
