"""Fuzz benchmark: ~10,000 hostile variants of the fixture pages through ``parse_page``,
then the hostile shapes of issue 13 one by one, with time and memory measured.

    python benchmarks/fuzz.py [--pages 10000] [--seed 1] [--no-shapes]

Reports pages, ParseErrors (refused by name, allowed), crashes (any other exception: a
bug), broken promises (``scraper.testing._invariants``), the slowest pages, time per MB and
the process's peak RSS. Needs only the repository (fixtures/), not the shared bench data.
The test suite runs a few hundred of the same mutations (tests/parse/test_fuzz.py) and
asserts the promises; time and memory are only measured here.
"""

from __future__ import annotations

import argparse
import collections
import random
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from scraper._errors import ParseError  # noqa: E402
from scraper.parse._parse import parse_page  # noqa: E402
from scraper.testing._invariants import record_problems  # noqa: E402
from scraper.testing._mutate import huge_attribute, mutate  # noqa: E402

URL = "https://blog.example/2024/01/hostile-post/"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def fuzz(count: int, seed: int) -> None:
    fixtures = sorted((REPO / "fixtures").rglob("*.html"))
    sources = {p: p.read_bytes() for p in fixtures}
    rng = random.Random(seed)
    times: list[tuple[float, str, int]] = []
    refused: collections.Counter[str] = collections.Counter()
    crashes: collections.Counter[str] = collections.Counter()
    broken: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    start = time.perf_counter()
    for i in range(count):
        fixture = rng.choice(fixtures)
        name, page = mutate(sources[fixture], rng)
        label = f"#{i} {fixture.name} {name}"
        t = time.perf_counter()
        try:
            record = parse_page(page, URL).to_dict()
        except ParseError as exc:
            refused[exc.reason.split("(")[0].split(":")[0].strip()] += 1
            record = None
        except Exception as exc:  # the benchmark counts what the test would fail on
            crashes[type(exc).__name__] += 1
            examples.setdefault(type(exc).__name__, f"{label}: {exc}")
            record = None
        times.append((time.perf_counter() - t, label, len(page)))
        if record is not None:
            for problem in record_problems(record):
                kind = problem.split(":")[0].split("[")[0]
                broken[kind] += 1
                examples.setdefault(kind, f"{label}: {problem}")
    wall = time.perf_counter() - start
    secs = sorted((s for s, _, _ in times), reverse=True)
    per_mb = max(s / max(size / 1e6, 0.05) for s, _, size in times)  # pages under 50 KB as 50 KB
    print(f"## fuzz: {count} mutated fixture pages, seed {seed}, {wall:.0f} s\n")
    print(
        "| pages | ParseError | crashes | broken promises | median | p99 | slowest | >1 s |"
        " worst s/MB | peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {count} | {sum(refused.values())} | {sum(crashes.values())} | "
        f"{sum(broken.values())} | {statistics.median(secs) * 1000:.1f} ms | "
        f"{secs[len(secs) // 100] * 1000:.0f} ms | {secs[0]:.2f} s | "
        f"{sum(1 for s in secs if s > 1)} | {per_mb:.2f} | {_rss_mb():.0f} MB |"
    )
    print("\nrefused (ParseError):", dict(refused.most_common()))
    print("crashes:", dict(crashes) or "none")
    print("broken promises:", dict(broken) or "none")
    for kind, text in examples.items():
        print(f"  e.g. {kind}: {text[:300]}")
    print("slowest:")
    for s, label, size in sorted(times, reverse=True)[:5]:
        print(f"  {s:.2f} s  {size / 1e6:.2f} MB  {label}")


def shapes() -> None:
    """The shapes issue 13 timed: comment-like siblings, a 2 MB attribute, deep nesting."""
    base = (REPO / "fixtures/wordpress/twentytwentyfive-no-comments.html").read_bytes()
    at = base.find(b"</p>")
    item = '<div class="comment"><p>Comment number {i} says something.</p></div>'
    cases: list[tuple[str, bytes]] = []
    for n in (500, 1000, 2000, 6000):
        run = "".join(item.format(i=i) for i in range(n)).encode()
        cases.append((f"{n} div.comment siblings", base[:at] + run + base[at:]))
    rng = random.Random(0)
    cases.append(("2 MB class attribute", huge_attribute(base, rng, 2_000_000)))
    for depth in (2000, 3000):
        cases.append((f"nested {depth} deep", b"<div>" * depth + base))
    print("\n## hostile shapes\n")
    print("| page | size | time | s/MB | outcome |")
    print("|---|---|---|---|---|")
    for name, page in cases:
        t = time.perf_counter()
        try:
            post = parse_page(page, URL)
            outcome = f"{len(post.comments)} comments"
        except ParseError as exc:
            outcome = f"ParseError: {exc.reason}"
        s = time.perf_counter() - t
        mb = len(page) / 1e6
        print(f"| {name} | {mb:.2f} MB | {s:.2f} s | {s / mb:.1f} | {outcome} |")
    print(f"\npeak RSS after the shapes: {_rss_mb():.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-shapes", action="store_true")
    args = ap.parse_args()
    fuzz(args.pages, args.seed)
    if not args.no_shapes:
        shapes()


if __name__ == "__main__":
    main()
