"""Where the tests find the replay tools that ``.ci/replay.sh`` installs in their own venv."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def replay_venv() -> Path:
    """``$BLOG_ARCHIVER_REPLAY_VENV``, else ``.replay-venv`` beside pyproject.toml."""
    env = os.environ.get("BLOG_ARCHIVER_REPLAY_VENV")
    path = Path(env) if env else ROOT / ".replay-venv"
    return path if path.is_absolute() else ROOT / path


def tool(name: str) -> Path:
    """The executable ``name`` of the replay venv, or a skip that says how to install it."""
    exe = replay_venv() / "bin" / name
    if not exe.is_file():
        pytest.skip(f"{name} is not installed in {replay_venv()}: run .ci/replay.sh")
    return exe


def free_port() -> int:
    """A port nothing listens on now (pywb takes its port as a number, not 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
