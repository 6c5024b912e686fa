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
import threading
from collections.abc import Callable

from scraper import __version__
from scraper._records import Capture, Post, WarcRef

from .catalog import CaptureRow, Catalog
from .catalog._pg_round_rows import defer_revisit
from .warc._writer import PROFILE_IDENTICAL, WarcWriter, WrittenRecord

__all__ = ["ArchiveSink", "payload_digest"]


def payload_digest(body: bytes) -> str:
    """``sha1:BASE32`` as warcio writes ``WARC-Payload-Digest``."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


class ArchiveSink:
    """Stores captures and parses for one crawl round (``crawl_id``)."""

    def __init__(
        self,
        catalog: Catalog,
        writer: WarcWriter,
        crawl_id: int,
        clock: Callable[[], str],
    ) -> None:
        self._catalog = catalog
        self._writer = writer
        self.crawl_id = crawl_id
        self._now = clock
        self.lock = threading.Lock()
        self.bytes_written = 0
        #: Set by a crawl on a shared catalog whose frontier sends the rows (``flush``) when
        #: the job finishes: a page costs one round trip. Never for other callers, whose
        #: rows would wait for a flush nobody sends.
        self.defer = False
        #: Whether no worker can have stored ``url`` yet (its first claim): no duplicate check.
        self.is_fresh: Callable[[str], bool] = lambda url: False

    @property
    def catalog(self) -> Catalog:
        """The catalog this sink writes with (its writer thread's connection)."""
        return self._catalog

    def write_capture(self, capture: Capture) -> WarcRef:
        """Store one request/response pair durably (WARC + catalog) before returning."""
        with self.lock:
            if not (self.defer and self.is_fresh(capture.url)):
                if self.defer:
                    self._catalog.db.flush()  # this worker's own earlier rows count too
                same = self._catalog.same_capture(
                    capture.url, self.crawl_id, payload_digest(capture.body)
                )
                if same is not None:
                    return WarcRef(same.warc_file, same.record_id, same.offset, same.length)
            resp, req = self._writer.write_exchange(capture)
            if self.defer:  # the record is on disk (synced): its row may follow
                self._catalog.defer_capture(
                    self.crawl_id, resp, url=capture.url, status=capture.status,
                    headers=capture.response_headers, request=req,
                )  # fmt: skip
                self.bytes_written += resp.length + req.length
                return WarcRef(resp.file, resp.record_id, resp.offset, resp.length)
            with self._catalog.db.transaction():
                self._catalog.insert_capture(
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
            rec = self._revisit_record(capture, refers_to, profile)
            base = refers_to.refers_to or refers_to.id  # always point at the real payload
            with self._catalog.db.transaction():
                cid = self._catalog.insert_capture(
                    self.crawl_id,
                    rec,
                    url=capture.url,
                    status=capture.status,
                    headers=capture.response_headers,
                    refers_to=base,
                )
                row = self._catalog.capture(cid)
            assert row is not None
            self.bytes_written += rec.length
            return row

    def _revisit_record(
        self, capture: Capture, refers_to: CaptureRow, profile: str
    ) -> WrittenRecord:
        return self._writer.write_revisit(
            capture,
            refers_to_uri=refers_to.url,
            refers_to_date=refers_to.fetched_at,
            refers_to_id=refers_to.record_id,
            payload_digest=refers_to.payload_digest or payload_digest(capture.body),
            profile=profile,
        )

    def write_revisit_ref(
        self, capture: Capture, refers_to: CaptureRow, profile: str = PROFILE_IDENTICAL
    ) -> WarcRef:
        """``write_revisit`` for a caller that needs only where the record is: with
        ``defer`` (a re-capture round on a shared catalog) its row goes with the job's
        final state, in the same round trip."""
        if not self.defer:
            row = self.write_revisit(capture, refers_to, profile)
            return WarcRef(row.warc_file, row.record_id, row.offset, row.length)
        with self.lock:
            rec = self._revisit_record(capture, refers_to, profile)
            defer_revisit(
                self._catalog.db, self.crawl_id, rec, url=capture.url, status=capture.status,
                headers=capture.response_headers, refers_to=refers_to.refers_to or refers_to.id,
            )  # fmt: skip
            self.bytes_written += rec.length
            return WarcRef(rec.file, rec.record_id, rec.offset, rec.length)

    def write_post(self, page_url: str, post_url: str, post: Post) -> None:
        """Keep the parse of one page of a post; pages of one post are merged on read."""
        ref = post.source.warc if post.source else None
        record = json.dumps(post.to_dict(), ensure_ascii=False, separators=(",", ":"))
        version = f"{__version__}/{post.extractor.name}-{post.extractor.version}"
        if self.defer and ref is not None and ref.offset is not None:
            with self.lock:
                self._catalog.defer_page(
                    page_url, post_url, self.crawl_id, ref.file, ref.offset, self._now(),
                    version, record,
                )  # fmt: skip
            return
        with self.lock:
            capture_id = self._catalog.capture_for_page(
                page_url,
                ref.file if ref else None,
                ref.offset if ref else None,
                ref.record_id if ref else None,
            )
            self._catalog.upsert_page(
                page_url, post_url, self.crawl_id, capture_id, self._now(), version, record
            )
