"""The rows a written WARC record becomes: its target, segment, capture and parse.

The writing half of ``Catalog`` (``archive.catalog._catalog``): the sink and recovery
index records through these methods, each statement in two spellings where PostgreSQL
workers send a page's rows in one round trip (``defer_*``, found by the statement itself)
and where the writer has the ids at hand (``insert_capture``, ``upsert_page``).
"""

from __future__ import annotations

from ..warc._writer import WrittenRecord
from ._db import Db

__all__ = ["CatalogWrites", "header"]

# The columns both capture statements write, in this order; ``_record_values`` gives the
# ten of them from ``warc_offset`` to ``record_type``.
_CAPTURE_COLUMNS = (
    "crawl_id, target_id, fetched_at, status, file_id, warc_offset, warc_length, record_id, "
    "request_offset, request_length, payload_digest, etag, last_modified, content_type, "
    "record_type"
)
_INSERT_CAPTURE = (
    f"INSERT INTO captures ({_CAPTURE_COLUMNS}, refers_to) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)
_DEFER_CAPTURE = (
    "WITH t AS (INSERT INTO targets (url) VALUES (?) ON CONFLICT (url) DO UPDATE "
    "SET url = excluded.url RETURNING id) "
    f"INSERT INTO captures ({_CAPTURE_COLUMNS}) "
    "SELECT ?, t.id, ?, ?, f.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
    "FROM t, warc_files f WHERE f.name = ?"
)
_UPSERT_PAGE = (
    "INSERT INTO pages (page_url, post_url, crawl_id, capture_id, parsed_at, parser_version, "
    "record_json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (capture_id, crawl_id) DO UPDATE "
    "SET page_url = excluded.page_url, post_url = excluded.post_url, "
    "parsed_at = excluded.parsed_at, parser_version = excluded.parser_version, "
    "record_json = excluded.record_json"
)


def header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    lname = name.lower()
    return next((v for k, v in headers if k.lower() == lname), None)


def _record_values(
    db: Db,
    resp: WrittenRecord,
    request: WrittenRecord | None,
    digest: str | None,
    headers: tuple[tuple[str, str], ...],
) -> tuple[object, ...]:
    """The capture columns ``warc_offset`` .. ``record_type`` of ``resp``: the part both
    capture statements share, so the two cannot drift apart."""
    return (
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
    )


class CatalogWrites:
    """The write methods of ``Catalog``, on its connection ``db``."""

    db: Db

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
                *_record_values(db, resp, request, digest, headers),
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
            _DEFER_CAPTURE,
            (
                url,
                crawl_id,
                resp.date,
                status,
                *_record_values(self.db, resp, request, resp.payload_digest, headers),
                resp.file,
            ),
        )

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
