"""The catalog's tables in SQLite's spelling (``_pg_schema`` has PostgreSQL's): crawl
rounds, WARC segments, the frontier, captures and parses.

On SQLite: one file, ``catalog.sqlite``, in WAL mode so readers (export, history) never block the
crawl. The SQL is kept portable to PostgreSQL (DESIGN "Beyond one machine"): plain types,
ISO 8601 text timestamps, ``INSERT ... ON CONFLICT``, ``UPDATE ... RETURNING``, and each
per-URL state change in its own transaction. ``PRAGMA user_version`` holds the schema
version; a catalog from a newer version is refused rather than misread, an older one is
migrated in place by the first writable open (``archive.catalog._migrate``).

Schema (version 2)::

    crawls(id, kind, started_at, finished_at, settings_json, stats_json)
    warc_files(id, name UNIQUE, crawl_id, created_at)       -- one segment per writer run
    urls(url PK, seq, kind, state, depth, post_url, via, reason, attempts, updated_at)
    targets(id, url UNIQUE)                                 -- each captured URL once
    captures(id, crawl_id, target_id, fetched_at, status, file_id, warc_offset, warc_length,
             record_id, request_offset, request_length, payload_digest, etag,
             last_modified, content_type, record_type, refers_to)
    pages(id, page_url, post_url, crawl_id, capture_id, parsed_at, parser_version,
          record_json, UNIQUE(capture_id, crawl_id))         -- one parse per page per round
    lost_records(capture_id PK, noticed_at, reason)         -- captures whose bytes are gone
    capture_rows                                            -- VIEW: a capture as text

Why captures is this narrow: a re-capture round adds one row per URL, most of them
revisits, and on 50 KB pages a 700-byte row and its index entries were half of what the
round costs. So the URL and the WARC file name are stored once (``targets``,
``warc_files``) and referenced by integer; the ``urn:uuid`` record id is 16 bytes; the
SURT key is not stored (``cdxj`` computes it while it sorts); a revisit leaves
``payload_digest`` NULL when it is its original's; and only two indexes remain:
``(target_id, crawl_id)`` for every per-URL question and ``(file_id, warc_offset)``, which
is also what identifies a record (recovery, ``write_post``). Readers use ``capture_rows``,
which puts the text back, so no query outside the writers needs to know the storage.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["CAPTURE_COLUMNS", "CATALOG_VERSION", "CaptureRow", "record_key", "row_to_capture"]

CATALOG_VERSION = 2

#: The text form of a stored record id: a 16-byte blob back to ``<urn:uuid:...>``.
_RECORD_ID_TEXT = (
    "CASE WHEN typeof({c}) = 'blob' THEN '<urn:uuid:' || lower("
    "substr(hex({c}), 1, 8) || '-' || substr(hex({c}), 9, 4) || '-' || "
    "substr(hex({c}), 13, 4) || '-' || substr(hex({c}), 17, 4) || '-' || "
    "substr(hex({c}), 21)) || '>' ELSE {c} END"
)

#: ``captures`` as readers see it (v1's columns, and the two ids for joins), on either
#: backend: ``{record_id}`` is the backend's text form of the stored record id.
VIEW_SQL = """
CREATE VIEW capture_rows AS
SELECT c.id AS id, c.crawl_id AS crawl_id, t.url AS url, c.fetched_at AS fetched_at,
       c.status AS status, f.name AS warc_file, c.warc_offset AS warc_offset,
       c.warc_length AS warc_length, {record_id} AS record_id,
       COALESCE(c.payload_digest, b.payload_digest) AS payload_digest, c.etag AS etag,
       c.last_modified AS last_modified, c.content_type AS content_type,
       c.record_type AS record_type, c.request_offset AS request_offset,
       c.request_length AS request_length, c.refers_to AS refers_to,
       c.target_id AS target_id, c.file_id AS file_id
FROM captures c
JOIN targets t ON t.id = c.target_id
JOIN warc_files f ON f.id = c.file_id
LEFT JOIN captures b ON b.id = c.refers_to
"""
VIEW = VIEW_SQL.format(record_id=_RECORD_ID_TEXT.format(c="c.record_id"))

#: The tables a fresh catalog starts with (``archive._migrate`` builds the same from v1).
CRAWLS = """
CREATE TABLE crawls (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    settings_json TEXT NOT NULL,
    stats_json TEXT
)
"""
URLS = """
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
CREATE INDEX urls_state_seq ON urls (state, seq)
"""
PAGES = """
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
CREATE INDEX pages_post ON pages (post_url, crawl_id)
"""
#: The v2 tables; ``{suffix}`` lets the migration build them beside the v1 ones.
WARC_FILES = """
CREATE TABLE warc_files{suffix} (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    created_at TEXT NOT NULL
)
"""
TARGETS = """
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL
);
CREATE UNIQUE INDEX targets_url ON targets (url)
"""
CAPTURES = """
CREATE TABLE captures{suffix} (
    id INTEGER PRIMARY KEY,
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    target_id INTEGER NOT NULL REFERENCES targets(id),
    fetched_at TEXT NOT NULL,
    status INTEGER,
    file_id INTEGER NOT NULL REFERENCES warc_files(id),
    warc_offset INTEGER NOT NULL,
    warc_length INTEGER NOT NULL,
    record_id BLOB NOT NULL,
    request_offset INTEGER,
    request_length INTEGER,
    payload_digest TEXT,
    etag TEXT,
    last_modified TEXT,
    content_type TEXT,
    record_type TEXT NOT NULL,
    refers_to INTEGER REFERENCES captures(id)
)
"""
#: Captures whose WARC bytes are gone (a segment another tool cut short): the row and the
#: parses made from it stay, as the record of what was captured; replay and reparse skip it.
LOST = """
CREATE TABLE lost_records (
    capture_id INTEGER PRIMARY KEY REFERENCES captures(id),
    noticed_at TEXT NOT NULL,
    reason TEXT NOT NULL
)
"""
#: Indexes of the v2 tables, created once the tables carry their final names.
V2_INDEXES = """
CREATE UNIQUE INDEX warc_files_name ON warc_files (name);
CREATE INDEX captures_target ON captures (target_id, crawl_id);
CREATE UNIQUE INDEX captures_file ON captures (file_id, warc_offset)
"""

CAPTURE_COLUMNS = (
    "id, crawl_id, url, fetched_at, status, warc_file, warc_offset, warc_length, record_id, "
    "payload_digest, etag, last_modified, content_type, record_type, request_offset, "
    "request_length, refers_to"
)

_UUID_ID = re.compile(r"<urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})>")


def record_key(record_id: str) -> bytes | str:
    """How ``captures.record_id`` stores an id: the 16 bytes of a (lowercase) ``urn:uuid``,
    any other form as its text, so ``capture_rows`` gives back exactly what was written."""
    m = _UUID_ID.fullmatch(record_id)
    return uuid.UUID(m.group(1)).bytes if m else record_id


def statements(script: str) -> Iterator[str]:
    """The statements of a DDL script (no semicolons inside statements here)."""
    return (s for s in script.split(";") if s.strip())


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
    """A ``CaptureRow`` from a ``SELECT {CAPTURE_COLUMNS} FROM capture_rows`` row."""
    return CaptureRow(*row)
