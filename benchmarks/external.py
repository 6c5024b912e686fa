"""Body and metadata quality on public page sets the parser was not written for.

The shared bench (``../shared/bench``) is where the team's targets are checked, so rules
tuned there can fit it better than the web. This script scores the parser on *other*
public sets with gold annotations, beside trafilatura in its default mode, with the shared
scorers' own metrics (``score_articles.py`` for body text, ``score_metadata.py`` for title,
author and date). The pages are never copied into this repository: ``prepare`` converts a
checkout of a public project into a folder outside it, and ``score`` reads that folder.

Every set is split by a hash of the page id into ``dev`` (pages one may read while working
on the rules) and ``unseen`` (pages that are only ever scored: never opened, no per-page
output). The split is deterministic, so it stays the same across runs and machines.

Sets and how to get them (see ``benchmarks/README.md``)::

    git clone https://github.com/postlight/parser             # fixtures + expected metadata
    git clone https://github.com/AndyTheFactory/newspaper4k   # tests/data: html, txt, json
    git clone https://github.com/flairNLP/fundus              # tests/resources/parser/test_data
    git clone https://github.com/microlinkhq/metascraper      # integration tests + snapshots
    git clone https://github.com/codelucas/newspaper          # newspaper3k: tests/data
    python benchmarks/external.py prepare postlight   parser      /work/gen-data/postlight
    python benchmarks/external.py prepare newspaper4k newspaper4k /work/gen-data/newspaper4k
    python benchmarks/external.py prepare fundus fundus /work/gen-data/fundus
    python benchmarks/external.py prepare metascraper metascraper /work/gen-data/metascraper \
        --exclude /work/gen-data/postlight --exclude ../shared/bench   # ... every other set
    python benchmarks/external.py score /work/gen-data/postlight [--split dev|unseen|all]

The preparers, one per set, are in ``_external_sets.py``. A prepared folder holds
``pages/<id>.html`` and ``gold.json`` (id -> {"url", "title"?,
"author"?, "date"? (YYYY-MM-DD), "body"?}); ``$BLOG_ARCHIVER_EXTERNAL`` may name one such
folder instead of the command-line path.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import OUT, bench_dir, write_jsonl
from benchmarks._dedup import drop_known, known_urls
from benchmarks._external_sets import FIXERS, PREPARERS, Gold, as_served
from benchmarks._lenient import lenient_title, site_names

SPLITS = ("dev", "unseen")


def split_of(pid: str) -> str:
    """``dev`` or ``unseen`` from the first byte of the id's SHA-1: stable, about 50/50."""
    return SPLITS[hashlib.sha1(pid.encode("utf-8")).digest()[0] & 1]


# -- prepare: public checkouts -> pages/ + gold.json -------------------------------------


def prepare(kind: str, src_root: Path, dest: Path, exclude: list[Path] | None = None) -> None:
    """Write the set's pages and gold to ``dest``; pages whose URL is in a set named in
    ``exclude`` (another prepared set, the shared bench) are left out, so that no page is
    scored twice or counted as unseen after the rules were tuned on it."""
    gold, pages = PREPARERS[kind](src_root)
    dropped = drop_known(gold, known_urls(exclude or []))
    if dropped:
        print(f"left out {len(dropped)} pages already in another set: {', '.join(dropped)}")
    (dest / "pages").mkdir(parents=True, exist_ok=True)
    fixer = FIXERS.get(kind, as_served)
    for pid in gold:
        data = pages[pid].read_bytes()
        if pages[pid].suffix == ".gz":
            data = gzip.decompress(data)
        (dest / "pages" / f"{pid}.html").write_bytes(fixer(data))
    (dest / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
    counts = {s: sum(split_of(p) == s for p in gold) for s in SPLITS}
    print(f"{dest}: {len(gold)} pages ({counts['dev']} dev, {counts['unseen']} unseen)")


# -- score --------------------------------------------------------------------------------

Page = tuple[str, bytes, str | None]


def ours_fields(page: Page) -> dict[str, Any]:
    from scraper import parse_page
    from scraper._errors import ParseError

    try:
        post = parse_page(page[1], page[2], source=page[0])
    except ParseError:
        return {"body": "", "title": None, "author": None, "date": None}
    names = [a.name for a in post.authors if a.name]
    return {
        "body": post.body.text if post.body else "",
        "title": post.title,
        "author": "; ".join(names) or None,
        "date": post.published,
        "modified": post.modified,
    }


def trafilatura_fields(page: Page) -> dict[str, Any]:
    """trafilatura's default mode (not ``fast``), metadata included."""
    import trafilatura

    doc = trafilatura.bare_extraction(page[1], url=page[2], with_metadata=True)
    if doc is None:
        return {"body": "", "title": None, "author": None, "date": None}
    data: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {
        "body": data.get("text") or "",
        "title": data.get("title"),
        "author": data.get("author"),
        "date": data.get("date"),
    }


def _utc_date(value: Any, zone: tzinfo = UTC) -> Any:
    """A prediction with a time and an offset, as its date in the gold's calendar (UTC, or
    the publisher's zone a Postlight extractor names); a bare date stays as it is (its
    instant is unknown)."""
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:
        return value
    if stamp.tzinfo is None:
        return value
    return stamp.astimezone(zone).date().isoformat()


def _gold_day(value: Any, truth: dict[str, Any]) -> Any:
    """A predicted date in the calendar the gold's day was taken in (see ``_utc_date``)."""
    if truth.get("date_tz"):
        return _utc_date(value, ZoneInfo(truth["date_tz"]))
    if truth.get("date_utc"):
        return _utc_date(value)
    return value


def _latest_date(gold: Gold, preds: list[dict[str, Any]]) -> float | None:
    """Lenient date (``date~``) for a gold that states the page's latest date
    (metascraper's ``date`` is the modification date where the page gives one): a page
    counts when the gold's day is the predicted publication or modification day. ``None``
    for a set whose gold is the publication date only."""
    dated = {k: v for k, v in gold.items() if v.get("date") and v.get("date_latest")}
    if not dated:
        return None
    hits = 0
    for p in preds:
        truth = dated.get(p["id"])
        if truth is None:
            continue
        days = {str(_gold_day(p.get(f), truth) or "")[:10] for f in ("date", "modified")}
        hits += truth["date"] in days
    return hits / len(dated)


def _score(kind: str, gold: Gold, preds: list[dict[str, Any]], work: Path) -> dict[str, Any]:
    """Write this split's gold in the shared scorer's layout and run that scorer."""
    work.mkdir(parents=True, exist_ok=True)
    base = bench_dir()
    if kind == "body":
        truth = {k: {"articleBody": v["body"], "url": v.get("url")} for k, v in gold.items()}
        (work / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False), "utf-8")
        rows = [{"id": p["id"], "body": p["body"]} for p in preds if p["id"] in gold]
        scorer = "score_articles.py"
    else:
        meta = {
            k: {f: v[f] for f in ("url", "title", "author", "date") if f in v}
            for k, v in gold.items()
        }
        (work / "gold.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        rows = [{f: p.get(f) for f in ("id", "title", "author", "date")} for p in preds]
        for row in rows:
            row["date"] = _gold_day(row["date"], gold.get(row["id"], {}))
        scorer = "score_metadata.py"
    write_jsonl(work / "pred.jsonl", rows)
    cmd = [sys.executable, str(base / scorer), "--data", str(work)]
    done = subprocess.run(
        [*cmd, "--pred", str(work / "pred.jsonl"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _lenient_titles(gold: Gold, pages: list[Page], preds: list[dict[str, Any]]) -> float:
    """The share of gold titles matched with a site part forgiven on either side
    (``_lenient.lenient_title``), in place of the shared scorer's one-sided rule."""
    by_id = {p["id"]: p.get("title") for p in preds}
    hits = total = 0
    for pid, data, url in pages:
        want = gold[pid].get("title")
        if not want:
            continue
        total += 1
        hits += lenient_title(by_id.get(pid), want, site_names(data, url))
    return hits / total if total else float("nan")


def _field(s: dict[str, Any], name: str) -> str:
    v = s.get(name)
    if isinstance(v, dict):
        v = v.get("accuracy", v.get("acc"))
    return f"{v:.3f}" if isinstance(v, int | float) else "-"


def _lenient(s: dict[str, Any], name: str) -> str:
    v = s.get(name, {}).get("lenient_accuracy")
    return f" {v:.3f} |" if isinstance(v, int | float) else " - |"


def score(folder: Path, splits: list[str], lenient: bool = False) -> None:
    """One row per split and extractor; ``lenient`` adds a lenient title (a site's name set
    off by a separator on either side is forgiven, ``_lenient.py``), the shared scorer's
    lenient author (separators and order ignored), for gold that keeps ``Title | Site``
    (metascraper's), and the lenient date of ``_latest_date`` for gold that states the
    page's latest date."""
    gold_all: Gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    runners = {"ours": ours_fields, "trafilatura": trafilatura_fields}
    extra = (" title~ | author~ | date~ |", "---|---|---|") if lenient else ("", "")
    print(
        f"| set | split | pages | extractor | body F1 | title | author | date | pages/s |{extra[0]}"
    )
    print(f"|---|---|---|---|---|---|---|---|---|{extra[1]}")
    for split in splits:
        gold = {k: v for k, v in gold_all.items() if split == "all" or split_of(k) == split}
        pages = [
            (pid, (folder / "pages" / f"{pid}.html").read_bytes(), gold[pid].get("url"))
            for pid in sorted(gold)
        ]
        for name, fn in runners.items():
            start = time.perf_counter()
            preds = [{"id": p[0], **fn(p)} for p in pages]
            rate = len(pages) / max(time.perf_counter() - start, 1e-9)
            work = OUT / "external" / f"{folder.name}-{split}-{name}"
            body_gold = {k: v for k, v in gold.items() if "body" in v}
            meta_gold = {k: v for k, v in gold.items() if {"title", "author", "date"} & set(v)}
            f1 = "-"
            if body_gold:
                f1 = f"{_score('body', body_gold, preds, work / 'body')['f1']:.3f}"
            meta: dict[str, Any] = {}
            if meta_gold:
                meta = _score("meta", meta_gold, preds, work / "meta")
                if lenient and isinstance(meta.get("title"), dict):
                    meta["title"]["lenient_accuracy"] = _lenient_titles(gold, pages, preds)
            print(
                f"| {folder.name} | {split} | {len(pages)} | {name} | {f1} | "
                f"{_field(meta, 'title')} | {_field(meta, 'author')} | {_field(meta, 'date')} "
                f"| {rate:.1f} |"
                + (_lenient(meta, "title") + _lenient(meta, "author") if lenient else "")
                + (
                    _lenient({"date": {"lenient_accuracy": _latest_date(gold, preds)}}, "date")
                    if lenient
                    else ""
                )
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    prep = sub.add_parser("prepare", help="convert a public checkout into a scored folder")
    prep.add_argument("kind", choices=sorted(PREPARERS))
    prep.add_argument("source", type=Path, help="root of the project's checkout")
    prep.add_argument("dest", type=Path, help="output folder (outside this repository)")
    prep.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        help="a prepared folder or the shared bench whose pages (by URL) are left out",
    )
    sc = sub.add_parser("score", help="score ours and trafilatura on a prepared folder")
    sc.add_argument("folder", type=Path, nargs="*", help="prepared folders")
    sc.add_argument("--split", choices=(*SPLITS, "all", "both"), default="both")
    sc.add_argument(
        "--lenient",
        action="store_true",
        help="add lenient title, author and date (title~, author~, date~)",
    )
    args = ap.parse_args()
    if args.cmd == "prepare":
        prepare(args.kind, args.source, args.dest, args.exclude)
        return
    folders = args.folder or [
        Path(p) for p in os.environ.get("BLOG_ARCHIVER_EXTERNAL", "").split(os.pathsep) if p
    ]
    if not folders:
        sys.exit("no set given: pass a prepared folder or set BLOG_ARCHIVER_EXTERNAL")
    splits = list(SPLITS) if args.split == "both" else [args.split]
    for folder in folders:
        if not (folder / "gold.json").is_file():
            sys.exit(f"{folder} has no gold.json: run `external.py prepare` first")
        score(folder, splits, args.lenient)


if __name__ == "__main__":
    main()
