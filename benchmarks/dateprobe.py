"""Publication dates on pages stripped of every machine-readable date: a stand-in for small sites.

The hidden evaluation pages are mostly small sites and blogs whose dates are visible text, not
declared metadata; the dev pages mostly declare theirs. This probe removes what a small site
would not have (JSON-LD blocks, every ``<meta>`` naming a date, ``datetime=`` / ``content=`` /
``data-date=``-style attributes, date keys inside scripts; the URL is kept) and scores the
``published`` date against the gold of ``../shared/bench/metadata``, so the visible-text
witnesses alone decide. Nothing is written but the optional per-page list (``--misses``,
dev pages only). Usage::

    python benchmarks/dateprobe.py [--limit N] [--misses] [--full] [--ext FOLDER ...]

``--full`` scores the untouched pages instead (the same run, for comparison). ``--ext``
adds the **dev** halves of prepared external sets (``benchmarks/external.py``'s folders:
``pages/<id>.html`` + ``gold.json``); their unseen halves are never read here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import BenchPage, load_pages
from scraper._errors import ParseError
from scraper.parse.dom._html import build_tree, decode_html
from scraper.parse.dom._page import Page
from scraper.parse.metadata._metadata import extract_metadata
from scraper.parse.profiles import detect_profile

_LDJSON = re.compile(
    rb"<script[^>]*application/ld\+json[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL
)
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_DATE = re.compile(rb"date|time|published|modified|created|issued|updated", re.IGNORECASE)
_ATTR = re.compile(
    rb"""\s(?:datetime|content|data-[\w-]*(?:date|time)[\w-]*|title)\s*=\s*"""
    rb"""(?:"[^"]*\d{4}[^"]*"|'[^']*\d{4}[^']*')""",
    re.IGNORECASE,
)
_SCRIPT = re.compile(rb"(<script\b[^>]*>)(.*?)(</script\s*>)", re.IGNORECASE | re.DOTALL)
_SCRIPT_KEY = re.compile(
    rb"""["']?\w*(?:date|Date|DATE|time|Time|published|Published)\w*["']?\s*[:=]\s*"""
    rb"""(?:"[^"]*"|'[^']*'|\d+)"""
)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def strip_machine_dates(html: bytes) -> bytes:
    """The page without the dates a machine reads: what a bare small site shows."""
    html = _LDJSON.sub(b"", html)
    html = _META.sub(lambda m: b"" if _META_DATE.search(m.group()) else m.group(), html)
    html = _ATTR.sub(b"", html)
    return _SCRIPT.sub(
        lambda m: m.group(1) + _SCRIPT_KEY.sub(b"_=0", m.group(2)) + m.group(3), html
    )


def ext_pages(folder: Path) -> list[BenchPage]:
    """The dated dev pages of one prepared external set."""
    from benchmarks.external import split_of

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return [
        BenchPage(pid, (folder / "pages" / f"{pid}.html").read_bytes(), g.get("url"), g)
        for pid, g in sorted(gold.items())
        if split_of(pid) == "dev" and g.get("date") and (folder / "pages" / f"{pid}.html").exists()
    ]


def published(page: BenchPage, data: bytes) -> str | None:
    try:
        tree = build_tree(decode_html(data), page.id)
    except ParseError:
        return None
    p = Page(tree, page.url)
    return extract_metadata(p, detect_profile(p)).published


def _norm(v: str | None) -> str:
    m = _DATE.search(v or "")
    return "-".join(m.groups()) if m else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--misses", action="store_true", help="print each miss: id, gold, ours")
    ap.add_argument("--full", action="store_true", help="score the untouched pages instead")
    ap.add_argument("--ext", type=Path, nargs="*", default=[], help="prepared external sets")
    args = ap.parse_args()
    pages = [p for p in load_pages("metadata", args.limit) if p.gold.get("date")]
    if args.ext:
        pages = []  # the external sets alone: each probe's numbers stay apart
    for folder in args.ext:
        pages += ext_pages(folder)
    right = 0
    for page in pages:
        data = page.data if args.full else strip_machine_dates(page.data)
        got, gold = _norm(published(page, data)), _norm(page.gold["date"])
        right += got == gold
        if args.misses and got != gold:
            print(f"{page.id}\t{gold}\t{got or '-'}")
    kind = "untouched" if args.full else "machine dates stripped"
    print(f"date probe ({kind}): {right} / {len(pages)} = {right / len(pages):.3f}")


if __name__ == "__main__":
    main()
