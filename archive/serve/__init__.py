"""``blog-archiver serve DIR``: a read-only web view of one archive.

Posts (searched and filtered through ``DIR/search.sqlite``, an FTS5 index derived from the
catalog), a post with its comment thread, its history across captures, and each capture
replayed from the WARC records on a second origin with scripts off. Needs the ``[serve]``
extra (Starlette, Jinja2, uvicorn).
"""

from ._app import ServeState, create_app, create_replay_app, dispatch
from ._config import ServeConfig, is_loopback
from ._index import INDEX_NAME, IndexInfo, SearchIndex, open_index
from ._server import open_state, run_server

__all__ = [
    "INDEX_NAME",
    "IndexInfo",
    "SearchIndex",
    "ServeConfig",
    "ServeState",
    "create_app",
    "create_replay_app",
    "dispatch",
    "is_loopback",
    "open_index",
    "open_state",
    "run_server",
]
