"""The import rules of DESIGN.md, checked on the source: data and imports flow one way."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_scraper_never_imports_archive() -> None:
    for path in (ROOT / "scraper").rglob("*.py"):
        bad = {n for n in _imports(path) if n == "archive" or n.startswith("archive.")}
        assert not bad, f"{path} imports {bad}"


def test_parsing_does_no_io() -> None:
    banned = {"httpx", "sqlite3", "socket", "asyncio", "warcio"}
    for path in (ROOT / "scraper" / "parse").rglob("*.py"):
        bad = {n for n in _imports(path) if n.split(".")[0] in banned}
        assert not bad, f"{path} imports {bad}"
