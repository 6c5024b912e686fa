"""The archive's folder on disk: its parts, and the write lock of a SQLite archive.

Kept apart from ``Archive`` so that commands can ask whether a path holds an archive
without opening one.
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

from ._errors import ArchiveError, ArchiveLockedError
from ._shared import ADDRESS_FILE

__all__ = ["CATALOG_NAME", "is_archive", "make_folder"]

CATALOG_NAME = "catalog.sqlite"


def is_archive(path: str | Path) -> bool:
    """Whether ``path`` holds an archive: its own catalog, or the address of a shared one."""
    root = Path(path)
    return (root / CATALOG_NAME).is_file() or (root / ADDRESS_FILE).is_file()


def make_folder(root: Path, *, lock: bool = False) -> int | None:
    """Create the folder's parts (and take the write lock of a SQLite archive)."""
    if root.exists() and not root.is_dir():
        raise ArchiveError(f"{root} exists and is not a folder")
    try:
        for sub in (root, root / "warc", root / "exports"):
            sub.mkdir(parents=True, exist_ok=True)
        return _lock(root) if lock else None
    except OSError as exc:
        hint = ""
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            hint = " (read-only: export and history can still read an existing archive)"
        raise ArchiveError(
            f"cannot write the archive at {root}: {exc.strerror or exc}{hint}"
        ) from exc


def _lock(root: Path) -> int:
    fd = os.open(root / ".lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise ArchiveLockedError(
            f"{root} is open for writing by another process (lock {root / '.lock'}); "
            "wait for it to finish, or open it read-only"
        ) from None
    return fd
