"""Pages already in another set: a public project's test pages are often saved from the
same URLs as another project's, or as ``../shared/bench``'s, and a page scored in two sets
(or in a dev set and an unseen one) would count twice and leak between splits."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from benchmarks._external_sets import Gold

_TRACKING = re.compile(r"^(utm_|ref$|on\.cnn$|incart_)")


def url_key(url: str) -> str:
    """One key for the same page under small URL variants: no scheme, no ``www.``, no
    fragment, no trailing slash, no tracking parameters; host in lower case."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def known_urls(paths: Iterable[Path]) -> set[str]:
    """The URL keys of every page in other sets: a prepared folder (``gold.json``), the
    shared bench's ``metadata/`` or ``articles/`` (``gold.json``, ``ground-truth.json``) or
    one such JSON file; any entry's ``url`` and ``canonical_url`` count."""
    keys: set[str] = set()
    for path in paths:
        files = [path] if path.is_file() else [*path.glob("gold.json"), *path.glob("*/gold.json")]
        if path.is_dir():
            files += [*path.glob("ground-truth.json"), *path.glob("*/ground-truth.json")]
        for file in files:
            entries = json.loads(file.read_text("utf-8"))
            for entry in entries.values() if isinstance(entries, dict) else entries:
                if not isinstance(entry, dict):
                    continue
                for field in ("url", "canonical_url"):
                    if isinstance(entry.get(field), str) and entry[field]:
                        keys.add(url_key(entry[field]))
    return keys


def drop_known(gold: Gold, known: set[str]) -> list[str]:
    """Leave out pages of ``gold`` already in another set; returns the ids left out. Two
    pages of one set may share a URL (fundus saved some pages twice, years apart, with the
    gold of each parser version): both stay."""
    dropped = [
        pid
        for pid, entry in gold.items()
        if {url_key(entry[f]) for f in ("url", "canonical_url") if entry.get(f)} & known
    ]
    for pid in dropped:
        del gold[pid]
    return sorted(dropped)
