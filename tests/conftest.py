"""Fixtures shared by many test modules: a real PostgreSQL (``pg_server``) and ``catalog``,
which runs an archive test once on each backend."""

import pytest
from pg_server import PgServer, pg_dsn, pg_server

__all__ = ["catalog", "pg_dsn", "pg_server"]


@pytest.fixture(params=["sqlite", "postgresql"])
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
