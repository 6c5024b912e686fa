"""Comment-thread benchmark: our ``parse_page`` vs trafilatura on the same bytes, same run.

Needs the shared benchmark data (``../shared/bench/comments`` relative to the repo, or
``--data``) and its scorer ``score_comments.py``; trafilatura comes from the ``bench``
extra. Writes predictions to ``benchmarks/out/`` (gitignored) and prints a markdown table.

    python benchmarks/comments.py [--data DIR] [--limit N] [--no-trafilatura]
                                  [--split tune|held|all]

``--split`` scores one half of the pages, cut by the SHA-1 of the page id (first hex digit
0-b: ``tune``, read and tuned on; c-f: ``held``, scored as totals only, never read), so
that a rule tuned on the pages can be checked on pages it was not tuned on.

``--limit N`` is a smoke run: the scorer counts the pages not run as empty predictions.

Two variants of ours are scored: the comment *text* only, and text with each comment's
author and date line in front (the gold was pasted from the page and includes them).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "comments"
OUT = ROOT / "benchmarks" / "out"

Pred = dict[str, str]
SPLITS = ("tune", "held", "all")


def in_split(pid: str, split: str) -> bool:
    """Whether page ``pid`` belongs to ``split``: the first hex digit of the SHA-1 of its
    id, 0-b tune and c-f held, a cut that no page's content can steer."""
    if split == "all":
        return True
    held = hashlib.sha1(pid.encode("utf-8")).hexdigest()[0] in "cdef"
    return held == (split == "held")


def pages(data: Path, limit: int | None, split: str = "all") -> Iterator[tuple[str, bytes]]:
    files = sorted(
        f for f in data.glob("*.html.gz") if in_split(f.name.removesuffix(".html.gz"), split)
    )
    for f in files[:limit] if limit else files:
        yield f.name.removesuffix(".html.gz"), gzip.decompress(f.read_bytes())


def _gold_dir(data: Path, split: str) -> Path:
    """``data`` itself, or a folder holding the gold of the split's pages only (the scorer
    counts a page of the gold without a prediction as empty)."""
    if split == "all":
        return data
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    out = OUT / f"gold-{split}"
    out.mkdir(parents=True, exist_ok=True)
    kept = {pid: g for pid, g in gold.items() if in_split(pid, split)}
    (out / "gold.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    return out


def ours(raw: bytes) -> dict[str, Pred]:
    from scraper import parse_page

    post = parse_page(raw)
    body = post.body.text if post.body else ""
    plain = "\n\n".join(c.text for c in post.comments)
    rich = "\n\n".join(
        "\n".join(x for x in (c.author.name or "", c.published or "", c.text) if x)
        for c in post.comments
    )
    return {
        "ours": {"body": body, "comments": plain},
        "ours+meta": {"body": body, "comments": rich},
    }


def trafilatura_pred(raw: bytes) -> dict[str, Pred]:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, include_comments=True, fast=True, with_metadata=False)
    if doc is None:
        return {"trafilatura": {"body": "", "comments": ""}}
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {"trafilatura": {"body": data.get("text") or "", "comments": data.get("comments") or ""}}


def run(
    data: Path,
    limit: int | None,
    systems: list[Callable[[bytes], dict[str, Pred]]],
    split: str = "all",
) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    preds: dict[str, list[dict[str, str]]] = {}
    seconds: dict[str, float] = {}
    gold_dir = _gold_dir(data, split)
    for pid, raw in pages(data, limit, split):
        for system in systems:
            t0 = time.perf_counter()
            try:
                result = system(raw)
            except Exception as exc:  # a crash is a data point, not the end of the run
                print(f"{pid}: {system.__name__}: {exc!r}", file=sys.stderr)
                result = {}
            dt = time.perf_counter() - t0
            for name, pred in result.items():
                preds.setdefault(name, []).append({"id": pid, **pred})
                seconds[name] = seconds.get(name, 0.0) + dt / len(result)
    rows = []
    for name, lines in preds.items():
        path = OUT / f"comments-{name}.jsonl"
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
        per_page = OUT / f"comments-{name}.scores.jsonl"
        out = subprocess.run(
            [
                sys.executable,
                str(data.parent / "score_comments.py"),
                "--data",
                str(gold_dir),
                "--pred",
                str(path),
                "--json",
                "--per-page",
                str(per_page),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        s = json.loads(out.stdout)
        rate = len(lines) / seconds[name] if seconds[name] else 0.0
        rows.append((name, s, rate))
    print(
        "| system | comment P | comment R | comment F1 | body F1 | wrongly present | "
        "wrongly empty | leak | pages/s |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name, s, rate in rows:
        c = s["comments"]
        print(
            f"| {name} | {c['p']:.3f} | {c['r']:.3f} | {c['f1']:.3f} | {s['body']['f1']:.3f} | "
            f"{s['wrongly_present']}/{s['negatives']} | {s['wrongly_empty']}/{s['positives']} | "
            f"{s['comment_leak']:.3f} | {rate:.1f} |"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--split", choices=SPLITS, default="all")
    a = ap.parse_args()
    if not (a.data / "gold.json").exists():
        sys.exit(f"benchmark data not found at {a.data} (needs ../shared/bench/comments)")
    systems: list[Callable[[bytes], dict[str, Pred]]] = [ours]
    if not a.no_trafilatura:
        systems.append(trafilatura_pred)
    run(a.data, a.limit, systems, a.split)


if __name__ == "__main__":
    main()
