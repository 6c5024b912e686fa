"""CDXJ: the sorted index that replay tools use to find a capture inside the WARC files.

One line per ``response`` or ``revisit`` record, as ``cdxj-indexer`` / pywb write it::

    com,example)/2024/01/02/post/ 20240102030405 {"url": ..., "mime": "text/html",
        "status": "200", "digest": "sha1:...", "length": "1234", "offset": "567",
        "filename": "blog-archiver-20240102030405-00000.warc.gz"}

The index is derived data: it is rebuilt from the catalog (keys computed as it sorts) into
``warc/index.cdxj`` at the end of each crawl round, sorted by key then timestamp, and
replaced atomically. A crash before that leaves the previous index, which ``Archive``
rebuilds on the next round; the WARC files themselves are always complete.

Loading it: **pywb** — ``wb-manager init COLL``, put (or symlink) the ``*.warc.gz`` files in
``collections/COLL/archive/`` and ``index.cdxj`` in ``collections/COLL/indexes/``
(``wb-manager add COLL warc/*.warc.gz`` re-indexes instead). **replayweb.page** indexes a
WARC itself: open a ``.warc.gz`` directly, or pack files + index into a WACZ with
``wacz create -o blog.wacz warc/*.warc.gz``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

__all__ = ["cdxj_line", "surt", "write_index"]

INDEX_NAME = "index.cdxj"


def surt(url: str) -> str:
    """Sort-friendly URL key: ``https://www.Example.com/a?b=2&a=1`` -> ``com,example)/a?a=1&b=2``.

    Follows the ``surt`` package's defaults: scheme and ``www.`` dropped, host reversed
    and lowercased, default ports dropped, query arguments sorted, fragment removed.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    labels = host.split(".")
    key = host if _is_ip(host) else ",".join(reversed(labels))
    port = parts.port
    if port and not (
        (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    ):
        key += f":{port}"
    path = (parts.path or "/").lower()
    query = ""
    if parts.query:
        pairs = sorted(parse_qsl(parts.query, keep_blank_values=True))
        query = "?" + urlencode(pairs).lower()
    return f"{key}){path}{query}"


def _is_ip(host: str) -> bool:
    return host.replace(".", "").isdigit() or ":" in host


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


def write_index(rows: Iterable[tuple[Any, ...]], warc_dir: Path) -> Path:
    """Rewrite ``warc_dir/index.cdxj`` from catalog rows already in CDXJ order
    (``Catalog.index_rows``); returns its path. The temporary file is this process's own, so
    two workers finishing a crawl at once each replace the index whole."""
    target = warc_dir / INDEX_NAME
    tmp = warc_dir / f"{INDEX_NAME}.{os.getpid()}.tmp"
    warc_dir.mkdir(parents=True, exist_ok=True)
    with tmp.open("w", encoding="utf-8") as out:
        for row in rows:
            line = cdxj_line(
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
            out.write(line + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    return target
