"""Bring a catalog written by an older blog-archiver up to the current schema, in place.

Existing archives must keep working after an upgrade, so the first *writable* open
(which holds the archive's lock: no other writer can be running) migrates the catalog in
one transaction: either every row is carried over or nothing changes. The row counts are
checked before committing, and ``PRAGMA foreign_key_check`` must come back clean.

A *read-only* open takes no lock and may run beside an older blog-archiver still writing
the archive, so it never rewrites anything: it reads an older catalog through a temporary
``capture_rows`` view with the same columns the current one has.

Version 1 -> 2 (see ``_schema`` for why): URLs move to ``targets`` and WARC file
names to integer ``warc_files.id``; ``urn:uuid`` record ids become 16-byte blobs; the
stored SURT key goes; a revisit's payload digest is left NULL when it is its original's;
``lost_records`` is new (v1's recovery deleted such rows, and the parses with them).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from .._errors import ArchiveError
from ._db import Db
from ._schema import (
    CAPTURES,
    CATALOG_VERSION,
    LOST,
    TARGETS,
    V2_INDEXES,
    VIEW,
    WARC_FILES,
    record_key,
    statements,
)

__all__ = ["migrate", "read_old"]

log = logging.getLogger("blog_archiver.migrate")

_V1_VIEW = """
CREATE TEMP VIEW capture_rows AS
SELECT id, crawl_id, url, fetched_at, status, warc_file, warc_offset, warc_length, record_id,
       payload_digest, etag, last_modified, content_type, record_type, request_offset,
       request_length, refers_to, NULL AS target_id, NULL AS file_id
FROM main.captures
"""

_V1_FILES = """
INSERT INTO warc_files_v2 (name, crawl_id, created_at)
SELECT name, crawl_id, created_at FROM (
    SELECT name, crawl_id, created_at FROM warc_files
    UNION ALL  -- a file the captures name but the registry lacks (never expected; kept)
    SELECT warc_file, MIN(crawl_id), MIN(fetched_at) FROM captures
    WHERE warc_file NOT IN (SELECT name FROM warc_files) GROUP BY warc_file
) ORDER BY name
"""

_V1_CAPTURES = """
INSERT INTO captures_v2 (id, crawl_id, target_id, fetched_at, status, file_id, warc_offset,
    warc_length, record_id, request_offset, request_length, payload_digest, etag,
    last_modified, content_type, record_type, refers_to)
SELECT c.id, c.crawl_id, t.id, c.fetched_at, c.status, f.id, c.warc_offset, c.warc_length,
       record_key(c.record_id), c.request_offset, c.request_length,
       CASE WHEN c.record_type = 'revisit' AND c.payload_digest = b.payload_digest
            THEN NULL ELSE c.payload_digest END,
       c.etag, c.last_modified, c.content_type, c.record_type, c.refers_to
FROM captures c
JOIN targets t ON t.url = c.url
JOIN warc_files_v2 f ON f.name = c.warc_file
LEFT JOIN captures b ON b.id = c.refers_to
ORDER BY c.id
"""


def read_old(conn: Db, version: int) -> None:
    """Let a read-only connection read a catalog of an older ``version`` as a current one."""
    if version == 1:
        conn.execute(_V1_VIEW)
        conn.execute(
            LOST.replace("CREATE TABLE", "CREATE TEMP TABLE").replace("REFERENCES captures(id)", "")
        )  # v1 knew no lost records: an empty table
        return
    raise ArchiveError(f"catalog schema version {version} is not supported")  # pragma: no cover


def migrate(conn: Db, path: Path, version: int) -> None:
    """Migrate the catalog at ``path`` from ``version`` to ``CATALOG_VERSION`` (one
    transaction; the caller holds the archive's write lock)."""
    steps = {1: _v1_to_v2}
    # Tables are rebuilt and renamed: foreign keys are checked once, at the end, instead.
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        with conn.transaction():
            for v in range(version, CATALOG_VERSION):
                steps[v](conn)
            bad = conn.execute("PRAGMA foreign_key_check").fetchall()
            if bad:
                raise ArchiveError(
                    f"cannot migrate catalog {path} from version {version}: {len(bad)} rows "
                    f"with broken references (first: {bad[0]}); the catalog is unchanged"
                )
            conn.execute(f"PRAGMA user_version={CATALOG_VERSION}")
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
    # The old tables' pages are free now; give them back once (the migration is committed:
    # if this fails, e.g. for want of disk space, SQLite reuses them for new rows instead).
    try:
        conn.execute("VACUUM")
    except sqlite3.Error as exc:
        log.warning("catalog %s migrated; compacting it failed (%s), which is harmless", path, exc)


def _v1_to_v2(conn: Db) -> None:
    _sqlite_raw(conn).create_function("record_key", 1, record_key, deterministic=True)
    (before,) = conn.execute("SELECT COUNT(*) FROM captures").fetchone()
    for script in (TARGETS, WARC_FILES.format(suffix="_v2"), CAPTURES.format(suffix="_v2")):
        for statement in statements(script):
            conn.execute(statement)
    conn.execute("INSERT INTO targets (url) SELECT url FROM captures GROUP BY url ORDER BY MIN(id)")
    conn.execute(_V1_FILES)
    conn.execute(_V1_CAPTURES)
    (after,) = conn.execute("SELECT COUNT(*) FROM captures_v2").fetchone()
    if after != before:
        raise ArchiveError(f"migration would keep {after} of {before} captures; nothing changed")
    # pages keeps its "REFERENCES captures(id)": it names the new table once renamed.
    conn.execute("DROP TABLE captures")
    conn.execute("DROP TABLE warc_files")
    conn.execute("ALTER TABLE warc_files_v2 RENAME TO warc_files")
    conn.execute("ALTER TABLE captures_v2 RENAME TO captures")
    for statement in statements(V2_INDEXES):
        conn.execute(statement)
    conn.execute(LOST)
    conn.execute(VIEW)


def _sqlite_raw(db: Db) -> sqlite3.Connection:
    assert isinstance(db.raw, sqlite3.Connection)  # migrations exist only on SQLite
    return db.raw
