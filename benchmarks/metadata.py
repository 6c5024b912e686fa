"""Title / author / date accuracy and speed: our parser against trafilatura, same bytes, same run.

Needs the shared benchmark data in ``../shared/bench/metadata`` (or ``$BLOG_ARCHIVER_BENCH``)
and trafilatura (the ``bench`` extra). Both extractors get the page bytes and the page URL;
each prediction file goes to ``benchmarks/out/`` and is scored by the shared
``score_metadata.py``. Usage::

    python benchmarks/metadata.py [--limit N] [--only ours|trafilatura] [--per-page]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import OUT, BenchPage, load_pages, run_scorer, timed, write_jsonl
from scraper._errors import ParseError
from scraper.parse.dom._html import build_tree, decode_html
from scraper.parse.dom._page import Page
from scraper.parse.metadata._metadata import extract_metadata
from scraper.parse.profiles import detect_profile

SUBSET = "metadata"


def ours(page: BenchPage) -> dict[str, Any]:
    """Decode, build the tree and extract metadata: the parse path up to the body."""
    try:
        tree = build_tree(decode_html(page.data), page.id)
    except ParseError:
        return {"id": page.id, "title": None, "author": None, "date": None}
    p = Page(tree, page.url)
    meta = extract_metadata(p, detect_profile(p))
    names = [a.name for a in meta.authors if a.name]
    return {
        "id": page.id,
        "title": meta.title,
        "author": "; ".join(names) or None,
        "date": meta.published,
    }


def trafilatura_meta(page: BenchPage) -> dict[str, Any]:
    """trafilatura's own metadata extraction (htmldate inside) with default settings."""
    from trafilatura import load_html
    from trafilatura.metadata import extract_metadata as t_extract

    tree = load_html(page.data)
    if tree is None:
        return {"id": page.id, "title": None, "author": None, "date": None}
    doc = t_extract(tree, default_url=page.url)
    return {"id": page.id, "title": doc.title, "author": doc.author, "date": doc.date}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--only", choices=("ours", "trafilatura"), default=None)
    ap.add_argument("--per-page", action="store_true", help="write per-page comparisons too")
    args = ap.parse_args()
    pages = load_pages(SUBSET, args.limit)
    runners = {"ours": ours, "trafilatura": trafilatura_meta}
    if args.only:
        runners = {args.only: runners[args.only]}
    rows = []
    for name, fn in runners.items():
        preds, seconds = timed(fn, pages)
        pred_path = OUT / f"metadata-{name}.jsonl"
        write_jsonl(pred_path, preds)
        extra = ("--per-page", str(OUT / f"metadata-{name}-pages.jsonl")) if args.per_page else ()
        summary = run_scorer("score_metadata.py", SUBSET, pred_path, *extra)
        rows.append((name, summary, len(pages) / seconds if seconds else 0.0))
    print(f"metadata benchmark, {len(pages)} pages\n")
    print("| extractor | title | author | date | pages/s |")
    print("|---|---|---|---|---|")
    for name, s, rate in rows:
        t, a, d = (s[f]["accuracy"] for f in ("title", "author", "date"))
        print(f"| {name} | {t:.3f} | {a:.3f} | {d:.3f} | {rate:.1f} |")


if __name__ == "__main__":
    main()
