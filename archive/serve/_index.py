"""The search index beside the catalog: one row per post, FTS5 over title, author and text.

Why a second file: the catalog holds each post as JSON parses of its pages, merged on
read, which is right for export but cannot be filtered, counted or searched fast; and
``serve`` opens the catalog read-only, so the index cannot live in it. It is derived data:
``DIR/search.sqlite`` (or a file in the system temp folder when the archive folder is not
writable), rebuilt from scratch when missing, stale in shape or out of step with the
catalog, and otherwise refreshed in place for the posts whose pages were parsed since
(``pages.id`` only grows). A full build writes a temp file and renames it, so a killed
build never leaves half an index behind.

Ordering is by ``published`` as the page gave it (then id), newest first, and paging is
keyset paging on that pair: page 2,000 costs what page 1 costs.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from scraper import Post

from .._errors import ServeError
from .._posts import latest_versions, post_versions
from .._shared import ADDRESS_FILE, remembered_address
from ..catalog import (
    Catalog,
    Db,
    catalog_state,
    connect_pg,
    connect_sqlite,
    is_pg_address,
    posts_parsed_since,
)

__all__ = ["INDEX_NAME", "IndexInfo", "SearchIndex", "open_index"]

INDEX_NAME = "search.sqlite"
#: Bumped when the index's tables change: an index of another version is rebuilt.
INDEX_VERSION = "1"
#: More changed posts than this share of the index: a full rebuild is cheaper.
REBUILD_SHARE = 0.1
#: While serving, at most this many changed posts are re-indexed between two requests.
LIVE_LIMIT = 500

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    author TEXT,
    site TEXT NOT NULL,
    site_name TEXT,
    published TEXT,
    sort_key TEXT NOT NULL,
    comments INTEGER NOT NULL,
    versions INTEGER NOT NULL,
    crawl_id INTEGER NOT NULL,
    captured_at TEXT
);
CREATE INDEX posts_order ON posts (sort_key, id);
CREATE INDEX posts_site ON posts (site, sort_key, id);
CREATE INDEX posts_author ON posts (author, sort_key, id);
CREATE TABLE labels (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    post_id INTEGER NOT NULL,
    PRIMARY KEY (kind, name, post_id)
) WITHOUT ROWID;
CREATE INDEX labels_post ON labels (post_id);
CREATE VIRTUAL TABLE fts USING fts5(title, author, text, tokenize='unicode61 remove_diacritics 2')
"""


@dataclass(frozen=True, slots=True)
class IndexInfo:
    """Where the index lives and what the last refresh did (the CLI prints it)."""

    path: Path
    posts: int
    rebuilt: bool
    updated: int


Progress = Callable[[int], None]


def _row(
    url: str, crawl_id: int, captured_at: str | None, versions: int, post: Post
) -> tuple[tuple[object, ...], list[tuple[str, str]], tuple[str, str, str]]:
    """The ``posts`` row, the labels and the FTS columns of one post."""
    host = (urlsplit(url).hostname or "").lower()
    author = post.author.name if post.author is not None else None
    row = (
        url,
        post.title,
        author,
        host,
        post.site.name,
        post.published,
        post.published or "",
        len(post.comments),
        versions,
        crawl_id,
        captured_at,
    )
    labels = [("category", c) for c in dict.fromkeys(post.categories)]
    labels += [("tag", t) for t in dict.fromkeys(post.tags)]
    text = post.body.text if post.body is not None else ""
    return row, labels, (post.title or "", author or "", text)


_INSERT = (
    "INSERT INTO posts (url, title, author, site, site_name, published, sort_key, comments, "
    "versions, crawl_id, captured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)


def _put(db: sqlite3.Connection, entry: tuple[str, int, str | None, int, Post]) -> None:
    row, labels, fts = _row(*entry)
    old = db.execute("SELECT id FROM posts WHERE url = ?", (row[0],)).fetchone()
    if old is not None:
        db.execute("DELETE FROM posts WHERE id = ?", old)
        db.execute("DELETE FROM labels WHERE post_id = ?", old)
        db.execute("DELETE FROM fts WHERE rowid = ?", old)
    (pid,) = db.execute(_INSERT, row).fetchone()
    db.executemany(
        "INSERT OR IGNORE INTO labels (kind, name, post_id) VALUES (?, ?, ?)",
        [(k, n, pid) for k, n in labels],
    )
    db.execute("INSERT INTO fts (rowid, title, author, text) VALUES (?, ?, ?, ?)", (pid, *fts))


def _meta(db: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(db.execute("SELECT key, value FROM meta"))
    except sqlite3.OperationalError:  # no such table: an empty or foreign file
        return {}


def _set_meta(db: sqlite3.Connection, last: int, ident: str) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [("version", INDEX_VERSION), ("last_page_id", str(last)), ("catalog", ident)],
    )


def _build(target: Path, catalog: Db, state: tuple[int, str], progress: Progress | None) -> int:
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.executescript(SCHEMA)
        count = 0
        db.execute("BEGIN")
        for entry in latest_versions(Catalog(catalog).page_rows()):
            _put(db, entry)
            count += 1
            if progress is not None and count % 1000 == 0:
                progress(count)
        _set_meta(db, *state)
        db.execute("COMMIT")
        db.execute("PRAGMA optimize")
    finally:
        db.close()
    os.replace(tmp, target)
    if progress is not None:
        progress(count)
    return count


def _update(
    db: sqlite3.Connection, catalog: Db, urls: Iterable[str], state: tuple[int, str]
) -> int:
    n = 0
    db.execute("BEGIN IMMEDIATE")
    try:
        for url in urls:
            versions = post_versions(Catalog(catalog).page_rows(url), url)
            if not versions:
                continue
            crawl_id, captured_at, post = versions[-1]
            _put(db, (url, crawl_id, captured_at, len(versions), post))
            n += 1
        _set_meta(db, *state)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return n


def index_location(archive: Path) -> Path:
    """``DIR/search.sqlite`` when the folder is writable, else a per-archive temp file."""
    if os.access(archive, os.W_OK):
        return archive / INDEX_NAME
    key = hashlib.sha1(str(archive.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"blog-archiver-search-{os.getuid()}-{key}.sqlite"


class SearchIndex:
    """The index, opened for the server's reads; ``refresh`` brings it up to the catalog."""

    def __init__(self, path: Path, catalog: Db) -> None:
        self.path = path
        self.catalog = catalog
        try:
            self.db = self._open()
            _meta(self.db)
        except sqlite3.DatabaseError:
            # not a database (a torn copy, another file under our name): it is derived
            # data, so it is replaced rather than repaired
            self._remove()
            self.db = self._open()

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def behind(self) -> bool:
        """Has the catalog parsed pages the index has not seen? (Two index lookups.)"""
        return catalog_state(self.catalog)[0] != int(_meta(self.db).get("last_page_id", "-1"))

    def refresh(self, progress: Progress | None = None, *, live: bool = False) -> IndexInfo | None:
        """Rebuild or update from the catalog; what it did, for the CLI to say.

        ``live``: called while serving, between two requests: only a small update is done
        (``None`` when the catalog changed too much; the next start rebuilds).
        """
        state = catalog_state(self.catalog)
        meta = _meta(self.db)
        stale = (
            meta.get("version") != INDEX_VERSION
            or meta.get("catalog") != state[1]
            or int(meta.get("last_page_id", "0")) > state[0]
        )
        if stale and live:
            return None
        if stale:
            self.db.close()
            self._remove()
            n = _build(self.path, self.catalog, state, progress)
            self.db = self._open()
            return IndexInfo(self.path, n, rebuilt=True, updated=n)
        since = int(meta["last_page_id"])
        changed = posts_parsed_since(self.catalog, since)
        (total,) = self.db.execute("SELECT COUNT(*) FROM posts").fetchone()
        if live and len(changed) > LIVE_LIMIT:
            return None
        if changed and len(changed) > max(100, REBUILD_SHARE * total):
            self.db.close()
            n = _build(self.path, self.catalog, state, progress)
            self.db = self._open()
            return IndexInfo(self.path, n, rebuilt=True, updated=n)
        updated = _update(self.db, self.catalog, changed, state) if changed else 0
        (total,) = self.db.execute("SELECT COUNT(*) FROM posts").fetchone()
        return IndexInfo(self.path, int(total), rebuilt=False, updated=updated)

    def close(self) -> None:
        self.db.close()


def open_index(
    archive: Path, index_path: Path | None = None, progress: Progress | None = None
) -> tuple[SearchIndex, IndexInfo]:
    """Open the catalog read-only and the index beside it, refreshed.

    The catalog is the folder's own ``catalog.sqlite`` or the PostgreSQL catalog its
    ``catalog.url`` names; either way the index is a local SQLite file (FTS5), since
    searching is this server's work, not the shared catalog's."""
    catalog = open_catalog(archive)
    path = index_path or index_location(archive)
    try:
        index = SearchIndex(path, catalog)
        info = index.refresh(progress)
        assert info is not None  # not live: always refreshed
    except sqlite3.DatabaseError as exc:
        catalog.close()
        raise ServeError(f"cannot build the search index {path}: {exc}") from exc
    except BaseException:
        catalog.close()
        raise
    return index, info


def open_catalog(archive: Path) -> Db:
    """The archive's catalog, read-only: PostgreSQL when the folder remembers an address
    (``catalog.url``), else its ``catalog.sqlite``."""
    address = remembered_address(archive) if archive.is_dir() else None
    if address is not None:
        if not is_pg_address(address):
            raise ServeError(f"{archive / ADDRESS_FILE} does not name a PostgreSQL catalog")
        return connect_pg(address, readonly=True, create=False)
    catalog_path = archive / "catalog.sqlite"
    if not catalog_path.exists():
        raise ServeError(f"{archive} is not an archive (no catalog.sqlite nor catalog.url)")
    return connect_sqlite(catalog_path, readonly=True)
