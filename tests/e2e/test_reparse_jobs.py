"""``reparse --jobs N`` starts a pool of its own, parses on it, and leaves no worker behind."""

import json
import sqlite3
from pathlib import Path

import pytest
from archive_build import store_site

import archive._reparse as reparse_mod
from scraper.crawler._pagepool import PagePool
from scraper.testing import gen_site

pytestmark = pytest.mark.slow


def test_reparse_with_jobs_runs_on_workers_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_site(tmp_path, gen_site(6))
    with sqlite3.connect(tmp_path / "catalog.sqlite") as db:
        for pid, rec in db.execute("SELECT id, record_json FROM pages").fetchall():
            data = json.loads(rec) | {"title": "WRONG"}
            db.execute(
                "UPDATE pages SET parser_version = 'old', record_json = ? WHERE id = ?",
                (json.dumps(data), pid),
            )
    made: list[tuple[PagePool, list[object]]] = []

    class Watched(PagePool):
        """Remembers the pool reparse makes and each worker it starts."""

        def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            fut = super().submit(*args, **kwargs)
            made[-1][1].extend(w for w in self._procs if w not in made[-1][1])
            return fut

        def __init__(self, workers: int) -> None:
            super().__init__(workers)
            made.append((self, []))

    monkeypatch.setattr(reparse_mod, "PagePool", Watched)
    report = reparse_mod.reparse_archive(tmp_path, jobs=2)
    assert report.failed == 0
    assert report.changed == report.pages > 0
    ((pool, workers),) = made
    assert pool.workers == 2
    assert len(workers) == 2
    assert all(w.proc.returncode == 0 for w in workers)  # type: ignore[attr-defined]
