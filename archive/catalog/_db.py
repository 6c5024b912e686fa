"""One connection type for both catalog backends, SQLite and PostgreSQL.

The catalog's SQL is written once, in SQLite's spelling (``?`` parameters), and kept to what
both engines read the same way: ``INSERT ... ON CONFLICT``, ``RETURNING``, ``COALESCE``, plain
types, ISO 8601 text timestamps. ``Db`` runs it on either engine; for PostgreSQL it rewrites
the placeholders (once per statement text, cached) and maps driver errors onto
``ArchiveError``. Statements outside ``transaction()`` commit on their own on both engines
(SQLite ``isolation_level=None``, psycopg ``autocommit``), so callers see one behaviour.

What differs between the engines is not hidden behind this: the schema (``_schema`` /
``_pg_schema``), how a record id is stored (``record_key``), and the multi-worker
frontier (``_pg_frontier``) are each written per engine.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol

from .._errors import ArchiveError

if TYPE_CHECKING:
    import psycopg

__all__ = ["Cursor", "Db", "Dialect", "transaction"]

Dialect = Literal["sqlite", "postgresql"]

_UUID_ID = re.compile(r"<urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})>")


class Cursor(Protocol):
    """What callers use of a DB-API cursor (sqlite3's and psycopg's both fit)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ...) -> list[Any]: ...

    def close(self) -> None: ...

    def __iter__(self) -> Iterator[Any]: ...


def _pg_sql(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s`` (a literal ``%`` doubled first). The catalog's
    SQL has no ``?`` inside string literals, which is what makes this rewrite safe."""
    return sql.replace("%", "%%").replace("?", "%s")


class Db:
    """A catalog connection: ``execute`` / ``executemany`` / ``transaction`` on either engine."""

    def __init__(
        self,
        raw: sqlite3.Connection | psycopg.Connection[Any],
        dialect: Dialect,
        *,
        readonly: bool,
        where: str,
    ) -> None:
        self.raw: Any = raw  # sqlite3.Connection | psycopg.Connection
        self.dialect: Dialect = dialect
        self.readonly = readonly
        self.where = where  # for messages: a path, or a DSN without its password
        self._sql: dict[str, str] = {}
        self._deferred: list[tuple[str, tuple[Any, ...]]] = []
        self.round_trips = 0  # requests sent (for the benchmark's round trips per page)

    @property
    def is_pg(self) -> bool:
        return self.dialect == "postgresql"

    def _text(self, sql: str) -> str:
        if not self.is_pg:
            return sql
        text = self._sql.get(sql)
        if text is None:
            text = self._sql[sql] = _pg_sql(sql)
        return text

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        self.round_trips += 1
        if not self.is_pg:
            return self.raw.execute(sql, params)  # type: ignore[no-any-return]
        return self._pg(lambda: self.raw.execute(self._text(sql), tuple(params)))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        self.round_trips += 1
        if not self.is_pg:
            return self.raw.executemany(sql, rows)  # type: ignore[no-any-return]

        def run() -> Cursor:
            cur = self.raw.cursor()
            cur.executemany(self._text(sql), list(rows))
            return cur  # type: ignore[no-any-return]

        return self._pg(run)

    def _pg(self, fn: Any) -> Cursor:
        import psycopg

        try:
            return fn()  # type: ignore[no-any-return]
        except psycopg.OperationalError as exc:
            raise ArchiveError(f"catalog {self.where}: {exc}") from exc

    def defer(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Send ``sql`` with the next ``flush`` (PostgreSQL), in order, each statement
        committing on its own: a worker's catalog writes for one page go in one round trip.
        SQLite has no round trips to save: it runs the statement now."""
        if not self.is_pg:
            self.execute(sql, params)
            return
        self._deferred.append((sql, tuple(params)))

    @property
    def deferred(self) -> int:
        return len(self._deferred)

    def flush(self, *tail: tuple[str, Sequence[Any]]) -> list[Cursor]:
        """Send the deferred statements and then ``tail`` in ONE round trip (psycopg's
        pipeline) and ONE transaction, so a page's rows and its job's new state commit
        together; returns the cursors of ``tail``'s statements."""
        if not self.is_pg:
            return [self.execute(sql, params) for sql, params in tail]
        batch = [*self._deferred, *((sql, tuple(params)) for sql, params in tail)]
        self._deferred = []
        if not batch:
            return []
        if len(batch) == 1:
            return [self.execute(*batch[0])]
        self.round_trips += 1
        import psycopg

        try:
            cursors = []
            with self.raw.pipeline(), self.raw.transaction():
                for text, values in batch:
                    cursors.append(self.raw.execute(self._text(text), values))
            return cursors[len(batch) - len(tail) :]
        except psycopg.Error as exc:
            raise ArchiveError(f"catalog write failed ({self.where}): {exc}") from exc

    def iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Stream a query in batches, so iterating a big catalog keeps memory flat."""
        cur = self.execute(sql, params)
        try:
            while batch := cur.fetchmany(256):
                yield from batch
        finally:
            cur.close()

    def record_key(self, record_id: str) -> bytes | str:
        """How ``captures.record_id`` stores an id: the 16 bytes of a (lowercase)
        ``urn:uuid``; any other id as its text (SQLite) or as a NUL byte and its UTF-8
        (PostgreSQL's ``bytea``, where text cannot go), so ``capture_rows`` gives back
        exactly what was written."""
        m = _UUID_ID.fullmatch(record_id)
        if m:
            return uuid.UUID(m.group(1)).bytes
        return b"\0" + record_id.encode() if self.is_pg else record_id

    def close(self) -> None:
        self.raw.close()

    def transaction(self) -> transaction:
        return transaction(self)


class transaction:
    """BEGIN ... COMMIT (ROLLBACK on error): one unit of durable change.

    SQLite takes the write lock at BEGIN (``IMMEDIATE``), so two writers never deadlock on
    an upgrade; PostgreSQL locks rows as statements reach them."""

    def __init__(self, db: Db) -> None:
        self.db = db

    def __enter__(self) -> Db:
        self.db.execute("BEGIN IMMEDIATE" if not self.db.is_pg else "BEGIN")
        return self.db

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        errors = _driver_errors(self.db)
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return
            except errors as commit_exc:
                exc = commit_exc
        try:
            self.db.execute("ROLLBACK")
        except Exception as rollback_exc:
            if not isinstance(rollback_exc, (*errors, ArchiveError)):
                raise
            # the engine already rolled back (disk full, connection gone)
        if isinstance(exc, errors):
            raise ArchiveError(f"catalog write failed: {exc}") from exc


def _driver_errors(db: Db) -> tuple[type[Exception], ...]:
    if not db.is_pg:
        return (sqlite3.Error,)
    import psycopg

    return (psycopg.Error, ArchiveError)
