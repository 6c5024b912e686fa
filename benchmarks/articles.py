"""Article body quality and speed: our ``parse_page`` against trafilatura, same bytes, same run.

Needs the shared benchmark data in ``../shared/bench/articles`` (or ``$BLOG_ARCHIVER_BENCH``
pointing at the ``bench`` folder) and trafilatura (the ``bench`` extra). Both extractors get
the page bytes and the page URL; our time is the whole ``parse_page`` (decode, tree,
metadata, body, comments), trafilatura's is ``extract(..., fast=True)``. Predictions go to
``benchmarks/out/articles-*.jsonl`` and are scored by the shared ``score_articles.py``.
Usage::

    python benchmarks/articles.py [--limit N] [--repeat K] [--only ours|trafilatura]
                                  [--per-page] [--profile]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"
sys.path.insert(0, str(REPO))

Page = tuple[str, bytes, str | None]  # id, bytes, url


def bench_dir() -> Path:
    """The shared benchmark folder; exits with a clear message when it is missing."""
    env = os.environ.get("BLOG_ARCHIVER_BENCH")
    path = Path(env) if env else REPO.parent / "shared" / "bench"
    if not (path / "articles" / "ground-truth.json").is_file():
        sys.exit(
            f"article benchmark not found under {path}: this script needs ../shared/bench "
            "(or BLOG_ARCHIVER_BENCH set to that folder)"
        )
    return path


def load_pages(limit: int | None) -> list[Page]:
    folder = bench_dir() / "articles"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    for path in sorted((folder / "html").glob("*.html.gz")):
        pid = path.name.removesuffix(".html.gz")
        pages.append((pid, gzip.decompress(path.read_bytes()), gold.get(pid, {}).get("url")))
        if limit and len(pages) >= limit:
            break
    return pages


def ours(page: Page) -> str:
    from scraper import parse_page
    from scraper._errors import ParseError

    try:
        post = parse_page(page[1], page[2], source=page[0])
    except ParseError:
        return ""
    return post.body.text if post.body else ""


def theirs(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page[1], fast=True) or ""


def run(
    runners: dict[str, Callable[[Page], str]], pages: list[Page], repeat: int
) -> dict[str, tuple[list[str], float, float]]:
    """Per runner: predictions, and the best pages/s over ``repeat`` passes by the wall
    clock and by CPU time (after one warm-up page each).

    Passes are interleaved (ours, trafilatura, ours ...): a burst of load from elsewhere
    on the machine then slows a pass of each, rather than all of one tool's passes, which
    made the ratio swing by 10 % between runs when each tool had its passes in a block.
    """
    for fn in runners.values():
        fn(pages[0])
    wall = dict.fromkeys(runners, float("inf"))
    cpu = dict.fromkeys(runners, float("inf"))
    preds: dict[str, list[str]] = {}
    for _ in range(repeat):
        for name, fn in runners.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            preds[name] = [fn(p) for p in pages]
            wall[name] = min(wall[name], time.perf_counter() - start)
            cpu[name] = min(cpu[name], time.process_time() - start_cpu)
    return {n: (preds[n], len(pages) / wall[n], len(pages) / cpu[n]) for n in runners}


def stage_ms(pages: list[Page]) -> dict[str, float]:
    """Milliseconds per page of each parse stage, on trees built beforehand (same pages)."""
    from scraper._errors import ParseError
    from scraper.parse.body._body import extract_body
    from scraper.parse.comments._comments import extract_comments
    from scraper.parse.dom._html import build_tree, decode_html
    from scraper.parse.dom._page import Page as Doc
    from scraper.parse.metadata._metadata import extract_metadata
    from scraper.parse.profiles import detect_profile

    spent = dict.fromkeys(("tree", "metadata", "body", "comments"), 0.0)
    for pid, data, url in pages:
        t0 = time.perf_counter()
        try:
            doc = Doc(build_tree(decode_html(data), pid), url)
        except ParseError:
            continue
        profile = detect_profile(doc)
        t1 = time.perf_counter()
        meta = extract_metadata(doc, profile)
        t2 = time.perf_counter()
        extract_body(doc, profile, meta)
        t3 = time.perf_counter()
        extract_comments(doc, profile, meta)
        t4 = time.perf_counter()
        for key, dt in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            spent[key] += dt
    return {k: v * 1000 / len(pages) for k, v in spent.items()}


def score(name: str, pages: list[Page], preds: list[str], per_page: bool) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    pred_path = OUT / f"articles-{name}.jsonl"
    with pred_path.open("w", encoding="utf-8") as fh:
        for (pid, _, _), body in zip(pages, preds, strict=True):
            fh.write(json.dumps({"id": pid, "body": body}, ensure_ascii=False) + "\n")
    base = bench_dir()
    cmd = [sys.executable, str(base / "score_articles.py"), "--data", str(base / "articles")]
    cmd += ["--pred", str(pred_path)]
    if per_page:
        out = subprocess.run([*cmd, "--per-page"], capture_output=True, text=True, check=True)
        (OUT / f"articles-{name}-per-page.txt").write_text(out.stdout, encoding="utf-8")
    done = subprocess.run([*cmd, "--json"], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1, help="timed passes; the best counts")
    ap.add_argument("--only", choices=("ours", "trafilatura"))
    ap.add_argument("--per-page", action="store_true", help="write per-page scores to out/")
    ap.add_argument("--profile", action="store_true", help="cProfile our pass, top 25")
    args = ap.parse_args()
    pages = load_pages(args.limit)
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(lambda: [ours(p) for p in pages])
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return
    runners = {"ours": ours, "trafilatura": theirs}
    if args.only:
        runners = {args.only: runners[args.only]}
    results = run(runners, pages, args.repeat)
    print(f"{len(pages)} pages, best of {args.repeat} interleaved passes\n")
    print("| extractor | P | R | F1 | accuracy | pages/s | pages/s (CPU time) |")
    print("|---|---|---|---|---|---|---|")
    for name, (preds, pps, cpu_pps) in results.items():
        s = score(name, pages, preds, args.per_page)
        print(
            f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
            f"| {s.get('accuracy', 0.0):.3f} | {pps:.1f} | {cpu_pps:.1f} |"
        )
    if len(results) == 2:
        (_, ours_pps, ours_cpu), (_, their_pps, their_cpu) = results.values()
        wall, cpu = ours_pps / their_pps, ours_cpu / their_cpu
        print(f"\nspeed ratio: {wall:.2f}x wall clock, {cpu:.2f}x CPU time")
    if args.only != "trafilatura":
        ms = stage_ms(pages)
        print("\nour ms/page by stage: " + ", ".join(f"{k} {v:.2f}" for k, v in ms.items()))


if __name__ == "__main__":
    main()
