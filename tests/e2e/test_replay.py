"""Replay: crawl the test blog with ``--assets``, hand the WARCs and our index to pywb, and
every post page, comment page, stylesheet and image comes back, byte for byte.

pywb looks a URL up by its own SURT key in the index we wrote, so this is the test that our
keys are the replay tools' (a collection indexed with the keys of before is the control:
nothing replays). The WACZ that ``blog-archiver wacz`` packs is loaded into pywb too
(``wb-manager add --unpack-wacz`` reads its WARCs and index) and replays the same, and so
does ReplayWeb.page in headless Chromium, which is how a reader opens a WACZ.

pywb, py-wacz, Playwright and ReplayWeb.page come from ``.ci/replay.sh`` (their own venv);
without them these tests skip and say why.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from replaytools import free_port, replay_venv, tool

from archive._cli import main
from scraper.testing import Site, SiteServer, SiteSpec, asset_paths, gen_site, render

pytestmark = pytest.mark.slow

N_POSTS = 24


@dataclass(frozen=True, slots=True)
class Crawled:
    site: Site
    base: str  # the blog's URL while it was crawled
    archive: Path


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # post, comment page, stylesheet, image
    url: str
    title: str | None  # a page's post title


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    site = gen_site(N_POSTS, spec=SiteSpec(assets=True), seed=7)
    path = tmp_path_factory.mktemp("replay") / "arc"
    with SiteServer(site, compress=True) as srv:
        proc = subprocess.run(
            [sys.executable, "-m", "archive", "crawl", srv.url + "/", "--archive", str(path),
             "--assets", "--delay", "0", "--concurrency", "8", "--per-host", "8", "--quiet"],
            capture_output=True, text=True, timeout=240, check=False,
        )  # fmt: skip
        base = srv.url
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return Crawled(site, base, path)


def _targets(c: Crawled) -> list[Target]:
    out: list[Target] = []
    for post in c.site.posts:
        out.append(Target("post", c.base + post.path, post.title))
        default = c.site.default_comment_page(post)
        for k in range(1, c.site.comment_page_count(post) + 1):
            if k != default:  # that one is the post page itself, linked by the permalink
                url = f"{c.base}{post.path}comment-page-{k}/"
                out.append(Target("comment page", url, post.title))
    for path in asset_paths(c.site):
        out.append(Target("stylesheet" if path.endswith(".css") else "image", c.base + path, None))
    return out


def _index(c: Crawled) -> dict[str, str]:
    """URL -> timestamp of its capture, from the index pywb is given."""
    out: dict[str, str] = {}
    for line in (c.archive / "warc" / "index.cdxj").read_text("utf-8").splitlines():
        _key, ts, fields = line.split(" ", 2)
        out[json.loads(fields)["url"]] = ts
    return out


def _old_key(url: str) -> str:
    """The key our index used before it followed ``surt``: dotted host, trailing slash."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{host}{port}){parts.path.lower()}"


@pytest.fixture(scope="module")
def pywb(crawled: Crawled, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    wayback, manager = tool("wayback"), tool("wb-manager")
    root = tmp_path_factory.mktemp("pywb")
    warcs = sorted((crawled.archive / "warc").glob("*.warc.gz"))
    index = (crawled.archive / "warc" / "index.cdxj").read_text("utf-8").splitlines()

    def init(coll: str, lines: list[str]) -> None:
        subprocess.run([manager, "init", coll], cwd=root, check=True, capture_output=True)
        for warc in warcs:
            (root / "collections" / coll / "archive" / warc.name).symlink_to(warc)
        text = "".join(ln + "\n" for ln in sorted(lines))
        (root / "collections" / coll / "indexes" / "index.cdxj").write_text(text, "utf-8")

    init("blog", index)  # our index, as the crawl wrote it
    old = []
    for line in index:
        _key, rest = line.split(" ", 1)
        old.append(_old_key(json.loads(rest.split(" ", 1)[1])["url"]) + " " + rest)
    init("oldkeys", old)  # the control
    wacz = root / "blog.wacz"
    assert main(["wacz", str(crawled.archive), "--out", str(wacz)]) == 0
    subprocess.run([manager, "init", "fromwacz"], cwd=root, check=True, capture_output=True)
    subprocess.run(
        [manager, "add", "--unpack-wacz", "fromwacz", str(wacz)],
        cwd=root, check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    log = (root / "wayback.log").open("wb")
    proc = subprocess.Popen(
        [wayback, "--bind", "127.0.0.1", "--port", str(port)], cwd=root, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (root / "wayback.log").read_text()
            try:
                if httpx.get(url + "/", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "pywb did not start in 60 s"
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)
        log.close()


def _expected(c: Crawled, url: str) -> bytes:
    target = urlsplit(url)
    return render(c.site, target.path, c.base).body


def _replay(pywb: str, coll: str, c: Crawled, targets: list[Target]) -> dict[str, list[str]]:
    """Per kind, the URLs that came back from ``coll`` as they were served (``id_``: raw)."""
    stamps = _index(c)
    back: dict[str, list[str]] = {t.kind: [] for t in targets}
    with httpx.Client(timeout=30) as client:
        for t in targets:
            ts = stamps.get(t.url, "2")  # uncaptured: pywb's nearest, if it had one
            resp = client.get(f"{pywb}/{coll}/{ts}id_/{t.url}")
            if resp.status_code == 200 and resp.content == _expected(c, t.url):
                back[t.kind].append(t.url)
    return back


def _report(label: str, back: dict[str, list[str]], targets: list[Target]) -> str:
    totals = {k: sum(1 for t in targets if t.kind == k) for k in back}
    parts = [f"{k} {len(v)}/{totals[k]}" for k, v in back.items()]
    done, total = sum(len(v) for v in back.values()), len(targets)
    return f"{label}: replayed {done}/{total} ({', '.join(parts)})"


def test_everything_the_blog_served_was_captured(crawled: Crawled) -> None:
    stamps = _index(crawled)
    targets = _targets(crawled)
    assert {t.kind for t in targets} == {"post", "comment page", "stylesheet", "image"}
    assert [t.url for t in targets if t.url not in stamps] == []


def test_pywb_replays_every_page_stylesheet_and_image(crawled: Crawled, pywb: str) -> None:
    targets = _targets(crawled)
    back = _replay(pywb, "blog", crawled, targets)
    print(_report("pywb, our index", back, targets))
    assert sum(len(v) for v in back.values()) == len(targets)


def test_pages_replay_rewritten_with_their_stylesheet_and_images(
    crawled: Crawled, pywb: str
) -> None:
    """As a browser sees it: the page through pywb's rewriting, then what the page loads."""
    stamps = _index(crawled)
    pages = [t for t in _targets(crawled) if t.title is not None]
    loaded = 0
    with httpx.Client(timeout=30) as client:
        for t in pages:
            resp = client.get(f"{pywb}/blog/{stamps[t.url]}mp_/{t.url}")
            assert resp.status_code == 200, t.url
            assert html.escape(t.title or "") in resp.text
            refs = re.findall(r'<link rel="stylesheet"[^>]* href="([^"]+)"', resp.text)
            refs += re.findall(r'<img [^>]*src="([^"]+)"', resp.text)
            assert len(refs) == 3, t.url  # the stylesheet, the logo, the post's image
            for ref in refs:
                assert ref.startswith(f"{pywb}/blog/"), ref  # rewritten into the archive
                original = ref.split("_/", 1)[1]
                got = client.get(ref)
                assert got.status_code == 200, ref
                assert got.content == _expected(crawled, original), ref
                loaded += 1
    print(f"pywb, rewritten pages: {len(pages)} pages, {loaded} stylesheet/image loads")


def test_the_old_keys_replay_nothing(crawled: Crawled, pywb: str) -> None:
    """The control: the same WARCs under the keys of before are invisible to pywb."""
    targets = _targets(crawled)
    back = _replay(pywb, "oldkeys", crawled, targets)
    print(_report("pywb, old keys", back, targets))
    assert sum(len(v) for v in back.values()) == 0


def test_the_wacz_replays_everything_too(crawled: Crawled, pywb: str) -> None:
    targets = _targets(crawled)
    back = _replay(pywb, "fromwacz", crawled, targets)
    print(_report("pywb, from the WACZ", back, targets))
    assert sum(len(v) for v in back.values()) == len(targets)


def test_our_keys_are_cdxj_indexers(crawled: Crawled) -> None:
    """The index pywb's own indexer writes for the same WARCs has the same key per record."""
    indexer = tool("cdxj-indexer")
    warcs = sorted((crawled.archive / "warc").glob("*.warc.gz"))
    proc = subprocess.run([indexer, *map(str, warcs)], capture_output=True, text=True, check=True)
    theirs = {}
    for line in proc.stdout.splitlines():
        key, _ts, fields = line.split(" ", 2)
        f = json.loads(fields)
        theirs[(Path(f["filename"]).name, f["offset"])] = key
    ours = (crawled.archive / "warc" / "index.cdxj").read_text("utf-8").splitlines()
    assert ours
    for line in ours:
        key, _ts, fields = line.split(" ", 2)
        f = json.loads(fields)
        assert theirs[(f["filename"], f["offset"])] == key, f["url"]


def test_replaywebpage_opens_the_wacz_and_replays_every_post(
    crawled: Crawled, tmp_path: Path
) -> None:
    """ReplayWeb.page (what readers open a WACZ with) in headless Chromium: it lists every
    post of ``pages.jsonl`` and replays each with its stylesheet and images."""
    python = tool("python")
    app = replay_venv() / "replaywebpage"
    chromium = shutil.which("chromium")
    if not (app / "sw.js").is_file() or chromium is None:
        pytest.skip(f"ReplayWeb.page ({app}) or chromium missing: run .ci/replay.sh")
    probe = subprocess.run([python, "-c", "import playwright"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"playwright is not installed in {replay_venv()}: run .ci/replay.sh")
    wacz, out = tmp_path / "blog.wacz", tmp_path / "rwp.json"
    assert main(["wacz", str(crawled.archive), "--out", str(wacz)]) == 0
    proc = subprocess.run(
        [python, str(Path(__file__).with_name("replaywebpage_check.py")), str(app), str(wacz),
         chromium, str(out), str(tmp_path / "pages.png")],
        capture_output=True, text=True, timeout=1200, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(out.read_text())
    titles = {crawled.base + p.path: p.title for p in crawled.site.posts}
    assert result["listed"] == len(titles)
    shown = [p for p in result["pages"] if titles[p["url"]] in (p["title"] or "")]
    images = sum(p.get("images_loaded", 0) for p in result["pages"])
    sheets = sum(p.get("stylesheets_loaded", 0) for p in result["pages"])
    print(
        f"ReplayWeb.page: {result['listed']} posts listed, {len(shown)}/{len(titles)} replayed, "
        f"{images}/{2 * len(titles)} images and {sheets}/{len(titles)} stylesheets loaded"
    )
    assert len(shown) == len(titles)
    assert images == 2 * len(titles)  # the logo and the post's image
    assert sheets == len(titles)
