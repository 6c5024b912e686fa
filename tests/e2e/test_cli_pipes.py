"""The CLI inside shell pipelines: a reader that stops early is no error worth a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_closed_pipe_gives_no_traceback(tmp_path: Path) -> None:
    # `blog-archiver parse big.html | head -1`: the record is far larger than a pipe buffer
    # (64 KB), so the writer is still writing when the reader closes after one line.
    page = tmp_path / "big.html"
    paragraphs = "".join(f"<p>Paragraph {i} of a long post, with words.</p>" for i in range(20000))
    page.write_text(f"<html><body><article><h1>Long</h1>{paragraphs}</article></body></html>")
    writer = subprocess.Popen(
        [sys.executable, "-m", "archive", "parse", str(page)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert writer.stdout is not None
    writer.stdout.readline()
    writer.stdout.close()
    _, err = writer.communicate(timeout=120)
    assert b"Traceback" not in err, err.decode()
    assert writer.returncode == 141
