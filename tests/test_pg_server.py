"""The test harness's PostgreSQL: it starts, takes a password over TCP, gives each test its
own database, and refuses a wrong password (the workers' credential paths rely on that)."""

from __future__ import annotations

import pytest
from pg_server import PgServer


def test_server_answers_and_each_test_gets_its_own_database(
    pg_server: PgServer, pg_dsn: str
) -> None:
    import psycopg

    with psycopg.connect(pg_dsn) as conn:
        (version,) = conn.execute("SHOW server_version_num").fetchone() or (0,)
        assert int(version) >= 130000
        conn.execute("CREATE TABLE t (x int)")
    assert pg_server.create_database() != pg_dsn


def test_a_wrong_password_is_refused(pg_server: PgServer) -> None:
    import psycopg

    bad = pg_server.dsn().replace(pg_server.password, "wrong")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(bad, connect_timeout=5).close()
