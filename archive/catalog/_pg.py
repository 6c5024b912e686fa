"""Opening a PostgreSQL catalog: connect, create or check the schema, register workers.

Credentials are libpq's: in the URL, in ``PG*`` environment variables (``PGPASSWORD``), in
``~/.pgpass`` or a service file (``service=NAME``). The address an archive remembers, and
every message, goes through ``redact`` first, so a password is never written to disk, a log
or a WARC ``warcinfo`` record.

The schema version lives in ``catalog_meta``. A catalog newer than this code knows is
refused with a clear error rather than misread; a fresh database gets the schema in one
transaction, under an advisory lock so that workers starting at once create it once. An
older one is brought forward by the first writable open, in one transaction under the same
lock (``PG_MIGRATIONS``); a read-only open reads it as it is.
"""

from __future__ import annotations

import os
import socket
import threading
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .._errors import ArchiveError, CatalogVersionError
from ._db import Db
from ._pg_schema import PG_MIGRATIONS, PG_SCHEMA, PG_VERSION
from ._schema import statements

__all__ = ["Heartbeat", "connect_pg", "is_pg_address", "redact", "register_worker"]

_SCHEMA_LOCK = 0x626C6F67  # pg_advisory_xact_lock key: "blog"


def is_pg_address(address: str) -> bool:
    """A ``postgresql://`` / ``postgres://`` URL (key=value conninfo strings count too)."""
    return address.startswith(("postgresql://", "postgres://")) or (
        "=" in address and "://" not in address and (" " in address or address.count("=") == 1)
    )


def redact(dsn: str) -> str:
    """``dsn`` without its password (in the URL's userinfo, its query or a key=value)."""
    if "://" in dsn:
        parts = urlsplit(dsn)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, hostport = netloc.rsplit("@", 1)
            netloc = userinfo.split(":", 1)[0] + "@" + hostport
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"])
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = {k: v for k, v in conninfo_to_dict(dsn).items() if k != "password"}
    return make_conninfo(**{k: str(v) for k, v in params.items() if v is not None})


def connect_pg(dsn: str, *, readonly: bool, create: bool = True) -> Db:
    """Open the catalog at ``dsn``, creating its schema in an empty database when writable."""
    try:
        import psycopg
    except ImportError:
        raise ArchiveError(
            "a PostgreSQL catalog needs psycopg: pip install 'blog-archiver[postgres]'"
        ) from None
    where = redact(dsn)
    try:
        raw = psycopg.connect(
            dsn, autocommit=True, application_name="blog-archiver", connect_timeout=30
        )
    except psycopg.Error as exc:
        # libpq's message can quote the conninfo it was given: never show it.
        text = str(exc).replace(dsn, where)
        raise ArchiveError(f"cannot connect to the catalog {where}: {text}") from None
    db = Db(raw, "postgresql", readonly=readonly, where=where)
    try:
        if readonly:
            db.execute("SET default_transaction_read_only = on")
        _check_schema(db, readonly=readonly, create=create)
    except BaseException:
        db.close()
        raise
    return db


def schema_version(db: Db) -> int | None:
    """The catalog's schema version, or None when the database holds no catalog."""
    (meta,) = db.execute("SELECT to_regclass('catalog_meta')::text").fetchone()
    if meta is None:
        return None
    row = db.execute("SELECT value FROM catalog_meta WHERE key = 'version'").fetchone()
    return int(row[0]) if row else None


def _check_schema(db: Db, *, readonly: bool, create: bool) -> None:
    version = schema_version(db)
    if version is None and create and not readonly:
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
            if schema_version(db) is None:
                (tables,) = db.execute(
                    "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"
                ).fetchone()
                if tables:
                    raise ArchiveError(
                        f"{db.where} holds other tables and no blog-archiver catalog: "
                        "give the catalog a database (or schema) of its own"
                    )
                for statement in statements(PG_SCHEMA):
                    db.execute(statement)
                db.execute(
                    "INSERT INTO catalog_meta (key, value) VALUES ('version', ?)",
                    (str(PG_VERSION),),
                )
        version = PG_VERSION
    if version is None:
        raise ArchiveError(f"no blog-archiver catalog in {db.where}")
    if version in PG_MIGRATIONS and not readonly:
        version = _migrate(db)
    if version != PG_VERSION and not (readonly and version in PG_MIGRATIONS):
        raise CatalogVersionError(
            f"the catalog {db.where} has schema version {version}, but this blog-archiver "
            f"only knows version {PG_VERSION}: use the blog-archiver release that "
            "wrote it" + (" or upgrade this one" if version > PG_VERSION else "")
        )


def _migrate(db: Db) -> int:
    """Bring an older catalog to ``PG_VERSION`` in one transaction (all steps or none),
    under the schema lock, so that workers starting at once migrate it once."""
    with db.transaction():
        db.execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
        version = schema_version(db)
        while version in PG_MIGRATIONS:
            for statement in statements(PG_MIGRATIONS[version]):
                db.execute(statement)
            version += 1
            db.execute("UPDATE catalog_meta SET value = ? WHERE key = 'version'", (str(version),))
    assert version is not None
    return version


def register_worker(db: Db, crawl_id: int, started_at: str) -> int:
    """A row in ``workers`` for this process; its id names its WARC files."""
    name = f"{socket.gethostname()}:{os.getpid()}"
    row = db.execute(
        "INSERT INTO workers (name, crawl_id, started_at, heartbeat) "
        "VALUES (?, ?, ?, extract(epoch FROM clock_timestamp())) RETURNING id",
        (name, crawl_id, started_at),
    ).fetchone()
    return int(row[0])


def dead_workers(db: Db, lease: float) -> set[int]:
    """Workers whose heartbeat is older than a lease: their claims have gone back."""
    rows = db.execute(
        "SELECT id FROM workers WHERE heartbeat < extract(epoch FROM clock_timestamp()) - ?",
        (lease,),
    ).fetchall()
    return {int(r[0]) for r in rows}


def note_round_trips(db: Db, worker_id: int) -> None:
    """Record how many requests this worker's connection sent (the benchmark reads it)."""
    db.execute("UPDATE workers SET round_trips = ? WHERE id = ?", (db.round_trips, worker_id))


class Heartbeat:
    """Renews this worker's leases every ``lease / 3`` s on a connection of its own.

    A thread rather than the event loop: a page whose parse holds the loop for a second
    must not cost the worker its claims. It stops with the worker; a killed worker's
    leases simply run out."""

    def __init__(self, dsn: str, worker_id: int, lease: float) -> None:
        self._dsn = dsn
        self._worker_id = worker_id
        self._lease = lease
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="catalog-heartbeat", daemon=True)
        self.error: Exception | None = None

    def start(self) -> Heartbeat:
        self._thread.start()
        return self

    def _run(self) -> None:
        db: Db | None = None
        try:
            db = connect_pg(self._dsn, readonly=False, create=False)
            while True:
                self.beat(db)
                if self._stop.wait(self._lease / 3):
                    return
        except Exception as exc:  # reported by the worker; its leases then run out
            self.error = exc
        finally:
            if db is not None:
                db.close()

    def beat(self, db: Db) -> None:
        now = "extract(epoch FROM clock_timestamp())"
        with db.transaction():
            db.execute(f"UPDATE workers SET heartbeat = {now} WHERE id = ?", (self._worker_id,))
            for table in ("urls", "round_jobs"):  # a crawl's claims, a re-capture round's
                db.execute(
                    f"UPDATE {table} SET lease_until = {now} + ? "
                    "WHERE worker_id = ? AND state = 'claimed'",
                    (self._lease, self._worker_id),
                )

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def pg_settings(db: Db) -> dict[str, Any]:
    """Server facts for a benchmark or a report (version, WAL position)."""
    (version,) = db.execute("SHOW server_version").fetchone()
    (lsn,) = db.execute("SELECT pg_current_wal_lsn()::text").fetchone()
    return {"server_version": version, "wal_lsn": lsn}
