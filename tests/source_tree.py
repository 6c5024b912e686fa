"""The project's own source, read and parsed once per test session: the rules checked on
the source (imports, SQL, the public surface) each walk every module, and parsing them all
is most of what such a check costs."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOPS = ("scraper", "archive")


@functools.cache
def module_tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"))


def source_files(tops: tuple[str, ...] = TOPS) -> list[Path]:
    return sorted(p for top in tops for p in (ROOT / top).rglob("*.py"))
