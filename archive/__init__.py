"""blog-archiver's storage side: WARC captures, the catalog (SQLite or PostgreSQL), exports
and history."""

from ._errors import ArchiveError, ArchiveLockedError, CatalogVersionError, ExportError, WarcError
from ._store import Archive
from .catalog import CATALOG_VERSION, CaptureRow
from .warc._writer import PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED

__all__ = [
    "CATALOG_VERSION",
    "PROFILE_IDENTICAL",
    "PROFILE_NOT_MODIFIED",
    "Archive",
    "ArchiveError",
    "ArchiveLockedError",
    "CaptureRow",
    "CatalogVersionError",
    "ExportError",
    "WarcError",
]
