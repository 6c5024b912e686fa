"""The search index beside the catalog, the thread nesting and the growth chart."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from archive_build import site_with_comments, store_site
from archive_samples import comment
from serve_build import Built

from archive.serve import INDEX_NAME, open_index
from archive.serve import _index as index_module
from archive.serve._chart import growth_svg
from archive.serve._query import Filters, fts_query, list_posts
from archive.serve._thread import nest


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('rock "n" roll') == '"rock" """n""" "roll"'
    assert fts_query("  AND  OR ") == '"AND" "OR"'
    assert fts_query('"') == ""


def test_index_is_built_then_refreshed_incrementally(built: Built, tmp_path: Path) -> None:
    root = tmp_path / "arc"
    shutil.copytree(built.root, root, ignore=shutil.ignore_patterns("search.sqlite*"))
    index, info = open_index(root)
    try:
        assert info.rebuilt
        assert info.path == root / INDEX_NAME
        total = info.posts
        assert total == len(built.site.posts) + 2
        again = index.refresh()
        assert (again.rebuilt, again.updated, again.posts) == (False, 0, total)
        # one more round of a different site: its posts join, nothing is rebuilt
        store_site(root, site_with_comments(2, seed=40), base="http://other.test")
        more = index.refresh()
        assert not more.rebuilt
        assert more.updated == more.posts - total > 0
        page = list_posts(index.db, Filters(site="other.test"))
        assert page.total == more.updated
    finally:
        index.close()
        index.catalog.close()


def test_an_index_of_another_shape_or_catalog_is_rebuilt(built: Built, tmp_path: Path) -> None:
    root = tmp_path / "arc"
    shutil.copytree(built.root, root, ignore=shutil.ignore_patterns("search.sqlite*"))
    index, _ = open_index(root)
    index.db.execute("UPDATE meta SET value = 'old' WHERE key = 'version'")
    index.close()
    index.catalog.close()
    index, info = open_index(root)
    try:
        assert info.rebuilt
        assert info.posts == len(built.site.posts) + 2
    finally:
        index.close()
        index.catalog.close()
    (root / INDEX_NAME).write_bytes(b"not a database at all" * 100)
    index, info = open_index(root)
    index.close()
    index.catalog.close()
    assert info.rebuilt


def test_a_read_only_archive_gets_its_index_in_the_temp_folder(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "arc"
    shutil.copytree(built.root, root, ignore=shutil.ignore_patterns("search.sqlite*"))
    monkeypatch.setattr(index_module.os, "access", lambda path, mode: False)
    monkeypatch.setattr(index_module.tempfile, "gettempdir", lambda: str(tmp_path))
    index, info = open_index(root)
    index.close()
    index.catalog.close()
    assert info.path.parent == tmp_path
    assert not (root / INDEX_NAME).exists()


def test_the_index_never_writes_the_catalog(built: Built) -> None:
    index, _ = open_index(built.root)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            index.catalog.execute("DELETE FROM pages")
    finally:
        index.close()
        index.catalog.close()


def test_thread_nests_by_depth_even_when_depth_jumps() -> None:
    thread = (
        comment("1", "a"),
        comment("2", "b", parent="1", depth=1),
        comment("3", "c", parent="2", depth=2),
        comment("4", "d", parent="1", depth=1),
        comment("5", "e"),
        comment("6", "f", parent="5", depth=3),  # a jump: lands under 5
    )
    nodes = nest(thread)
    assert [n.comment.id for n in nodes] == ["1", "5"]
    assert [k.comment.id for k in nodes[0].children] == ["2", "4"]
    assert [k.comment.id for k in nodes[0].children[0].children] == ["3"]
    assert [k.comment.id for k in nodes[1].children] == ["6"]
    assert nodes[0].anchor == "c-1"
    assert nest(()) == ()


def test_growth_chart_escapes_and_scales() -> None:
    svg = str(growth_svg([("<b>2024-01-01", 1), ("2024-02-01", 5), ("2024-03-01", 3)]))
    assert svg.startswith("<svg")
    assert "<b>" not in svg
    assert "&lt;b&gt;" in svg
    assert svg.count("<circle") == 3
    assert str(growth_svg([])) == ""
    assert str(growth_svg([("2024-01-01", 0)])).count("<circle") == 1


def test_probing_and_driving_plans_give_the_same_pages(
    built: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archive.serve import _query

    index, _ = open_index(built.root)
    try:
        label = index.db.execute("SELECT kind, name FROM labels LIMIT 1").fetchone()
        cases = [
            Filters(q="winter"),
            Filters(q="winter", since="2019-01-03"),
            Filters(**{label[0]: label[1]}),
            Filters(q="post", **{label[0]: label[1]}, until="2019-01-06"),
        ]
        driven = [list_posts(index.db, f, size=2) for f in cases]
        monkeypatch.setattr(_query, "DRIVE_AT_MOST", 0)
        probed = [list_posts(index.db, f, size=2) for f in cases]
        assert [(p.rows, p.total) for p in probed] == [(p.rows, p.total) for p in driven]
        assert sum(1 for p in driven if p.total) >= 3  # not an agreement on nothing
    finally:
        index.close()
        index.catalog.close()
