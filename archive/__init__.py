"""blog-archiver's storage side: WARC captures, the SQLite catalog, exports and history."""

from .errors import ArchiveError, ArchiveLockedError, CatalogVersionError, ExportError, WarcError

__all__ = [
    "ArchiveError",
    "ArchiveLockedError",
    "CatalogVersionError",
    "ExportError",
    "WarcError",
]
