"""CDXJ: the sorted index that replay tools use to find a capture inside the WARC files.

One line per ``response`` or ``revisit`` record, as ``cdxj-indexer`` / pywb write it::

    com,example)/2024/01/02/post 20240102030405 {"url": ..., "mime": "text/html",
        "status": "200", "digest": "sha1:...", "length": "1234", "offset": "567",
        "filename": "blog-archiver-20240102030405-00000.warc.gz"}

The index is derived data: it is rebuilt from the catalog (keys computed as it sorts) into
``warc/index.cdxj`` at the end of each crawl round, sorted by key then timestamp, and
replaced atomically. A crash before that leaves the previous index, which ``Archive``
rebuilds on the next round; the WARC files themselves are always complete.

Keys are the ``surt`` package's (``archive.warc._surt``), the ones pywb and ReplayWeb.page
compute for the URL they look up. Indexes written with the keys of before (our own, which
differed for ``www2.`` hosts, IP hosts, ``%7E``, ``%2F``, session ids, non-ASCII paths and
trailing slashes) are found by ``index_is_stale`` and rebuilt when the archive is next
opened for writing; the catalog and the WARC files never held keys, so nothing else changes.

Loading it: **pywb** — ``wb-manager init COLL``, put (or symlink) the ``*.warc.gz`` files in
``collections/COLL/archive/`` and ``index.cdxj`` in ``collections/COLL/indexes/``
(``wb-manager add COLL warc/*.warc.gz`` re-indexes instead). **replayweb.page** indexes a
WARC itself: open a ``.warc.gz`` directly, or the WACZ that ``blog-archiver wacz DIR``
packs (WARCs, this index in blocks, the list of posts).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ._surt import surt

__all__ = ["cdxj_line", "index_is_stale", "index_lines", "surt", "write_index"]

INDEX_NAME = "index.cdxj"


def cdx_timestamp(warc_date: str) -> str:
    """``2024-01-02T03:04:05.123Z`` -> ``20240102030405`` (14 digits, as CDX wants)."""
    digits = "".join(ch for ch in warc_date if ch.isdigit())
    return digits[:14].ljust(14, "0")


def cdxj_line(
    *,
    urlkey: str,
    url: str,
    fetched_at: str,
    record_type: str,
    status: int | None,
    content_type: str | None,
    digest: str | None,
    length: int,
    offset: int,
    filename: str,
) -> str:
    mime = "warc/revisit" if record_type == "revisit" else (content_type or "unk")
    fields = {
        "url": url,
        "mime": mime.split(";")[0].strip().lower(),
        "status": str(status) if status is not None else "-",
        "digest": digest or "-",
        "length": str(length),
        "offset": str(offset),
        "filename": filename,
    }
    return f"{urlkey} {cdx_timestamp(fetched_at)} {json.dumps(fields, ensure_ascii=False)}"


def index_lines(rows: Iterable[tuple[Any, ...]]) -> Iterator[str]:
    """CDXJ lines of catalog rows already sorted by key then time (``Catalog.index_rows``:
    the SURT key is computed there, not stored; SQLite's BINARY collation orders UTF-8 as
    bytes, which is the order replay tools bisect in, and PostgreSQL's rows are sorted by
    the same keys in Python)."""
    for row in rows:
        yield cdxj_line(
            urlkey=row[0],
            url=row[1],
            fetched_at=row[2],
            record_type=row[3],
            status=row[4],
            content_type=row[5],
            digest=row[6],
            length=row[7],
            offset=row[8],
            filename=row[9],
        )


def write_index(rows: Iterable[tuple[Any, ...]], warc_dir: Path) -> Path:
    """Rewrite ``warc_dir/index.cdxj`` from sorted catalog rows; returns its path. The
    temporary file is this process's own, so two workers finishing a crawl at once each
    replace the index whole."""
    target = warc_dir / INDEX_NAME
    tmp = warc_dir / f"{INDEX_NAME}.{os.getpid()}.tmp"
    warc_dir.mkdir(parents=True, exist_ok=True)
    with tmp.open("w", encoding="utf-8") as out:
        for line in index_lines(rows):
            out.write(line + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    return target


def index_is_stale(warc_dir: Path, samples: int = 64) -> bool:
    """Whether ``warc_dir/index.cdxj`` was keyed otherwise than ``surt`` keys now.

    Indexes written before the keys followed the ``surt`` package (``127.0.0.1:8080)/x/``
    where replay looks for ``1,0,0,127:8080)/x``) would make pywb miss nearly every
    capture. The key of a line is a function of its ``url`` field, so re-keying up to
    ``samples`` lines spread over the file tells, in a few reads however long the index is.
    A missing index is not stale: the next round writes one.
    """
    path = warc_dir / INDEX_NAME
    if not path.exists():
        return False
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            for i in range(samples):
                fh.seek(size * i // samples)
                if i:
                    fh.readline()  # the rest of the line the seek landed in
                line = fh.readline()
                if not line:
                    continue
                key, _, rest = line.decode("utf-8").partition(" ")
                url = json.loads(rest.partition(" ")[2]).get("url")
                if not isinstance(url, str) or surt(url) != key:
                    return True
    except (OSError, UnicodeDecodeError, ValueError):
        return True
    return False
