"""Print the real-engine table: WordPress per stock theme and comment paging, then Jekyll
(minima), Ghost (Source, Casper), ikiwiki (its blog, with comments), Pelican (notmyidea)
and Mezzanine (its default templates), each crawled and exported and scored against the
engine's own truth.

    python tests/engines/run_engines.py [--keep DIR] [-v]
        [--only wordpress|jekyll|ghost|ikiwiki|pelican|mezzanine]

The same harnesses and scoring the slow tests use (tests/e2e/test_wordpress_real.py,
test_jekyll_real.py, test_ghost_real.py, test_ikiwiki_real.py, test_pelican_real.py,
test_mezzanine_real.py); this prints the numbers the README reports instead of asserting them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engines.compare import Score, score
from engines.crawl import captured_pages, crawl_and_export, unreached_thread_pages
from engines.ghost import THEMES, Ghost
from engines.ghost import missing as ghost_missing
from engines.ikiwiki import Ikiwiki
from engines.ikiwiki import missing as ikiwiki_missing
from engines.jekyll import Jekyll
from engines.jekyll import missing as jekyll_missing
from engines.mezzanine import MEZZANINE_VERSION, Mezzanine
from engines.mezzanine import missing as mezzanine_missing
from engines.pelican import Pelican
from engines.pelican import missing as pelican_missing
from engines.wordpress import WordPress, missing, stock_themes

SETTINGS = (("newest", "asc"), ("oldest", "desc"))
ENGINES = ("wordpress", "jekyll", "ghost", "ikiwiki", "pelican", "mezzanine")


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
        for name in ENGINES:
            label, why_missing, runner = _RUNS[name]
            if name not in run:
                continue
            if why := why_missing():
                print(f"| {label}: skipped, {why} |")
            else:
                runner(Path(tmp), out, args.v)


def _jekyll(tmp: Path, out: Path, verbose: bool) -> None:
    with Jekyll(tmp / "jekyll") as site:
        truth = site.truth()
        records, _ = crawl_and_export(site.url + "/", out / "jekyll-minima")
        s = score(records, truth)
        print(s.row("Jekyll 4.3, minima"), flush=True)
        _problems(s, verbose)


def _pelican(tmp: Path, out: Path, verbose: bool) -> None:
    with Pelican(tmp / "pelican") as site:
        truth = site.truth()
        records, _ = crawl_and_export(site.url + "/", out / "pelican")
        s = score(records, truth)
        print(s.row(f"Pelican {truth['version']}, notmyidea"), flush=True)
        _problems(s, verbose)


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


def _ikiwiki(tmp: Path, out: Path, verbose: bool) -> None:
    with Ikiwiki(tmp / "ikiwiki") as site:
        truth = site.truth()
        dest = out / "ikiwiki"
        records, _ = crawl_and_export(site.url + "/", dest)
        (dest / "truth.json").write_text(json.dumps(truth, ensure_ascii=False))
        s = score(records, truth)
        s.unreached = unreached_thread_pages(
            captured_pages(dest), [p["url"] for p in truth["posts"]]
        )
        print(s.row(f"ikiwiki {truth['version']}, default look"), flush=True)
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


# each engine: its name in the table, why it cannot run here (None when it can), its run
_RUNS: dict[str, tuple[str, Callable[[], str | None], Callable[[Path, Path, bool], None]]] = {
    "wordpress": ("WordPress", missing, _wordpress),
    "jekyll": ("Jekyll", jekyll_missing, _jekyll),
    "ghost": ("Ghost", ghost_missing, _ghost),
    "ikiwiki": ("ikiwiki", ikiwiki_missing, _ikiwiki),
    "pelican": ("Pelican", pelican_missing, _pelican),
    "mezzanine": ("Mezzanine", mezzanine_missing, _mezzanine),
}


if __name__ == "__main__":
    main()
