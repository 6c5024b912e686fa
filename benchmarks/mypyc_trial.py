"""Issue 10's mypyc experiment, repeatable: the parse package compiled with mypyc, in a copy.

    python benchmarks/mypyc_trial.py build DEST     # copy scraper/ to DEST, compile scraper.parse
    python benchmarks/mypyc_trial.py time DEST [--rounds 3] [--repeat 5]

``build`` never touches this checkout: it copies ``scraper/`` into ``DEST`` and compiles the
copy in place, so ``PYTHONPATH=DEST`` runs the compiled parser (``snapshot``, ``parse_set``,
the test suite) and this checkout stays pure Python. Needs mypy (which ships mypyc),
setuptools and a C compiler. Two things in our code stop mypyc, and the copy works round
both (see "Issue 10, mypyc" in HISTORY.md for why this is not in the build):

- ``for x in reversed(chain)`` over a ``list[HtmlElement]`` crashes mypyc (lxml-stubs leave
  ``HtmlElement`` as ``Any``; an internal assertion in its ``reversed`` fast path): the copy
  reads ``chain[::-1]`` instead, the same items in the same order.
- a native class does not cache ``functools.cached_property`` (the getter runs on every
  read) and has no ``__dict__`` (``Page.memo``): modules with either stay pure Python.

``time`` parses the articles pages in fresh processes, this checkout and ``DEST`` in turn, and
prints each one's best CPU time (user + sys) per pass after a warm-up pass, with the load.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_REVERSED = re.compile(r"\bfor (\w+(?:, \w+)*) in reversed\((\w+)\):")
_PURE_MARKS = ("cached_property", ".__dict__")

_SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

setup(name="mypyc-trial", py_modules=[], packages=[],
      ext_modules=mypycify(sys.argv.pop(1).split(","), opt_level="3"))
"""

_MYPY_INI = """\
[mypy]
python_version = 3.11
strict = True

[mypy-warcio.*,protego.*,bs4.*,cssselect.*,tenacity.*,trafilatura.*,pyarrow.*,brotli,webencodings]
ignore_missing_imports = True
"""

_TIMER = """\
import glob, gzip, sys, time
sys.path.insert(0, sys.argv[1])
from scraper import ParseError, parse_page
pages = [gzip.open(p).read() for p in sorted(glob.glob(sys.argv[2] + "/articles/html/*.gz"))]
best = float("inf")
for i in range(int(sys.argv[3]) + 1):
    start = time.process_time()
    for page in pages:
        try:
            parse_page(page, None)
        except ParseError:
            pass
    if i:  # the first pass warms the memos and the regex caches
        best = min(best, time.process_time() - start)
print(len(pages), best)
"""


def build(dest: Path) -> None:
    """Copy ``scraper/`` to ``dest`` and compile every module of ``scraper.parse`` mypyc can."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(
        REPO / "scraper", dest / "scraper", ignore=shutil.ignore_patterns("__pycache__", "*.so")
    )
    compiled: list[str] = []
    for path in sorted((dest / "scraper" / "parse").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        rel = path.relative_to(dest).as_posix()
        if any(mark in source for mark in _PURE_MARKS):
            print(f"pure (cached_property / __dict__): {rel}")
            continue
        patched = _REVERSED.sub(r"for \1 in \2[::-1]:", source)
        if patched != source:
            path.write_text(patched, encoding="utf-8")
            print(f"reversed(...) -> [::-1]: {rel}")
        compiled.append(rel)
    (dest / "mypy.ini").write_text(_MYPY_INI, encoding="utf-8")
    (dest / "setup.py").write_text(_SETUP, encoding="utf-8")
    print(f"compiling {len(compiled)} modules (minutes)", flush=True)
    start = time.monotonic()
    subprocess.run(
        [sys.executable, "setup.py", ",".join(compiled), "build_ext", "--inplace"],
        cwd=dest,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"built in {time.monotonic() - start:.0f} s wall, "
        f"{used.ru_utime + used.ru_stime:.0f} s CPU; load {_load()}"
    )


def time_both(dest: Path, rounds: int, repeat: int) -> None:
    """Best CPU seconds per pass over the articles pages, pure and compiled interleaved."""
    bench = os.environ.get("BLOG_ARCHIVER_BENCH", str(REPO.parent / "shared" / "bench"))
    if not any(Path(bench, "articles", "html").glob("*.html.gz")):
        sys.exit(f"no articles pages under {bench}: set BLOG_ARCHIVER_BENCH to the bench folder")
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, checkout in (("pure", REPO), ("compiled", dest)):
            out = subprocess.run(
                [sys.executable, "-c", _TIMER, str(checkout), bench, str(repeat)],
                check=True,
                capture_output=True,
                text=True,
                cwd="/",
            ).stdout.split()
            seconds = float(out[1])
            best[name] = min(best.get(name, seconds), seconds)
            print(f"{name:8} {out[0]} pages {seconds:.3f} s CPU per pass  (load {_load()})")
    pure, compiled = best["pure"], best["compiled"]
    print(f"best: pure {pure:.3f} s, compiled {compiled:.3f} s: {1 - compiled / pure:.1%} less CPU")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["build", "time"])
    ap.add_argument("dest", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if args.what == "build":
        build(args.dest.resolve())
    else:
        time_both(args.dest.resolve(), args.rounds, args.repeat)


if __name__ == "__main__":
    main()
