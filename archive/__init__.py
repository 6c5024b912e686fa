"""blog-archiver's storage side: WARC captures, the SQLite catalog, exports and history."""

from ._catalog import CATALOG_VERSION, CaptureRow
from ._errors import ArchiveError, ArchiveLockedError, CatalogVersionError, ExportError, WarcError
from ._store import Archive
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
