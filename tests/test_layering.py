"""The import rules of DESIGN.md, checked on the source: data and imports flow one way.

The graph counts every import statement: at module level, inside functions and under
``TYPE_CHECKING``. A deferred import hides a cycle from the interpreter, not from a reader:
two modules that need each other are one module split in two, or a third one missing.
"""

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

from source_tree import ROOT, TOPS, module_tree


@functools.cache
def _import_statements(path: Path) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement of the module, nested ones included. Imports are statements,
    so only statement bodies are walked, not the expressions (~10 % of the nodes)."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo: list[ast.AST] = [module_tree(path)]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            todo.extend(getattr(node, field, ()))
    return found


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for top in TOPS for p in (ROOT / top).rglob("*.py")}


def _imported(path: Path, name: str, known: set[str]) -> Iterator[str]:
    """Every module ``path`` (module ``name``) imports, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _import_statements(path):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield target
            for alias in node.names:  # ``from . import x``: x may be a module
                if f"{target}.{alias.name}" in known:
                    yield f"{target}.{alias.name}"


@functools.cache
def _graph() -> dict[str, set[str]]:
    sources = _sources()
    known = set(sources)
    return {
        name: {t for t in _imported(path, name, known) if t in known and t != name}
        for name, path in sources.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _imports(path: Path) -> set[str]:
    """Absolute imports only: the third-party and cross-package names."""
    names: set[str] = set()
    for node in _import_statements(path):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_relative_imports_are_resolved() -> None:
    graph = _graph()
    assert "scraper._errors" in graph["scraper"]
    assert "scraper.parse.dom._page" in graph["scraper.parse.profiles._registry"]
    assert "scraper.crawler._crawler" in graph["scraper.crawler"]


def test_scraper_never_imports_archive() -> None:
    for path in (ROOT / "scraper").rglob("*.py"):
        bad = {n for n in _imports(path) if n == "archive" or n.startswith("archive.")}
        assert not bad, f"{path} imports {bad}"


def test_parsing_does_no_io() -> None:
    banned = {"httpx", "sqlite3", "socket", "asyncio", "warcio"}
    for path in (ROOT / "scraper" / "parse").rglob("*.py"):
        bad = {n for n in _imports(path) if n.split(".")[0] in banned}
        assert not bad, f"{path} imports {bad}"
