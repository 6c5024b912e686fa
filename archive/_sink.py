"""The capture sink (``scraper._protocols.CaptureSink``): WARC first, then the catalog row.

Order is the crash-safety contract: the WARC bytes are written before the row that points
at them is committed, so a kill between the two leaves a record without a row (which
``archive._recovery`` indexes on the next open) and never a row without a record.

A resumed crawl round re-fetches the pages that were in flight when the process died. If
the round already stored that URL with the same payload digest, the stored record is
returned and nothing is written: a resume never duplicates a capture. A different payload
is a real new capture and is stored.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable

from scraper import __version__
from scraper._records import Capture, Post, WarcRef

from ._catalog import CAPTURE_COLUMNS, CaptureRow, record_key, row_to_capture, transaction
from .warc._writer import PROFILE_IDENTICAL, WarcWriter, WrittenRecord

__all__ = ["ArchiveSink", "payload_digest"]

_INSERT_CAPTURE = (
    "INSERT INTO captures (crawl_id, target_id, fetched_at, status, file_id, warc_offset, "
    "warc_length, record_id, request_offset, request_length, payload_digest, etag, "
    "last_modified, content_type, record_type, refers_to) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)
_UPSERT_PAGE = (
    "INSERT INTO pages (page_url, post_url, crawl_id, capture_id, parsed_at, parser_version, "
    "record_json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (capture_id, crawl_id) DO UPDATE "
    "SET page_url = excluded.page_url, post_url = excluded.post_url, "
    "parsed_at = excluded.parsed_at, parser_version = excluded.parser_version, "
    "record_json = excluded.record_json"
)


def payload_digest(body: bytes) -> str:
    """``sha1:BASE32`` as warcio writes ``WARC-Payload-Digest``."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


def header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    lname = name.lower()
    return next((v for k, v in headers if k.lower() == lname), None)


def target_id(conn: sqlite3.Connection, url: str) -> int:
    """The ``targets`` id of ``url``, added on first sight (in the caller's transaction)."""
    row = conn.execute("SELECT id FROM targets WHERE url = ?", (url,)).fetchone()
    if row is None:
        row = conn.execute("INSERT INTO targets (url) VALUES (?) RETURNING id", (url,)).fetchone()
    return int(row[0])


def file_id(conn: sqlite3.Connection, name: str, crawl_id: int, created_at: str) -> int:
    """The ``warc_files`` id of ``name`` (segments are registered before their first
    record; one that is not, e.g. found by recovery, is registered here)."""
    row = conn.execute("SELECT id FROM warc_files WHERE name = ?", (name,)).fetchone()
    if row is None:
        row = conn.execute(
            "INSERT INTO warc_files (name, crawl_id, created_at) VALUES (?, ?, ?) RETURNING id",
            (name, crawl_id, created_at),
        ).fetchone()
    return int(row[0])


def insert_capture(
    conn: sqlite3.Connection,
    crawl_id: int,
    resp: WrittenRecord,
    *,
    url: str,
    status: int | None,
    headers: tuple[tuple[str, str], ...],
    request: WrittenRecord | None = None,
    refers_to: int | None = None,
) -> int:
    """Index one written record (in the caller's transaction); returns its capture id."""
    digest = resp.payload_digest
    if refers_to is not None and digest is not None:
        base = conn.execute(
            "SELECT payload_digest FROM captures WHERE id = ?", (refers_to,)
        ).fetchone()
        if base is not None and base[0] == digest:
            digest = None  # a revisit of its original's payload: read through capture_rows
    row = conn.execute(
        _INSERT_CAPTURE,
        (
            crawl_id,
            target_id(conn, url),
            resp.date,
            status,
            file_id(conn, resp.file, crawl_id, resp.date),
            resp.offset,
            resp.length,
            record_key(resp.record_id),
            request.offset if request else None,
            request.length if request else None,
            digest,
            header(headers, "etag"),
            header(headers, "last-modified"),
            header(headers, "content-type"),
            resp.record_type,
            refers_to,
        ),
    ).fetchone()
    return int(row[0])


class ArchiveSink:
    """Stores captures and parses for one crawl round (``crawl_id``)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        writer: WarcWriter,
        crawl_id: int,
        clock: Callable[[], str],
    ) -> None:
        self._conn = conn
        self._writer = writer
        self.crawl_id = crawl_id
        self._now = clock
        self.lock = threading.Lock()
        self.bytes_written = 0

    @property
    def conn(self) -> sqlite3.Connection:
        """The catalog connection this sink writes with (its writer thread's)."""
        return self._conn

    def _existing(self, url: str, digest: str) -> CaptureRow | None:
        row = self._conn.execute(
            f"SELECT {CAPTURE_COLUMNS} FROM capture_rows WHERE url = ? AND crawl_id = ? "
            "AND record_type = 'response' AND payload_digest = ? "
            "AND id NOT IN (SELECT capture_id FROM lost_records) ORDER BY id DESC LIMIT 1",
            (url, self.crawl_id, digest),
        ).fetchone()
        return row_to_capture(row) if row else None

    def _has_capture(self, url: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM captures c JOIN targets t ON t.id = c.target_id "
            "WHERE t.url = ? AND c.crawl_id = ? LIMIT 1",
            (url, self.crawl_id),
        ).fetchone()
        return row is not None

    def write_capture(self, capture: Capture) -> WarcRef:
        """Store one request/response pair durably (WARC + catalog) before returning."""
        with self.lock:
            if self._has_capture(capture.url):
                same = self._existing(capture.url, payload_digest(capture.body))
                if same is not None:
                    return WarcRef(same.warc_file, same.record_id, same.offset, same.length)
            resp, req = self._writer.write_exchange(capture)
            with transaction(self._conn) as c:
                insert_capture(
                    c,
                    self.crawl_id,
                    resp,
                    url=capture.url,
                    status=capture.status,
                    headers=capture.response_headers,
                    request=req,
                )
            self.bytes_written += resp.length + req.length
            return WarcRef(resp.file, resp.record_id, resp.offset, resp.length)

    def write_revisit(
        self, capture: Capture, refers_to: CaptureRow, profile: str = PROFILE_IDENTICAL
    ) -> CaptureRow:
        """Store a re-capture of unchanged content as a ``revisit`` pointing at ``refers_to``."""
        with self.lock:
            rec = self._writer.write_revisit(
                capture,
                refers_to_uri=refers_to.url,
                refers_to_date=refers_to.fetched_at,
                refers_to_id=refers_to.record_id,
                payload_digest=refers_to.payload_digest or payload_digest(capture.body),
                profile=profile,
            )
            base = refers_to.refers_to or refers_to.id  # always point at the real payload
            with transaction(self._conn) as c:
                cid = insert_capture(
                    c,
                    self.crawl_id,
                    rec,
                    url=capture.url,
                    status=capture.status,
                    headers=capture.response_headers,
                    refers_to=base,
                )
                row = c.execute(
                    f"SELECT {CAPTURE_COLUMNS} FROM capture_rows WHERE id = ?", (cid,)
                ).fetchone()
            self.bytes_written += rec.length
            return row_to_capture(row)

    def write_post(self, page_url: str, post_url: str, post: Post) -> None:
        """Keep the parse of one page of a post; pages of one post are merged on read."""
        ref = post.source.warc if post.source else None
        with self.lock:
            row = None
            if ref is not None and ref.offset is not None:
                row = self._conn.execute(
                    "SELECT c.id FROM captures c JOIN warc_files f ON f.id = c.file_id "
                    "WHERE f.name = ? AND c.warc_offset = ?",
                    (ref.file, ref.offset),
                ).fetchone()
            elif ref is not None and ref.record_id:  # no offset known: a scan, but rare
                row = self._conn.execute(
                    "SELECT id FROM captures WHERE record_id = ?", (record_key(ref.record_id),)
                ).fetchone()
            if row is None:
                row = self._conn.execute(
                    "SELECT c.id FROM captures c JOIN targets t ON t.id = c.target_id "
                    "WHERE t.url = ? ORDER BY c.crawl_id DESC, c.id DESC LIMIT 1",
                    (page_url,),
                ).fetchone()
            capture_id = int(row[0]) if row else None
            record = json.dumps(post.to_dict(), ensure_ascii=False, separators=(",", ":"))
            version = f"{__version__}/{post.extractor.name}-{post.extractor.version}"
            with transaction(self._conn) as c:
                c.execute(
                    _UPSERT_PAGE,
                    (page_url, post_url, self.crawl_id, capture_id, self._now(), version, record),
                )
