"""``Catalog``: every question the archive asks of its catalog, on either backend.

The sink, the ``Archive`` and its readers call these methods instead of writing SQL, so the
statements live here, beside the schema they depend on, and one ``Db`` runs them on SQLite
or PostgreSQL. Methods that say "in the caller's transaction" are parts of a larger unit
(``with catalog.db.transaction():``); the others commit on their own. The rows a written
record becomes (target, segment, capture, parse) are ``CatalogWrites``'s (``_writes``).
"""

from __future__ import annotations

import contextlib
import json
import zlib
from collections.abc import Iterator
from typing import Any

from ..warc._surt import surt
from ._db import Db
from ._recapture_queries import stored_in_round
from ._schema import CAPTURE_COLUMNS, CaptureRow, row_to_capture
from ._writes import CatalogWrites

__all__ = ["Catalog", "IndexRow"]

#: url key, url, fetched_at, record_type, status, content_type, digest, length, offset, file
IndexRow = tuple[str, str, str, str, int | None, str | None, str | None, int, int, str]

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


class Catalog(CatalogWrites):
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
        return stored_in_round(self.db, url, crawl_id, digest, responses_only=True)

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
