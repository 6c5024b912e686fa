"""Export an archive's records as two datasets researchers load in one line.

``posts.<ext>`` has one row per post and ``comments.<ext>`` one row per comment (keyed by
``post_url``). JSON Lines and JSON embed the full record (comments included) in each post row;
CSV and Parquet posts rows leave the comment list to the comments dataset. Everything streams:
one post is in memory at a time (plus one Parquet row group), and every post is validated
against the JSON Schema before it is written, because a dataset that silently breaks its own
schema is worse than no dataset: a record that breaks it is left out and reported.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from scraper._records import Post

from .._errors import ExportError
from ._fastcheck import record_errors
from ._rows import CAPTURE_COLUMNS, COMMENT_COLUMNS, POST_COLUMNS, comment_rows, post_row
from ._writers import (
    FORMATS,
    PARTIAL_SUFFIX,
    AtomicFile,
    Format,
    Opener,
    RowWriter,
    default_opener,
    open_writer,
    require_pyarrow,
)

__all__ = [
    "FORMATS",
    "ExportItem",
    "ExportOptions",
    "ExportResult",
    "ExportSource",
    "export_archive",
    "export_records",
    "parse_date",
]


@dataclass(frozen=True, slots=True)
class ExportItem:
    """One version of a post; ``crawl_id``/``captured_at`` are set for ``--all-captures``."""

    post: Post
    crawl_id: int | None = None
    captured_at: str | None = None


@dataclass(frozen=True, slots=True)
class ExportOptions:
    format: Format
    out: Path
    all_captures: bool = False
    site: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    row_group: int = 100_000
    validate: bool = True


@dataclass(frozen=True, slots=True)
class DatasetFile:
    path: Path
    rows: int


@dataclass(frozen=True, slots=True)
class ExportResult:
    posts: DatasetFile
    comments: DatasetFile
    skipped: int = 0  # posts left out by the filters
    rejected: tuple[str, ...] = ()  # records left out because they break the schema (why)
    duplicates: int = 0  # pages whose canonical URL an earlier row already had

    def to_dict(self) -> dict[str, Any]:
        return {
            "posts": {"path": str(self.posts.path), "rows": self.posts.rows},
            "comments": {"path": str(self.comments.path), "rows": self.comments.rows},
            "skipped": self.skipped,
            "rejected": list(self.rejected),
            "duplicates": self.duplicates,
        }


class ExportSource(Protocol):
    """What an export reads from an archive (``archive.Archive`` provides it)."""

    def posts(self) -> Iterator[Post]: ...

    def post_versions(self, url: str) -> list[tuple[int, str, Post]]: ...


def parse_date(text: str) -> dt.date:
    """A ``--since``/``--until`` value: ``YYYY-MM-DD`` (or a full ISO timestamp)."""
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise ExportError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _host(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def matches(post: Post, opts: ExportOptions) -> bool:
    """The filters: ``site`` (host or site name) and the published date range, inclusive."""
    if opts.site:
        want = opts.site.strip()
        wanted_host = _host(want if "://" in want else f"//{want}")
        if wanted_host not in (_host(post.url), _host(post.site.url)) and want != post.site.name:
            return False
    if opts.since or opts.until:
        if not post.published:
            return False
        try:
            day = dt.date.fromisoformat(post.published[:10])
        except ValueError:
            return False
        if (opts.since and day < opts.since) or (opts.until and day > opts.until):
            return False
    return True


def check_record(post: Post) -> dict[str, Any]:
    """The post's record, or ExportError naming the post and how it breaks the schema."""
    record = post.to_dict()
    errors = record_errors(record)
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ExportError(
            f"record of {post.url or '<no url>'} breaks the schema: {errors[0]}{more}"
        )
    return record


def export_records(
    items: Iterable[ExportItem],
    opts: ExportOptions,
    *,
    opener: Opener = default_opener,
    on_item: Callable[[], None] | None = None,
) -> ExportResult:
    """Write ``posts.<ext>`` and ``comments.<ext>`` into ``opts.out`` from ``items``.

    Both files appear under their final names only when both are complete; on any error
    (a full disk) the partial files are removed and earlier exports with the same names are
    left as they were. A record that breaks the schema is left out and named in
    ``ExportResult.rejected``: one bad page must not cost the dataset. ``on_item`` is called
    once per item read (progress displays).
    """
    if opts.format not in FORMATS:
        raise ExportError(f"unknown export format {opts.format!r} (one of {', '.join(FORMATS)})")
    if opts.format == "parquet":
        require_pyarrow()
    try:
        opts.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {opts.out}: {exc.strerror or exc}") from exc
    _remove_stale_partials(opts.out)
    extra = CAPTURE_COLUMNS if opts.all_captures else ()
    targets = [AtomicFile(opts.out / f"{name}.{opts.format}") for name in ("posts", "comments")]
    writers: list[RowWriter] = []
    skipped = duplicates = 0
    rejected: list[str] = []
    # A post's identity in a dataset is its canonical ``url`` (with ``crawl_id`` in an
    # ``--all-captures`` export): two pages naming one canonical URL (an AMP or print copy,
    # a theme that points every page at one URL) are one post, and joins on ``post_url``
    # must not count its comments twice. The first in the archive's order is kept.
    seen: set[tuple[str, int | None]] = set()
    try:
        for target, columns in zip(targets, (POST_COLUMNS, COMMENT_COLUMNS), strict=True):
            writers.append(
                open_writer(
                    opts.format,
                    target.partial,
                    (*columns, *extra),
                    row_group=opts.row_group,
                    opener=opener,
                )
            )
        posts_w, comments_w = writers
        nested = opts.format in ("jsonl", "json")
        for item in items:
            if on_item is not None:
                on_item()
            if not matches(item.post, opts):
                skipped += 1
                continue
            if item.post.url is not None:
                key = (item.post.url, item.crawl_id)
                if key in seen:
                    duplicates += 1
                    continue
                seen.add(key)
            try:
                record = check_record(item.post) if opts.validate else item.post.to_dict()
            except ExportError as exc:
                rejected.append(str(exc))
                continue
            version = (
                {"crawl_id": item.crawl_id, "captured_at": item.captured_at}
                if opts.all_captures
                else {}
            )
            posts_w.write({**record, **version} if nested else {**post_row(item.post), **version})
            for row in comment_rows(item.post):
                comments_w.write({**row, **version})
        for w in writers:
            w.close()
        for target in targets:
            target.commit()
    except BaseException as exc:
        for w in writers:
            try:
                w.abort()
            except OSError:
                pass
        for target in targets:
            target.discard()
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            raise ExportError(f"export to {opts.out} failed, nothing written: {reason}") from exc
        raise
    return ExportResult(
        DatasetFile(targets[0].final, writers[0].rows),
        DatasetFile(targets[1].final, writers[1].rows),
        skipped,
        tuple(rejected),
        duplicates,
    )


def _remove_stale_partials(folder: Path) -> None:
    # A killed export leaves only hidden partial files; they are never a dataset.
    for path in folder.glob(f".*{PARTIAL_SUFFIX}"):
        try:
            path.unlink()
        except OSError:
            pass


def archive_items(source: ExportSource, opts: ExportOptions) -> Generator[ExportItem, None, None]:
    """The latest version of each post, or with ``all_captures`` every version oldest first."""
    # The filters are applied by ``export_records`` (one definition of --site for every
    # source), so the archive streams every post here.
    for post in source.posts():
        if not opts.all_captures:
            src = post.source
            yield ExportItem(post, None, src.fetched_at if src else None)
            continue
        if post.url is None:
            continue
        for crawl_id, captured_at, version in source.post_versions(post.url):
            yield ExportItem(version, crawl_id, captured_at)


def export_archive(
    source: ExportSource,
    opts: ExportOptions,
    *,
    opener: Opener = default_opener,
    on_item: Callable[[], None] | None = None,
) -> ExportResult:
    """Export an open archive with the options' filters."""
    # Closed here, not by the collector after the archive is closed (a stray
    # "Cannot operate on a closed database" when an export stops early).
    with contextlib.closing(archive_items(source, opts)) as items:
        return export_records(items, opts, opener=opener, on_item=on_item)
