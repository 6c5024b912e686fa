"""What a request handler of ``serve`` reads: kept apart from the app that builds it
(``_app``) so the handlers (``_pages``) need not import the app."""

from __future__ import annotations

from dataclasses import dataclass

from archive import Archive

from ._index import SearchIndex
from ._replay import Replayer

__all__ = ["ServeState"]


@dataclass(frozen=True, slots=True)
class ServeState:
    """What the handlers read: the archive (read-only), the search index, the replayer."""

    archive: Archive
    index: SearchIndex
    replayer: Replayer
    replay_origin: str  # e.g. http://127.0.0.1:8701; "" to derive from the request
    replay_port: int
    page_size: int
