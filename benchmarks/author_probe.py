"""Authors without declarations: each dev page parsed with its machine-readable authors
removed, scored against the gold on the pages whose gold author is visible in the text.

Dev pages score well on authors because JSON-LD and ``<meta>`` name the author on half of
them; small sites and old blogs declare nothing, and there only the visible byline counts.
This probe makes dev pages look like those: before the metadata stage runs, it removes

- every JSON-LD ``author`` / ``creator`` key (the rest of each block stays),
- every ``<meta>`` whose key names an author (``author``, ``article:author``, ``dc.creator``,
  ``byl``, vendor keys such as ``parsely-author``, Yoast's ``twitter:label*/data*``),
- ``<link rel=author>`` in the head and hidden microdata ``<meta itemprop=…>`` in the body,
- every inline script other than JSON-LD (``dataLayer`` author keys),

and keeps what a reader sees, ``<a rel=author>`` and microdata on visible elements
included. A page counts when each of its gold names (split at ";") is found in the
visible text of the body. Scores are the shared scorer's exact and lenient author
matches. Dev pages only: ``--ext`` folders are read for their ``dev`` split alone.

    python benchmarks/author_probe.py [--misses] [--ext /work/gen-data/ext/postlight ...]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml.html import HtmlElement

from benchmarks._common import load_pages
from benchmarks.external import split_of
from scraper._errors import ParseError
from scraper.parse.dom._html import build_tree, decode_html
from scraper.parse.dom._page import Page
from scraper.parse.metadata._metadata import extract_metadata
from scraper.parse.profiles import detect_profile

_AUTHOR_KEY = re.compile(r"author|creator|byl|byline|twitter:(?:label|data)\d", re.I)
_LD_KEYS = frozenset({"author", "creator"})
_WORD = re.compile(r"\w+")
_JOINERS = {"and", "und", "et", "y", "e", "by", "von", "par", "de"}


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _lenient(text: str) -> str:
    return " ".join(sorted(t for t in _WORD.findall(_norm(text)) if t not in _JOINERS))


def _without_authors(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_authors(v) for k, v in value.items() if k not in _LD_KEYS}
    if isinstance(value, list):
        return [_without_authors(v) for v in value]
    return value


def strip_declared(tree: HtmlElement) -> None:
    """Remove the authors a page declares for machines only (see the module doc)."""
    for script in list(tree.iter("script")):
        kind = (script.get("type") or "").strip().lower()
        if kind == "application/ld+json":
            try:
                data = json.loads(script.text or "")
            except ValueError:
                continue
            script.text = json.dumps(_without_authors(data))
        else:
            script.drop_tree()
    for meta in list(tree.iter("meta")):
        key = " ".join(meta.get(a) or "" for a in ("name", "property", "itemprop"))
        body_micro = (
            meta.get("itemprop") is not None and next(meta.iterancestors("body"), None) is not None
        )
        if _AUTHOR_KEY.search(key) or body_micro:
            meta.drop_tree()
    for link in list(tree.iter("link")):
        if "author" in (link.get("rel") or "").lower().split():
            link.drop_tree()


def _visible(tree: HtmlElement) -> str:
    body = tree.find("body")
    if body is None:
        return ""
    for el in list(body.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    return _norm(body.text_content())


def _pages(ext: list[Path]) -> list[tuple[str, bytes, str | None, str]]:
    """(set:id, bytes, url, gold author) of every dev page with a gold author."""
    out = []
    for p in load_pages("metadata"):
        if p.gold.get("author"):
            out.append((f"bench:{p.id}", p.data, p.url, str(p.gold["author"])))
    for folder in ext:
        gold = json.loads((folder / "gold.json").read_text("utf-8"))
        for pid, g in gold.items():
            author = g.get("author")
            if isinstance(author, list):
                author = "; ".join(str(a) for a in author if a)
            if split_of(pid) != "dev" or not author:
                continue
            data = (folder / "pages" / f"{pid}.html").read_bytes()
            out.append((f"{folder.name}:{pid}", data, g.get("url"), str(author)))
    return out


def _probe(data: bytes, url: str | None, pid: str, keep: bool) -> tuple[str | None, str]:
    """The author found with the declarations removed (``keep``: left in, for the same
    pages' score as they are), and the page's visible text."""
    try:
        tree = build_tree(decode_html(data), pid)
    except ParseError:
        return None, ""
    if not keep:
        strip_declared(tree)
    page = Page(tree, url)
    meta = extract_metadata(page, detect_profile(page))
    names = [a.name for a in meta.authors if a.name]
    return "; ".join(names) or None, _visible(tree)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ext", type=Path, action="append", default=[])
    ap.add_argument("--misses", action="store_true", help="print each miss (dev pages)")
    ap.add_argument("--keep", action="store_true", help="keep the declarations (baseline)")
    ap.add_argument("--json", type=Path, help="write every page's result here")
    args = ap.parse_args()
    counts: dict[str, list[int]] = {}
    rows = []
    for pid, data, url, gold in _pages(args.ext):
        found, text = _probe(data, url, pid, args.keep)
        names = [_norm(n) for n in gold.split(";") if n.strip()]
        if not all(n in text for n in names):
            continue
        exact = _norm(found or "") == _norm(gold)
        lenient = _lenient(found or "") == _lenient(gold)
        c = counts.setdefault(pid.split(":")[0], [0, 0, 0])
        c[0] += 1
        c[1] += exact
        c[2] += lenient
        rows.append({"id": pid, "gold": gold, "found": found, "exact": exact})
        if args.misses and not lenient:
            print(f"MISS {pid}\n  gold  {gold!r}\n  found {found!r}")
    print("| set | pages (gold author visible) | probe author | probe author~ |")
    print("|---|---|---|---|")
    for name, (n, e, le) in counts.items():
        print(f"| {name} | {n} | {e / n:.3f} ({e}) | {le / n:.3f} ({le}) |")
    if args.json:
        args.json.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")


if __name__ == "__main__":
    main()
