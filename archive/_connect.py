"""Opening the catalog: a new one is created, an older one migrated (or read through a view
when read-only), a newer one refused. Kept apart from ``_catalog`` (the schema) and
``_migrate`` (the upgrade), which both stay free of each other."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ._catalog import (
    CAPTURES,
    CATALOG_VERSION,
    CRAWLS,
    LOST,
    PAGES,
    TARGETS,
    URLS,
    V2_INDEXES,
    VIEW,
    WARC_FILES,
    statements,
    transaction,
)
from ._errors import ArchiveError, CatalogVersionError
from ._migrate import migrate, read_old

__all__ = ["connect"]


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """Open (and when writable, create, check or migrate) the catalog at ``path``."""
    try:
        if readonly:
            if not path.exists():
                raise ArchiveError(f"no catalog at {path}")
            conn = _connect_readonly(path)
        else:
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL: a commit survives a killed process (not a power cut, which
            # recovery tolerates: WARC bytes are written before the row that points at them).
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA foreign_keys=ON")
        _check_version(conn, path, readonly=readonly)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open catalog {path}: {exc}") from exc
    return conn


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection, also where SQLite cannot create the WAL's ``-shm`` file (an
    archive on read-only media, a read-only mount): ``mode=ro`` first, which sees a live
    writer's commits; ``immutable=1`` when that cannot open (nobody can be writing there)."""
    conn = sqlite3.connect(
        f"file:{path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(
            f"file:{path}?mode=ro&immutable=1",
            uri=True,
            check_same_thread=False,
            isolation_level=None,
        )
    return conn


def _check_version(conn: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > CATALOG_VERSION:
        raise CatalogVersionError(
            f"{path} has catalog schema version {version}, but this blog-archiver only "
            f"knows version {CATALOG_VERSION}: upgrade blog-archiver to open this archive"
        )
    if version == 0 and not readonly:
        with transaction(conn):
            for script in (CRAWLS, WARC_FILES, URLS, TARGETS, CAPTURES, PAGES, LOST, V2_INDEXES):
                for statement in statements(script.format(suffix="")):
                    conn.execute(statement)
            conn.execute(VIEW)
            conn.execute(f"PRAGMA user_version={CATALOG_VERSION}")
    elif 0 < version < CATALOG_VERSION:
        if readonly:
            read_old(conn, version)  # no lock held: a reader never rewrites the catalog
        else:
            migrate(conn, path, version)
