"""Errors of the archive side, under the one root ``scraper.ScraperError``.

ScraperError
└── ArchiveError
    ├── ArchiveLockedError     another process has the archive open for writing
    ├── CatalogVersionError    the catalog was written by a newer schema version
    ├── WarcError              a WARC file is corrupt or truncated
    ├── ExportError            an export could not be written
    ├── ServeError             ``serve`` cannot open or index the archive
    └── UsageError             the command line asks for something impossible (exit 2)
"""

from __future__ import annotations

from scraper._errors import ScraperError

__all__ = [
    "ArchiveError",
    "ArchiveLockedError",
    "CatalogVersionError",
    "ExportError",
    "ServeError",
    "UsageError",
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


class UsageError(ArchiveError):
    """A flag value or argument the command cannot use (``--concurrency 0``, a path that is
    not an archive): one line on stderr and exit code 2, like argparse's own errors."""
