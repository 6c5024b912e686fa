"""WARC files: writing captures as WARC/1.1, reading records back, and the CDXJ index."""

from ._cdxj import write_index
from ._reader import iter_records, read_capture
from ._writer import PROFILE_IDENTICAL, PROFILE_NOT_MODIFIED, WarcWriter

__all__ = [
    "PROFILE_IDENTICAL",
    "PROFILE_NOT_MODIFIED",
    "WarcWriter",
    "iter_records",
    "read_capture",
    "write_index",
]
