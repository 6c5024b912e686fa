"""Errors of the archive side, under the one root ``scraper.ScraperError``.

ScraperError
└── ArchiveError
    ├── ArchiveLockedError     another process has the archive open for writing
    ├── CatalogVersionError    the catalog was written by a newer schema version
    ├── WarcError              a WARC file is corrupt or truncated
    ├── ExportError            an export could not be written
    └── ServeError             ``serve`` cannot open or index the archive
"""

from __future__ import annotations

from scraper._errors import ScraperError

__all__ = [
    "ArchiveError",
    "ArchiveLockedError",
    "CatalogVersionError",
    "ExportError",
    "ServeError",
    "WarcError",
]


class ArchiveError(ScraperError):
    pass


class ArchiveLockedError(ArchiveError):
    pass


class CatalogVersionError(ArchiveError):
    pass


class WarcError(ArchiveError):
    pass


class ExportError(ArchiveError):
    pass


class ServeError(ArchiveError):
    pass
