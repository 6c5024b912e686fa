"""Like httpx's test_exported_members: ``__all__`` is the public surface, and it is complete."""

import types

import archive
import scraper


def test_scraper_all_matches_public_names() -> None:
    modules = {n for n in dir(scraper) if isinstance(getattr(scraper, n), types.ModuleType)}
    public = (
        {n for n in dir(scraper) if not n.startswith("_")}
        - modules
        - {
            "errors",
            "parse",
            "protocols",
            "records",
            "schema",
            "fetch",
            "robots",
            "urls",
            "discover",
            "crawler",
            "config",
            "memory",
            "testing",
        }
    )
    assert public <= set(scraper.__all__)


def test_archive_all_names_exist() -> None:
    for name in archive.__all__:
        assert hasattr(archive, name)
