"""The posts list as queries on the search index: filters, full-text search, keyset pages.

A page is asked for by the position of its first or last row (``after``/``before`` a
``(sort_key, id)`` pair), never by an offset, so every page is an index range scan of
``size`` rows whatever its number. The user's search words are quoted one by one into an
FTS5 query (all words must occur), so no input can be read as FTS5 syntax.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Facets", "Filters", "ListPage", "PostRow", "facets", "fts_query", "list_posts"]

PAGE_SIZE = 50
#: How many values each filter menu lists (the most frequent first).
FACET_LIMIT = 200
#: Markers around the matched words in a snippet; escaped text keeps them, then they
#: become ``<mark>``. Control characters never occur in indexed text.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class Filters:
    """What the list form asks for; empty strings mean "any"."""

    q: str = ""
    site: str = ""
    author: str = ""
    category: str = ""
    tag: str = ""
    since: str = ""
    until: str = ""

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> Filters:
        def get(name: str) -> str:
            return " ".join(params.get(name, "").split())[:200]

        return cls(*(get(n) for n in ("q", "site", "author", "category", "tag", "since", "until")))

    def params(self) -> dict[str, str]:
        names = ("q", "site", "author", "category", "tag", "since", "until")
        return {n: getattr(self, n) for n in names if getattr(self, n)}


@dataclass(frozen=True, slots=True)
class PostRow:
    id: int
    url: str
    title: str | None
    author: str | None
    site: str
    published: str | None
    comments: int
    versions: int
    snippet: str | None
    sort_key: str


@dataclass(frozen=True, slots=True)
class ListPage:
    rows: tuple[PostRow, ...]
    total: int
    next_cursor: str | None
    prev_cursor: str | None


@dataclass(frozen=True, slots=True)
class Facets:
    """The values each filter can take, with how many posts carry them."""

    sites: tuple[tuple[str, int], ...] = ()
    authors: tuple[tuple[str, int], ...] = ()
    categories: tuple[tuple[str, int], ...] = ()
    tags: tuple[tuple[str, int], ...] = ()
    total: int = 0
    first: str | None = None
    last: str | None = None


def fts_query(text: str) -> str:
    """Every word a quoted FTS5 string (quotes doubled), so nothing typed is FTS5 syntax:
    ``rock "n" roll`` becomes three strings that must all occur."""
    words = [w for w in text.split() if w.strip('"')]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def cursor_of(row: PostRow) -> str:
    return f"{row.id}:{row.sort_key}"


def parse_cursor(cursor: str) -> tuple[str, int] | None:
    head, sep, key = cursor.partition(":")
    if not sep or not head.isdigit():
        return None
    return key, int(head)


def _where(f: Filters) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if f.q and (match := fts_query(f.q)):
        clauses.append("p.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
        args.append(match)
    for column, value in (("p.site", f.site), ("p.author", f.author)):
        if value:
            clauses.append(f"{column} = ?")
            args.append(value)
    for kind, value in (("category", f.category), ("tag", f.tag)):
        if value:
            clauses.append("p.id IN (SELECT post_id FROM labels WHERE kind = ? AND name = ?)")
            args += [kind, value]
    # Dates compare as the page wrote them (its local day): ``since`` and ``until`` are
    # inclusive days, so ``until`` 2024-01-31 keeps 2024-01-31T23:59+05:00.
    if f.since:
        clauses.append("p.published IS NOT NULL AND substr(p.published, 1, ?) >= ?")
        args += [len(f.since), f.since]
    if f.until:
        clauses.append("p.published IS NOT NULL AND substr(p.published, 1, ?) <= ?")
        args += [len(f.until), f.until]
    return clauses, args


_COLUMNS = (
    "p.id, p.url, p.title, p.author, p.site, p.published, p.comments, p.versions, {snippet}, "
    "p.sort_key"
)


def list_posts(
    db: sqlite3.Connection,
    f: Filters,
    *,
    after: str = "",
    before: str = "",
    size: int = PAGE_SIZE,
) -> ListPage:
    """One page of posts, newest first; ``after``/``before`` are cursors from a ``ListPage``."""
    clauses, args = _where(f)
    (total,) = db.execute(
        "SELECT COUNT(*) FROM posts p" + (" WHERE " + " AND ".join(clauses) if clauses else ""),
        args,
    ).fetchone()
    backwards = False
    page_clauses, page_args = list(clauses), list(args)
    if before and (pos := parse_cursor(before)):
        page_clauses.append("(p.sort_key, p.id) > (?, ?)")
        page_args += list(pos)
        backwards = True
    elif after and (pos := parse_cursor(after)):
        page_clauses.append("(p.sort_key, p.id) < (?, ?)")
        page_args += list(pos)
    snippet = "NULL"
    if f.q and fts_query(f.q):
        # snippet() needs the FTS row: a correlated lookup by rowid for the page's rows only.
        snippet = (
            "(SELECT snippet(fts, 2, char(2), char(3), '…', 24) FROM fts "
            "WHERE fts MATCH ? AND rowid = p.id)"
        )
    where = " WHERE " + " AND ".join(page_clauses) if page_clauses else ""
    order = "ASC" if backwards else "DESC"
    sql = (
        f"SELECT {_COLUMNS.format(snippet=snippet)} FROM posts p{where} "
        f"ORDER BY p.sort_key {order}, p.id {order} LIMIT ?"
    )
    head = [fts_query(f.q)] if snippet != "NULL" else []
    found = [PostRow(*r) for r in db.execute(sql, [*head, *page_args, size + 1])]
    more = len(found) > size
    rows = found[:size]
    if backwards:
        rows.reverse()
    has_next = more if not backwards else True
    has_prev = bool(after) if not backwards else more
    return ListPage(
        rows=tuple(rows),
        total=int(total),
        next_cursor=cursor_of(rows[-1]) if rows and has_next else None,
        prev_cursor=cursor_of(rows[0]) if rows and has_prev else None,
    )


def _top(
    db: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()
) -> tuple[tuple[str, int], ...]:
    return tuple((str(v), int(n)) for v, n in db.execute(sql, (*args, FACET_LIMIT)) if v)


def facets(db: sqlite3.Connection) -> Facets:
    """Filter menus for the whole archive: computed once per index refresh, not per page."""
    label = (
        "SELECT name, COUNT(*) AS n FROM labels WHERE kind = ? GROUP BY name "
        "ORDER BY n DESC, name LIMIT ?"
    )
    (total,) = db.execute("SELECT COUNT(*) FROM posts").fetchone()
    first, last = db.execute(
        "SELECT MIN(published), MAX(published) FROM posts WHERE published IS NOT NULL"
    ).fetchone()
    return Facets(
        sites=_top(
            db, "SELECT site, COUNT(*) AS n FROM posts GROUP BY site ORDER BY n DESC LIMIT ?"
        ),
        authors=_top(
            db,
            "SELECT author, COUNT(*) AS n FROM posts WHERE author IS NOT NULL "
            "GROUP BY author ORDER BY n DESC, author LIMIT ?",
        ),
        categories=_top(db, label, ("category",)),
        tags=_top(db, label, ("tag",)),
        total=int(total),
        first=first,
        last=last,
    )
