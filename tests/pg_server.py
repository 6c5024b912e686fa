"""A real PostgreSQL for the tests: initdb in a temporary folder, 127.0.0.1 on a free port.

Never a mock: the multi-worker catalog relies on what only the server does (row locks,
``SKIP LOCKED``, concurrent transactions), so the tests run the real thing. The binaries come
from ``$PG_BIN``, the system's PostgreSQL (``initdb`` on ``PATH`` or Debian's
``/usr/lib/postgresql/N/bin``) or a pip-installed ``pgserver`` bundle; where none is there
the tests that need it skip and say why. ``initdb`` refuses to run as root, so as root the
server runs as the ``postgres`` system user in a folder handed to it.

The superuser has a password and TCP connections need it (scram), so the tests see the
credential paths the workers use; the unix socket in the data folder is for the harness.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

__all__ = ["PgServer", "find_bin_dir", "pg_dsn", "pg_server", "start_server"]

USER = "archiver"


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", path.parent.name)) or (0,)


def find_bin_dir() -> tuple[Path | None, str]:
    """The folder holding ``initdb``/``pg_ctl``, or None and why not."""
    env = os.environ.get("PG_BIN")
    if env:
        return (Path(env), "") if (Path(env) / "initdb").exists() else (None, f"no initdb in {env}")
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent, ""
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: _version_key(p.parent)
    )
    if debian:
        return debian[-1].parent, ""
    spec = importlib.util.find_spec("pgserver")
    if spec is not None and spec.origin is not None:
        bundled = Path(spec.origin).parent / "pginstall" / "bin"
        if (bundled / "initdb").exists():
            return bundled, ""
    return None, (
        "no PostgreSQL server binaries (initdb): install the postgresql package "
        "(.ci/postgres.sh does) or set PG_BIN"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True, slots=True)
class PgServer:
    """A running server: ``dsn`` reaches its ``postgres`` database as the superuser."""

    root: Path
    bin_dir: Path
    port: int
    password: str
    pid: int

    def dsn(self, dbname: str = "postgres", *, password: bool = True) -> str:
        auth = f"{USER}:{self.password}" if password else USER
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database (its DSN): each test gets its own catalog."""
        import psycopg

        name = f"{prefix}_{secrets.token_hex(6)}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.dsn(name)


def _as_owner(root: Path, argv: list[str]) -> list[str]:
    """``argv`` run as the owner of ``root`` when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


def start_server(root: Path, bin_dir: Path, *, settings: str = "") -> PgServer:
    """initdb + ``pg_ctl start -w`` in ``root``; the caller stops it with ``stop_server``.

    The tests run with ``fsync`` off (nothing here must survive a power cut); ``settings``
    (``-c name=value ...``) come last and win, e.g. the benchmark's durable settings."""
    data = root / "data"
    password = secrets.token_urlsafe(12)
    pwfile = root / "pw"
    pwfile.write_text(password + "\n")
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no postgres user") from None
        os.chown(root, owner.pw_uid, owner.pw_gid)
        os.chown(pwfile, owner.pw_uid, owner.pw_gid)
    os.chmod(root, 0o700)
    subprocess.run(
        _as_owner(
            root,
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                USER,
                f"--pwfile={pwfile}",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        ),
        check=True,
        capture_output=True,
    )
    pwfile.unlink()
    port = _free_port()
    opts = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60 "
        "-c log_min_messages=warning " + settings
    )
    subprocess.run(
        _as_owner(
            root,
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                opts,
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
        ),
        check=True,
        capture_output=True,
    )
    pid = int((data / "postmaster.pid").read_text().split()[0])
    return PgServer(root=root, bin_dir=bin_dir, port=port, password=password, pid=pid)


def stop_server(server: PgServer, mode: str = "fast") -> None:
    """``pg_ctl stop -m fast`` (or ``mode``); if that fails, SIGKILL the postmaster by its
    pid."""
    result = subprocess.run(
        _as_owner(
            server.root,
            [
                str(server.bin_dir / "pg_ctl"),
                "-D",
                str(server.root / "data"),
                "-m",
                mode,
                "-w",
                "-t",
                "30",
                "stop",
            ],
        ),
        capture_output=True,
    )
    if result.returncode != 0:
        with contextlib.suppress(ProcessLookupError):
            os.kill(server.pid, signal.SIGKILL)


def _skip_reason() -> str | None:
    if importlib.util.find_spec("psycopg") is None:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    bin_dir, why = find_bin_dir()
    if bin_dir is None:
        return why
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run the server as"
    return None


def _memory_dir() -> str | None:
    """``/dev/shm`` where it is a writable folder, else None (the usual temp folder).

    The session's cluster gets a database per test (WAL-logged copies of the template)
    and nothing of it must survive: in memory it never waits on a busy disk, and deleting
    it at the end took ~14 s of the fast suite's wall time on disk."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL for the whole session (skips, saying why, where none can be had)."""
    reason = _skip_reason()
    if reason is not None:
        pytest.skip(reason)
    bin_dir, _ = find_bin_dir()
    assert bin_dir is not None
    root = Path(tempfile.mkdtemp(prefix="pgtest-", dir=_memory_dir()))
    try:
        try:
            server = start_server(root, bin_dir)
        except (subprocess.CalledProcessError, RuntimeError, OSError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            log = root / "log"
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            pytest.skip(f"PostgreSQL did not start: {exc} {detail.decode(errors='replace')} {tail}")
        try:
            yield server
        finally:
            # Its data folder is deleted next: no shutdown checkpoint needed.
            stop_server(server, "immediate")
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_dsn(pg_server: PgServer) -> str:
    """The DSN of a fresh database of its own (with its password) for one test."""
    return pg_server.create_database()
