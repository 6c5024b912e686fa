"""The posts list as queries on the search index: filters, full-text search, keyset pages.

A page is asked for by the position of its first or last row (``after``/``before`` a
``(sort_key, id)`` pair), never by an offset, so every page is an index range scan of
``size`` rows whatever its number. The user's search words are quoted one by one into an
FTS5 query (all words must occur), so no input can be read as FTS5 syntax.
"""

from __future__ import annotations

import dataclasses
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


#: A set filter (search words, a category, a tag) with at most this many posts drives the
#: query: its posts are looked up and sorted. A bigger one is tested post by post while
#: the date order is walked, which stops after one page.
DRIVE_AT_MOST = 2000


@dataclass(frozen=True, slots=True)
class _Set:
    """A filter that is a set of post ids: its SQL both ways, and its size."""

    drive: str  # p.id IN (...): SQLite starts from the set
    probe: str  # EXISTS (...): one index probe per post walked
    args: tuple[Any, ...]
    size: int
    #: What a probe costs against what building the set costs per member (measured on
    #: 100,000 posts: an FTS probe ~80 us, a label probe ~5 us, a member ~1 us).
    probe_weight: int


def _sets(db: sqlite3.Connection, f: Filters) -> list[_Set]:
    out = []
    if f.q and (match := fts_query(f.q)):
        (n,) = db.execute("SELECT COUNT(*) FROM fts WHERE fts MATCH ?", (match,)).fetchone()
        out.append(
            _Set(
                "p.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)",
                "EXISTS (SELECT 1 FROM fts WHERE fts MATCH ? AND rowid = p.id)",
                (match,),
                int(n),
                80,
            )
        )
    for kind, value in (("category", f.category), ("tag", f.tag)):
        if value:
            (n,) = db.execute(
                "SELECT COUNT(*) FROM labels WHERE kind = ? AND name = ?", (kind, value)
            ).fetchone()
            out.append(
                _Set(
                    "p.id IN (SELECT post_id FROM labels WHERE kind = ? AND name = ?)",
                    "EXISTS (SELECT 1 FROM labels WHERE kind = ? AND name = ? AND post_id = p.id)",
                    (kind, value),
                    int(n),
                    5,
                )
            )
    return out


def _plain(f: Filters) -> tuple[list[str], list[Any]]:
    """The filters on columns of ``posts``, each answered by an index or a cheap test.

    Dates compare as the page wrote them (its local day), inclusive: ``published`` text
    at or after ``since``, and at or before any time of the ``until`` day (``~`` sorts after
    every character of an ISO date), which is a range of the ``(sort_key, id)`` index.
    """
    clauses: list[str] = []
    args: list[Any] = []
    for column, value in (("p.site", f.site), ("p.author", f.author)):
        if value:
            clauses.append(f"{column} = ?")
            args.append(value)
    if f.since:
        clauses.append("p.sort_key >= ?")
        args.append(f.since)
    if f.until:
        clauses.append("p.sort_key <= ? AND p.sort_key <> ''")
        args.append(f.until + "~")
    return clauses, args


def _plan(db: sqlite3.Connection, f: Filters) -> tuple[list[str], list[Any], int]:
    """WHERE clauses and arguments for the page query, and the exact total.

    The page walks the date order and probes each post against the big sets (it stops after
    one page). The count cannot stop early: a big set is either probed for each post in
    the other filters' range (a narrow range, cheap probes) or built once as a temporary
    b-tree (``+p.id IN``) that the range is looked up in, whichever costs less.
    """
    plain, plain_args = _plain(f)
    sets = sorted(_sets(db, f), key=lambda s: s.size)
    page, page_args = list(plain), list(plain_args)
    count, count_args = list(plain), list(plain_args)
    in_range = 0
    if sets and sets[0].size > DRIVE_AT_MOST:
        where = " WHERE " + " AND ".join(plain) if plain else ""
        (in_range,) = db.execute(f"SELECT COUNT(*) FROM posts p{where}", plain_args).fetchone()
    for n, item in enumerate(sets):
        drives = n == 0 and item.size <= DRIVE_AT_MOST
        page.append(item.drive if drives else item.probe)
        if drives or in_range * item.probe_weight < item.size:
            count.append(item.drive if drives else item.probe)
        else:
            count.append("+" + item.drive)
        page_args += item.args
        count_args += item.args
    if len(sets) == 1 and not plain:
        return page, page_args, sets[0].size  # the one filter: its own count
    where = " WHERE " + " AND ".join(count) if count else ""
    (total,) = db.execute(f"SELECT COUNT(*) FROM posts p{where}", count_args).fetchone()
    return page, page_args, int(total)


_COLUMNS = (
    "p.id, p.url, p.title, p.author, p.site, p.published, p.comments, p.versions, NULL, p.sort_key"
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
    page_clauses, page_args, total = _plan(db, f)
    backwards = False
    if before and (pos := parse_cursor(before)):
        page_clauses.append("(p.sort_key, p.id) > (?, ?)")
        page_args += list(pos)
        backwards = True
    elif after and (pos := parse_cursor(after)):
        page_clauses.append("(p.sort_key, p.id) < (?, ?)")
        page_args += list(pos)
    where = " WHERE " + " AND ".join(page_clauses) if page_clauses else ""
    order = "ASC" if backwards else "DESC"
    sql = f"SELECT {_COLUMNS} FROM posts p{where} ORDER BY p.sort_key {order}, p.id {order} LIMIT ?"
    found = [PostRow(*r) for r in db.execute(sql, [*page_args, size + 1])]
    if f.q and (match := fts_query(f.q)) and found:
        found = _with_snippets(db, match, found)
    more = len(found) > size
    rows = found[:size]
    if backwards:
        rows.reverse()
    has_next = more if not backwards else True
    has_prev = bool(after) if not backwards else more
    return ListPage(
        rows=tuple(rows),
        total=total,
        next_cursor=cursor_of(rows[-1]) if rows and has_next else None,
        prev_cursor=cursor_of(rows[0]) if rows and has_prev else None,
    )


def _with_snippets(db: sqlite3.Connection, match: str, rows: list[PostRow]) -> list[PostRow]:
    """The page's rows with the matched words in context: one FTS query for the page's
    rows (a snippet per row inside the page query was computed for every match)."""
    ids = [r.id for r in rows]
    marks = ",".join("?" * len(ids))
    snippets = dict(
        db.execute(
            "SELECT rowid, snippet(fts, 2, char(2), char(3), '…', 24) FROM fts "
            f"WHERE fts MATCH ? AND rowid IN ({marks})",
            [match, *ids],
        )
    )
    return [dataclasses.replace(r, snippet=snippets.get(r.id)) for r in rows]


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
