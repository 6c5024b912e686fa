"""What every real-engine harness does with its daemons: a loopback port, a stop by pid."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop_by_pid(proc: subprocess.Popen[Any] | None) -> None:
    """SIGTERM, then SIGKILL when it has not gone within 30 s."""
    if proc is None or proc.poll() is not None:
        return
    os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def answers(port: int, proc: subprocess.Popen[Any] | None, tries: int = 600) -> bool:
    """Whether a daemon just started accepts connections on its loopback ``port`` within
    ``tries`` short waits (~30 s); ``False`` as soon as ``proc`` has exited."""
    for _ in range(tries):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            if proc is not None and proc.poll() is not None:
                return False
            time.sleep(0.05)
    return False
