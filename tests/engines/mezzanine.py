"""A real Mezzanine 6.1 blog (a Django CMS from PyPI) on 127.0.0.1, with its default theme.

The second engine, after WordPress, whose comments are server-rendered and threaded: Mezzanine's
``ThreadedComment`` (django-contrib-comments plus ``replied_to``), nested in the page by its
default Bootstrap templates. ``.ci/mezzanine.sh`` installs it in a private venv (never the
project's: Django and Mezzanine are the engine, not our dependencies); every test run gets a
fresh ``mezzanine-project`` under ``root`` with its own SQLite file, made by ``createdb``,
filled by ``mezzanine_app/content.py`` through Mezzanine's models, and served by Django's
``runserver --noreload --insecure`` (``DEBUG`` off; ``--insecure`` serves the theme's static
files) on a free port, stopped by its pid.

What a visitor sees, and so what a record can know: the default templates print every date
as "3 months ago" (``timesince``), the post's and each comment's, and nothing else on the page
carries one (no ``<time>``, no JSON-LD, no Open Graph): ``published`` is unknown (null), in
the post and in every comment. The post page shows keywords as "Tags:" but not its
categories (only the sidebar lists the site's). A removed or unapproved comment stays in
the thread as a placeholder ("Comment deleted", "Comment awaiting approval") with no name
or text: not a comment anyone can read, so never in a record.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._procs import answers, free_port, stop_by_pid

__all__ = ["MEZZANINE_VERSION", "Mezzanine", "mezzanine_venv", "missing"]

MEZZANINE_VERSION = "6.1.1"
REPO = Path(__file__).resolve().parents[2]
CONTENT = Path(__file__).resolve().parent / "mezzanine_app" / "content.py"
_SETTINGS = """
DEBUG = False
SECRET_KEY = "test-only-harbour-secret"
NEVERCACHE_KEY = "test-only-harbour-nevercache"
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}}}}}
ALLOWED_HOSTS = ["127.0.0.1"]
TIME_ZONE = "Europe/Paris"
"""


def mezzanine_venv() -> Path:
    """Where .ci/mezzanine.sh put Mezzanine: ``$BLOG_ARCHIVER_MEZZANINE_VENV`` or
    ``.mezzanine-venv``."""
    return Path(os.environ.get("BLOG_ARCHIVER_MEZZANINE_VENV") or REPO / ".mezzanine-venv")


def missing() -> str | None:
    venv = mezzanine_venv()
    if not (venv / "bin" / "mezzanine-project").is_file():
        return f"Mezzanine {MEZZANINE_VERSION} is not installed in {venv} (.ci/mezzanine.sh)"
    return None


@dataclass
class Mezzanine:
    """A new Mezzanine project with the test content, served on 127.0.0.1."""

    root: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def project(self) -> Path:
        return self.root / "harbour"

    def _run(self, *args: str) -> str:
        venv = mezzanine_venv()
        done = subprocess.run(
            [str(venv / "bin" / "python"), *args], cwd=self.project, capture_output=True,
            text=True, timeout=300, check=False, env=self._env(),
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"{args}: {done.stdout[-2000:]}{done.stderr[-3000:]}")
        return done.stdout

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DJANGO"))}
        return dict(env, LANG="C.UTF-8", PYTHONUTF8="1", PYTHONDONTWRITEBYTECODE="1")

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [str(mezzanine_venv() / "bin" / "mezzanine-project"), "harbour"], cwd=self.root,
            check=True, capture_output=True, timeout=120, env=self._env(),
        )  # fmt: skip
        settings = self.project / "harbour" / "local_settings.py"
        settings.write_text(_SETTINGS.format(db=str(self.root / "harbour.db")), "utf-8")
        self._run("manage.py", "createdb", "--noinput", "--nodata")
        self._run(str(CONTENT), self.url, str(self.root / "truth.json"))
        log = (self.root / "runserver.out").open("ab")
        self.proc = subprocess.Popen(
            [str(mezzanine_venv() / "bin" / "python"), "manage.py", "runserver",
             f"127.0.0.1:{self.port}", "--noreload", "--insecure"],
            cwd=self.project, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=self._env(),
        )  # fmt: skip
        log.close()
        if answers(self.port, self.proc):
            return
        self.stop()
        raise RuntimeError("runserver did not start: " + (self.root / "runserver.out").read_text())

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        stop_by_pid(proc)

    def __enter__(self) -> Mezzanine:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def truth(self) -> dict[str, Any]:
        """Mezzanine's ORM read back (``content.py``), in the shape ``compare.score`` reads:
        what the page can show. Dates exist only as "N days ago" on the page, so the truth
        for every ``published`` is null (Mezzanine's own instants kept as ``engine_published``);
        the post page shows keywords as tags and no categories (``engine_categories``);
        placeholders of removed and unapproved comments are no comments."""
        data: dict[str, Any] = json.loads((self.root / "truth.json").read_text("utf-8"))
        posts = []
        for p in data["posts"]:
            hidden = [c for c in p["comments"] if not c["is_public"] or c["is_removed"]]
            comments = [
                dict(c, published=None, engine_published=c["published"])
                for c in p["comments"] if c["is_public"] and not c["is_removed"]
            ]  # fmt: skip
            for c in comments:
                if c["parent_id"] in {h["id"] for h in hidden}:
                    # a reply to a placeholder: shown nested under it (depth 1), but a
                    # record names only parents it holds, so its parent is unknown
                    c.update(parent_id=None, engine_parent_id=c["parent_id"], depth=1)
            posts.append(dict(
                p, published=None, engine_published=p["published"], categories=[],
                engine_categories=p["categories"], tags=p["keywords"], protected=False,
                comments=comments, placeholders=[c["id"] for c in hidden],
            ))  # fmt: skip
        return dict(data, posts=posts, version=MEZZANINE_VERSION)
