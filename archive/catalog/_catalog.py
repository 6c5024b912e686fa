"""``Catalog``: every question the archive asks of its catalog, on either backend.

The sink, the ``Archive`` and its readers call these methods instead of writing SQL, so the
statements live here, beside the schema they depend on, and one ``Db`` runs them on SQLite
or PostgreSQL. Methods that say "in the caller's transaction" are parts of a larger unit
(``with catalog.db.transaction():``); the others commit on their own.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from collections.abc import Iterator
from typing import Any

from ..warc._surt import surt
from ..warc._writer import WrittenRecord
from ._db import Db
from ._schema import CAPTURE_COLUMNS, CaptureRow, row_to_capture

__all__ = ["Catalog", "IndexRow"]

#: url key, url, fetched_at, record_type, status, content_type, digest, length, offset, file
IndexRow = tuple[str, str, str, str, int | None, str | None, str | None, int, int, str]

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
# Newest parse of each capture, with the round that captured it (not the round that
# parsed it): rows come grouped by post, newest round first.
_PAGES = """
SELECT p.post_url, c.crawl_id, p.page_url, p.record_json, c.fetched_at
FROM pages p JOIN captures c ON c.id = p.capture_id
WHERE p.id IN (SELECT MAX(id) FROM pages GROUP BY capture_id)
{where}
ORDER BY p.post_url, c.crawl_id DESC, p.page_url, c.fetched_at DESC
"""
# One post's pages: the same rows as ``_PAGES`` for one ``post_url``, with "newest parse of
# each capture" asked per capture (an index lookup) instead of over the whole table.
_POST_PAGES = """
SELECT p.post_url, c.crawl_id, p.page_url, p.record_json, c.fetched_at
FROM pages p JOIN captures c ON c.id = p.capture_id
WHERE p.post_url = ?
  AND p.id = (SELECT MAX(q.id) FROM pages q WHERE q.capture_id = p.capture_id)
ORDER BY c.crawl_id DESC, p.page_url, c.fetched_at DESC
"""
_INDEX = (
    "SELECT {key} url, fetched_at, record_type, status, content_type, "
    "payload_digest, warc_length, warc_offset, warc_file FROM capture_rows "
    "WHERE id NOT IN (SELECT capture_id FROM lost_records) {order}"
)


def header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    lname = name.lower()
    return next((v for k, v in headers if k.lower() == lname), None)


class Catalog:
    """The catalog's queries over one connection (``db``)."""

    def __init__(self, db: Db) -> None:
        self.db = db

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold ``name`` against the other workers (PostgreSQL advisory lock), e.g. so that
        two workers finishing at once do not both repair a dead worker's file. On SQLite the
        folder lock already makes this process the only writer."""
        if not self.db.is_pg:
            yield
            return
        key = zlib.crc32(name.encode())
        self.db.execute("SELECT pg_advisory_lock(?)", (key,))
        try:
            yield
        finally:
            self.db.execute("SELECT pg_advisory_unlock(?)", (key,))

    # --- crawl rounds and WARC segments ------------------------------------------------------
    def open_round(self, kind: str) -> int | None:
        """The newest unfinished round of ``kind``, if any."""
        row = self.db.execute(
            "SELECT id FROM crawls WHERE kind = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
            (kind,),
        ).fetchone()
        return int(row[0]) if row else None

    def start_round(self, kind: str, started_at: str, settings_json: str) -> int:
        with self.db.transaction() as db:
            row = db.execute(
                "INSERT INTO crawls (kind, started_at, settings_json) VALUES (?, ?, ?) "
                "RETURNING id",
                (kind, started_at, settings_json),
            ).fetchone()
        return int(row[0])

    def round_settings(self, crawl_id: int) -> dict[str, Any]:
        row = self.db.execute("SELECT settings_json FROM crawls WHERE id = ?", (crawl_id,))
        found = row.fetchone()
        return dict(json.loads(found[0])) if found else {}

    def finish_round(self, crawl_id: int, finished_at: str, stats_json: str) -> None:
        """Close a round (once: a second worker finding the crawl done changes nothing)."""
        with self.db.transaction() as db:
            db.execute(
                "UPDATE crawls SET finished_at = ?, stats_json = ? "
                "WHERE id = ? AND finished_at IS NULL",
                (finished_at, stats_json, crawl_id),
            )

    def register_file(self, name: str, crawl_id: int, created_at: str) -> None:
        with self.db.transaction() as db:
            db.execute(
                # A name registered by a run killed before it created the file may come back.
                "INSERT INTO warc_files (name, crawl_id, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET crawl_id = excluded.crawl_id, "
                "created_at = excluded.created_at",
                (name, crawl_id, created_at),
            )

    # --- captures -----------------------------------------------------------------------------
    def target_id(self, url: str) -> int:
        """The ``targets`` id of ``url``, added on first sight (in the caller's transaction).

        On PostgreSQL two workers may add one URL at once: the upsert makes that one row."""
        if self.db.is_pg:
            row = self.db.execute(
                "INSERT INTO targets (url) VALUES (?) ON CONFLICT (url) DO UPDATE "
                "SET url = excluded.url RETURNING id",
                (url,),
            ).fetchone()
            return int(row[0])
        row = self.db.execute("SELECT id FROM targets WHERE url = ?", (url,)).fetchone()
        if row is None:
            row = self.db.execute(
                "INSERT INTO targets (url) VALUES (?) RETURNING id", (url,)
            ).fetchone()
        return int(row[0])

    def file_id(self, name: str, crawl_id: int, created_at: str) -> int:
        """The ``warc_files`` id of ``name`` (segments are registered before their first
        record; one that is not, e.g. found by recovery, is registered here)."""
        row = self.db.execute("SELECT id FROM warc_files WHERE name = ?", (name,)).fetchone()
        if row is None:
            row = self.db.execute(
                "INSERT INTO warc_files (name, crawl_id, created_at) VALUES (?, ?, ?) RETURNING id",
                (name, crawl_id, created_at),
            ).fetchone()
        return int(row[0])

    def insert_capture(
        self,
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
        db = self.db
        digest = resp.payload_digest
        if refers_to is not None and digest is not None:
            base = db.execute(
                "SELECT payload_digest FROM captures WHERE id = ?", (refers_to,)
            ).fetchone()
            if base is not None and base[0] == digest:
                digest = None  # a revisit of its original's payload: read through capture_rows
        row = db.execute(
            _INSERT_CAPTURE,
            (
                crawl_id,
                self.target_id(url),
                resp.date,
                status,
                self.file_id(resp.file, crawl_id, resp.date),
                resp.offset,
                resp.length,
                db.record_key(resp.record_id),
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

    def defer_capture(
        self,
        crawl_id: int,
        resp: WrittenRecord,
        *,
        url: str,
        status: int | None,
        headers: tuple[tuple[str, str], ...],
        request: WrittenRecord | None = None,
    ) -> None:
        """``insert_capture`` of a response as ONE statement, sent with the next ``flush``
        (PostgreSQL workers: a page's rows travel together). The segment's row exists:
        the writer registers a file before its first record."""
        self.db.defer(
            "WITH t AS (INSERT INTO targets (url) VALUES (?) ON CONFLICT (url) DO UPDATE "
            "SET url = excluded.url RETURNING id) "
            "INSERT INTO captures (crawl_id, target_id, fetched_at, status, file_id, "
            "warc_offset, warc_length, record_id, request_offset, request_length, "
            "payload_digest, etag, last_modified, content_type, record_type) "
            "SELECT ?, t.id, ?, ?, f.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
            "FROM t, warc_files f WHERE f.name = ?",
            (
                url, crawl_id, resp.date, status, resp.offset, resp.length,
                self.db.record_key(resp.record_id),
                request.offset if request else None, request.length if request else None,
                resp.payload_digest, header(headers, "etag"), header(headers, "last-modified"),
                header(headers, "content-type"), resp.record_type, resp.file,
            ),
        )  # fmt: skip

    def defer_page(
        self,
        page_url: str,
        post_url: str,
        crawl_id: int,
        warc_file: str | None,
        offset: int | None,
        parsed_at: str,
        parser_version: str,
        record_json: str,
    ) -> None:
        """``upsert_page`` with the capture found by the statement itself (by WARC position,
        else the newest capture of the page), sent with the next ``flush``."""
        self.db.defer(
            _UPSERT_PAGE.replace(
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                "VALUES (?, ?, ?, COALESCE((SELECT c.id FROM captures c JOIN warc_files f "
                "ON f.id = c.file_id WHERE f.name = ? AND c.warc_offset = ?), "
                "(SELECT c.id FROM captures c JOIN targets t ON t.id = c.target_id "
                "WHERE t.url = ? ORDER BY c.crawl_id DESC, c.id DESC LIMIT 1)), ?, ?, ?)",
            ),
            (
                page_url, post_url, crawl_id, warc_file, offset, page_url,
                parsed_at, parser_version, record_json,
            ),
        )  # fmt: skip

    def same_capture(self, url: str, crawl_id: int, digest: str) -> CaptureRow | None:
        """This round's stored response of ``url`` with this payload (a resumed round
        fetching a page again stores nothing new)."""
        if not self.db.is_pg:  # SQLite: a cheap indexed probe first (one call, no trip)
            has = self.db.execute(
                "SELECT 1 FROM captures c JOIN targets t ON t.id = c.target_id "
                "WHERE t.url = ? AND c.crawl_id = ? LIMIT 1",
                (url, crawl_id),
            ).fetchone()
            if has is None:
                return None
        row = self.db.execute(
            f"SELECT {CAPTURE_COLUMNS} FROM capture_rows WHERE url = ? AND crawl_id = ? "
            "AND record_type = 'response' AND payload_digest = ? "
            "AND id NOT IN (SELECT capture_id FROM lost_records) ORDER BY id DESC LIMIT 1",
            (url, crawl_id, digest),
        ).fetchone()
        return row_to_capture(row) if row else None

    def capture(self, capture_id: int) -> CaptureRow | None:
        row = self.db.execute(
            f"SELECT {CAPTURE_COLUMNS} FROM capture_rows WHERE id = ?", (capture_id,)
        ).fetchone()
        return row_to_capture(row) if row else None

    def captures(self, url: str | None = None) -> Iterator[CaptureRow]:
        """Stored responses and revisits (all, or of one URL), oldest first."""
        where, params = ("WHERE url = ?", (url,)) if url is not None else ("", ())
        sql = f"SELECT {CAPTURE_COLUMNS} FROM capture_rows {where} ORDER BY fetched_at, id"
        return (row_to_capture(r) for r in self.db.iter_rows(sql, params))

    def lost_reason(self, capture_id: int) -> str | None:
        row = self.db.execute(
            "SELECT reason FROM lost_records WHERE capture_id = ?", (capture_id,)
        ).fetchone()
        return str(row[0]) if row else None

    def location(self, capture_id: int) -> tuple[str, int] | None:
        """``(warc_file, offset)`` of a capture (a revisit's payload is read from there)."""
        row = self.db.execute(
            "SELECT warc_file, warc_offset FROM capture_rows WHERE id = ?", (capture_id,)
        ).fetchone()
        return (str(row[0]), int(row[1])) if row else None

    # --- parses ---------------------------------------------------------------------------
    def capture_for_page(
        self, page_url: str, warc_file: str | None, offset: int | None, record_id: str | None
    ) -> int | None:
        """The capture a parse was made from: by its WARC position, else its record id,
        else the newest capture of the page's URL."""
        db = self.db
        row = None
        if offset is not None:
            row = db.execute(
                "SELECT c.id FROM captures c JOIN warc_files f ON f.id = c.file_id "
                "WHERE f.name = ? AND c.warc_offset = ?",
                (warc_file, offset),
            ).fetchone()
        elif record_id:  # no offset known: a scan, but rare
            row = db.execute(
                "SELECT id FROM captures WHERE record_id = ?", (db.record_key(record_id),)
            ).fetchone()
        if row is None:
            row = db.execute(
                "SELECT c.id FROM captures c JOIN targets t ON t.id = c.target_id "
                "WHERE t.url = ? ORDER BY c.crawl_id DESC, c.id DESC LIMIT 1",
                (page_url,),
            ).fetchone()
        return int(row[0]) if row else None

    def upsert_page(
        self,
        page_url: str,
        post_url: str,
        crawl_id: int,
        capture_id: int | None,
        parsed_at: str,
        parser_version: str,
        record_json: str,
    ) -> None:
        """One parse per capture and round: a page parsed twice keeps one row."""
        with self.db.transaction() as db:
            db.execute(
                _UPSERT_PAGE,
                (page_url, post_url, crawl_id, capture_id, parsed_at, parser_version, record_json),
            )

    def page_rows(self, post_url: str | None = None) -> Iterator[tuple[str, int, str, str, str]]:
        """``(post_url, crawl_id, page_url, record_json, fetched_at)`` of the newest parse of
        every capture, grouped by post, newest round first (``archive._posts`` merges)."""
        if post_url is None:
            return self.db.iter_rows(_PAGES.format(where=""))
        return self.db.iter_rows(_POST_PAGES, (post_url,))

    # --- the frontier's results and summaries --------------------------------------------
    def failures(self) -> Iterator[tuple[str, str]]:
        sql = "SELECT url, COALESCE(reason, '') FROM urls WHERE state = 'failed' ORDER BY seq"
        return ((str(u), str(r)) for u, r in self.db.iter_rows(sql))

    def stats(self) -> dict[str, Any]:
        db = self.db
        states = {
            str(s): int(n)
            for s, n in db.execute("SELECT state, COUNT(*) FROM urls GROUP BY state").fetchall()
        }
        (captures,) = db.execute("SELECT COUNT(*) FROM captures").fetchone()
        (posts,) = db.execute("SELECT COUNT(DISTINCT post_url) FROM pages").fetchone()
        return {"urls": states, "captures": int(captures), "posts": int(posts)}

    def failed_rounds(self) -> list[tuple[int, str, str]]:
        """``(crawl id, started_at, error)`` of the rounds whose stats record an error."""
        rows = self.db.execute(
            "SELECT id, started_at, stats_json FROM crawls WHERE stats_json LIKE '%\"error\"%'"
            " ORDER BY id"
        ).fetchall()
        out = []
        for crawl_id, started, stats_json in rows:
            error = json.loads(stats_json).get("error")
            if error:
                out.append((int(crawl_id), str(started), str(error)))
        return out

    def post_count(self) -> int:
        (posts,) = self.db.execute("SELECT COUNT(DISTINCT post_url) FROM pages").fetchone()
        return int(posts)

    def index_rows(self) -> Iterator[IndexRow]:
        """Every record still in its file, in CDXJ order (SURT key, time, id).

        The SURT key is computed, not stored (a column and an index per capture for a file
        rebuilt once a round): SQLite calls ``surt`` from its sorter, which keeps memory
        bounded; PostgreSQL cannot call Python, so the rows are keyed and sorted here."""
        if not self.db.is_pg:
            raw = self.db.raw
            raw.create_function("surt", 1, surt, deterministic=True)
            sql = _INDEX.format(key="surt(url) AS key,", order="ORDER BY key, fetched_at, id")
            return self.db.iter_rows(sql)
        keyed = [
            (surt(str(r[1])), int(r[0]), tuple(r[1:]))
            for r in self.db.iter_rows(_INDEX.format(key="id,", order=""))
        ]
        keyed.sort(key=lambda k: (k[0], k[2][1], k[1]))
        return ((key, *rest) for key, _id, rest in keyed)
