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
    python benchmarks/external.py prepare postlight   parser      /work/gen-data/postlight
    python benchmarks/external.py prepare newspaper4k newspaper4k /work/gen-data/newspaper4k
    python benchmarks/external.py prepare fundus fundus /work/gen-data/fundus
    python benchmarks/external.py score /work/gen-data/postlight [--split dev|unseen|all]

A prepared folder holds ``pages/<id>.html`` and ``gold.json`` (id -> {"url", "title"?,
"author"?, "date"? (YYYY-MM-DD), "body"?}); ``$BLOG_ARCHIVER_EXTERNAL`` may name one such
folder instead of the command-line path.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import OUT, bench_dir, write_jsonl

Gold = dict[str, dict[str, Any]]
SPLITS = ("dev", "unseen")


def split_of(pid: str) -> str:
    """``dev`` or ``unseen`` from the first byte of the id's SHA-1: stable, about 50/50."""
    return SPLITS[hashlib.sha1(pid.encode("utf-8")).digest()[0] & 1]


# -- prepare: public checkouts -> pages/ + gold.json -------------------------------------

_JS_STR = r"(?:'((?:[^'\\]|\\.)*)'|`([^`]*)`|\"((?:[^\"\\]|\\.)*)\")"


def _js_assert(src: str, field: str) -> str | None:
    """The string a Postlight test asserts for ``field`` (first describe block only)."""
    m = re.search(rf"assert\.equal\(\s*{field}\s*,\s*{_JS_STR}\s*\)", src, re.S)
    if not m:
        return None
    value = next(g for g in m.groups() if g is not None)
    return re.sub(r"\\(.)", r"\1", value).strip() or None


_META_TAG = re.compile(rb"<meta\b[^>]*>", re.I)
_VALUE_ATTR = re.compile(rb"\svalue=", re.I)


def _meta_content(html: bytes) -> bytes:
    """Postlight's fixtures were saved with every ``<meta content=...>`` rewritten to
    ``value=...`` (its own preprocessing), which hides the pages' meta tags from every
    extractor; written back as the sites served them."""

    def fix(m: re.Match[bytes]) -> bytes:
        tag = m.group(0)
        if b"content=" in tag.lower():
            return tag
        return _VALUE_ATTR.sub(b" content=", tag, count=1)

    return _META_TAG.sub(fix, html)


def _postlight(src_root: Path) -> tuple[Gold, dict[str, Path]]:
    """Postlight (Mercury) parser: each custom extractor's test names a fixture page, its
    URL and the expected title, author and date_published (taken as the UTC date)."""
    gold: Gold = {}
    pages: dict[str, Path] = {}
    for test in sorted((src_root / "src" / "extractors" / "custom").glob("*/index.test.js")):
        src = test.read_text(encoding="utf-8", errors="replace")
        fixture = re.search(r"readFileSync\(\s*'\./(fixtures/[^']+\.html)'", src)
        url = re.search(r"url\s*=\s*['`]([^'`]+)['`]", src)
        if not fixture or not (src_root / fixture.group(1)).is_file():
            continue
        pid = test.parent.name
        entry: dict[str, Any] = {"url": url.group(1) if url else None}
        for field, key in (("title", "title"), ("author", "author"), ("date_published", "date")):
            value = _js_assert(src, field)
            if value:
                entry[key] = value[:10] if key == "date" else value
        if "date" in entry:
            entry["date_utc"] = True  # the test states the UTC instant ("...T21:19:00.000Z")
        if len(entry) > 1:
            gold[pid] = entry
            pages[pid] = src_root / fixture.group(1)
    return gold, pages


def _newspaper4k(src_root: Path) -> tuple[Gold, dict[str, Path]]:
    """newspaper4k's regression pages: ``html/X.html`` with the expected article text in
    ``txt/X.txt`` and, for some, expected metadata in ``metadata/X.json``."""
    data = src_root / "tests" / "data"
    gold: Gold = {}
    pages: dict[str, Path] = {}
    for html in sorted((data / "html").glob("*.html")):
        pid = html.stem
        entry: dict[str, Any] = {"url": None}
        txt = data / "txt" / f"{pid}.txt"
        if txt.is_file():
            entry["body"] = txt.read_text(encoding="utf-8", errors="replace")
        meta_path = data / "metadata" / f"{pid}.json"
        if meta_path.is_file():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            entry["url"] = meta.get("url")
            if meta.get("title"):
                entry["title"] = meta["title"]
            if meta.get("authors"):
                entry["author"] = "; ".join(meta["authors"])
            if meta.get("publish_date"):
                entry["date"] = str(meta["publish_date"])[:10]
        if len(entry) > 1:
            gold[pid] = entry
            pages[pid] = html
    return gold, pages


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", name))


def _fundus(src_root: Path) -> tuple[Gold, dict[str, Path]]:
    """Fundus's parser tests: per publisher, saved pages ``<Publisher>_<date>.html.gz`` (URL
    in the folder's ``meta.info``) and ``<Publisher>.json`` with the expected title, authors,
    publishing date and body of each parser version. Versions and pages pair in order (the
    oldest page tests the oldest version), as fundus's own loader pairs them by date."""
    gold: Gold = {}
    pages: dict[str, Path] = {}
    root = src_root / "tests" / "resources" / "parser" / "test_data"
    for expected in sorted(root.glob("*/*.json")):
        info_path = expected.parent / "meta.info"
        info = json.loads(info_path.read_text("utf-8")) if info_path.is_file() else {}
        htmls = sorted(expected.parent.glob(f"{expected.stem}_*.html.gz"))
        versions = json.loads(expected.read_text("utf-8"))
        if not isinstance(versions, dict) or len(versions) != len(htmls):
            continue  # unclear pairing: left out rather than guessed
        for version, html in zip(sorted(versions, key=_version_key), htmls, strict=True):
            want = versions[version]
            pid = f"{expected.parent.name}-{html.name.removesuffix('.html.gz')}"
            entry: dict[str, Any] = {"url": info.get(html.name, {}).get("url")}
            if want.get("title"):
                entry["title"] = want["title"]
            if want.get("authors"):
                entry["author"] = "; ".join(want["authors"])
            stamp = want.get("publishing_date")
            if stamp:
                entry["date"] = str(stamp)[:10]
                # fundus stores the page's own instant; +00:00 may be a conversion to UTC
                if str(stamp).endswith("+00:00"):
                    entry["date_utc"] = True
            body = want.get("body") or {}
            parts = list(body.get("summary") or [])
            for section in body.get("sections") or []:
                parts += [*(section.get("headline") or []), *(section.get("paragraphs") or [])]
            if parts:
                entry["body"] = "\n".join(parts)
            if len(entry) > 1:
                gold[pid] = entry
                pages[pid] = html
    return gold, pages


def _as_served(data: bytes) -> bytes:
    return data


# per set, how a saved page is turned back into what its site served
FIXERS: dict[str, Callable[[bytes], bytes]] = {"postlight": _meta_content}

PREPARERS: dict[str, Callable[[Path], tuple[Gold, dict[str, Path]]]] = {
    "postlight": _postlight,
    "newspaper4k": _newspaper4k,
    "fundus": _fundus,
}


def prepare(kind: str, src_root: Path, dest: Path) -> None:
    gold, pages = PREPARERS[kind](src_root)
    (dest / "pages").mkdir(parents=True, exist_ok=True)
    fixer = FIXERS.get(kind, _as_served)
    for pid, path in pages.items():
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        (dest / "pages" / f"{pid}.html").write_bytes(fixer(data))
    (dest / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
    counts = {s: sum(split_of(p) == s for p in gold) for s in SPLITS}
    print(f"{dest}: {len(gold)} pages ({counts['dev']} dev, {counts['unseen']} unseen)")


# -- score --------------------------------------------------------------------------------

Page = tuple[str, bytes, str | None]


def _ours(page: Page) -> dict[str, Any]:
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
    }


def _trafilatura(page: Page) -> dict[str, Any]:
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


def _utc_date(value: Any) -> Any:
    """A prediction with a time and an offset, as its UTC date (the gold's calendar); a
    bare date stays as it is (its instant is unknown)."""
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:
        return value
    if stamp.tzinfo is None:
        return value
    return stamp.astimezone(UTC).date().isoformat()


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
            if gold.get(row["id"], {}).get("date_utc"):
                row["date"] = _utc_date(row["date"])
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


def _field(s: dict[str, Any], name: str) -> str:
    v = s.get(name)
    if isinstance(v, dict):
        v = v.get("accuracy", v.get("acc"))
    return f"{v:.3f}" if isinstance(v, int | float) else "-"


def score(folder: Path, splits: list[str]) -> None:
    gold_all: Gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    runners = {"ours": _ours, "trafilatura": _trafilatura}
    print("| set | split | pages | extractor | body F1 | title | author | date | pages/s |")
    print("|---|---|---|---|---|---|---|---|---|")
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
            print(
                f"| {folder.name} | {split} | {len(pages)} | {name} | {f1} | "
                f"{_field(meta, 'title')} | {_field(meta, 'author')} | {_field(meta, 'date')} "
                f"| {rate:.1f} |"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    prep = sub.add_parser("prepare", help="convert a public checkout into a scored folder")
    prep.add_argument("kind", choices=sorted(PREPARERS))
    prep.add_argument("source", type=Path, help="root of the project's checkout")
    prep.add_argument("dest", type=Path, help="output folder (outside this repository)")
    sc = sub.add_parser("score", help="score ours and trafilatura on a prepared folder")
    sc.add_argument("folder", type=Path, nargs="*", help="prepared folders")
    sc.add_argument("--split", choices=(*SPLITS, "all", "both"), default="both")
    args = ap.parse_args()
    if args.cmd == "prepare":
        prepare(args.kind, args.source, args.dest)
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
        score(folder, splits)


if __name__ == "__main__":
    main()
