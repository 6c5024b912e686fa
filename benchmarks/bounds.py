"""Parse bounds: each hostile shape of issue 13 (``scraper.testing._shapes``) parsed once in
a fresh process, with its CPU time, time per MB and peak memory.

    python benchmarks/bounds.py [--shape NAME ...] [--scale 1.0] [--repo PATH]

``--repo`` times another checkout's parser (an older commit, for a before/after table)
on this checkout's shapes.

The aim is about 1 s of CPU per MB of input (pages under 50 KB counted as 50 KB: a parse
has a fixed cost) and under 200 MB of memory over the process's size before the parse.
CPU time (user + sys) rather than wall time: the machine may be shared; the load average
is printed with the table.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
_OTHER = sys.argv[sys.argv.index("--repo") + 1] if "--repo" in sys.argv else None
sys.path.insert(0, _OTHER or str(REPO))


def _load_shapes() -> ModuleType:
    """This checkout's shapes, whichever parser is timed."""
    spec = importlib.util.spec_from_file_location("_shapes", REPO / "scraper/testing/_shapes.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["_shapes"] = module  # the dataclass looks its module up
    spec.loader.exec_module(module)
    return module


from scraper._errors import ParseError  # noqa: E402
from scraper.parse._parse import parse_page  # noqa: E402

SHAPES = _load_shapes().SHAPES

URL = "https://blog.example/2024/01/hostile-post/"


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss_now() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def one(name: str, n: int) -> dict[str, object]:
    shape = next(s for s in SHAPES if s.name == name)
    page = shape.make(n)
    before = _rss_now()
    t, w = _cpu(), time.perf_counter()
    try:
        post = parse_page(page, URL)
        outcome = f"{len(post.comments)} comments"
    except ParseError as exc:
        outcome = f"ParseError: {exc.reason}"
    cpu, wall = _cpu() - t, time.perf_counter() - w
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    return {"bytes": len(page), "cpu": cpu, "wall": wall, "before": before, "peak": peak,
            "outcome": outcome}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shape", action="append", help="only these shapes (name substring)")
    ap.add_argument("--scale", type=float, default=1.0, help="sizes times this")
    ap.add_argument("--repo", help="the checkout whose parser is timed (default: this one)")
    ap.add_argument("--one", nargs=2, metavar=("NAME", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return
    load = os.getloadavg()
    print(f"## parse bounds (load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f})\n")
    print("| shape | n | size | CPU | s/MB | peak RSS | over start | outcome |")
    print("|---|---|---|---|---|---|---|---|")
    for shape in SHAPES:
        if args.shape and not any(s.lower() in shape.name.lower() for s in args.shape):
            continue
        n = max(1, int(shape.size * args.scale))
        cmd = [sys.executable, __file__, "--one", shape.name, str(n)]
        cmd += ["--repo", args.repo] if args.repo else []
        res = json.loads(subprocess.run(cmd, capture_output=True, check=True, text=True).stdout)
        mb = res["bytes"] / 1e6
        print(
            f"| {shape.name} | {n:,} | {mb:.2f} MB | {res['cpu']:.2f} s | "
            f"{res['cpu'] / max(mb, 0.05):.2f} | {res['peak']:.0f} MB | "
            f"{res['peak'] - res['before']:.0f} MB | {res['outcome']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
