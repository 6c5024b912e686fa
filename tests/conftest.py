"""Session fixtures shared by test modules: the real engines are started once per run (a
WordPress, a PostgreSQL), and so are the parse workers crawls in tests run on; ``catalog``
runs an archive test once on each backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from archive_build import shared_pool
from engines.wordpress import WordPress, missing
from pg_server import PgServer, pg_dsn, pg_server

__all__ = ["catalog", "pg_dsn", "pg_server", "wordpress"]

from scraper.crawler._pagepool import PagePool


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    """A real WordPress (Debian's package) on 127.0.0.1 with the test blog's content."""
    if why := missing():
        pytest.skip(why)
    with WordPress(tmp_path_factory.mktemp("wordpress")) as wp:
        wp.add_content()
        yield wp


# The PostgreSQL twin of each archive test is slow (a database per test on the session's
# server); the fast suite runs the SQLite one, and the PostgreSQL catalog's own tests
# (tests/archive/test_pg_frontier.py ...) keep the server in it.
@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def catalog(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """The catalog an archive test runs on: ``None`` (the folder's own SQLite file) or a
    fresh PostgreSQL database (skipped, saying why, where no server can be started).

    The password is in the address and in ``PGPASSWORD``: the archive remembers the address
    without it, so a later command on the folder finds it where libpq looks."""
    if request.param == "sqlite":
        return None
    server: PgServer = request.getfixturevalue("pg_server")
    monkeypatch.setenv("PGPASSWORD", server.password)
    return server.create_database()


@pytest.fixture
def page_pool() -> PagePool:
    """The session's parse workers (``archive_build.shared_pool``): started once, not per
    test; a test that kills or closes workers makes a pool of its own."""
    return shared_pool()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the PostgreSQL server is slow, whatever file it is in: the fast
    suite then starts no server at all (initdb and start cost ~1.5 s before the first test),
    and every PostgreSQL test still runs in the full suite, as CI runs it."""
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
