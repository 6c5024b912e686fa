"""What a reader asks of an archive: posts, their versions, captures, failures, counts.

The reading half of ``Archive`` (``archive._store``), kept apart from opening, locking and
writing: it reads through a second catalog connection (``_reader``) and re-reads stored
exchanges from the WARC files, and never writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scraper._records import Capture, Post

from ._errors import ArchiveError
from ._folder import CATALOG_NAME
from ._posts import iter_posts, post_versions
from .catalog import CaptureRow, Catalog, connect_pg, connect_sqlite
from .warc._reader import read_capture

__all__ = ["ArchiveReading"]


class ArchiveReading:
    """The read methods of ``Archive``, on the attributes ``Archive.__init__`` sets."""

    path: Path
    warc_dir: Path
    readonly: bool
    _catalog: Catalog
    _dsn: str | None
    _reader_catalog: Catalog | None

    def _reader(self) -> Catalog:
        """A second connection for streamed reads, so a long iteration never holds up (or
        is disturbed by) the writer's transactions on the main one."""
        if self.readonly:
            return self._catalog
        if self._reader_catalog is None:
            if self._dsn is not None:
                db = connect_pg(self._dsn, readonly=True)
            else:
                db = connect_sqlite(self.path / CATALOG_NAME, readonly=True)
            self._reader_catalog = Catalog(db)
        return self._reader_catalog

    def failed_rounds(self) -> list[tuple[int, str, str]]:
        """``(crawl id, started_at, why)`` of the rounds recorded as failed (nothing answered),
        so ``history`` shows the attempts a scheduled job made while the site was down."""
        return self._reader().failed_rounds()

    def posts(
        self, *, site: str | None = None, since: str | None = None, until: str | None = None
    ) -> Iterator[Post]:
        """The latest version of each post, comment pages merged, streamed in URL order.

        ``site`` matches the post's host (``blog.example``) or a URL prefix; ``since`` /
        ``until`` compare with ``published`` (ISO dates, inclusive; undated posts drop out).
        """
        return iter_posts(self._reader().page_rows(), site=site, since=since, until=until)

    def post_versions(self, url: str) -> list[tuple[int, str, Post]]:
        """``(crawl_id, captured_at, merged Post)`` per round that captured ``url``, oldest 1st."""
        return post_versions(self._reader().page_rows(url), url)

    def captures(self, url: str | None = None) -> Iterator[CaptureRow]:
        """Catalog rows of stored responses and revisits (all, or of one URL), oldest first."""
        return self._reader().captures(url)

    def read_capture(self, row: CaptureRow) -> Capture:
        """Re-read a stored exchange from its WARC (a revisit gets its original's body).

        A record lost from its file (``archive._recovery``) raises ``ArchiveError`` saying so.
        """
        lost = self._catalog.lost_reason(row.id)
        if lost is not None:
            raise ArchiveError(f"capture {row.id} of {row.url} is lost: {lost}")
        payload_from = None
        if row.record_type == "revisit" and row.refers_to is not None:
            base = self._catalog.location(row.refers_to)
            if base is not None:
                payload_from = (self.warc_dir / base[0], base[1])
        files = [self.warc_dir / row.warc_file] + ([payload_from[0]] if payload_from else [])
        for path in files:
            if not path.exists():  # recovery marks its records at the next writable open
                raise ArchiveError(
                    f"capture {row.id} of {row.url} is lost: warc/{path.name} is missing"
                )
        return read_capture(
            self.warc_dir / row.warc_file,
            row.offset,
            request_offset=row.request_offset,
            payload_from=payload_from,
        )

    def failures(self) -> Iterator[tuple[str, str]]:
        """``(url, reason)`` of every URL that failed."""
        return self._reader().failures()

    def post_count(self) -> int:
        """Posts in the archive (an export's progress total)."""
        return self._reader().post_count()

    def stats(self) -> dict[str, Any]:
        """Counts for summaries: URLs per state, captures, posts, WARC bytes."""
        warc_bytes = sum(p.stat().st_size for p in self.warc_dir.glob("*.warc.gz"))
        return {**self._catalog.stats(), "warc_bytes": warc_bytes}
