"""Write captures as WARC/1.1 files that replay tools (pywb, replayweb.page) read as is.

Records are built and serialised by warcio (digests included), then each record is
compressed here into its own gzip member and the members of one exchange (response, then
its request, the order warcio uses) are appended to the file with a single ``write``. That
makes the file append-only with record boundaries a reader can always find again: a crash
can at worst leave one incomplete member at the end, which ``archive._recovery`` cuts off
before anything else is written. We compress ourselves (level 6 by default) because
warcio's gzip wrapper always uses level 9, which costs a third of a crawl's CPU for 2%
smaller files.

The writer is synchronous: the crawler calls it from its single writer thread, so the
event loop never waits on compression or disk, and ``zlib``/``hashlib`` release the GIL.
Clock and record ids are injected so tests can compare output byte for byte.
"""

from __future__ import annotations

import io
import os
import re
import socket
import uuid
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper import __version__
from scraper._records import Capture

from .._errors import WarcError

__all__ = [
    "PROFILE_IDENTICAL",
    "PROFILE_NOT_MODIFIED",
    "WarcWriteError",
    "WarcWriter",
    "WrittenRecord",
    "new_record_id",
    "utcnow",
    "warc_date",
]

PROFILE_IDENTICAL = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
PROFILE_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
DEFAULT_MAX_SIZE = 1_000_000_000  # rotate at 1 GB, the usual archive convention
FILE_PATTERN = re.compile(r"^(?P<prefix>.+)-(?P<ts>\d{14})-(?P<serial>\d{5,})\.warc\.gz$")
# httpx hands us de-chunked bodies; a record that says "chunked" over a plain body breaks
# replay, so the header is kept under a name replay tools recognise as the original's.
_RENAMED_HEADERS = {"transfer-encoding": "X-Archive-Orig-Transfer-Encoding"}


class WarcWriteError(WarcError, OSError):
    """The OS refused a WARC write (disk full, I/O error). Both an ``ArchiveError`` and an
    ``OSError`` with the original ``errno``, so callers can test for ``ENOSPC``."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def warc_date(value: str | datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, microseconds when known (WARC/1.1 allows them)."""
    dt = datetime.fromisoformat(value) if isinstance(value, str) else value
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    dt = dt.astimezone(UTC)
    fmt = "%Y-%m-%dT%H:%M:%S.%fZ" if dt.microsecond else "%Y-%m-%dT%H:%M:%SZ"
    return dt.strftime(fmt)


@dataclass(frozen=True, slots=True)
class WrittenRecord:
    """Where one record landed: ``offset``/``length`` are of its gzip member in ``file``."""

    file: str
    record_id: str
    record_type: str
    offset: int
    length: int
    payload_digest: str | None
    date: str


class WarcWriter:
    """Append gzip-per-record WARC/1.1 files to ``directory``, rotating at ``max_size``.

    Each file starts with a ``warcinfo`` record carrying ``info`` (crawl settings);
    ``on_new_file`` is told each new file name before any record goes in, so a catalog
    can register the segment first.
    """

    def __init__(
        self,
        directory: Path,
        *,
        info: Mapping[str, str],
        max_size: int = DEFAULT_MAX_SIZE,
        clock: Callable[[], datetime] = utcnow,
        new_id: Callable[[], str] = new_record_id,
        compress_level: int = 6,
        fsync: bool = False,
        prefix: str = "blog-archiver",
        on_new_file: Callable[[str], None] | None = None,
    ) -> None:
        self.directory = directory
        self.info = dict(info)
        self.max_size = max_size
        self._clock = clock
        self._new_id = new_id
        self._level = compress_level
        self._fsync = fsync
        self._prefix = prefix
        self._on_new_file = on_new_file
        self._fd: int | None = None
        self._name: str | None = None
        self._size = 0
        self._builder = WARCWriter(io.BytesIO(), gzip=False, warc_version="1.1")
        self._closed = False

    # --- files ---------------------------------------------------------------------------
    @property
    def current_file(self) -> str | None:
        return self._name

    def _next_name(self) -> str:
        serials = [
            int(m["serial"])
            for p in self.directory.glob("*.warc.gz")
            if (m := FILE_PATTERN.match(p.name))
        ]
        serial = max(serials, default=-1) + 1
        return f"{self._prefix}-{self._clock():%Y%m%d%H%M%S}-{serial:05d}.warc.gz"

    def _open_new(self) -> None:
        self._close_file()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._fail(exc)
        name = self._next_name()
        if self._on_new_file:
            self._on_new_file(name)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        try:
            self._fd = os.open(self.directory / name, flags, 0o644)
        except OSError as exc:
            self._fail(exc)
        self._name, self._size = name, 0
        self._append([self._warcinfo(name)])

    def _fail(self, exc: OSError) -> NoReturn:
        """A write failed (disk full, I/O error): cut the file back to its last whole record,
        refuse further writes, and say why. The file stays a valid WARC."""
        name = self._name
        if self._fd is not None:
            try:
                os.ftruncate(self._fd, self._size)
                os.close(self._fd)
            except OSError:
                pass  # recovery on the next open cuts any torn tail instead
            self._fd = None
        self._closed = True
        raise WarcWriteError(
            exc.errno or 0, f"cannot write WARC {name}: {exc.strerror or exc}"
        ) from exc

    def _close_file(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None

    def close(self) -> None:
        """Flush to disk and close; later writes are refused."""
        self._close_file()
        self._name = None
        self._closed = True

    # --- records -------------------------------------------------------------------------
    def _serialise(self, record: object) -> bytes:
        buf = io.BytesIO()
        self._builder._write_warc_record(buf, record)
        comp = zlib.compressobj(self._level, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        return comp.compress(buf.getvalue()) + comp.flush()

    def _append(self, records: list[object]) -> list[WrittenRecord]:
        """Compress ``records`` and append them with one write (the unit a crash can cut)."""
        members = [self._serialise(r) for r in records]
        assert self._fd is not None
        assert self._name is not None
        data = b"".join(members)
        try:
            view = memoryview(data)
            while view:  # a regular file takes it all at once; loop only for safety
                n = os.write(self._fd, view)
                view = view[n:]
            if self._fsync:
                os.fsync(self._fd)
        except OSError as exc:
            self._fail(exc)
        out, offset = [], self._size
        for rec, member in zip(records, members, strict=True):
            h = rec.rec_headers  # type: ignore[attr-defined]
            out.append(
                WrittenRecord(
                    file=self._name,
                    record_id=h.get_header("WARC-Record-ID"),
                    record_type=h.get_header("WARC-Type"),
                    offset=offset,
                    length=len(member),
                    payload_digest=h.get_header("WARC-Payload-Digest"),
                    date=h.get_header("WARC-Date"),
                )
            )
            offset += len(member)
        self._size = offset
        return out

    def _ensure_room(self, needed: int) -> None:
        if self._closed:
            raise WarcError("the WARC writer is closed")
        if self._fd is None or (self._size > 0 and self._size + needed > self.max_size):
            self._open_new()

    def _warcinfo(self, name: str) -> object:
        fields = {
            "software": f"blog-archiver/{__version__} (warcio)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "hostname": socket.gethostname(),
            **self.info,
        }
        payload = "".join(f"{k}: {v}\r\n" for k, v in fields.items() if v).encode()
        headers = {
            "WARC-Record-ID": self._new_id(),
            "WARC-Date": warc_date(self._clock()),
            "WARC-Filename": name,
        }
        return self._builder.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(payload),
            length=len(payload),
            warc_content_type="application/warc-fields",
            warc_headers_dict=headers,
        )

    def write_exchange(self, capture: Capture) -> tuple[WrittenRecord, WrittenRecord]:
        """Append the response and request of one capture; returns (response, request)."""
        date = warc_date(capture.fetched_at)
        resp_id, req_id = self._new_id(), self._new_id()
        resp_headers = {"WARC-Record-ID": resp_id, "WARC-Date": date}
        if capture.ip_address:
            resp_headers["WARC-IP-Address"] = capture.ip_address
        resp = self._builder.create_warc_record(
            capture.url,
            "response",
            payload=io.BytesIO(capture.body),
            length=len(capture.body),
            warc_headers_dict=resp_headers,
            http_headers=_response_headers(capture),
        )
        req = self._builder.create_warc_record(
            capture.url,
            "request",
            payload=io.BytesIO(b""),
            length=0,
            warc_headers_dict={
                "WARC-Record-ID": req_id,
                "WARC-Date": date,
                "WARC-Concurrent-To": resp_id,
            },
            http_headers=_request_headers(capture),
        )
        self._ensure_room(len(capture.body) // 3 + 4096)
        written = self._append([resp, req])
        return written[0], written[1]

    def write_revisit(
        self,
        capture: Capture,
        *,
        refers_to_uri: str,
        refers_to_date: str,
        refers_to_id: str | None,
        payload_digest: str,
        profile: str = PROFILE_IDENTICAL,
    ) -> WrittenRecord:
        """Append a ``revisit``: the response headers only, pointing at the stored payload.

        ``WARC-Refers-To-Target-URI`` and ``-Date`` are what pywb and wabac.js resolve a
        revisit by; without them replay fails.
        """
        if profile not in (PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED):
            raise WarcError(f"unknown revisit profile {profile!r}")
        headers = {"WARC-Record-ID": self._new_id(), "WARC-Date": warc_date(capture.fetched_at)}
        if capture.ip_address:
            headers["WARC-IP-Address"] = capture.ip_address
        if refers_to_id:
            headers["WARC-Refers-To"] = refers_to_id
        rec = self._builder.create_revisit_record(
            capture.url,
            payload_digest,
            refers_to_uri if refers_to_uri else capture.url,
            warc_date(refers_to_date),
            http_headers=_response_headers(capture),
            warc_headers_dict=headers,
        )
        rec.rec_headers.replace_header("WARC-Profile", profile)
        self._ensure_room(4096)
        return self._append([rec])[0]


def _response_headers(capture: Capture) -> StatusAndHeaders:
    headers = [(_RENAMED_HEADERS.get(k.lower(), k), v) for k, v in capture.response_headers]
    reason = capture.reason or ""
    return StatusAndHeaders(
        f"{capture.status} {reason}".rstrip(), headers, protocol=capture.http_version
    )


def _request_headers(capture: Capture) -> StatusAndHeaders:
    from urllib.parse import urlsplit

    parts = urlsplit(capture.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = list(capture.request_headers)
    if not any(k.lower() == "host" for k, _ in headers):
        headers.insert(0, ("Host", parts.netloc))
    return StatusAndHeaders(
        f"{capture.method} {target} {capture.http_version}", headers, is_http_request=True
    )
