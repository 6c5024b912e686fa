"""Crawl a real engine with the project's own CLI, as a user would, and read the export."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["crawl_and_export"]


def crawl_and_export(url: str, archive: Path) -> tuple[list[dict[str, Any]], str]:
    """``blog-archiver crawl URL --delay 0`` then ``export --format jsonl``: the post records
    (comments nested) and the crawl's output, for failure messages."""
    crawl = subprocess.run(
        [sys.executable, "-m", "archive", "crawl", url, "--archive", str(archive),
         "--delay", "0", "--concurrency", "4", "--per-host", "4", "--quiet"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    log = crawl.stdout + crawl.stderr
    if crawl.returncode not in (0, 1):
        raise RuntimeError(f"crawl failed ({crawl.returncode}): {log[-3000:]}")
    export = subprocess.run(
        [sys.executable, "-m", "archive", "export", str(archive), "--format", "jsonl"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if export.returncode != 0:
        raise RuntimeError(f"export failed: {export.stdout}{export.stderr}")
    lines = (archive / "exports" / "posts.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()], log


def captured_pages(archive: Path) -> dict[str, bytes]:
    """Every HTML page the crawl captured with status 200, by URL, from the WARC files."""
    from warcio.archiveiterator import ArchiveIterator

    out: dict[str, bytes] = {}
    for path in sorted((archive / "warc").glob("*.warc.gz")):
        with path.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
                if rec.http_headers.get_statuscode() == "200" and "html" in ctype:
                    out[rec.rec_headers.get_header("WARC-Target-URI")] = rec.content_stream().read()
    return out


def unreached_thread_pages(pages: dict[str, bytes], permalinks: list[str]) -> list[str]:
    """Links a reader can follow inside a post's own thread (its comment pages, its
    ``<!--nextpage-->`` pages, the canonical they name) that the crawl did not capture:
    in replay, each would answer 404."""
    import lxml.html

    from scraper._urls import canonicalize

    posts = {canonicalize(p) or p for p in permalinks}

    def post_of(url: str) -> str | None:
        """The post whose thread ``url`` is in: the post itself, ``comment-page-N/`` or
        ``?cpage=N`` of it, or its page ``N/`` (judged here, not by the crawler's code)."""
        plain = url.split("?", 1)[0]
        if plain in posts:
            return plain
        base = re.sub(r"(?<=/)(comment-page-\d+|\d+)/?$", "", plain)
        return base if base in posts else None

    captured = {canonicalize(u) or u for u in pages}
    missing: set[str] = set()
    for url, html in pages.items():
        owner = post_of(canonicalize(url) or url)
        if owner is None:
            continue
        tree = lxml.html.fromstring(html)
        hrefs = [a.get("href") for a in tree.iter("a")]
        hrefs += [x.get("href") for x in tree.iter("link") if x.get("rel") == "canonical"]
        for href in hrefs:
            target = canonicalize(href or "", url)
            if target and target != owner and post_of(target) == owner and target not in captured:
                missing.add(f"{target} (linked from {url})")
    return sorted(missing)
