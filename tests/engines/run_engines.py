"""Print the real-engine table: WordPress per stock theme and comment paging, then Jekyll
(minima), Ghost (Source, Casper) and Mezzanine (its default templates), each crawled and
exported and scored against the engine's own truth.

    python tests/engines/run_engines.py [--keep DIR] [--only wordpress|jekyll|ghost|mezzanine] [-v]

The same harnesses and scoring the slow tests use (tests/e2e/test_wordpress_real.py,
test_jekyll_real.py, test_ghost_real.py, test_mezzanine_real.py); this prints the numbers
the README reports instead of asserting them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engines.compare import Score, score
from engines.crawl import captured_pages, crawl_and_export, unreached_thread_pages
from engines.ghost import THEMES, Ghost
from engines.ghost import missing as ghost_missing
from engines.jekyll import Jekyll
from engines.jekyll import missing as jekyll_missing
from engines.mezzanine import MEZZANINE_VERSION, Mezzanine
from engines.mezzanine import missing as mezzanine_missing
from engines.wordpress import WordPress, missing, stock_themes

SETTINGS = (("newest", "asc"), ("oldest", "desc"))
ENGINES = ("wordpress", "jekyll", "ghost", "mezzanine")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, help="keep archives and truth here")
    ap.add_argument("--only", choices=ENGINES, help="one engine")
    ap.add_argument("-v", action="store_true", help="list every problem")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="engines-") as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        print(
            "| engine, theme (comment page shown first, order) | posts right | posts once at "
            "permalink | comments right | fields matched | body F1 | stray records "
            "| thread pages not captured |"
        )
        print("|---|---|---|---|---|---|---|---|")
        run = {args.only} if args.only else set(ENGINES)
        if "wordpress" not in run:
            pass
        elif why := missing():
            print(f"| WordPress: skipped, {why} |")
        else:
            _wordpress(Path(tmp), out, args.v)
        if "jekyll" not in run:
            pass
        elif why := jekyll_missing():
            print(f"| Jekyll: skipped, {why} |")
        else:
            with Jekyll(Path(tmp) / "jekyll") as site:
                truth = site.truth()
                records, _ = crawl_and_export(site.url + "/", out / "jekyll-minima")
                s = score(records, truth)
                print(s.row("Jekyll 4.3, minima"), flush=True)
                _problems(s, args.v)
        if "ghost" not in run:
            pass
        elif why := ghost_missing():
            print(f"| Ghost: skipped, {why} |")
        else:
            _ghost(Path(tmp), out, args.v)
        if "mezzanine" not in run:
            pass
        elif why := mezzanine_missing():
            print(f"| Mezzanine: skipped, {why} |")
        else:
            _mezzanine(Path(tmp), out, args.v)


def _mezzanine(tmp: Path, out: Path, verbose: bool) -> None:
    with Mezzanine(tmp / "mezzanine") as site:
        truth = site.truth()
        dest = out / "mezzanine"
        records, _ = crawl_and_export(site.url + "/", dest)
        (dest / "truth.json").write_text(json.dumps(truth, ensure_ascii=False))
        s = score(records, truth)
        s.unreached = unreached_thread_pages(
            captured_pages(dest), [p["url"] for p in truth["posts"]]
        )
        print(s.row(f"Mezzanine {MEZZANINE_VERSION}, default templates"), flush=True)
        _problems(s, verbose)


def _problems(s: Score, verbose: bool) -> None:
    if verbose:
        for p in [*s.problems, *(f"stray {u}" for u in s.stray_records), *s.leaked,
                  *(f"not captured: {u}" for u in s.unreached)]:  # fmt: skip
            print("   ", p)


def _ghost(tmp: Path, out: Path, verbose: bool) -> None:
    with Ghost(tmp / "ghost") as site:
        site.add_content()
        truth = site.truth()
        for theme in THEMES:
            site.activate(theme)
            dest = out / f"ghost-{theme}"
            records, _ = crawl_and_export(site.url + "/", dest)
            (dest / "truth.json").write_text(json.dumps(truth, ensure_ascii=False))
            s = score(records, truth)
            print(s.row(f"Ghost {truth['version']}, {theme.capitalize()}"), flush=True)
            _problems(s, verbose)


def _wordpress(tmp: Path, out: Path, verbose: bool) -> None:
    with WordPress(tmp / "site") as wp:
        version = wp.add_content().get("version", "")
        for theme in stock_themes():
            for page, order in SETTINGS:
                wp.configure(theme, page, order)
                truth = wp.truth()
                version = truth.get("version", version)
                dest = out / f"{theme}-{page}"
                records, _ = crawl_and_export(wp.url + "/", dest)
                (dest / "truth.json").write_text(json.dumps(truth, ensure_ascii=False))
                s = score(records, truth)
                s.unreached = unreached_thread_pages(
                    captured_pages(dest), [p["url"] for p in truth["posts"]]
                )
                print(s.row(f"WordPress {version}, {theme} ({page}, {order})"), flush=True)
                _problems(s, verbose)


if __name__ == "__main__":
    main()
