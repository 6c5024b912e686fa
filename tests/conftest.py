"""Fixtures shared by test modules: the real engines are started once per run, and so are
the parse workers crawls in tests run on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from archive_build import shared_pool
from engines.wordpress import WordPress, missing

from scraper.crawler._pagepool import PagePool


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    """A real WordPress (Debian's package) on 127.0.0.1 with the test blog's content."""
    if why := missing():
        pytest.skip(why)
    with WordPress(tmp_path_factory.mktemp("wordpress")) as wp:
        wp.add_content()
        yield wp


@pytest.fixture
def page_pool() -> PagePool:
    """The session's parse workers (``archive_build.shared_pool``): started once, not per
    test; a test that kills or closes workers makes a pool of its own."""
    return shared_pool()
