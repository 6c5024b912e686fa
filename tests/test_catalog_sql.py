"""Issue 11's rule, checked on the source: the catalog package is the only place with SQL.

A query written beside its caller is a query a schema change misses and a backend
(SQLite, PostgreSQL) nobody tried it on; so every statement the archive sends to its
catalog is a named function or method in ``archive/catalog/``, run by its tests on both.
"""

import ast
import re
from pathlib import Path

from source_tree import ROOT, module_tree, source_files

CATALOG = ROOT / "archive" / "catalog"

#: Modules that keep SQL of their own, and why: it is not the catalog's.
OWN_DATABASE = {
    # the search index: a derived SQLite file (search.sqlite) that serve builds and reads;
    # what it reads from the catalog goes through catalog functions
    "archive/serve/_index.py": "builds search.sqlite, the search index",
    "archive/serve/_query.py": "queries search.sqlite, the search index",
    "archive/serve/_pages.py": "asks search.sqlite whether it changed (PRAGMA data_version)",
}

_SQL = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|WITH|PRAGMA|BEGIN)\s")
_CALLS = {"execute", "executemany", "executescript"}


def _modules() -> list[Path]:
    return [p for p in source_files() if CATALOG not in p.parents]


def _offences(source: str | Path) -> list[str]:
    """SQL text and execute calls in a module (a path, parsed once a session) or a snippet."""
    tree = module_tree(source) if isinstance(source, Path) else ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _SQL.match(node.value):
                found.append(f"line {node.lineno}: SQL text {node.value.strip()[:40]!r}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _CALLS
        ):
            found.append(f"line {node.lineno}: .{node.func.attr}(...)")
    return found


#: A quick look at the text first: a module where no quote opens with a statement's first
#: word and nothing says ``execute`` has no SQL, and is not walked node by node.
_MAYBE = re.compile(r"[\"']\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|WITH|PRAGMA|BEGIN)\s|execute")


def test_only_the_catalog_package_writes_sql() -> None:
    offences = {}
    for path in _modules():
        rel = path.relative_to(ROOT).as_posix()
        if rel in OWN_DATABASE or not _MAYBE.search(path.read_text("utf-8")):
            continue
        if found := _offences(path):
            offences[rel] = found
    assert not offences, (
        "SQL outside archive/catalog/ (make it a named catalog function, run on both "
        f"backends): {offences}"
    )


def test_the_allow_list_is_still_needed() -> None:
    """An allowed module that no longer has SQL leaves the list (it must not grow stale)."""
    for rel in OWN_DATABASE:
        assert _offences(ROOT / rel), f"{rel} has no SQL any more: drop it from OWN_DATABASE"


def test_the_scan_sees_sql() -> None:
    """The scan itself works: a statement and an execute call are found."""
    source = "db.execute('SELECT id FROM pages WHERE id = ?', (1,))\nx = '''\n  WITH t AS (1)'''\n"
    assert len(_offences(source)) == 3
    assert _MAYBE.search(source)
    assert _MAYBE.search("f'''\n    DELETE FROM {t}'''")
    assert _offences("'Select the pages'; 'delete'; 'WITHOUT'") == []
