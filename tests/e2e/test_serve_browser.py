"""``serve`` in a real browser: headless Chromium (Debian's ``chromium``, driven by
Playwright) clicks list -> post -> thread -> history -> replay, and looks at what a reader
sees: the thread nested, the chart drawn, the replayed page styled by its archived
stylesheet and image while its own script stays dead.

Screenshots go to a temp folder, or to ``$BLOG_ARCHIVER_SCREENSHOTS`` (the README's come
from ``BLOG_ARCHIVER_SCREENSHOTS=docs/screenshots pytest -m slow -k browser``).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_build import ASSET_POST, build

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]  # fmt: skip


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """``blog-archiver serve`` on ports the system picks; yields (app URL, replay URL)."""
    root = tmp_path_factory.mktemp("browser") / "arc"
    build(root)
    proc = subprocess.Popen(
        [sys.executable, "-m", "archive", "serve", str(root), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            m = re.search(r"at (http://\S+/) \(replays from (http://\S+/)\)", line)
            if m:
                yield m.group(1), m.group(2)
                break
        else:
            pytest.fail(f"serve did not start: {proc.stderr.read() if proc.stderr else ''}")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed (apt-get install chromium; see .ci/browser.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("BLOG_ARCHIVER_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_list_post_thread_history_replay(
    server: tuple[str, str], browser: Any, tmp_path: Path
) -> None:
    app_url, replay_url = server
    shots = _shots(tmp_path)
    page = browser.new_page(viewport={"width": 1200, "height": 900}, java_script_enabled=False)

    page.goto(app_url)
    rows = page.locator("a.post-link")
    assert rows.count() >= 6
    page.screenshot(path=str(shots / "list.png"), full_page=True)

    page.fill("input[name=q]", "winter")
    page.click("button[type=submit]")
    assert "q=winter" in page.url
    assert page.locator("mark").count() >= 1
    page.screenshot(path=str(shots / "search.png"), full_page=False)

    # the post whose thread changed between the two captures
    page.goto(app_url)
    versions = page.locator("table.posts tbody tr", has=page.locator("td.num >> text='2'"))
    versions.first.locator("a.post-link").click()
    assert page.url.startswith(app_url + "post?")
    assert page.locator("#title").inner_text()
    assert page.locator("li.comment").count() >= 2
    page.locator("#comments").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "post.png"), full_page=True)

    page.click("#history-link")
    assert page.locator("#timeline > li").count() == 2
    assert page.locator("svg.chart circle").count() == 2
    assert "comment edited" in page.locator("#diff").inner_text()
    page.screenshot(path=str(shots / "history.png"), full_page=True)

    page.locator("#timeline a.replay").last.click()
    frame = page.frame_locator("#replay")
    assert frame.locator("body").inner_text()  # the archived page is there
    page.screenshot(path=str(shots / "replay-thread.png"), full_page=False)
    # a link inside the replay leads to the archived comment page, on the replay origin
    with page.expect_event("framenavigated", predicate=lambda f: "comment-page-" in f.url) as nav:
        frame.locator("a", has_text="Older Comments").first.click()
    inner = nav.value
    inner.wait_for_load_state()
    assert inner.url.startswith(replay_url)
    assert inner.locator("li.comment").count() >= 1

    # the styled post, with scripts on in the browser: its archived stylesheet and image
    # are applied, and its own script is still not run (the replay origin's sandbox)
    page.close()
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{app_url}replay?url={ASSET_POST}&at=2100")
    frame = page.frame_locator("#replay")
    h1 = frame.locator("h1.entry-title")
    assert h1.inner_text() == "A styled post"
    assert h1.evaluate("e => getComputedStyle(e).color") == "rgb(1, 2, 3)"
    img = frame.locator("img[alt=photo]")
    assert img.evaluate("e => e.complete && e.naturalWidth") == 1
    assert frame.locator("title").evaluate("e => e.ownerDocument.title") == "A styled post"
    page.screenshot(path=str(shots / "replay.png"), full_page=False)
    assert replay_url.split(":")[-1] != app_url.split(":")[-1]
    page.close()
