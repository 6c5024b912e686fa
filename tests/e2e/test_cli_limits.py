"""``--max-pages N`` fetches exactly N pages (feeds and sitemaps are counted apart)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive._cli import main
from scraper.testing import SiteServer, gen_site

pytestmark = pytest.mark.slow


def test_max_pages_fetches_exactly_n_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SiteServer(gen_site(30, seed=5)) as srv:
        code = main(
            ["crawl", srv.url + "/", "--archive", str(tmp_path / "a"), "--delay", "0",
             "--max-pages", "10", "--log-json"]
        )  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    events = [json.loads(ln) for ln in captured.err.splitlines() if ln.startswith("{")]
    pages = [
        e for e in events
        if e["event"] in ("fetched", "failed", "skipped")
        and e.get("job_kind") in ("listing", "post", "comments")
    ]  # fmt: skip
    assert len(pages) == 10
    assert "Done: 10 pages fetched" in captured.out or "pages fetched" in captured.out
