"""Like httpx's test_exported_members: ``__all__`` is the public surface, and it is complete."""

import archive
import scraper


def test_scraper_all_matches_public_names() -> None:
    public = {n for n in dir(scraper) if not n.startswith("_")} - {
        "errors",
        "parse",
        "protocols",
        "records",
        "schema",
        "fetch",
        "robots",
        "urls",
        "discover",
        "crawl",
        "config",
        "memory",
        "testing",
    }
    assert public <= set(scraper.__all__)


def test_archive_all_names_exist() -> None:
    for name in archive.__all__:
        assert hasattr(archive, name)
