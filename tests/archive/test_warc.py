"""WARC writer, reader, crash-tail detection and CDXJ: parsed back with warcio."""

from __future__ import annotations

import gzip
import itertools
import os
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from archive._errors import WarcError
from archive._sink import payload_digest
from archive.warc._cdxj import cdxj_line, surt
from archive.warc._reader import complete_end, decode_body, iter_records, read_capture
from archive.warc._writer import PROFILE_NOT_MODIFIED, WarcWriter
from scraper._records import Capture

BODY = b"<html><body><p>caf\xc3\xa9</p></body></html>"


def _capture(url: str = "http://blog.example/2024/01/02/post/", body: bytes = BODY) -> Capture:
    return Capture(
        url=url,
        status=200,
        fetched_at="2024-01-02T03:04:05.250000+00:00",
        request_headers=(("User-Agent", "blog-archiver/test"), ("Accept", "*/*")),
        response_headers=(
            ("Server", "test"),
            ("Content-Type", "text/html; charset=utf-8"),
            ("Set-Cookie", "a=1"),
            ("Set-Cookie", "b=2"),
            ("Transfer-Encoding", "chunked"),
        ),
        body=body,
        content=body,
        reason="OK",
        ip_address="127.0.0.1",
    )


def _writer(tmp_path: Path, **kw: object) -> WarcWriter:
    ids = (f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>" for n in itertools.count())
    return WarcWriter(
        tmp_path,
        info={"crawl-settings": "{}"},
        clock=lambda: datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        new_id=lambda: next(ids),
        **kw,  # type: ignore[arg-type]
    )


def _records(path: Path) -> list[tuple[dict[str, str], bytes, list[tuple[str, str]]]]:
    out = []
    with path.open("rb") as f:
        for rec in ArchiveIterator(f):
            headers = dict(rec.rec_headers.headers)
            http = list(rec.http_headers.headers) if rec.http_headers else []
            out.append((headers, rec.content_stream().read(), http))
    return out


def test_exchange_records_parse_back_with_warcio(tmp_path: Path) -> None:
    w = _writer(tmp_path)
    resp, req = w.write_exchange(_capture())
    w.close()
    (path,) = tmp_path.glob("*.warc.gz")
    assert path.name == "blog-archiver-20240102030405-00000.warc.gz"
    recs = _records(path)
    assert [h["WARC-Type"] for h, _, _ in recs] == ["warcinfo", "response", "request"]
    info, info_body, _ = recs[0]
    assert b"software: blog-archiver/" in info_body
    assert info["WARC-Filename"] == path.name
    r, body, http = recs[1]
    assert body == BODY
    assert r["WARC-Target-URI"] == "http://blog.example/2024/01/02/post/"  # no <brackets>
    assert r["WARC-Date"] == "2024-01-02T03:04:05.250000Z"
    assert r["WARC-IP-Address"] == "127.0.0.1"
    assert r["WARC-Payload-Digest"] == payload_digest(BODY)
    assert r["WARC-Block-Digest"].startswith("sha1:")
    assert [k for k, _ in http][:4] == ["Server", "Content-Type", "Set-Cookie", "Set-Cookie"]
    assert ("X-Archive-Orig-Transfer-Encoding", "chunked") in http
    q, _, qhttp = recs[2]
    assert q["WARC-Concurrent-To"] == r["WARC-Record-ID"] == resp.record_id
    assert ("User-Agent", "blog-archiver/test") in qhttp
    assert req.offset == resp.offset + resp.length


def test_each_record_is_its_own_gzip_member(tmp_path: Path) -> None:
    w = _writer(tmp_path)
    resp, req = w.write_exchange(_capture())
    w.close()
    data = next(tmp_path.glob("*.warc.gz")).read_bytes()
    member = data[resp.offset : resp.offset + resp.length]
    assert gzip.decompress(member).startswith(b"WARC/1.1\r\nWARC-Record-ID: <urn:uuid:")
    assert len(data) == req.offset + req.length


def test_output_is_deterministic_with_injected_clock_and_ids(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        w = _writer(tmp_path / sub)
        w.write_exchange(_capture())
        w.close()
    a, b = (next((tmp_path / s).glob("*.warc.gz")).read_bytes() for s in ("a", "b"))
    assert gzip.decompress(a).replace(b"hostname", b"") == gzip.decompress(b).replace(
        b"hostname", b""
    )


def test_revisit_fields(tmp_path: Path) -> None:
    w = _writer(tmp_path)
    resp, _ = w.write_exchange(_capture())
    cap304 = Capture(
        url=_capture().url,
        status=304,
        fetched_at="2024-02-01T00:00:00+00:00",
        reason="Not Modified",
    )
    rec = w.write_revisit(
        cap304,
        refers_to_uri=_capture().url,
        refers_to_date="2024-01-02T03:04:05.250000Z",
        refers_to_id=resp.record_id,
        payload_digest=payload_digest(BODY),
        profile=PROFILE_NOT_MODIFIED,
    )
    w.close()
    h, _, _ = _records(next(tmp_path.glob("*.warc.gz")))[-1]
    assert h["WARC-Type"] == "revisit"
    assert h["WARC-Profile"] == PROFILE_NOT_MODIFIED
    assert h["WARC-Refers-To-Target-URI"] == _capture().url
    assert h["WARC-Refers-To-Date"] == "2024-01-02T03:04:05.250000Z"
    assert h["WARC-Refers-To"] == resp.record_id
    assert h["WARC-Payload-Digest"] == payload_digest(BODY)
    assert rec.record_type == "revisit"
    with pytest.raises(WarcError):
        w.write_revisit(
            cap304, refers_to_uri="x", refers_to_date="2024-01-01T00:00:00Z",
            refers_to_id=None, payload_digest="sha1:X", profile="bogus",
        )  # fmt: skip


def test_rotation_starts_new_files_each_with_warcinfo(tmp_path: Path) -> None:
    w = _writer(tmp_path, max_size=3000)
    big = bytes(range(256)) * 20  # incompressible enough to fill a file
    for i in range(4):
        w.write_exchange(_capture(f"http://blog.example/{i}/", big))
    w.close()
    files = sorted(tmp_path.glob("*.warc.gz"))
    assert len(files) >= 2
    assert [f.name[-13:] for f in files][:2] == ["00000.warc.gz", "00001.warc.gz"]
    for f in files:
        assert _records(f)[0][0]["WARC-Type"] == "warcinfo"


def test_complete_end_stops_before_a_truncated_member(tmp_path: Path) -> None:
    w = _writer(tmp_path)
    w.write_exchange(_capture())
    w.close()
    path = next(tmp_path.glob("*.warc.gz"))
    whole = path.stat().st_size
    assert complete_end(path) == whole
    with path.open("ab") as f:
        f.write(gzip.compress(random.Random(1).randbytes(2000))[:300])
    assert complete_end(path) == whole
    assert [r.record_type for r in iter_records(path, 0, whole)] == [
        "warcinfo",
        "response",
        "request",
    ]


def test_read_capture_round_trip(tmp_path: Path) -> None:
    w = _writer(tmp_path)
    gz = gzip.compress(BODY)
    cap = _capture(body=gz)
    cap = Capture(
        url=cap.url,
        status=200,
        fetched_at=cap.fetched_at,
        request_headers=cap.request_headers,
        response_headers=(("Content-Type", "text/html"), ("Content-Encoding", "gzip")),
        body=gz,
        content=BODY,
        reason="OK",
    )
    resp, req = w.write_exchange(cap)
    w.close()
    back = read_capture(tmp_path / resp.file, resp.offset, request_offset=req.offset)
    assert back.body == gz  # as received: Content-Encoding kept
    assert back.content == BODY
    assert back.status == 200
    assert back.reason == "OK"
    assert back.url == cap.url
    assert ("User-Agent", "blog-archiver/test") in back.request_headers
    with pytest.raises(WarcError):
        read_capture(tmp_path / resp.file, req.offset)


def test_decode_body_keeps_bytes_it_cannot_decode() -> None:
    assert decode_body(b"not gzip", "gzip") == b"not gzip"
    assert decode_body(b"x", None) == b"x"


def test_surt_and_cdxj_line() -> None:
    assert surt("https://www.Example.com/A?b=2&a=1#frag") == "com,example)/a?a=1&b=2"
    assert surt("http://127.0.0.1:8080/x/") == "1,0,0,127:8080)/x"
    line = cdxj_line(
        urlkey="com,example)/",
        url="https://example.com/",
        fetched_at="2024-01-02T03:04:05.250000Z",
        record_type="response",
        status=200,
        content_type="text/html; charset=utf-8",
        digest="sha1:AAA",
        length=10,
        offset=20,
        filename="f.warc.gz",
    )
    assert line.startswith("com,example)/ 20240102030405 {")
    assert '"mime": "text/html"' in line
    assert '"offset": "20"' in line


def test_a_failed_write_leaves_a_valid_file_and_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import archive.warc._writer as warc_mod

    w = _writer(tmp_path)
    w.write_exchange(_capture())
    path = next(tmp_path.glob("*.warc.gz"))
    good = path.stat().st_size
    real_write = os.write

    def half_then_full(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[:100]))  # part of the exchange reaches the disk ...
        raise OSError(errno.ENOSPC, "No space left on device")  # ... then the disk is full

    monkeypatch.setattr(warc_mod.os, "write", half_then_full)
    with pytest.raises(WarcError, match="No space left on device") as info:
        w.write_exchange(_capture("http://blog.example/other/"))
    assert isinstance(info.value, OSError)  # callers can still test errno
    assert info.value.errno == errno.ENOSPC
    monkeypatch.setattr(warc_mod.os, "write", real_write)
    assert path.stat().st_size == good  # cut back to the last whole record
    assert complete_end(path) == good
    with pytest.raises(WarcError, match="closed"):
        w.write_exchange(_capture())
