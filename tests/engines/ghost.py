"""A real Ghost 5 (the npm package, SQLite) on 127.0.0.1, under Source and Casper.

A third engine beside WordPress and Jekyll, and the one our ``ghost`` profile was written
for without ever meeting it. ``.ci/ghost.sh`` unpacks the published ``ghost`` package and
installs its production dependencies (what ghost-cli's ``ghost install local`` does); here
every test run gets a private content dir, SQLite database and config file under ``root``,
starts ``node index.js`` on a free port and stops it by pid. Nothing leaves the machine:
no update check, no Gravatar, and the posts are written while the site is private, so
Ghost sends no webmentions to the sites they link.

Content goes in through Ghost's own Admin API, as an editor would put it: the owner from the
setup endpoint, more staff from invitations, posts as HTML (Ghost converts them to its
Lexical format and renders them back). The one thing read from the database is an
invitation's token, which Ghost only ever sends by e-mail. The truth is the Admin API's
answer (title, url, authors, dates, tags, html), never our parser.

Ghost's comments are a members feature rendered in the browser (``comments-ui`` from a CDN
script), so no page holds a thread: every post's truth has no comments.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import httpx

from ._procs import free_port, stop_by_pid
from .ghost_content import OWNER, PAGE, POSTS, STAFF, UNPUBLISHED, paras, png

__all__ = ["GHOST_VERSION", "POSTS", "THEMES", "UNPUBLISHED", "Ghost", "ghost_app", "missing"]

GHOST_VERSION = "5.130.4"
# Source is Ghost 5's default theme (active on a new site); Casper, the default before it,
# still ships with Ghost and is what most Ghost blogs of the 2010s look like.
THEMES = ("source", "casper")
REPO = Path(__file__).resolve().parents[2]
PASSWORD = "harbour-lantern-2024!"


def ghost_app() -> Path:
    """Where .ci/ghost.sh put Ghost: ``$BLOG_ARCHIVER_GHOST_DIR`` or ``.ghost-engine``."""
    home = Path(os.environ.get("BLOG_ARCHIVER_GHOST_DIR") or REPO / ".ghost-engine")
    return home / f"ghost-{GHOST_VERSION}"


def missing() -> str | None:
    if not shutil.which("node"):
        return "node is not installed (Ghost 5 needs Node 18, 20 or 22; see .ci/ghost.sh)"
    app = ghost_app()
    if not (app / "index.js").is_file() or not (app / "content" / "themes" / "casper").is_dir():
        return f"Ghost {GHOST_VERSION} is not installed in {app} (installed by .ci/ghost.sh)"
    if not list((app / "node_modules" / "sqlite3").glob("build*/Release/*.node")) and not list(
        (app / "node_modules" / "sqlite3" / "lib" / "binding").glob("*/*.node")
    ):
        return f"Ghost's sqlite3 module was not built in {app} (see .ci/ghost.sh's log)"
    return None


@dataclass
class Ghost:
    """Ghost on 127.0.0.1 with a private content dir; ``add_content`` fills it once."""

    root: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    client: httpx.Client | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        app = ghost_app()
        content = self.root / "content"
        if not content.exists():
            content.mkdir(parents=True)
            for sub in ("data", "images", "files", "media", "logs", "settings", "public"):
                (content / sub).mkdir()
            shutil.copytree(app / "content" / "themes", content / "themes")
            # ghost-cli's layout: Ghost finds its own package through ``current`` in the cwd
            (self.root / "current").symlink_to(app, target_is_directory=True)
        config = {
            "url": self.url + "/",
            "server": {"host": "127.0.0.1", "port": self.port, "shutdownTimeout": 5000},
            "database": {
                "client": "sqlite3",
                "connection": {"filename": str(content / "data" / "ghost.db")},
                "useNullAsDefault": True,
                "debug": False,
            },
            "paths": {"contentPath": str(content)},
            "mail": {"transport": "stub", "from": "ghost@harbour.test"},
            "logging": {"level": "warn", "transports": ["stdout"]},
            # nothing leaves the machine: no update check, Gravatar lookups or pings
            "privacy": {"useUpdateCheck": False, "useGravatar": False, "useRpcPing": False},
            # a new-device login would wait for an e-mailed code
            "security": {"staffDeviceVerification": False},
        }
        (self.root / "config.production.json").write_text(json.dumps(config, indent=2), "utf-8")
        log = (self.root / "ghost.out").open("ab")
        env = dict(os.environ, NODE_ENV="production")
        self.proc = subprocess.Popen(
            ["node", str(app / "index.js")], cwd=self.root, env=env,
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        log.close()
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                r = httpx.get(self.url + "/ghost/api/admin/site/", timeout=5)
                if r.status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError("Ghost did not start: " + (self.root / "ghost.out").read_text()[-3000:])

    def stop(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        proc, self.proc = self.proc, None
        stop_by_pid(proc)

    def __enter__(self) -> Ghost:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the Admin API -------------------------------------------------------------------

    def _api(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        assert self.client is not None
        r = self.client.request(method, "/ghost/api/admin/" + path.lstrip("/"), **kw)
        if r.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {r.status_code} {r.text[:2000]}")
        json_body = r.headers.get("content-type", "").startswith("application/json")
        return r.json() if json_body else {}

    def _login(self, email: str) -> None:
        if self.client is not None:
            self.client.close()
        self.client = httpx.Client(
            base_url=self.url, timeout=120,
            headers={"Origin": self.url, "Accept-Version": "v5.0"},
        )  # fmt: skip
        self._api("POST", "session/", json={"username": email, "password": PASSWORD})

    def add_content(self) -> None:
        """The owner, three invited authors, the posts, a page, a draft and a scheduled post."""
        setup = {"name": OWNER[0], "email": OWNER[1], "password": PASSWORD,
                 "blogTitle": "The Harbour Log"}  # fmt: skip
        r = httpx.post(
            self.url + "/ghost/api/admin/authentication/setup/",
            json={"setup": [setup]}, headers={"Origin": self.url}, timeout=120,
        )  # fmt: skip
        if r.status_code >= 400:
            raise RuntimeError(f"setup: {r.status_code} {r.text[:2000]}")
        self._login(OWNER[1])
        self._api("PUT", "settings/", json={"settings": [
            {"key": "description", "value": "Tides, lanterns and the people of the quay."},
            {"key": "timezone", "value": "Europe/Paris"},
            {"key": "comments_enabled", "value": "all"},
            # while private, Ghost sends no webmentions to the posts' links (no DNS, no
            # internet); opened again once the content is in
            {"key": "is_private", "value": True}, {"key": "password", "value": PASSWORD},
        ]})  # fmt: skip
        self._add_staff()
        users = {u["email"]: u["id"] for u in self._api("GET", "users/?limit=all")["users"]}
        img = self._upload("quay.png", png((40, 90, 160)))
        for slug, title, when, emails, tags, html, extra in POSTS:
            post: dict[str, Any] = {
                "title": title, "slug": slug, "status": "published", "published_at": when,
                "html": html.replace("{img}", img),
                "authors": [{"id": users[e]} for e in emails],
                "tags": [{"name": t} for t in tags],
            }  # fmt: skip
            edit = extra.get("edit_after")
            post.update({k: (v.replace("{img}", img) if isinstance(v, str) else v)
                         for k, v in extra.items() if k != "edit_after"})  # fmt: skip
            made = self._api("POST", "posts/?source=html", json={"posts": [post]})["posts"][0]
            if edit:
                time.sleep(1.1)  # updated_at has a resolution of one second
                self._api("PUT", f"posts/{made['id']}/?source=html", json={"posts": [{
                    "html": post["html"] + edit, "updated_at": made["updated_at"],
                }]})  # fmt: skip
        for slug, title, status, scheduled in UNPUBLISHED:
            draft: dict[str, Any] = {
                "title": title,
                "slug": slug,
                "status": status,
                "html": paras("Not published: never in a record."),
            }
            if scheduled:
                draft["published_at"] = scheduled
            self._api("POST", "posts/?source=html", json={"posts": [draft]})
        slug, title, html = PAGE
        self._api("POST", "pages/?source=html", json={"pages": [
            {"title": title, "slug": slug, "status": "published", "html": html}
        ]})  # fmt: skip
        self._api("PUT", "settings/", json={"settings": [{"key": "is_private", "value": False}]})

    def activate(self, theme: str) -> None:
        """Switch the site's theme (one of ``THEMES``, both bundled with Ghost)."""
        if self.client is None:
            self._login(OWNER[1])
        self._api("PUT", f"themes/{theme}/activate/")

    def _add_staff(self) -> None:
        """Invite each author, read the token Ghost e-mails (from its database: the stub
        mailer keeps no copy), and accept the invitation as the invitee would."""
        roles = self._api("GET", "roles/?permissions=assign")["roles"]
        author = next(r["id"] for r in roles if r["name"] == "Author")
        db = self.root / "content" / "data" / "ghost.db"
        for name, email in STAFF:
            self._api("POST", "invites/", json={"invites": [{"email": email, "role_id": author}]})
            with sqlite3.connect(db) as con:
                (token,) = con.execute("SELECT token FROM invites WHERE email = ?",
                                       (email,)).fetchone()  # fmt: skip
            token = token.replace("+", "-").replace("/", "_").rstrip("=")
            r = httpx.post(
                self.url + "/ghost/api/admin/authentication/invitation/",
                json={"invitation": [{"token": token, "email": email, "name": name,
                                      "password": PASSWORD}]},
                headers={"Origin": self.url}, timeout=120,
            )  # fmt: skip
            if r.status_code >= 400:
                raise RuntimeError(f"accept invitation {email}: {r.status_code} {r.text[:1000]}")

    def _upload(self, name: str, data: bytes) -> str:
        files = {"file": (name, data, "image/png")}
        url: str = self._api("POST", "images/upload/", files=files)["images"][0]["url"]
        return url

    def truth(self) -> dict[str, Any]:
        """The published posts as Ghost's Admin API gives them, in the shape ``compare.score``
        reads. Ghost has tags only (its public ones are on the page; ``#internal`` ones
        never), no categories; a members-only post is "protected": a visitor's page holds
        no body."""
        if self.client is None:
            self._login(OWNER[1])
        q = "posts/?limit=all&filter=status:published&include=authors,tags&formats=html"
        posts = self._api("GET", q)["posts"]
        pages = self._api("GET", "pages/?limit=all&filter=status:published")["pages"]
        site = self._api("GET", "site/")["site"]
        settings = {s["key"]: s["value"] for s in self._api("GET", "settings/")["settings"]}
        zone = ZoneInfo(settings.get("timezone") or "Etc/UTC")
        out = [
            {"url": p["url"], "slug": p["slug"], "title": p["title"],
             "author": p["authors"][0]["name"], "authors": [a["name"] for a in p["authors"]],
             "published": _local(p["published_at"], zone),
             "modified": _local(p["updated_at"], zone),
             "categories": [],
             "tags": [t["name"] for t in p["tags"] if t["visibility"] == "public"],
             "html": _tagged(p["html"] or "", "127.0.0.1"),
             "protected": p["visibility"] != "public",
             "visibility": p["visibility"], "featured": p["featured"],
             "custom_excerpt": p["custom_excerpt"], "feature_image": p["feature_image"],
             "comments": [], "comments_number": 0}
            for p in posts
        ]  # fmt: skip
        return {
            "version": site.get("version", ""),
            "site": {"name": settings["title"]},
            "language": settings.get("locale") or "en",
            "posts": out,
            "pages": [p["url"] for p in pages],
        }


def _local(instant: str, zone: ZoneInfo) -> str:
    """The API's UTC instant in the site's time zone, the zone its theme prints days in:
    a post published at 23:02 UTC is on the 8th in Paris, and a record that keeps only
    the day the page shows (``2026-12-08``) is right, not a day late."""
    return datetime.fromisoformat(instant.replace("Z", "+00:00")).astimezone(zone).isoformat()


_HREF = re.compile(r'href="(https?://[^"]+)"')


def _tagged(html: str, host: str) -> str:
    """The API's html with the links as a page shows them: Ghost's outbound link tagging
    (on by default, ``OutboundLinkTagger``) adds ``ref=SITE-DOMAIN`` to every link to
    another site that has no ``ref``, ``utm_source`` or ``source`` yet when it renders."""

    def tag(m: re.Match[str]) -> str:
        parts = urlsplit(m.group(1))
        params = {k for k, _ in parse_qsl(parts.query)}
        if parts.hostname == host or params & {"ref", "utm_source", "source"}:
            return m.group(0)
        query = (parts.query + "&" if parts.query else "") + f"ref={host}"
        return f'href="{urlunsplit(parts._replace(query=query))}"'

    return _HREF.sub(tag, html)
