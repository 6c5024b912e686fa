"""Class-blind comment threads: how much of our thread reading needs known class words.

The pages nobody on the team has read run comment systems and themes the dev pages do
not, so what carries to them is the structural reading (repeated sibling items with a
name, a date and text; nesting by lists or indentation; a "N Comments" heading), not
``ol.commentlist`` or ``div.comment-author``. This probe parses every page of
``../shared/bench/comments`` twice, as it is and with **every class and id token replaced
by a meaningless one** of the same identity (a stable hash per distinct token, so a
repeated structure stays repeated and two elements that shared a class still share one),
and scores both with the shared scorer, as ``benchmarks/comments.py`` does.

Kept as they are: tag names, text, and every attribute other than ``class`` and ``id``
(``href`` with its ``#comment-12`` fragments, ``datetime``, ``name`` anchors, ``rel``,
``itemprop``, inline ``style``, ``title``, ``data-*``), the ``<head>`` (a generator meta
still names the engine, whose class selectors then find nothing). The tokens are letters
from an alphabet without vowels or digits, so no hint word or number can appear by chance.

    python benchmarks/comments_probe.py [--data DIR] [--limit N] [--misses]
                                        [--split tune|held|all]

``--misses`` lists the pages whose blind score is lower than their normal score by more
than 0.05 (F1 of the comments, normal -> blind), to classify what the blind reading loses.
``--split`` as in ``comments.py``; the held half is scored as totals only (never with ``--misses``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml.html import HtmlElement

from benchmarks.comments import DEFAULT_DATA, OUT, SPLITS, Pred, run
from scraper._errors import ParseError
from scraper.parse._parse import parse_tree
from scraper.parse.dom._html import tree_of_bytes
from scraper.parse.dom._page import Page

_ALPHABET = "qxzvwjkbcfghmnprst"  # no vowels, no digits: no hint word, no number


def blind_token(token: str) -> str:
    """A stable meaningless stand-in for one class or id token."""
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
    n = int.from_bytes(digest, "big")
    out = []
    for _ in range(9):
        n, r = divmod(n, len(_ALPHABET))
        out.append(_ALPHABET[r])
    return "".join(out)


def blind(tree: HtmlElement) -> None:
    """Replace every class and id token of ``tree`` by its stand-in, in place."""
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("class", "id"):
            value = el.get(attr)
            if value is not None:
                el.set(attr, " ".join(blind_token(t) for t in value.split()))


def _pred(raw: bytes, blinded: bool) -> Pred:
    try:
        tree = tree_of_bytes(raw)
    except ParseError:
        return {"body": "", "comments": ""}
    if blinded:
        blind(tree)
    post = parse_tree(Page(tree, None))
    return {
        "body": post.body.text if post.body else "",
        "comments": "\n\n".join(c.text for c in post.comments),
    }


def probe(raw: bytes) -> dict[str, Pred]:
    return {"normal": _pred(raw, False), "blind": _pred(raw, True)}


def _misses() -> None:
    def rows(name: str) -> dict[str, dict[str, object]]:
        path = OUT / f"comments-{name}.scores.jsonl"
        out = {}
        for line in path.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                out[str(row["id"])] = row
        return out

    normal, blinded = rows("normal"), rows("blind")
    for pid, n in normal.items():
        b = blinded.get(pid, {})
        nf, bf = float(n["comments_f1"]), float(b.get("comments_f1") or 0.0)  # type: ignore[arg-type]
        if n["positive"] and nf - bf > 0.05:
            print(f"{pid}: F1 {nf:.3f} -> {bf:.3f}")
        elif not n["positive"] and b.get("pred_has_comments") and not n["pred_has_comments"]:
            print(f"{pid}: no gold thread, blind reading finds one")
        nb, bb = float(n["body_f1"]), float(b.get("body_f1") or 0.0)  # type: ignore[arg-type]
        if nb - bb > 0.05:
            print(f"{pid}: body F1 {nb:.3f} -> {bb:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--split", choices=SPLITS, default="all")
    a = ap.parse_args()
    if a.misses and a.split == "held":
        sys.exit("--misses lists pages: not with --split held (the held half is never read)")
    if not (a.data / "gold.json").exists():
        sys.exit(f"benchmark data not found at {a.data} (needs ../shared/bench/comments)")
    run(a.data, a.limit, [probe], a.split)
    if a.misses:
        _misses()


if __name__ == "__main__":
    main()
