"""Streaming row writers, one per format, writing into a temporary file that becomes the
dataset only when every row is in.

Each writer holds at most one Parquet row group in memory, so an export of a million comments
runs in constant memory. ``AtomicFile`` is why a crash never leaves a half dataset under its
final name: rows go to a hidden ``.NAME.partial`` file in the same folder (same filesystem,
so the final ``os.replace`` is atomic), removed again if anything fails.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from .errors import ExportError
from .export_rows import LIST_SEPARATOR, ColumnType

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
#: A row group is also cut when its text reaches this size, so long bodies keep memory flat.
GROUP_BYTES = 4 * 1024 * 1024
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


class _JsonLines:
    def __init__(self, fh: IO[str]) -> None:
        self.fh, self.rows = fh, 0

    def write(self, row: dict[str, Any]) -> None:
        self.fh.write(json.dumps(row, ensure_ascii=False, default=_json_default))
        self.fh.write("\n")
        self.rows += 1

    def close(self) -> None:
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()


class _JsonArray:
    """A JSON array written element by element (never built in memory)."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh, self.rows = fh, 0
        fh.write("[")

    def write(self, row: dict[str, Any]) -> None:
        self.fh.write(",\n" if self.rows else "\n")
        self.fh.write(json.dumps(row, ensure_ascii=False, default=_json_default))
        self.rows += 1

    def close(self) -> None:
        self.fh.write("\n]\n" if self.rows else "]\n")
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()


class _Csv:
    def __init__(self, fh: IO[str], columns: Sequence[tuple[str, ColumnType]]) -> None:
        self.fh, self.rows = fh, 0
        self.lists = [name for name, kind in columns if kind == "list"]
        self.writer = csv.DictWriter(fh, fieldnames=[n for n, _ in columns], extrasaction="ignore")
        self.writer.writeheader()

    def write(self, row: dict[str, Any]) -> None:
        flat = dict(row)
        for name in self.lists:
            flat[name] = LIST_SEPARATOR.join(str(v) for v in row.get(name) or ())
        self.writer.writerow(flat)
        self.rows += 1

    def close(self) -> None:
        self.fh.close()

    def abort(self) -> None:
        self.fh.close()


def require_pyarrow() -> Any:
    """The pyarrow modules, or an ExportError telling how to install the extra."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError(PARQUET_HINT) from exc
    return pa, pq


class _Parquet:
    """Rows buffered into row groups (``group`` rows or ``GROUP_BYTES`` of text, whichever comes
    first) and written with an explicit schema."""

    def __init__(self, path: Path, columns: Sequence[tuple[str, ColumnType]], group: int) -> None:
        pa, pq = require_pyarrow()
        types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
        fields = [
            pa.field(n, pa.list_(pa.string()) if k == "list" else types[k]) for n, k in columns
        ]
        self.pa, self.schema = pa, pa.schema(fields)
        self.names = [n for n, _ in columns]
        self.group, self.rows, self.pending_bytes = max(1, group), 0, 0
        self.buffer: dict[str, list[Any]] = {n: [] for n in self.names}
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")

    def write(self, row: dict[str, Any]) -> None:
        for name in self.names:
            value = row.get(name)
            self.buffer[name].append(value)
            if isinstance(value, str):
                self.pending_bytes += len(value)
        self.rows += 1
        if len(self.buffer[self.names[0]]) >= self.group or self.pending_bytes > GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if not self.buffer[self.names[0]]:
            return
        batch = self.pa.table(self.buffer, schema=self.schema)
        self.writer.write_table(batch)
        self.buffer = {n: [] for n in self.names}
        self.pending_bytes = 0

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
