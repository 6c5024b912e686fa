"""The SQLite catalog: crawl rounds, WARC segments, the frontier, captures and parses.

One file, ``catalog.sqlite``, in WAL mode so readers (export, history) never block the
crawl. The SQL is kept portable to PostgreSQL (DESIGN "Beyond one machine"): plain types,
ISO 8601 text timestamps, ``INSERT ... ON CONFLICT``, ``UPDATE ... RETURNING``, and each
per-URL state change in its own transaction. ``PRAGMA user_version`` holds the schema
version; a catalog from a newer version is refused rather than misread.

Schema (version 1)::

    crawls(id, kind, started_at, finished_at, settings_json, stats_json)
    warc_files(name PK, crawl_id, created_at)               -- one segment per writer run
    urls(url PK, seq, kind, state, depth, post_url, via, reason, attempts, updated_at)
    captures(id, crawl_id, url, urlkey, fetched_at, status, warc_file, warc_offset,
             warc_length, record_id UNIQUE, request_offset, request_length, payload_digest,
             etag, last_modified, content_type, record_type, refers_to)
    pages(id, page_url, post_url, crawl_id, capture_id, parsed_at, parser_version,
          record_json, UNIQUE(capture_id, crawl_id))         -- one parse per page per round
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ArchiveError, CatalogVersionError

__all__ = ["CATALOG_VERSION", "CaptureRow", "connect", "row_to_capture"]

CATALOG_VERSION = 1

_SCHEMA = """
CREATE TABLE crawls (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    settings_json TEXT NOT NULL,
    stats_json TEXT
);
CREATE TABLE warc_files (
    name TEXT PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    created_at TEXT NOT NULL
);
CREATE TABLE urls (
    url TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    depth INTEGER NOT NULL DEFAULT 0,
    post_url TEXT,
    via TEXT,
    reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX urls_state_seq ON urls (state, seq);
CREATE TABLE captures (
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    url TEXT NOT NULL,
    urlkey TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    status INTEGER,
    warc_file TEXT NOT NULL,
    warc_offset INTEGER NOT NULL,
    warc_length INTEGER NOT NULL,
    record_id TEXT NOT NULL UNIQUE,
    request_offset INTEGER,
    request_length INTEGER,
    payload_digest TEXT,
    etag TEXT,
    last_modified TEXT,
    content_type TEXT,
    record_type TEXT NOT NULL,
    refers_to INTEGER REFERENCES captures(id)
);
CREATE INDEX captures_url ON captures (url, crawl_id);
CREATE INDEX captures_urlkey ON captures (urlkey, fetched_at);
CREATE INDEX captures_file ON captures (warc_file, warc_offset);
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    page_url TEXT NOT NULL,
    post_url TEXT NOT NULL,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    capture_id INTEGER REFERENCES captures(id),
    parsed_at TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    record_json TEXT NOT NULL,
    UNIQUE (capture_id, crawl_id)
);
CREATE INDEX pages_post ON pages (post_url, crawl_id);
"""

CAPTURE_COLUMNS = (
    "id, crawl_id, url, fetched_at, status, warc_file, warc_offset, warc_length, record_id, "
    "payload_digest, etag, last_modified, content_type, record_type, request_offset, "
    "request_length, refers_to"
)


@dataclass(frozen=True, slots=True)
class CaptureRow:
    """One stored record (``response`` or ``revisit``) as the catalog indexes it."""

    id: int
    crawl_id: int
    url: str
    fetched_at: str
    status: int | None
    warc_file: str
    offset: int
    length: int
    record_id: str
    payload_digest: str | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    record_type: str  # "response" | "revisit"
    request_offset: int | None = None
    request_length: int | None = None
    refers_to: int | None = None  # for a revisit: the captures.id holding the payload


def row_to_capture(row: tuple[Any, ...]) -> CaptureRow:
    """A ``CaptureRow`` from a ``SELECT {CAPTURE_COLUMNS}`` row."""
    return CaptureRow(*row)


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """Open (and when writable, create or check) the catalog at ``path``."""
    try:
        if readonly:
            if not path.exists():
                raise ArchiveError(f"no catalog at {path}")
            conn = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
            )
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


def _check_version(conn: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > CATALOG_VERSION:
        raise CatalogVersionError(
            f"{path} has catalog schema version {version}, but this blog-archiver only "
            f"knows version {CATALOG_VERSION}: upgrade blog-archiver to open this archive"
        )
    if version == 0 and not readonly:
        with transaction(conn):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version={CATALOG_VERSION}")


class transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error): one unit of durable change."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, exc: BaseException | None, _tb: object) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
                return
            except sqlite3.Error as commit_exc:
                exc = commit_exc
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite already rolled back (e.g. disk full)
        if isinstance(exc, sqlite3.Error):
            raise ArchiveError(f"catalog write failed: {exc}") from exc


def iter_rows(
    conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()
) -> Iterator[tuple[Any, ...]]:
    """Stream a query in batches, so iterating a big catalog keeps memory flat."""
    cur = conn.execute(sql, params)
    try:
        while batch := cur.fetchmany(256):
            yield from batch
    finally:
        cur.close()
