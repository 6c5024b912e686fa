"""A real Pelican site (PyPI's pelican 4, its default theme notmyidea) on 127.0.0.1.

The most used Python static blog generator, installed by ``.ci/pelican.sh`` into a venv of
its own (``.pelican-venv``, or ``$BLOG_ARCHIVER_PELICAN_VENV``): a tool we test against, not
a dependency. The test blog's posts (the same as the ikiwiki blog's, as Pelican Markdown
files with their metadata header: title, date, modified, author, category, tags) are built
by ``pelican`` into a private dir with five posts a page (index, category, tag and author
pages paginate), served by Python's ``http.server``, stopped by its pid.

The truth is Pelican's own: a small plugin (``pelican_truth.py``) writes the article
generator's articles (URL, title, authors, date, modified, category, tags, rendered
content) when the build finishes, never read through our parser.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._procs import answers, free_port, stop_by_pid
from .ikiwiki_content import POSTS

__all__ = ["Pelican", "missing", "venv"]

TIMEZONE = "Europe/Paris"
_HERE = Path(__file__).resolve().parent


def venv() -> Path:
    default = _HERE.parents[1] / ".pelican-venv"
    return Path(os.environ.get("BLOG_ARCHIVER_PELICAN_VENV", default))


def missing() -> str | None:
    if not (venv() / "bin" / "pelican").exists():
        return f"pelican is not installed in {venv()} (installed by .ci/pelican.sh)"
    return None


def _category(tags: tuple[str, ...]) -> str:
    return tags[0].capitalize() if tags else "Misc"


def _markdown(post: Any) -> str:
    head = [f"Title: {post.title}", f"Date: {post.date[:16]}", f"Author: {post.author}",
            f"Category: {_category(post.tags)}", f"Slug: {post.slug}"]  # fmt: skip
    if post.updated:
        head.append(f"Modified: {post.updated[:16]}")
    if post.tags[1:]:
        head.append("Tags: " + ", ".join(post.tags[1:]))
    return "\n".join(head) + "\n\n" + post.body + "\n"


_CONF = """AUTHOR = "Anna Berg"
SITENAME = "Harbour notes"
SITEURL = {url!r}
PATH = "content"
TIMEZONE = {tz!r}
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 5
RELATIVE_URLS = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
PLUGIN_PATHS = [{plugins!r}]
PLUGINS = ["pelican_truth"]
TRUTH_FILE = {truth!r}
"""


@dataclass
class Pelican:
    """The test posts, built by Pelican with notmyidea and served."""

    root: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        content = self.root / "content"
        content.mkdir(parents=True)
        for post in POSTS:
            (content / f"{post.slug}.md").write_text(_markdown(post), "utf-8")
        conf = self.root / "pelicanconf.py"
        conf.write_text(
            _CONF.format(url=self.url, tz=TIMEZONE, plugins=str(_HERE),
                         truth=str(self.root / "truth.json")),
            "utf-8",
        )  # fmt: skip
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        built = subprocess.run(
            [str(venv() / "bin" / "pelican"), str(content), "-o", str(self.root / "output"),
             "-s", str(conf)],
            capture_output=True, timeout=300, env=env, cwd=self.root, check=False,
        )  # fmt: skip
        if built.returncode != 0:
            raise RuntimeError(f"pelican: {built.stdout.decode()}{built.stderr.decode()}")
        log = (self.root / "serve.out").open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
             "--directory", str(self.root / "output")],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        log.close()
        if answers(self.port, self.proc):
            return
        self.stop()
        raise RuntimeError("http.server did not start: " + (self.root / "serve.out").read_text())

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        stop_by_pid(proc)

    def __enter__(self) -> Pelican:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def truth(self) -> dict[str, Any]:
        """Pelican's articles in the shape ``compare.score`` reads: notmyidea shows the
        category and the tags, so both are the page's truth."""
        data = json.loads((self.root / "truth.json").read_text("utf-8"))
        posts = [
            {"url": a["url"], "title": a["title"], "author": a["authors"][0],
             "published": a["date"], "modified": a["modified"] or a["date"],
             "categories": [a["category"]], "tags": a["tags"], "html": a["content"],
             "protected": False, "comments": [], "comments_number": 0}
            for a in data["articles"]
        ]  # fmt: skip
        return {"posts": posts, "pages": data["pages"], "version": data["version"],
                "site": {"name": data["sitename"]}, "language": "en"}  # fmt: skip
