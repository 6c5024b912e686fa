"""Where the body's *choice* fails: pages on which ours or trafilatura's text is far off.

Trimming costs a few points a page; choosing the wrong container (a rail, a teaser list, a
comment section) or none costs the whole page. A set's F1 hides which of the two happened,
so this check lists, over the **dev** pages of every set, the pages where either extractor
has recall < 0.5 against the gold, or where one text is under half as long as the other
(pages without body gold are checked by length alone). Unseen pages are never read here.

    python benchmarks/bodycheck.py [--sets articles,comments,fundus,...] [--jobs 2]

trafilatura runs in its default mode (as ``external.py`` scores it) and its texts are kept
in ``benchmarks/out/bodycheck-trafilatura.json`` (they do not change between runs); ours
are written with the flagged rows to ``benchmarks/out/bodycheck.jsonl``. P and R are the
articles scorer's (4-token shingles) on every set, the comments set's too (its own scorer
counts words), since only the size of a miss matters here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import OUT, bench_dir, write_jsonl
from benchmarks.external import ours_fields, split_of, trafilatura_fields

EXT = Path(os.environ.get("BLOG_ARCHIVER_EXT_ROOT", "/work/gen-data/ext"))
GOLD_SETS = ("articles", "comments", "fundus", "newspaper3k", "newspaper4k")
LENGTH_SETS = ("postlight", "metascraper", "metadata")
_WORD = re.compile(r"\w+")
_LOW_RECALL = 0.5
_SHORT = 0.5
_MIN_CHARS = 200  # two texts both shorter than this are no choice worth comparing

# set, id, page bytes, url, gold body (None: no body gold)
Page = tuple[str, str, bytes, str | None, str | None]


def _bench(name: str) -> Iterator[Page]:
    folder = bench_dir() / name
    if name == "articles":
        gold = json.loads((folder / "ground-truth.json").read_text("utf-8"))
        for path in sorted((folder / "html").glob("*.html.gz")):
            pid = path.name.removesuffix(".html.gz")
            entry = gold.get(pid, {})
            yield (
                name,
                pid,
                gzip.decompress(path.read_bytes()),
                entry.get("url"),
                entry.get("articleBody"),
            )
        return
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    for path in sorted(folder.glob("*.html.gz")):
        pid = path.name.removesuffix(".html.gz")
        entry = gold.get(pid, {})
        body = entry.get("body") if name == "comments" else None
        yield name, pid, gzip.decompress(path.read_bytes()), entry.get("url"), body


def _external(name: str) -> Iterator[Page]:
    folder = EXT / name
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    for pid in sorted(gold):
        if split_of(pid) != "dev":  # unseen pages are scored by external.py only
            continue
        data = (folder / "pages" / f"{pid}.html").read_bytes()
        yield name, pid, data, gold[pid].get("url"), gold[pid].get("body")


def load(names: list[str]) -> list[Page]:
    out: list[Page] = []
    for name in names:
        bench = name in ("articles", "comments", "metadata")
        out.extend(_bench(name) if bench else _external(name))
    return out


def _shingles(text: str | None) -> Counter[tuple[str, ...]]:
    toks = _WORD.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < 4:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + 4]) for i in range(len(toks) - 3))


def pr(gold: str, pred: str) -> tuple[float, float]:
    """The articles scorer's per-page precision and recall."""
    g, p = _shingles(gold), _shingles(pred)
    tp = sum((g & p).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    if fp == fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def _scored(page: Page) -> tuple[str, bytes, str | None]:
    """``page`` as ``external.py``'s extractors take it: its id, bytes and address."""
    return page[1], page[2], page[3]


def _ours(page: Page) -> str:
    return str(ours_fields(_scored(page))["body"])


def _theirs(page: Page) -> str:
    return str(trafilatura_fields(_scored(page))["body"])


def _flag(gold: str | None, ours: str, theirs: str) -> dict[str, Any] | None:
    row: dict[str, Any] = {"len_ours": len(ours), "len_traf": len(theirs)}
    reasons = []
    if gold is not None:
        row["len_gold"] = len(gold)
        row["p_ours"], row["r_ours"] = pr(gold, ours)
        row["p_traf"], row["r_traf"] = pr(gold, theirs)
        if row["r_ours"] < _LOW_RECALL:
            reasons.append("ours-recall")
        if row["r_traf"] < _LOW_RECALL:
            reasons.append("traf-recall")
    if max(len(ours), len(theirs)) >= _MIN_CHARS:
        if len(ours) < _SHORT * len(theirs):
            reasons.append("ours-short")
        elif len(theirs) < _SHORT * len(ours):
            reasons.append("traf-short")
    if not reasons:
        return None
    row["why"] = reasons
    return row


def trafilatura_texts(pages: list[Page], pool: ProcessPoolExecutor) -> dict[str, str]:
    """Trafilatura's text of each page by ``set/id``, kept in ``OUT`` between runs: it is
    the slow side, and its text does not change while our rules do."""
    cache_path = OUT / "bodycheck-trafilatura.json"
    cache: dict[str, str] = (
        json.loads(cache_path.read_text("utf-8")) if cache_path.is_file() else {}
    )
    todo = [p for p in pages if f"{p[0]}/{p[1]}" not in cache]
    for page, text in zip(todo, pool.map(_theirs, todo, chunksize=4), strict=True):
        cache[f"{page[0]}/{page[1]}"] = text
    OUT.mkdir(parents=True, exist_ok=True)
    cache_path.write_text(json.dumps(cache, ensure_ascii=False), "utf-8")
    return cache


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(GOLD_SETS + LENGTH_SETS))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    pages = load(args.sets.split(","))
    with ProcessPoolExecutor(args.jobs) as pool:
        cache = trafilatura_texts(pages, pool)
        ours = list(pool.map(_ours, pages, chunksize=4))
    rows = []
    for page, text in zip(pages, ours, strict=True):
        flagged = _flag(page[4], text, cache[f"{page[0]}/{page[1]}"])
        if flagged is not None:
            rows.append({"set": page[0], "id": page[1], **flagged})
    write_jsonl(OUT / "bodycheck.jsonl", rows)
    counts = Counter(page[0] for page in pages)
    print("| set | id | why | P/R ours | P/R traf | chars ours / traf / gold |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        po = f"{r['p_ours']:.2f}/{r['r_ours']:.2f}" if "p_ours" in r else "-"
        pt = f"{r['p_traf']:.2f}/{r['r_traf']:.2f}" if "p_traf" in r else "-"
        print(
            f"| {r['set']} | {r['id'][:40]} | {','.join(r['why'])} | {po} | {pt} | "
            f"{r['len_ours']} / {r['len_traf']} / {r.get('len_gold', '-')} |"
        )
    per_set = Counter(r["set"] for r in rows)
    print("\n" + ", ".join(f"{s}: {per_set[s]} of {counts[s]}" for s in counts))


if __name__ == "__main__":
    main()
