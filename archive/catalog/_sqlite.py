"""Opening the SQLite catalog (``catalog.sqlite``), the single-machine default.

WAL mode, so readers (export, history) never block the crawl; ``synchronous=NORMAL``, so a
commit survives a killed process (not a power cut, which recovery tolerates: WARC bytes are
written before the row that points at them). ``PRAGMA user_version`` holds the schema
version: a newer catalog is refused, an older one migrated in place by the first writable
open (``_migrate``) and read as it is by a read-only one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .._errors import ArchiveError, CatalogVersionError
from ._db import Db
from ._schema import (
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
)

__all__ = ["connect_sqlite"]


def connect_sqlite(path: Path, *, readonly: bool) -> Db:
    """Open (and when writable, create, check or migrate) the catalog at ``path``."""
    try:
        if readonly:
            if not path.exists():
                raise ArchiveError(f"no catalog at {path}")
            conn = _connect_readonly(path)
        else:
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA foreign_keys=ON")
        db = Db(conn, "sqlite", readonly=readonly, where=str(path))
        _check_version(db, path, readonly=readonly)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open catalog {path}: {exc}") from exc
    return db


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


def _check_version(db: Db, path: Path, *, readonly: bool) -> None:
    from ._migrate import migrate, read_old

    (version,) = db.execute("PRAGMA user_version").fetchone()
    if version > CATALOG_VERSION:
        raise CatalogVersionError(
            f"{path} has catalog schema version {version}, but this blog-archiver only "
            f"knows version {CATALOG_VERSION}: upgrade blog-archiver to open this archive"
        )
    if version == 0 and not readonly:
        with db.transaction():
            for script in (CRAWLS, WARC_FILES, URLS, TARGETS, CAPTURES, PAGES, LOST, V2_INDEXES):
                for statement in statements(script.format(suffix="")):
                    db.execute(statement)
            db.execute(VIEW)
            db.execute(f"PRAGMA user_version={CATALOG_VERSION}")
    elif 0 < version < CATALOG_VERSION:
        if readonly:
            read_old(db, version)  # no lock held: a reader never rewrites the catalog
        else:
            migrate(db, path, version)
