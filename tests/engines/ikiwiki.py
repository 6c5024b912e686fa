"""A real ikiwiki blog (Debian's ikiwiki 3.2020) with its comments plugin, on 127.0.0.1.

What ``/etc/ikiwiki/auto-blog.setup`` makes, without its questions: the example blog ikiwiki
ships (index with the ten newest posts, a ``posts`` archive of all, tag pages, calendar
archives by ``ikiwiki-calendar``, "Recent comments"), its default look, the comments plugin
on every post. The posts and comments are ikiwiki's own source files
(``ikiwiki_content.py``); ``ikiwiki --setup`` compiles them into a private dir, served by
Python's ``http.server`` (a static site needs no more), stopped by its pid.

The truth is what ikiwiki made of them, read back from its indexdb with its own Perl
modules (``ikiwiki_truth.pl``), never through our parser. ikiwiki's default ``page.tmpl``
shows a post's author only in ``<meta name="author">`` and its creation date only inside an
HTML comment (``<!-- Created ... -->``); a reader sees "Last edited" (the file's mtime).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from ._procs import answers, free_port, stop_by_pid
from .ikiwiki_content import write_source

__all__ = ["Ikiwiki", "missing"]

EXAMPLE = Path("/usr/share/ikiwiki/examples/blog")
TRUTH_PL = Path(__file__).with_name("ikiwiki_truth.pl")
TIMEZONE = "Europe/Paris"


def missing() -> str | None:
    if not shutil.which("ikiwiki"):
        return "ikiwiki is not installed (Debian's ikiwiki; installed by .ci/ikiwiki.sh)"
    if not EXAMPLE.is_dir():
        return f"ikiwiki's example blog is missing ({EXAMPLE})"
    probe = subprocess.run(["perl", "-MDate::Parse", "-MJSON::PP", "-e1"],
                           capture_output=True, check=False)  # fmt: skip
    if probe.returncode != 0:
        return "perl's Date::Parse is missing (Debian's libtimedate-perl, .ci/ikiwiki.sh)"
    return None


def _setup(root: Path, url: str) -> str:
    """auto-blog.setup's settings, as a YAML setup file (no VCS, no CGI wrapper: the
    comments are files already, as after a reader posted them)."""
    return f"""# IkiWiki::Setup::Yaml - YAML formatted setup file
wikiname: Harbour notes
srcdir: {root / "src"}
destdir: {root / "public"}
url: {url}
cgiurl: {url}/ikiwiki.cgi
add_plugins: [goodstuff, comments, calendar, sidebar, trail]
rss: 1
atom: 1
syslog: 0
comments_pagespec: posts/* and !*/Discussion
comments_allowauthor: 1
archive_pagespec: page(posts/*) and !*/Discussion
global_sidebars: 0
discussion: 0
locked_pages: "* and !postcomment(*)"
tagbase: tags
timezone: {TIMEZONE}
libdir: {root / "lib"}
"""


@dataclass
class Ikiwiki:
    """The example blog with the test posts and comments, compiled and served."""

    root: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def setup(self) -> Path:
        return self.root / "blog.setup"

    def start(self) -> None:
        shutil.copytree(EXAMPLE, self.root / "src")
        write_source(self.root / "src")
        self.setup.write_text(_setup(self.root, self.url), "utf-8")
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        for cmd in (["ikiwiki-calendar", str(self.setup), "posts/* and !*/Discussion", "2024"],
                    ["ikiwiki", "--setup", str(self.setup)]):  # fmt: skip
            done = subprocess.run(cmd, capture_output=True, timeout=300, env=env, check=False)
            if done.returncode != 0:
                raise RuntimeError(f"{cmd[0]}: {done.stdout.decode()}{done.stderr.decode()}")
        log = (self.root / "serve.out").open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
             "--directory", str(self.root / "public")],
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

    def __enter__(self) -> Ikiwiki:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def raw_truth(self) -> dict[str, Any]:
        done = subprocess.run(["perl", str(TRUTH_PL), str(self.setup)], capture_output=True,
                              timeout=300, check=True)  # fmt: skip
        data: dict[str, Any] = json.loads(done.stdout)
        return data

    def truth(self) -> dict[str, Any]:
        """ikiwiki's indexdb in the shape ``compare.score`` reads. Dates in the blog's time
        zone (its pages print local times with no offset). Comments in ikiwiki are flat (no
        replies): every parent is null; a comment's id is its anchor after ``comment-``, as
        records name WordPress's ``comment-9`` too."""
        data = self.raw_truth()
        posts = [
            {"url": p["url"], "title": p["title"], "author": p["author"],
             "published": _local(p["published"]), "modified": _local(p["modified"]),
             "categories": [], "tags": p["tags"], "html": p["html"], "protected": False,
             "comments_number": len(p["comments"]),
             "comments": [
                 {"id": c["id"].removeprefix("comment-"), "parent_id": None,
                  "author": c["author"], "published": _local(c["published"]),
                  "html": c["html"], "url": urljoin(p["url"], c["url"]),
                  "is_post_author": False}
                 for c in p["comments"]]}
            for p in data["posts"]
        ]  # fmt: skip
        return {"posts": posts, "pages": data["pages"], "listings": data["listings"],
                "version": data["version"],
                "site": {"name": data["wikiname"]}}  # fmt: skip


def _local(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone(ZoneInfo(TIMEZONE)).isoformat()
