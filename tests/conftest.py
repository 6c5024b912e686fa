"""Fixtures every test group may use."""

import pytest
from archive_build import shared_pool

from scraper.crawler._pagepool import PagePool


@pytest.fixture
def page_pool() -> PagePool:
    """The session's parse workers (``archive_build.shared_pool``): started once, not per
    test; a test that kills or closes workers makes a pool of its own."""
    return shared_pool()
