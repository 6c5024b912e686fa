"""Read records back from our WARC files, and find where a crash cut a file short.

Reading is by (file, offset) from the catalog, so a reparse touches only the records it
needs. ``complete_end`` walks gzip members from a known-good offset and stops at the first
incomplete one: that is the whole of crash detection, because the writer appends each
record as one complete gzip member.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from scraper._records import Capture

from .._errors import WarcError

__all__ = ["IndexedRecord", "complete_end", "decode_body", "iter_records", "read_capture"]

_RENAMED = {"x-archive-orig-transfer-encoding": "Transfer-Encoding"}


@dataclass(frozen=True, slots=True)
class IndexedRecord:
    """One record found by scanning a file: enough to rebuild its catalog row."""

    offset: int
    length: int
    record_type: str
    record_id: str
    url: str | None
    date: str
    payload_digest: str | None
    concurrent_to: str | None
    status: int | None
    headers: tuple[tuple[str, str], ...]
    refers_to_id: str | None


def complete_end(path: Path, start: int = 0) -> int:
    """Offset just past the last complete gzip member at or after ``start``."""
    good = pos = start
    with path.open("rb") as f:
        f.seek(start)
        d = zlib.decompressobj(zlib.MAX_WBITS + 16)
        while chunk := f.read(1 << 20):
            data = chunk
            while data:
                try:
                    d.decompress(data)
                except zlib.error:
                    return good
                if d.eof:
                    used = len(data) - len(d.unused_data)
                    pos += used
                    good = pos
                    data = d.unused_data
                    d = zlib.decompressobj(zlib.MAX_WBITS + 16)
                else:
                    pos += len(data)
                    data = b""
    return good


def iter_records(path: Path, start: int = 0, end: int | None = None) -> Iterator[IndexedRecord]:
    """Every record in ``path`` from ``start`` (a member boundary) up to ``end``."""
    with path.open("rb") as f:
        f.seek(start)
        size = (end if end is not None else path.stat().st_size) - start
        it = ArchiveIterator(LimitReader(f, size), no_record_parse=False)
        for rec in it:
            offset = start + it.get_record_offset()
            if end is not None and offset >= end:
                return
            h = rec.rec_headers
            http = rec.http_headers
            status = None
            if http is not None and rec.rec_type in ("response", "revisit"):
                code = http.get_statuscode()
                status = int(code) if code and code.isdigit() else None
            rec.raw_stream.read()  # the iterator needs the body consumed to find the length
            yield IndexedRecord(
                offset=offset,
                length=it.get_record_length() or 0,
                record_type=rec.rec_type,
                record_id=h.get_header("WARC-Record-ID") or "",
                url=h.get_header("WARC-Target-URI"),
                date=h.get_header("WARC-Date") or "",
                payload_digest=h.get_header("WARC-Payload-Digest"),
                concurrent_to=h.get_header("WARC-Concurrent-To"),
                status=status,
                headers=tuple(http.headers) if http is not None else (),
                refers_to_id=h.get_header("WARC-Refers-To"),
            )


def _read_one(path: Path, offset: int) -> tuple[Any, bytes]:
    try:
        f = path.open("rb")
    except OSError as exc:
        raise WarcError(f"cannot open {path}: {exc}") from exc
    with f:
        f.seek(offset)
        for rec in ArchiveIterator(f):
            return rec, rec.raw_stream.read()
    raise WarcError(f"no record at {path.name}:{offset}")


def read_capture(
    path: Path,
    offset: int,
    *,
    request_offset: int | None = None,
    payload_from: tuple[Path, int] | None = None,
) -> Capture:
    """The ``Capture`` stored at ``offset``; for a revisit, ``payload_from`` gives the body."""
    rec, body = _read_one(path, offset)
    h, http = rec.rec_headers, rec.http_headers
    if rec.rec_type not in ("response", "revisit") or http is None:
        raise WarcError(f"{path.name}:{offset} is a {rec.rec_type} record, not a response")
    if payload_from is not None:
        _, body = _read_one(*payload_from)
    headers = tuple((_RENAMED.get(k.lower(), k), v) for k, v in http.headers)
    req_headers: tuple[tuple[str, str], ...] = ()
    method = "GET"
    if request_offset is not None:
        req, _ = _read_one(path, request_offset)
        if req.http_headers is not None:
            req_headers = tuple(req.http_headers.headers)
            method = (req.http_headers.protocol or "GET").split(" ")[0] or "GET"
    code = http.get_statuscode()
    statusline = http.statusline or ""
    reason = statusline.split(" ", 1)[1] if " " in statusline else ""
    encoding = next((v for k, v in headers if k.lower() == "content-encoding"), None)
    return Capture(
        url=h.get_header("WARC-Target-URI") or "",
        status=int(code) if code and code.isdigit() else 0,
        fetched_at=h.get_header("WARC-Date") or "",
        request_headers=req_headers,
        response_headers=headers,
        body=body,
        content=decode_body(body, encoding),
        http_version=http.protocol or "HTTP/1.1",
        reason=reason,
        method=method,
        ip_address=h.get_header("WARC-IP-Address"),
    )


def decode_body(body: bytes, encoding: str | None) -> bytes:
    """Undo ``Content-Encoding`` (gzip, deflate, br when brotli is installed); else as is."""
    codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
    data = body
    try:
        for coding in reversed(codings):
            if coding in ("gzip", "x-gzip"):
                data = zlib.decompress(data, zlib.MAX_WBITS | 32)
            elif coding == "deflate":
                try:
                    data = zlib.decompress(data)
                except zlib.error:
                    data = zlib.decompress(data, -zlib.MAX_WBITS)
            elif coding == "br":
                import brotli

                data = brotli.decompress(data)
            elif coding != "identity":
                return body
    except Exception:  # a broken or unknown encoding: keep the bytes as stored
        return body
    return data
