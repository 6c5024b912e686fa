"""Like httpx's test_exported_members: each package's ``__all__`` is its public surface, exactly.

Every module inside a package is internal (a leading ``_``), so what a user may import is
what the package's ``__init__`` exports; a name reachable without ``_`` but left out of
``__all__`` (a stray import, ``annotations`` from ``__future__``) is a surface nobody chose.
"""

import importlib
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The packages the README's Design section names; any package added later is found on disk
# and checked the same way.
NAMED = [
    "scraper",
    "scraper.fetch",
    "scraper.crawler",
    "scraper.discover",
    "scraper.parse",
    "scraper.parse.dom",
    "scraper.parse.profiles",
    "scraper.parse.metadata",
    "scraper.parse.body",
    "scraper.parse.comments",
    "scraper.testing",
    "archive",
    "archive.warc",
    "archive.recapture",
    "archive.export",
    "archive.commands",
]
PACKAGES = sorted(
    {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("scraper", "archive")
        for init in (ROOT / top).rglob("__init__.py")
    }
)

# Dunder names a package may export besides its public ones.
_DUNDERS = {"__version__"}


def _is_subpackage(package: types.ModuleType, name: str) -> bool:
    value = getattr(package, name)
    return isinstance(value, types.ModuleType) and value.__name__ == f"{package.__name__}.{name}"


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_exactly_the_public_names(name: str) -> None:
    package = importlib.import_module(name)
    public = {n for n in dir(package) if not n.startswith("_") and not _is_subpackage(package, n)}
    exported = set(package.__all__)
    assert exported - _DUNDERS == public, f"{name}: __all__ vs public names"
    assert exported & {n for n in exported if n.startswith("_")} <= _DUNDERS
    for n in exported:
        assert hasattr(package, n), f"{name}.__all__ names {n!r}, which does not exist"


def test_the_named_packages_exist() -> None:
    assert set(NAMED) <= set(PACKAGES)


def test_modules_inside_packages_are_internal() -> None:
    for top in ("scraper", "archive"):
        for path in (ROOT / top).rglob("*.py"):
            if path.name in {"__init__.py", "__main__.py"}:
                continue
            assert path.name.startswith("_"), f"{path.relative_to(ROOT)} is not named _*.py"


def test_the_documented_imports_work() -> None:
    from archive import Archive
    from scraper import CrawlConfig, crawl, parse_page

    assert callable(parse_page)
    assert callable(crawl)
    assert isinstance(CrawlConfig, type)
    assert isinstance(Archive, type)
