"""Open a WACZ in ReplayWeb.page in headless Chromium and report what each listed page shows.

Run by ``test_replay_wacz_browser.py`` with the replay venv's Python (Playwright lives there,
not in the project's venv)::

    python replaywebpage_check.py APP_DIR FILE.wacz CHROMIUM OUT.json [SHOT.png]

APP_DIR holds ReplayWeb.page's ``index.html``, ``ui.js`` and ``sw.js``. They and the WACZ are
served on 127.0.0.1 by a small server that answers range requests, as ReplayWeb.page reads a
WACZ; the service worker needs a secure context, and loopback is one. For every entry of
``pages/pages.jsonl`` the page is opened at its capture time and the replay frame is asked for
its title, its images (loaded = a natural width) and its stylesheets (loaded = rules read).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import threading
import time
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote

from playwright.sync_api import Frame, Page, sync_playwright

DEADLINE = 60.0  # seconds for one page to show: a bound on waiting, not a speed check


class _Part:
    """``length`` bytes of an open file, read as the handler copies a response body."""

    def __init__(self, fh: BinaryIO, length: int) -> None:
        self.fh, self.left = fh, length

    def read(self, size: int = -1) -> bytes:
        size = self.left if size < 0 else min(size, self.left)
        data = self.fh.read(size) if size > 0 else b""
        self.left -= len(data)
        return data

    def close(self) -> None:
        self.fh.close()


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        m = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
        if m is None or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        if m.group(1):
            start = int(m.group(1))
            end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
        else:
            start, end = max(0, size - int(m.group(2) or 0)), size - 1
        fh = path.open("rb")
        fh.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return _Part(fh, end - start + 1)


def _replay_frame(page: Page, url: str) -> Frame | None:
    for frame in page.frames:
        if "mp_/" in frame.url and frame.url.split("mp_/", 1)[1] == url:
            return frame
    return None


def _inspect(page: Page, entry: dict[str, str]) -> dict[str, Any]:
    url, title = entry["url"], entry.get("title")
    deadline = time.monotonic() + DEADLINE
    seen: dict[str, Any] = {"url": url, "title": None, "frame": False}
    while time.monotonic() < deadline:
        frame = _replay_frame(page, url)
        if frame is not None:
            seen["frame"] = True
            try:
                seen["title"] = frame.title()
                ready = frame.evaluate("document.readyState") == "complete"
                images = frame.evaluate(
                    "Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)"
                )
                sheets = frame.evaluate(
                    "Array.from(document.styleSheets).filter(s => s.href)"
                    ".map(s => { try { return s.cssRules.length > 0 } catch (e) { return false } })"
                )
            except Exception:  # the frame navigated while we asked: ask again
                ready, images, sheets = False, [], []
            seen.update(
                images=len(images), images_loaded=sum(images),
                stylesheets=len(sheets), stylesheets_loaded=sum(sheets),
            )  # fmt: skip
            titled = bool(seen["title"]) and (title is None or title in seen["title"])
            if ready and titled and all(images) and all(sheets):
                return seen
        page.wait_for_timeout(250)  # lets Playwright take in frame events; sleep would not
    return seen


def main(argv: list[str]) -> int:
    app, wacz, chromium, out = Path(argv[0]), Path(argv[1]), argv[2], Path(argv[3])
    shot = Path(argv[4]) if len(argv) > 4 else None
    with zipfile.ZipFile(wacz) as zf:
        lines = zf.read("pages/pages.jsonl").decode("utf-8").splitlines()
    entries = [json.loads(ln) for ln in lines[1:] if ln.strip()]
    with tempfile.TemporaryDirectory() as root:
        for name in ("index.html", "ui.js", "sw.js"):
            shutil.copy(app / name, Path(root) / name)
        (Path(root) / "archive.wacz").symlink_to(wacz.resolve())
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=root))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        source = f"{base}/archive.wacz"
        results: list[dict[str, Any]] = []
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
                page = browser.new_page()
                page.goto(f"{base}/?source={quote(source, safe='')}#view=pages")
                listed = page.get_by_text(re.compile(rf"^\s*{len(entries)} pages?\s*$"))
                listed.first.wait_for(timeout=DEADLINE * 1000)
                if shot is not None:
                    page.screenshot(path=str(shot))
                for entry in entries:
                    ts = "".join(ch for ch in entry["ts"] if ch.isdigit())[:14]
                    hash_ = f"view=pages&url={quote(entry['url'], safe='')}&ts={ts}"
                    one = browser.new_page()  # a hash change alone does not reload the view
                    one.goto(f"{base}/?source={quote(source, safe='')}#{hash_}")
                    results.append(_inspect(one, entry))
                    one.close()
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    out.write_text(json.dumps({"listed": len(entries), "pages": results}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
