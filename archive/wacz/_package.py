"""WACZ 1.1.1: an archive's WARC files, their index and a page list in one ZIP file.

ReplayWeb.page opens a ``.wacz`` from disk or a URL and reads it by HTTP range requests, so
the layout follows what it (and ``wacz validate``) expects::

    archive/<name>.warc.gz     the WARC files, stored (not deflated: replay seeks into them)
    indexes/index.cdx.gz       the CDXJ index in gzip blocks of 1,024 lines, stored
    indexes/index.idx          the first key of each block and its offset ("ZipNum")
    pages/pages.jsonl          every post: its URL, title and the time of its capture
    datapackage.json           each file above with its sha256 and size
    datapackage-digest.json    the sha256 of datapackage.json

Why not py-wacz (``wacz create``): it has no library API (``create_wacz`` takes an argparse
namespace and prints to stdout), it re-reads and re-indexes every WARC although the catalog
already holds the index, it can only find pages by sniffing HTML (our catalog knows which
URL is a post and its title), and it pulls ``frictionless`` and the AGPL-3.0 ``surt`` into
an MIT project. The format is a ZIP of four kinds of files; the reference validator
(``wacz validate`` from py-wacz) checks what we write, in the tests.

The index lines come from the same code as ``warc/index.cdxj`` (``archive.warc._cdxj``),
keyed as pywb and ReplayWeb.page key their look-ups.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from scraper import __version__

from .._errors import ExportError
from ..catalog import Catalog, Db, wacz_pages, warc_file_names
from ..warc._cdxj import index_lines
from ..warc._writer import warc_date

__all__ = ["WACZ_VERSION", "WaczResult", "write_wacz"]

WACZ_VERSION = "1.1.1"
BLOCK_LINES = 1024  # lines per gzip block of the index, as py-wacz and ArchiveWeb.page write
_CHUNK = 1 << 20
_DATA_NAME = "index.cdx.gz"


# The newest parse of each post page's newest capture; lost captures are left out.
@dataclass(frozen=True, slots=True)
class WaczResult:
    path: Path
    pages: int  # posts listed in pages/pages.jsonl
    warc_files: int
    index_lines: int
    bytes: int


@dataclass(frozen=True, slots=True)
class _Entry:
    path: str
    sha256: str
    size: int


def write_wacz(
    catalog: Catalog,
    warc_dir: Path,
    out: Path,
    *,
    created: datetime,
    title: str | None = None,
) -> WaczResult:
    """Write ``out`` (replaced atomically) from ``catalog`` and ``warc_dir``."""
    conn = catalog.db
    names = [n for n in warc_file_names(conn) if (warc_dir / n).is_file()]
    if not names:
        raise ExportError(f"no WARC files in {warc_dir}: nothing to package")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    entries: list[_Entry] = []
    try:
        with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
            for name in names:
                entries.append(_add_file(zf, warc_dir / name, f"archive/{name}"))
            # A crawl may be appending while we copy: index only what the copies hold.
            copied = {e.path.removeprefix("archive/"): e.size for e in entries}
            lines = (ln for ln in index_lines(catalog.index_rows()) if _within(ln, copied))
            data, idx, n_lines = _add_index(zf, lines, created)
            entries += [data, idx]
            pages, n_pages = _add_pages(zf, conn, created, copied)
            entries.append(pages)
            package = _datapackage(entries, created, title)
            _write(zf, "datapackage.json", package, created, deflate=True)
            digest = {"path": "datapackage.json", "hash": "sha256:" + _sha256(package)}
            _write(zf, "datapackage-digest.json", _json(digest), created, deflate=True)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return WaczResult(out, n_pages, len(names), n_lines, out.stat().st_size)


def _within(line: str, copied: dict[str, int]) -> bool:
    """Whether the record a CDXJ line points to is whole in the copied WARC file."""
    fields = json.loads(line.split(" ", 2)[2])
    size = copied.get(str(fields.get("filename")))
    return size is not None and int(fields["offset"]) + int(fields["length"]) <= size


class _Hashing:
    """Counts and hashes what passes through on its way into the ZIP."""

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink = sink
        self.hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self.hash.update(data)
        self.size += len(data)
        self.sink.write(data)


def _info(path: str, created: datetime, *, deflate: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, created.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def _add_file(zf: zipfile.ZipFile, src: Path, path: str) -> _Entry:
    info = zipfile.ZipInfo.from_file(src, path)
    info.compress_type = zipfile.ZIP_STORED  # replay reads records by offset
    with src.open("rb") as fh:
        return _copy_in(zf, info, fh)


def _copy_in(zf: zipfile.ZipFile, info: zipfile.ZipInfo, fh: IO[bytes]) -> _Entry:
    """Copy ``fh`` (its size in ``info.file_size``) into the ZIP, hashing it on the way.

    The size is known before the entry is opened so that ``zipfile`` adds ZIP64 fields only
    to entries that need them: ReplayWeb.page reads an entry whose local header carries
    them (``force_zip64``) as raw bytes, and its page list then fails to load.
    """
    with zf.open(info, "w") as dst:
        sink = _Hashing(dst)
        shutil.copyfileobj(fh, sink, _CHUNK)
    return _Entry(info.filename, sink.hash.hexdigest(), sink.size)


def _spooled(zf: zipfile.ZipFile, info: zipfile.ZipInfo, spool: IO[bytes]) -> _Entry:
    """Add what was written to the temporary file ``spool``, now that its size is known."""
    info.file_size = spool.tell()
    spool.seek(0)
    return _copy_in(zf, info, spool)


def _add_index(
    zf: zipfile.ZipFile, lines: Iterable[str], created: datetime
) -> tuple[_Entry, _Entry, int]:
    """The CDXJ lines as gzip blocks (``indexes/index.cdx.gz``) and their table of contents.

    A reader bisects the small ``index.idx`` for a key, then fetches and inflates the one
    block that holds it: a range request per look-up, however large the archive.
    """
    idx_lines = [
        "!meta 0 " + json.dumps({"format": "cdxj-gzip-1.0", "filename": _DATA_NAME}) + "\n"
    ]
    count = offset = 0
    with tempfile.TemporaryFile() as spool:
        for block in _blocks(lines, BLOCK_LINES):
            data = _gzip("".join(line + "\n" for line in block).encode("utf-8"))
            key_and_ts = " ".join(block[0].split(" ", 2)[:2])
            meta = {
                "offset": offset,
                "length": len(data),
                "digest": "sha256:" + hashlib.sha256(data).hexdigest(),
            }
            idx_lines.append(f"{key_and_ts} {json.dumps(meta)}\n")
            spool.write(data)
            offset += len(data)
            count += len(block)
        info = _info(f"indexes/{_DATA_NAME}", created, deflate=False)
        data_entry = _spooled(zf, info, spool)
    idx = "".join(idx_lines).encode("utf-8")
    _write(zf, "indexes/index.idx", idx, created, deflate=True)
    return data_entry, _Entry("indexes/index.idx", _sha256(idx), len(idx)), count


def _blocks(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    block: list[str] = []
    for line in lines:
        block.append(line)
        if len(block) == size:
            yield block
            block = []
    if block:
        yield block


def _gzip(data: bytes) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return comp.compress(data) + comp.flush()


def _add_pages(
    zf: zipfile.ZipFile, conn: Db, created: datetime, copied: dict[str, int]
) -> tuple[_Entry, int]:
    """``pages/pages.jsonl``: one line per post, its newest capture, the title it had then."""
    count = 0
    with tempfile.TemporaryFile() as spool:
        header = {"format": "json-pages-1.0", "id": "pages", "title": "Posts"}
        spool.write(_json_line(header))
        last = None
        for post_url, record_json, fetched_at, warc, offset, length in wacz_pages(conn):
            if post_url == last or int(offset) + int(length) > copied.get(str(warc), -1):
                continue
            last = post_url
            title = json.loads(record_json).get("title")
            ts = _iso(str(fetched_at))
            page: dict[str, str] = {
                "id": hashlib.sha1(f"{ts} {post_url}".encode()).hexdigest()[:32],
                "url": str(post_url),
                "ts": ts,
            }
            if title:  # unknown stays unknown: no title rather than an invented one
                page["title"] = str(title)
            spool.write(_json_line(page))
            count += 1
        info = _info("pages/pages.jsonl", created, deflate=True)
        return _spooled(zf, info, spool), count


def _iso(fetched_at: str) -> str:
    """A catalog time as RFC 3339 in UTC to the second, as py-wacz writes page times."""
    return warc_date(datetime.fromisoformat(fetched_at).replace(microsecond=0))


def _datapackage(entries: list[_Entry], created: datetime, title: str | None) -> bytes:
    package: dict[str, object] = {
        "profile": "data-package",
        "wacz_version": WACZ_VERSION,
        "software": f"blog-archiver {__version__}",
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "resources": [
            {
                "name": os.path.basename(e.path).lower(),
                "path": e.path,
                "hash": "sha256:" + e.sha256,
                "bytes": e.size,
            }
            for e in entries
        ],
    }
    if title:
        package["title"] = title
    return _json(package)


def _write(
    zf: zipfile.ZipFile, path: str, data: bytes, created: datetime, *, deflate: bool
) -> None:
    zf.writestr(_info(path, created, deflate=deflate), data)


def _json(value: object) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8")


def _json_line(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8") + b"\n"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
