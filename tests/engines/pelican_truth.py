"""A Pelican plugin (loaded by the test site's pelicanconf, run inside Pelican's own build):
writes what Pelican's generators hold when the build finishes to ``TRUTH_FILE`` as JSON.

Imported by Pelican, never by the tests: it is the engine's own account of its articles
(URL, title, authors, dates, category, tags, rendered content), not our parser's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pelican import __version__, signals


def _article(a: Any, siteurl: str) -> dict[str, Any]:
    modified = getattr(a, "modified", None)
    return {
        "url": f"{siteurl}/{a.url}",
        "title": a.title,
        "authors": [str(x) for x in a.authors],
        "date": a.date.isoformat(),
        "modified": modified.isoformat() if modified else None,
        "category": str(a.category),
        "tags": [str(t) for t in getattr(a, "tags", [])],
        "content": a.content,
    }


def _write(generators: list[Any]) -> None:
    """Once every generator is done (articles read, their content rendered): the articles,
    and the pages, which may be records too."""
    settings = generators[0].settings
    siteurl = settings["SITEURL"]
    articles: list[dict[str, Any]] = []
    pages: list[str] = []
    for gen in generators:
        articles.extend(_article(a, siteurl) for a in getattr(gen, "articles", []))
        pages.extend(f"{siteurl}/{p.url}" for p in getattr(gen, "pages", []))
    doc = {"version": __version__, "sitename": settings["SITENAME"], "articles": articles,
           "pages": pages}  # fmt: skip
    Path(settings["TRUTH_FILE"]).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")


def register() -> None:
    signals.all_generators_finalized.connect(_write)
