"""Crawl a real engine with the project's own CLI, as a user would, and read the export."""

from __future__ import annotations

import json
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
