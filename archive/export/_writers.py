"""Streaming row writers, one per format, writing into a temporary file that becomes the
dataset only when every row is in.

Each writer holds at most one Parquet row group in memory, so an export of a million comments
runs in constant memory. ``AtomicFile`` is why a crash never leaves a half dataset under its
final name: rows go to a hidden ``.NAME.partial`` file in the same folder (same filesystem,
so the final ``os.replace`` is atomic), removed again if anything fails.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from .._errors import ExportError
from ._rows import LIST_SEPARATOR, ColumnType

__all__ = [
    "FORMATS",
    "AtomicFile",
    "Format",
    "Opener",
    "RowWriter",
    "open_writer",
    "require_pyarrow",
]

Format = Literal["jsonl", "json", "csv", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "json", "csv", "parquet")
PARTIAL_SUFFIX = ".partial"
#: A Parquet row group is cut at this much JSON text, so long bodies keep memory flat.
GROUP_BYTES = 2 * 1024 * 1024
PARQUET_HINT = "Parquet export needs pyarrow: pip install 'blog-archiver[parquet]'"

#: Opens a file for writing; tests inject one that fails like a full disk.
Opener = Callable[[Path, str], IO[Any]]


def default_opener(path: Path, mode: str) -> IO[Any]:
    if "b" in mode:
        return open(path, mode)
    return open(path, mode, encoding="utf-8", newline="")


class RowWriter(Protocol):
    rows: int

    def write(self, row: dict[str, Any]) -> None: ...

    def close(self) -> None:
        """Finish the format (closing bracket, Parquet footer) and close the file."""
        ...

    def abort(self) -> None:
        """Close without finishing; the partial file is about to be removed."""
        ...


class AtomicFile:
    """A final path and the hidden partial path its rows are written to first."""

    def __init__(self, final: Path) -> None:
        self.final = final
        self.partial = final.with_name(f".{final.name}{PARTIAL_SUFFIX}")

    def commit(self) -> None:
        os.replace(self.partial, self.final)

    def discard(self) -> None:
        try:
            self.partial.unlink()
        except FileNotFoundError:
            pass


def _json_default(value: Any) -> Any:
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


class _TextRows:
    """A text format's file: nothing to finish by default, and aborting only closes it."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh, self.rows = fh, 0

    def close(self) -> None:
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()


class _JsonLines(_TextRows):
    def write(self, row: dict[str, Any]) -> None:
        self.fh.write(json.dumps(row, ensure_ascii=False, default=_json_default))
        self.fh.write("\n")
        self.rows += 1


class _JsonArray(_TextRows):
    """A JSON array written element by element (never built in memory)."""

    def __init__(self, fh: IO[str]) -> None:
        super().__init__(fh)
        fh.write("[")

    def write(self, row: dict[str, Any]) -> None:
        self.fh.write(",\n" if self.rows else "\n")
        self.fh.write(json.dumps(row, ensure_ascii=False, default=_json_default))
        self.rows += 1

    def close(self) -> None:
        self.fh.write("\n]\n" if self.rows else "]\n")
        self.fh.close()


class _Csv(_TextRows):
    def __init__(self, fh: IO[str], columns: Sequence[tuple[str, ColumnType]]) -> None:
        super().__init__(fh)
        self.lists = [name for name, kind in columns if kind == "list"]
        self.writer = csv.DictWriter(fh, fieldnames=[n for n, _ in columns], extrasaction="ignore")
        self.writer.writeheader()

    def write(self, row: dict[str, Any]) -> None:
        flat = dict(row)
        for name in self.lists:
            flat[name] = LIST_SEPARATOR.join(str(v) for v in row.get(name) or ())
        self.writer.writerow(flat)
        self.rows += 1


def require_pyarrow() -> Any:
    """The pyarrow modules, or an ExportError telling how to install the extra."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError(PARQUET_HINT) from exc
    return pa, pq


class _Parquet:
    """Rows buffered as JSON lines and turned into one row group by Arrow's JSON reader when
    the group holds ``group`` rows or ``GROUP_BYTES`` of JSON.

    Not ``pa.table``/``pa.array`` from Python lists: those import pandas when it is installed
    (~50 MB of memory for nothing), and buffering Python objects costs several times the
    JSON bytes. Row groups stay large because the writer keeps every group's footer entry
    in memory until close.
    """

    def __init__(self, path: Path, columns: Sequence[tuple[str, ColumnType]], group: int) -> None:
        pa, pq = require_pyarrow()
        import pyarrow.json as pj

        types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
        fields = [
            pa.field(n, pa.list_(pa.string()) if k == "list" else types[k]) for n, k in columns
        ]
        self.schema = pa.schema(fields)
        self.json = pj
        self.parse_options = pj.ParseOptions(explicit_schema=self.schema)
        self.names = [n for n, _ in columns]
        self.group, self.rows = max(1, group), 0
        self.buffer: list[bytes] = []
        self.buffer_bytes = 0
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")

    def write(self, row: dict[str, Any]) -> None:
        line = json.dumps({n: row.get(n) for n in self.names}, ensure_ascii=False).encode()
        self.buffer.append(line)
        self.buffer_bytes += len(line) + 1
        self.rows += 1
        if len(self.buffer) >= self.group or self.buffer_bytes >= GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if not self.buffer:
            return
        data = b"\n".join(self.buffer)
        self.buffer, self.buffer_bytes = [], 0
        read = self.json.ReadOptions(use_threads=False, block_size=len(data) + 1)
        table = self.json.read_json(
            io.BytesIO(data), read_options=read, parse_options=self.parse_options
        )
        self.writer.write_table(table, row_group_size=table.num_rows)

    def close(self) -> None:
        self._flush()
        self.writer.close()

    def abort(self) -> None:
        try:
            self.writer.close()
        except Exception:
            pass


def open_writer(
    fmt: Format,
    path: Path,
    columns: Sequence[tuple[str, ColumnType]],
    *,
    row_group: int,
    opener: Opener = default_opener,
) -> RowWriter:
    """A writer for one dataset file in ``fmt`` (``columns`` shape CSV and Parquet)."""
    if fmt == "parquet":
        return _Parquet(path, columns, row_group)
    fh = opener(path, "w")
    if fmt == "jsonl":
        return _JsonLines(fh)
    if fmt == "json":
        return _JsonArray(fh)
    if fmt == "csv":
        return _Csv(fh, columns)
    fh.close()
    raise ExportError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
