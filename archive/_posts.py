"""Posts out of the catalog: each post's pages merged into one record, per crawl round.

A *version* of a post is what one crawl round captured: the post page and its comment
pages, each with its newest parse (a ``reparse`` round adds parses of old captures
without making a new version). ``iter_posts`` streams the newest version of every post in
URL order with one query, so memory stays flat however big the archive is.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from scraper._records import Post
from scraper.parse._merge import merge_pages

__all__ = ["iter_posts", "latest_versions", "post_versions"]

def _merge(rows: list[tuple[str, int, str, str, str]]) -> Post:
    """One Post from one round's page parses; the newest capture of each page wins."""
    seen: set[str] = set()
    pages: list[tuple[str | None, Post]] = []
    for _post_url, _crawl, page_url, record_json, _at in rows:
        if page_url in seen:
            continue
        seen.add(page_url)
        pages.append((page_url, Post.from_dict(json.loads(record_json))))
    # the post's own page gives the fields and the source; its other pages (.../slug/2/)
    # are joined in page order, its comment pages merged
    return merge_pages(pages, rows[0][0])


def _matches(
    post: Post, post_url: str, site: str | None, since: str | None, until: str | None
) -> bool:
    if site:
        host = urlsplit(post_url).hostname or ""
        site_url = post.site.url or ""
        if not (host == site.lower() or post_url.startswith(site) or site_url.startswith(site)):
            return False
    if since or until:
        published = post.published or ""
        if not published:
            return False
        if since and published[: len(since)] < since:
            return False
        if until and published[: len(until)] > until:
            return False
    return True


PageRow = tuple[str, int, str, str, str]  # post_url, crawl_id, page_url, record_json, fetched_at


def latest_versions(rows: Iterable[PageRow]) -> Iterator[tuple[str, int, str, int, Post]]:
    """``(post_url, crawl_id, captured_at, versions, Post)`` of every post's newest version,
    in URL order: one streamed query, as ``iter_posts`` (the search index of ``serve``
    wants the catalog's key and the number of versions beside the record)."""
    for post_url, group in itertools.groupby(rows, key=lambda r: r[0]):
        newest: list[tuple[str, int, str, str, str]] = []
        rounds: set[int] = set()
        for row in group:
            rounds.add(row[1])  # older rounds are counted, not merged (rows keep streaming)
            if not newest or row[1] == newest[0][1]:
                newest.append(row)
        at = _captured_at(post_url, newest)
        yield str(post_url), int(newest[0][1]), at, len(rounds), _merge(newest)


def _captured_at(url: str, members: list[tuple[str, int, str, str, str]]) -> str:
    """When a version was captured: its post page's fetch, else its first page's."""
    own = [r[4] for r in members if r[2] == url]
    return str(min(own) if own else min(r[4] for r in members))


def iter_posts(
    rows: Iterable[PageRow],
    *,
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Iterator[Post]:
    for post_url, _crawl, _at, _n, post in latest_versions(rows):
        if _matches(post, post_url, site, since, until):
            yield post


def post_versions(page_rows: Iterable[PageRow], url: str) -> list[tuple[int, str, Post]]:
    """``(crawl_id, captured_at, merged Post)`` per round of one post's rows
    (``Catalog.page_rows(url)``), oldest first."""
    rows = list(page_rows)
    out: list[tuple[int, str, Post]] = []
    for crawl_id, group in itertools.groupby(rows, key=lambda r: r[1]):
        members = list(group)
        out.append((int(crawl_id), _captured_at(url, members), _merge(members)))
    out.reverse()
    return out
