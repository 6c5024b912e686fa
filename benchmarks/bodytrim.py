"""Where the body's *trimming* fails: words dropped or kept wrongly, by the element they sit in.

``bodycheck.py`` finds choice failures (a whole page lost). What is left are boundaries: a
standfirst outside the chosen container, a caption or a "Related:" line inside it. This
check lists, over the **dev** pages of the gold sets, the pages where ours has precision or
recall more than ``--margin`` below trafilatura's (default mode), and splits each page into
its blocks (the text of ``<p>``, ``<li>``, headings, captions... and of any other element
holding text directly, nested blocks apart). A block is *in* a text when most of its
4-token shingles are. Blocks the gold holds and ours does not are **dropped**; blocks ours
holds and the gold does not are **kept**. Each block is named by its tag and the class/id
words of itself and its nearest ancestors, and the words are summed by that name across
pages and sets: a kind of element that costs on several sets is a rule for the web, one on
a single page is not.

    python benchmarks/bodytrim.py [--sets articles,comments,...] [--margin 0.05] [--top 40]

trafilatura's texts come from ``bodycheck.py``'s cache (filled here when missing). The
per-page rows go to ``benchmarks/out/bodytrim.jsonl``. Unseen pages are never read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import etree
from lxml.html import HtmlElement, document_fromstring

from benchmarks._common import OUT, write_jsonl
from benchmarks.bodycheck import GOLD_SETS, Page, _ours, load, pr, trafilatura_texts

_WORD = re.compile(r"\w+")
_BLOCKS = frozenset(
    "p li h1 h2 h3 h4 h5 h6 figcaption caption blockquote dd dt td th pre div section "
    "article aside header footer figure ul ol table tr main nav form span".split()
)
_SKIP = frozenset("script style noscript template svg head".split())
_NAME_WORD = re.compile(r"[a-z]{3,}")


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < 4:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


def _text_shingles(text: str) -> set[tuple[str, ...]]:
    return _shingles(_WORD.findall(text))


def _name(el: HtmlElement) -> str:
    """The block's tag with the class/id words of itself and up to two ancestors."""
    parts = []
    node: Any = el
    for _ in range(3):
        if node is None or not isinstance(node.tag, str):
            break
        words = _NAME_WORD.findall(f"{node.get('class') or ''} {node.get('id') or ''}".lower())
        parts.append(node.tag + ("." + ".".join(sorted(set(words))[:4]) if words else ""))
        node = node.getparent()
    return " < ".join(parts)


def blocks(data: bytes) -> list[tuple[str, list[str]]]:
    """Each block's name and its own words (text of nested blocks apart)."""
    try:
        root = document_fromstring(data)
    except (etree.ParserError, ValueError):
        return []
    own: dict[HtmlElement, list[str]] = defaultdict(list)
    order: list[HtmlElement] = []

    def block_of(el: Any) -> Any:
        while el is not None and (not isinstance(el.tag, str) or el.tag not in _BLOCKS):
            el = el.getparent()
        return el

    def add(el: Any, text: str | None) -> None:
        if not text or not text.strip() or el is None:
            return
        if el not in own:
            order.append(el)
        own[el].extend(_WORD.findall(text))

    for el in root.iter():
        if not isinstance(el.tag, str):
            parent = el.getparent()
            add(block_of(parent), el.tail)
            continue
        if el.tag in _SKIP or any(a.tag in _SKIP for a in el.iterancestors()):
            parent = el.getparent()
            if el.tag in _SKIP and parent is not None:
                add(block_of(parent), el.tail)
            continue
        add(block_of(el), el.text)
        add(block_of(el.getparent()), el.tail)
    return [(_name(el), own[el]) for el in order]


def _inside(words: list[str], text: set[tuple[str, ...]]) -> bool:
    sh = _shingles(words)
    return bool(sh) and sum(s in text for s in sh) * 2 > len(sh)


def examine(args: tuple[Page, str]) -> dict[str, Any] | None:
    page, theirs = args
    gold = page[4]
    if gold is None:
        return None
    ours = _ours(page)
    p_o, r_o = pr(gold, ours)
    p_t, r_t = pr(gold, theirs)
    return {"ours": ours, "p_ours": p_o, "r_ours": r_o, "p_traf": p_t, "r_traf": r_t}


def split(page: Page, ours: str) -> tuple[Counter[str], Counter[str], dict[str, str]]:
    gold_sh, ours_sh = _text_shingles(page[4] or ""), _text_shingles(ours)
    dropped: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    sample: dict[str, str] = {}
    for name, words in blocks(page[2]):
        in_gold, in_ours = _inside(words, gold_sh), _inside(words, ours_sh)
        if in_gold and not in_ours:
            dropped[name] += len(words)
            sample.setdefault("-" + name, " ".join(words[:14]))
        elif in_ours and not in_gold:
            kept[name] += len(words)
            sample.setdefault("+" + name, " ".join(words[:14]))
    return dropped, kept, sample


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(GOLD_SETS))
    ap.add_argument("--margin", type=float, default=0.05)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    pages = [p for p in load(args.sets.split(",")) if p[4] is not None]
    with ProcessPoolExecutor(args.jobs) as pool:
        cache = trafilatura_texts(pages, pool)
        jobs = [(p, cache[f"{p[0]}/{p[1]}"]) for p in pages]
        results = list(pool.map(examine, jobs, chunksize=4))
    rows = []
    by_kind: dict[str, Counter[str]] = {"dropped": Counter(), "kept": Counter()}
    sets_of: dict[str, set[str]] = defaultdict(set)
    pages_of: Counter[str] = Counter()
    samples: dict[str, str] = {}
    for page, res in zip(pages, results, strict=True):
        if res is None:
            continue
        worse_p = res["p_ours"] < res["p_traf"] - args.margin
        worse_r = res["r_ours"] < res["r_traf"] - args.margin
        if not (worse_p or worse_r):
            continue
        dropped, kept, sample = split(page, res["ours"])
        for name, words in sample.items():
            samples.setdefault(name, words)
        for sign, counts in (("-", dropped), ("+", kept)):
            for name, n in counts.items():
                by_kind["dropped" if sign == "-" else "kept"][name] += n
                sets_of[sign + name].add(page[0])
                pages_of[sign + name] += 1
        rows.append(
            {
                "set": page[0],
                "id": page[1],
                **{k: round(v, 3) for k, v in res.items() if k != "ours"},
                "dropped": dict(dropped.most_common(8)),
                "kept": dict(kept.most_common(8)),
            }
        )
    write_jsonl(OUT / "bodytrim.jsonl", rows)
    print(
        f"{len(rows)} pages worse than trafilatura by > {args.margin}: "
        + ", ".join(f"{s} {n}" for s, n in Counter(r["set"] for r in rows).items())
    )
    for label, sign in (
        ("dropped (gold keeps, ours lacks)", "-"),
        ("kept (ours keeps, gold lacks)", "+"),
    ):
        print(f"\n## {label}\n| words | pages | sets | element | sample |\n|---|---|---|---|---|")
        counts = by_kind["dropped" if sign == "-" else "kept"]
        for name, n in counts.most_common(args.top):
            key = sign + name
            print(
                f"| {n} | {pages_of[key]} | {','.join(sorted(sets_of[key]))} | {name[:70]} | "
                f"{samples.get(key, '')[:70]} |"
            )


if __name__ == "__main__":
    main()
