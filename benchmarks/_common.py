"""Helpers shared by the benchmark scripts: find the shared data, load pages, run scorers.

The benchmark data lives outside the repository (``../shared/bench`` next to the checkout,
or ``$BLOG_ARCHIVER_BENCH``) and is never copied in; every script exits with a clear
message when it is missing rather than with a traceback.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out"

__all__ = [
    "OUT",
    "REPO",
    "BenchPage",
    "bench_dir",
    "load_pages",
    "run_scorer",
    "timed",
    "write_jsonl",
]


@dataclass(frozen=True, slots=True)
class BenchPage:
    id: str
    data: bytes
    url: str | None
    gold: dict[str, Any]


def bench_dir() -> Path:
    """The shared benchmark folder; exits with a message when it is not there."""
    env = os.environ.get("BLOG_ARCHIVER_BENCH")
    path = Path(env) if env else REPO.parent / "shared" / "bench"
    if not path.is_dir():
        sys.exit(
            f"benchmark data not found at {path}: these benchmarks need ../shared/bench "
            "(or set BLOG_ARCHIVER_BENCH to its location)"
        )
    return path


def load_pages(subset: str, limit: int | None = None) -> list[BenchPage]:
    """Every ``*.html.gz`` page of one benchmark set with its gold entry, sorted by id."""
    folder = bench_dir() / subset
    gold_path = folder / "gold.json"
    gold: dict[str, dict[str, Any]] = (
        json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
    )
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        pid = path.name.removesuffix(".html.gz")
        g = gold.get(pid, {})
        pages.append(BenchPage(pid, gzip.decompress(path.read_bytes()), g.get("url"), g))
        if limit and len(pages) >= limit:
            break
    return pages


def timed(
    fn: Callable[[BenchPage], dict[str, Any]], pages: list[BenchPage]
) -> tuple[list[dict[str, Any]], float]:
    """Run ``fn`` over ``pages``: the predictions and the seconds spent inside ``fn``."""
    preds = []
    elapsed = 0.0
    for page in pages:
        start = time.perf_counter()
        preds.append(fn(page))
        elapsed += time.perf_counter() - start
    return preds, elapsed


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_scorer(scorer: str, subset: str, pred: Path, *extra: str) -> dict[str, Any]:
    """Run one of the shared scorers with ``--json`` and return its summary."""
    base = bench_dir()
    cmd = [sys.executable, str(base / scorer), "--data", str(base / subset)]
    cmd += ["--pred", str(pred), "--json", *extra]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result
