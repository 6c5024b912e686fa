"""Fixtures shared by many test modules: a real PostgreSQL (``pg_server``) for the catalog
tests that run against both backends."""

from pg_server import pg_dsn, pg_server

__all__ = ["pg_dsn", "pg_server"]
