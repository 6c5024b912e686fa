"""Print the per-theme table: real WordPress, crawled and exported, scored against its DB.

    python tests/engines/run_wordpress.py [--keep DIR]

The same harness and scoring the slow tests use (tests/test_wordpress_real.py); this prints
the numbers the README reports instead of asserting them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engines.compare import score
from engines.crawl import captured_pages, crawl_and_export, unreached_thread_pages
from engines.wordpress import WordPress, missing, stock_themes

SETTINGS = (("newest", "asc"), ("oldest", "desc"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, help="keep archives and truth here")
    ap.add_argument("-v", action="store_true", help="list every problem")
    args = ap.parse_args()
    if why := missing():
        sys.exit(why)
    with tempfile.TemporaryDirectory(prefix="wp-real-") as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        with WordPress(Path(tmp) / "site") as wp:
            wp.add_content()
            print(
                "| theme (comment page shown first, order) | posts right | posts once at "
                "permalink | comments right | fields matched | body F1 | stray records "
                "| thread pages not captured |"
            )
            print("|---|---|---|---|---|---|---|---|")
            for theme in stock_themes():
                for page, order in SETTINGS:
                    wp.configure(theme, page, order)
                    truth = wp.truth()
                    name = f"{theme} ({page}, {order})"
                    dest = out / f"{theme}-{page}"
                    records, _ = crawl_and_export(wp.url + "/", dest)
                    (dest / "truth.json").write_text(json.dumps(truth, ensure_ascii=False))
                    s = score(records, truth)
                    s.unreached = unreached_thread_pages(
                        captured_pages(dest), [p["url"] for p in truth["posts"]]
                    )
                    print(s.row(name), flush=True)
                    if args.v:
                        for p in [
                            *s.problems,
                            *(f"stray {u}" for u in s.stray_records),
                            *s.leaked,
                            *(f"not captured: {u}" for u in s.unreached),
                        ]:
                            print("   ", p)


if __name__ == "__main__":
    main()
