"""Where one parse pass goes, stage by stage: the CPU of each step of ``parse_tree`` over a
bench set, best of several passes, with the comment stage split by pages that have a
thread and pages that have none (its work on the latter finds nothing by design). The
body step includes ``comment_nodes`` (the comment items the body leaves out, memoized
for the comment stage), which is most of the comment finders' work on a page without a
thread.

The steps are run as ``read_page`` and ``parse_tree`` run them (tree, element list, tag
lists, index, ``<meta>``, profile, metadata, body, comments, freeing the page), each
timed on its own, so a step pays what it pays in a real parse (a later step finds the
lists an earlier one built). CPU time moves with the machine's load: compare two
checkouts in alternation, and use callgrind (see HISTORY.md) for small differences.
Usage::

    python benchmarks/stages.py [--set articles|comments|metadata] [--passes N]
"""

from __future__ import annotations

import argparse
import gc
import gzip
import os
import sys
import time
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

STEPS = (
    "tree", "elements", "tags", "index", "meta", "profile", "metadata", "body",
    "comments (thread)", "comments (none)", "free",
)  # fmt: skip


def _pages(subset: str) -> list[bytes]:
    env = os.environ.get("BLOG_ARCHIVER_BENCH")
    root = Path(env) if env else REPO.parent / "shared" / "bench"
    folder = root / subset / "html" if (root / subset / "html").is_dir() else root / subset
    files = sorted(folder.glob("*.html.gz"))
    if not files:
        sys.exit(f"no pages under {folder}: set BLOG_ARCHIVER_BENCH to the bench folder")
    return [gzip.decompress(p.read_bytes()) for p in files]


def one_pass(pages: list[bytes]) -> dict[str, float]:
    """CPU seconds of each step over ``pages``, as ``read_page`` runs them."""
    from scraper._errors import ParseError
    from scraper.parse.body import extract_body
    from scraper.parse.comments import extract_comments
    from scraper.parse.dom._html import tree_of_bytes
    from scraper.parse.dom._page import Page
    from scraper.parse.metadata import extract_metadata
    from scraper.parse.profiles import detect_profile

    spent = dict.fromkeys(STEPS, 0.0)
    clock = time.process_time
    for data in pages:
        marks = [clock()]
        try:
            tree = tree_of_bytes(data)
        except ParseError:
            continue
        marks.append(clock())
        page = Page(tree)
        page.elements  # noqa: B018
        marks.append(clock())
        page.tags  # noqa: B018
        marks.append(clock())
        page.index  # noqa: B018
        marks.append(clock())
        page.meta  # noqa: B018
        marks.append(clock())
        profile = detect_profile(page)
        marks.append(clock())
        meta = extract_metadata(page, profile)
        marks.append(clock())
        extract_body(page, profile, meta)
        marks.append(clock())
        thread = extract_comments(page, profile, meta)
        marks.append(clock())
        del page, tree
        marks.append(clock())
        steps = [
            s for s in STEPS if s != ("comments (none)" if thread.comments else "comments (thread)")
        ]
        for name, (before, after) in zip(steps, pairwise(marks), strict=True):
            spent[name] += after - before
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="articles", choices=("articles", "comments", "metadata"))
    ap.add_argument("--passes", type=int, default=5)
    args = ap.parse_args()
    pages = _pages(args.set)
    gc.disable()  # as ``read_page`` holds the collector off for a parse
    one_pass(pages)  # warm: memos filled, code paths specialized, as the benchmark's best
    runs = [one_pass(pages) for _ in range(args.passes)]
    best = {name: min(run[name] for run in runs) for name in STEPS}
    total = sum(best.values())
    load = os.getloadavg()[0]
    print(f"{len(pages)} pages of {args.set}, best of {args.passes} passes, load {load:.1f}")
    for name in STEPS:
        print(f"  {name:<18} {best[name] * 1000:8.1f} ms  {100 * best[name] / total:5.1f} %")
    print(f"  {'sum':<18} {total * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
