"""Export benchmark: seconds and peak memory to export a big archive, per format.

    python benchmarks/export.py [--posts 100000] [--comments-per-post 10] [--formats jsonl,csv]

Fast path, on purpose: the records are generated straight into a fresh catalog (``crawls``,
``captures`` and ``pages`` rows, as the sink would write them, pointing at a WARC that does
not exist) rather than crawled, because what is measured is the export: reading the
catalog, merging pages, validating every record against the JSON Schema and writing the two
datasets. Each format runs in its own process so its peak RSS is its own
(``ru_maxrss`` of the child). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WORDS = "archive blog comment policy minister election market village river journal".split()


def _text(i: int, n: int) -> str:
    return " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(n))


def record(i: int, comments: int) -> dict[str, object]:
    """One valid Post record of about 4 KB plus its comments."""
    url = f"https://blog.example/2024/{1 + i % 12:02d}/post-{i}/"
    thread = []
    for c in range(comments):
        cid = str(i * comments + c + 1)
        parent = str(i * comments + c) if c % 3 == 2 else None
        text = _text(i + c, 30)
        thread.append(
            {
                "id": cid,
                "parent_id": parent,
                "depth": 1 if parent else 0,
                "url": f"{url}#comment-{cid}",
                "author": {"name": f"user{c}", "url": None},
                "published": f"2024-{1 + i % 12:02d}-{1 + c % 28:02d}T10:00:00+00:00",
                "text": text,
                "html": f"<p>{text}</p>",
                "quotes": [],
                "is_post_author": False,
            }
        )
    body = "\n\n".join(_text(i + p, 80) for p in range(4))
    return {
        "schema_version": 1,
        "url": url,
        "site": {"name": "Example", "url": "https://blog.example/"},
        "title": f"Post {i}",
        "author": {"name": "Ann", "url": "https://blog.example/author/ann/"},
        "authors": [{"name": "Ann", "url": "https://blog.example/author/ann/"}],
        "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T09:00:00+00:00",
        "modified": None,
        "categories": ["News", "World"],
        "tags": ["korea"],
        "language": "en",
        "body": {"text": body, "html": "<p>" + body.replace("\n\n", "</p><p>") + "</p>"},
        "quotes": [{"text": "A quote", "cite": None, "kind": "blockquote"}],
        "links": [{"url": "https://source.example/", "text": "source"}],
        "read_more": {"url": "https://source.example/", "text": "Read more"},
        "images": [],
        "comment_count": comments,
        "comments": thread,
        "source": {
            "fetched_url": url,
            "fetched_at": "2024-12-01T00:00:00Z",
            "status": 200,
            "sha256": None,
            "warc": {"file": "synthetic.warc.gz", "record_id": f"<urn:uuid:{i}>"},
        },
        "extractor": {"name": "wordpress", "version": "1"},
    }


def build(root: Path, posts: int, comments: int) -> float:
    """Create the archive and fill its catalog directly; returns seconds."""
    from archive import Archive

    start = time.perf_counter()
    with Archive.open(root):
        pass  # creates the folder and the catalog schema
    db = sqlite3.connect(root / "catalog.sqlite")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute(
        "INSERT INTO crawls (id, kind, started_at, settings_json) VALUES (1, 'bench', ?, '{}')",
        ("2024-12-01T00:00:00Z",),
    )
    db.execute(  # catalog v2: captures name their WARC file by id
        "INSERT INTO warc_files (id, name, crawl_id, created_at) "
        "VALUES (1, 'synthetic.warc.gz', 1, '2024-12-01T00:00:00Z')"
    )
    batch = 5000
    for lo in range(0, posts, batch):
        targets, caps, pages = [], [], []
        for i in range(lo, min(posts, lo + batch)):
            rec = record(i, comments)
            url = str(rec["url"])
            targets.append((i + 1, url))
            caps.append(
                (i + 1, 1, i + 1, "2024-12-01T00:00:00Z", 200, 1, i, 1,
                 uuid.UUID(int=i).bytes, "response")
            )  # fmt: skip
            pages.append(
                (url, url, 1, i + 1, "2024-12-01T00:00:00Z", "bench", json.dumps(rec))
            )  # fmt: skip
        with db:
            db.executemany("INSERT INTO targets (id, url) VALUES (?, ?)", targets)
            insert_rows(db, caps, pages)
    db.close()
    return time.perf_counter() - start


def insert_rows(
    db: sqlite3.Connection, caps: list[tuple[Any, ...]], pages: list[tuple[Any, ...]]
) -> None:
    """Capture rows and their parsed pages, as the crawl's sink writes them (v2 catalog)."""
    db.executemany(
        "INSERT INTO captures (id, crawl_id, target_id, fetched_at, status, file_id, "
        "warc_offset, warc_length, record_id, record_type) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caps,
    )
    db.executemany(
        "INSERT INTO pages (page_url, post_url, crawl_id, capture_id, parsed_at, "
        "parser_version, record_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
        pages,
    )


def child(root: Path, fmt: str, out: Path) -> None:
    """Runs in the measured process: one export, then its own numbers as JSON."""
    from archive._store import Archive
    from archive.export._export import ExportOptions, export_archive

    start = time.perf_counter()
    with Archive.open(root, readonly=True) as arc:
        result = export_archive(arc, ExportOptions(fmt, out))  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    size = result.posts.path.stat().st_size + result.comments.path.stat().st_size
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    numbers = {"seconds": seconds, "posts": result.posts.rows, "comments": result.comments.rows}
    print(json.dumps({**numbers, "bytes": size, "rss_mb": rss_mb}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--comments-per-post", type=int, default=10)
    ap.add_argument("--formats", default="jsonl,csv,json,parquet")
    ap.add_argument("--child", nargs=3, metavar=("ROOT", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(Path(args.child[0]), args.child[1], Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        root = Path(tmp) / "arc"
        built = build(root, args.posts, args.comments_per_post)
        catalog_mb = (root / "catalog.sqlite").stat().st_size / 2**20
        print(f"Generated {args.posts:,} posts with {args.posts * args.comments_per_post:,} "
              f"comments into the catalog in {built:.1f} s ({catalog_mb:.0f} MB).\n")  # fmt: skip
        print("| format | posts | comments | seconds | posts/s | output MB | peak RSS MB |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for fmt in args.formats.split(","):
            cmd = [sys.executable, __file__, "--child", str(root), fmt, str(Path(tmp) / fmt)]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0:
                reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
                print(f"| {fmt} | - | - | - | - | - | {reason} |")
                continue
            r = json.loads(done.stdout)
            print(
                f"| {fmt} | {r['posts']:,} | {r['comments']:,} | {r['seconds']:.1f} | "
                f"{r['posts'] / r['seconds']:,.0f} | {r['bytes'] / 2**20:.0f} | "
                f"{r['rss_mb']:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
