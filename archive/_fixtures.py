"""Saved pages with their expected records: load them, parse them, diff field by field.

A fixture is the truth of one page written down by a person, so a parser change can be
judged against it. Layout (see ``fixtures/README.md``)::

    <root>/<engine>/<name>.html + <name>.expected.json      one page
    <root>/<engine>/<name>/page-1.html ... + expected.json  one post over comment pages

``expected.json`` is ``{"fixture": {"url", "content_type", "note", ["pages"]},
"record": {...}}``. The diff ignores ``source`` (a local file has none) and
``extractor.version`` (it changes with every release), so that only what the page says
is compared (``archive._fielddiff``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scraper import Capture, Post, parse_page
from scraper.parse import merge_pages

from ._fielddiff import IGNORED_FIELDS, FieldDiff, diff_records, format_diffs

if TYPE_CHECKING:
    import httpx

__all__ = [
    "EXPECTED_SUFFIX",
    "IGNORED_FIELDS",
    "MULTI_PAGE_FILE",
    "FieldDiff",
    "Fixture",
    "FixtureError",
    "FixturePage",
    "FixtureResult",
    "add_fixture",
    "check_fixture",
    "diff_records",
    "fetch_page",
    "field_counts",
    "format_diffs",
    "load_fixture",
    "load_fixtures",
    "parse_fixture",
    "run_fixture",
]

EXPECTED_SUFFIX = ".expected.json"
MULTI_PAGE_FILE = "expected.json"


class FixtureError(Exception):
    """A fixture on disk is malformed (missing page, bad JSON, missing keys)."""


@dataclass(frozen=True, slots=True)
class FixturePage:
    """One saved page: its file and the URL / Content-Type it was served with."""

    file: Path
    url: str | None
    content_type: str | None = None


@dataclass(frozen=True, slots=True)
class Fixture:
    """One fixture: the page(s) to parse and the record a careful reader expects."""

    name: str  # path relative to the root, without suffix: "wordpress/twentyeleven-seed"
    path: Path  # the expected JSON file
    pages: tuple[FixturePage, ...]
    expected: dict[str, Any]
    note: str = ""


@dataclass(frozen=True, slots=True)
class FixtureResult:
    """The outcome of checking one fixture; ``error`` is set when the parse itself failed."""

    fixture: Fixture
    diffs: tuple[FieldDiff, ...] = ()
    error: str | None = None

    @property
    def passed(self) -> bool:
        return not self.diffs and self.error is None


# --------------------------------------------------------------------------- loading


def load_fixtures(root: str | Path) -> list[Fixture]:
    """Every fixture under ``root``, sorted by name; folders starting with ``_``/``.`` skipped."""
    base = Path(root)
    if not base.is_dir():
        raise FixtureError(f"no fixture folder at {base}")
    found: list[Fixture] = []
    for path in sorted(base.rglob("*.json")):
        rel = path.relative_to(base)
        if any(part.startswith(("_", ".")) for part in rel.parts[:-1]):
            continue
        if path.name.endswith(EXPECTED_SUFFIX) or path.name == MULTI_PAGE_FILE:
            found.append(load_fixture(path, base))
    return sorted(found, key=lambda f: f.name)


def load_fixture(path: Path, root: Path | None = None) -> Fixture:
    """Read one expected JSON file (single-page ``X.expected.json`` or multi-page)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise FixtureError(f"{path}: unreadable expected record: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("record"), dict):
        raise FixtureError(f"{path}: needs an object with 'fixture' and 'record'")
    meta = data.get("fixture") or {}
    base = root or path.parent
    if path.name == MULTI_PAGE_FILE:
        name = path.parent.relative_to(base).as_posix() if root else path.parent.name
        pages = tuple(
            FixturePage(
                file=path.parent / str(p["file"]),
                url=p.get("url"),
                content_type=p.get("content_type", meta.get("content_type")),
            )
            for p in meta.get("pages") or ()
        )
        if not pages:
            raise FixtureError(f"{path}: a multi-page fixture needs fixture.pages")
    else:
        stem = path.name[: -len(EXPECTED_SUFFIX)]
        name = (path.parent / stem).relative_to(base).as_posix() if root else stem
        page_file = path.parent / str(meta.get("file") or f"{stem}.html")
        pages = (FixturePage(page_file, meta.get("url"), meta.get("content_type")),)
    for page in pages:
        if not page.file.is_file():
            raise FixtureError(f"{path}: page file {page.file.name} not found")
    return Fixture(name, path, pages, data["record"], str(meta.get("note") or ""))


# --------------------------------------------------------------------------- checking


def parse_fixture(fx: Fixture) -> Post:
    """Parse the fixture's page(s) as the crawler would; several pages are merged."""
    posts = [
        (
            p.url,
            parse_page(p.file.read_bytes(), p.url, content_type=p.content_type, source=str(p.file)),
        )
        for p in fx.pages
    ]
    return posts[0][1] if len(posts) == 1 else merge_pages(posts)


def check_fixture(fx: Fixture, fields: Sequence[str] | None = None) -> list[FieldDiff]:
    """Parse ``fx`` and diff its record against the expected one (only ``fields`` if given)."""
    got = parse_fixture(fx).to_dict()
    return diff_records(fx.expected, got, fields)


def run_fixture(fx: Fixture, fields: Sequence[str] | None = None) -> FixtureResult:
    """``check_fixture`` that reports a crashing parser as a failed fixture, not a crash."""
    try:
        diffs = check_fixture(fx, fields)
    except Exception as exc:  # a crash is one failing fixture; the others still run
        return FixtureResult(fx, (), f"{type(exc).__name__}: {exc}")
    return FixtureResult(fx, tuple(diffs))


# --------------------------------------------------------------------------- counting


_INDEX = re.compile(r"\[\+?\d+\]")


def field_counts(results: Iterable[FixtureResult]) -> list[tuple[str, int]]:
    """Which fields differ in how many fixtures, most first: where the parser is weakest.

    List indices are folded (``comments[3].published`` counts as ``comments[].published``)
    and each field counts once per fixture, so one long thread does not dominate.
    """
    counts: dict[str, int] = {}
    for result in results:
        for field in {_INDEX.sub("[]", d.path) for d in result.diffs}:
            counts[field] = counts.get(field, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


# --------------------------------------------------------------------------- adding


def add_fixture(
    page: str | Path | bytes,
    dest_dir: str | Path,
    url: str | None = None,
    name: str | None = None,
    *,
    content_type: str | None = None,
    note: str | None = None,
) -> Path:
    """Save a page and the record the parser gives today as a new fixture; return its JSON.

    The record is a starting point for review, not the truth: a person must check every
    field against the page before the fixture is committed.
    """
    if isinstance(page, bytes):
        data = page
        default_name = _slug(url) if url else "page"
    else:
        src = Path(page)
        data = src.read_bytes()
        default_name = src.stem
    stem = _slug(name or default_name)
    dest = Path(dest_dir)
    html_path = dest / f"{stem}.html"
    json_path = dest / f"{stem}{EXPECTED_SUFFIX}"
    for p in (html_path, json_path):
        if p.exists():
            raise FileExistsError(f"{p} exists; choose another --name")
    record = parse_page(data, url, content_type=content_type, source=str(page)[:200]).to_dict()
    record["source"] = None
    doc = {
        "fixture": {
            "url": url,
            "content_type": content_type,
            "note": note or "added by `fixtures add`: REVIEW every field against the page",
        },
        "record": record,
    }
    dest.mkdir(parents=True, exist_ok=True)
    html_path.write_bytes(data)
    json_path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return json_path


def fetch_page(url: str, *, transport: httpx.AsyncBaseTransport | None = None) -> Capture:
    """Fetch one page as the crawler would (size caps, retries, redirects) to save it.

    For ``fixtures add URL``: one request the user asked for by name, like ``curl``, so the
    host is trusted and robots.txt is not consulted. ``transport`` lets tests inject
    ``httpx.MockTransport``.
    """
    import asyncio

    import httpx

    from scraper._config import FetchConfig
    from scraper.fetch._fetch import Fetcher

    async def _go() -> Capture:
        async with httpx.AsyncClient(transport=transport) as client:
            host = urlsplit(url).hostname or ""
            fetcher = Fetcher(client, FetchConfig(), trusted_hosts=[host])
            return await fetcher.fetch(url)

    return asyncio.run(_go())


def _slug(text: str) -> str:
    text = re.sub(r"^[a-z]+://", "", text.strip().lower())
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:80] or "page"
