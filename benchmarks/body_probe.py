"""A class-blind probe for the body: dev pages with every class and id word made meaningless.

Hidden pages come from sites whose class names nobody on the team has read, so a rule that
wins on the dev pages through a class word (``entry-content``, ``share``, ``related``) may
not carry to them. This probe stands in for such sites: it parses the **dev** pages of every
set with a body gold (bench articles, the comments set's bodies, fundus, newspaper3k and
newspaper4k dev halves) twice, as they are and *blinded*, and scores the body of both
readings, ours and trafilatura's (default mode) side by side. Unseen pages are never read.

Blinding: inside every start tag, each word of a ``class`` value and the whole ``id`` value
is replaced by ``z`` + eight digits of its hash (the same word gives the same token on every
page, so repeated classes still repeat, as on any site). Kept as they are: tag names, text,
comments, scripts and styles, and every other attribute (``itemprop``, ``role``, ``rel``,
``href``, ``data-*``, ``aria-*``, meta tags, JSON-LD), since those are standards or data a
hidden page carries just as well; ``<style>`` selectors still name the old classes but no
rule reads them.

    python benchmarks/body_probe.py [--sets articles,comments,...] [--jobs 2] [--worst 30]

Scores are the mean per-page F1 of the articles scorer's 4-token shingles on every set
(``bodycheck.pr``), the comments set's too, so they are a harness's numbers, close to but
not the shared scorers'. trafilatura's texts are cached in ``benchmarks/out`` (normal ones
shared with ``bodycheck.py``); per-page rows go to ``benchmarks/out/body_probe.jsonl``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import OUT, write_jsonl
from benchmarks.bodycheck import GOLD_SETS, Page, _ours, _theirs, load, pr, trafilatura_texts

_TAG = re.compile(rb"<[A-Za-z][^<>]*>")
_ATTR = re.compile(rb"""(\s(class|id)\s*=\s*)("[^"]*"|'[^']*'|[^\s>"']+)""", re.I)


def _token(word: bytes) -> bytes:
    digest = hashlib.blake2b(word, digest_size=8).digest()
    return b"z%08d" % (int.from_bytes(digest, "big") % 100_000_000)


def _blind_attr(match: re.Match[bytes]) -> bytes:
    raw = match.group(3)
    quote = raw[:1] if raw[:1] in (b'"', b"'") else b""
    value = raw[1:-1] if quote else raw
    if match.group(2).lower() == b"id":
        new = _token(value.strip()) if value.strip() else value
    else:
        new = b" ".join(_token(w) for w in value.split())
    return match.group(1) + (quote or b'"') + new + (quote or b'"')


def blind(data: bytes) -> bytes:
    """``data`` with every class word and id value replaced by a meaningless token."""
    return _TAG.sub(lambda m: _ATTR.sub(_blind_attr, m.group(0)), data)


def _blinded(page: Page) -> Page:
    return page[0], page[1], blind(page[2]), page[3], page[4]


def _ours_blind(page: Page) -> str:
    return _ours(_blinded(page))


def _theirs_blind(page: Page) -> str:
    return _theirs(_blinded(page))


def _f1(gold: str, text: str) -> float:
    p, r = pr(gold, text)
    return 2 * p * r / (p + r) if p + r else 0.0


def _cached(pages: list[Page], pool: ProcessPoolExecutor, name: str) -> dict[str, str]:
    path = OUT / name
    cache: dict[str, str] = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    todo = [p for p in pages if f"{p[0]}/{p[1]}" not in cache]
    for page, text in zip(todo, pool.map(_theirs_blind, todo, chunksize=4), strict=True):
        cache[f"{page[0]}/{page[1]}"] = text
    OUT.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(cache, ensure_ascii=False), "utf-8")
    return cache


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default=",".join(GOLD_SETS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--worst", type=int, default=30, help="list the pages blinding costs most")
    args = ap.parse_args()
    pages = [p for p in load(args.sets.split(",")) if p[4] is not None]
    with ProcessPoolExecutor(args.jobs) as pool:
        traf = trafilatura_texts(pages, pool)
        traf_blind = _cached(pages, pool, "body_probe-trafilatura-blind.json")
        ours = list(pool.map(_ours, pages, chunksize=4))
        ours_blind = list(pool.map(_ours_blind, pages, chunksize=4))
    rows: list[dict[str, Any]] = []
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0, 0.0])
    for page, o, ob in zip(pages, ours, ours_blind, strict=True):
        key = f"{page[0]}/{page[1]}"
        gold = str(page[4])
        row = {
            "set": page[0],
            "id": page[1],
            "ours": _f1(gold, o),
            "ours_blind": _f1(gold, ob),
            "traf": _f1(gold, traf[key]),
            "traf_blind": _f1(gold, traf_blind[key]),
        }
        row["p_blind"], row["r_blind"] = pr(gold, ob)
        rows.append(row)
        s = sums[page[0]]
        for i, k in enumerate(("ours", "ours_blind", "traf", "traf_blind")):
            s[i] += row[k]
        s[4] += 1
    write_jsonl(OUT / "body_probe.jsonl", rows)
    print("| set | pages | ours | ours blind | trafilatura | trafilatura blind |")
    print("|---|---|---|---|---|---|")
    total = [0.0] * 5
    for name, s in sums.items():
        n = s[4]
        print(f"| {name} | {int(n)} | " + " | ".join(f"{v / n:.4f}" for v in s[:4]) + " |")
        total = [a + b for a, b in zip(total, s, strict=True)]
    n = total[4]
    print(f"| all | {int(n)} | " + " | ".join(f"{v / n:.4f}" for v in total[:4]) + " |")
    worst = sorted(rows, key=lambda r: r["ours_blind"] - r["ours"])[: args.worst]
    print("\nPages blinding costs most (ours normal -> blind, P/R blind; trafilatura blind):")
    for r in worst:
        if r["ours_blind"] >= r["ours"]:
            break
        print(
            f"  {r['set']}/{r['id'][:48]}: {r['ours']:.2f} -> {r['ours_blind']:.2f} "
            f"({r['p_blind']:.2f}/{r['r_blind']:.2f}); traf {r['traf_blind']:.2f}"
        )


if __name__ == "__main__":
    main()
