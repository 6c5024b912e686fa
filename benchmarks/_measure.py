"""What a benchmarked command costs: wall time, CPU and peak RSS of its whole process tree
(``wait4`` plus 50 ms samples of the descendants: blog-archiver's parse workers), shared by
the crawl benchmarks (``crawl.py``, ``frontier.py``)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


def _sample_tree(pid: int, cpu: dict[int, float]) -> int:
    """Resident bytes of ``pid`` and all its descendants (shared pages counted per process:
    an upper bound for forked workers); records each process's own CPU in ``cpu``."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
            t = p.cpu_times()  # the process's own time: not its reaped children's
            cpu[p.pid] = t.user + t.system
        except psutil.Error:
            pass
    return total


def measure(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, float, float, int]:
    """Run ``cmd``; (wall s, CPU s, CPU s of the child alone, peak RSS MB, exit status).

    CPU: what each process of the tree used by itself, sampled every 50 ms (``wait4``'s
    figure counts the descendants the child reaped, and only those: blog-archiver waits
    for its parse workers, other tools may not), the child's own at least what ``wait4``
    reports when it reaped nobody. Peak RSS is the largest *sum* over the process tree
    (``ru_maxrss`` would show only the biggest single process).
    """
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    others: dict[int, float] = {}
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _sample_tree(proc.pid, others))
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = max(peak, ru.ru_maxrss * 1024)
    own = others.pop(proc.pid, 0.0)  # the child's own CPU, up to its last sample
    if not others:  # no descendant seen: wait4's figure is the child's alone, and exact
        own = ru.ru_utime + ru.ru_stime
    return wall, own + sum(others.values()), own, rss / 2**20, proc.returncode
