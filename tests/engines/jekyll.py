"""A real Jekyll site (Debian's jekyll 4.3 and its default theme, minima) on 127.0.0.1.

A second engine beside WordPress, with a default theme of its own: what ``jekyll new``
makes, built by ``jekyll build`` and served by ``jekyll serve`` (WEBrick) from a temp dir,
stopped by its pid. The truth is Jekyll's own ``site.posts``, written by a Liquid page into
``_site/truth.json`` at build time, never read through our parser.

Tried and not used: Hugo (Debian's 0.111) ships no theme and has no default one, so a new
site renders empty pages; ``npm install ghost@5`` fails on a ``file:`` dependency its
published package names (``components/tryghost-i18n-*.tgz``, ENOENT).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._procs import answers, free_port, stop_by_pid

__all__ = ["POSTS", "Jekyll", "missing"]

MINIMA = Path("/usr/share/rubygems-integration/all/gems")

# (slug, title, date, author, categories, tags, markdown body)
POSTS: tuple[tuple[str, str, str, str, list[str], list[str], str], ...] = (
    (
        "welcome",
        "Welcome to the harbour",
        "2024-01-02 09:15:00 +0100",
        "Anna Berg",
        ["news"],
        [],
        "The first post of this site. It says hello and little else.\n\n"
        "A second paragraph, so that the body has more than one.",
    ),
    (
        "quotes",
        "A post that quotes",
        "2024-01-05 18:30:00 +0100",
        "Zoë Ångström",
        ["notes"],
        ["quotes"],
        "Before the quote comes a sentence of our own.\n\n"
        "> The sea is everything. It covers seven tenths of the terrestrial globe.\n\n"
        "After the quote, [a link to the source](https://example.org/verne) and an end.",
    ),
    (
        "umlauts",
        "Über Straßen und Brücken",
        "2024-01-09 07:00:00 +0100",
        "Jürgen Groß",
        ["reisen", "deutsch"],
        ["brücken"],
        "Eine Straße führt über die Brücke. Die Brücke ist alt und schön.\n\n"
        "Zweiter Absatz: noch ein paar Wörter über Brücken und Flüsse.",
    ),
    (
        "tokyo",
        "東京の夜",
        "2024-01-12 22:45:00 +0900",
        "田中 太郎",
        ["travel"],
        ["日本"],
        "東京の夜は静かです。朝は早い。\n\nA line in English after the Japanese one.",
    ),
    (
        "lists",
        "Five things about lanterns",
        "2024-01-15 12:00:00 +0000",
        "Anna Berg",
        ["notes"],
        [],
        "Lanterns, in a list:\n\n- copper lanterns\n- paper lanterns\n- storm lanterns\n\n"
        "And a closing paragraph with **bold** and *italic* words.",
    ),
    (
        "code",
        "A snippet of code",
        "2024-01-20 10:10:00 -0500",
        "Mikołaj Żółkiewski",
        ["dev"],
        ["python"],
        "Some prose before the code.\n\n```python\nprint('hello harbour')\n```\n\n"
        "Some prose after the code, long enough to be a paragraph of its own.",
    ),
    (
        "long",
        "A longer read on tides",
        "2024-02-01 06:30:00 +0100",
        "Zoë Ångström",
        ["science"],
        ["tides", "longread"],
        "\n\n".join(
            f"Paragraph {i} on tides: the moon pulls, the water follows, the harbour fills and "
            f"empties twice a day, and the fishermen read the tables every morning."
            for i in range(1, 9)
        ),
    ),
    (
        "headings",
        "Sections and headings",
        "2024-02-10 15:00:00 +0100",
        "Anna Berg",
        ["notes"],
        [],
        "An opening paragraph.\n\n## First section\n\nText of the first section.\n\n"
        "## Second section\n\nText of the second section, and an end.",
    ),
)


def missing() -> str | None:
    if os.geteuid() != 0 and not shutil.which("jekyll"):
        return "jekyll is not installed (installed by .ci/jekyll.sh)"
    if not shutil.which("jekyll"):
        return "jekyll is not installed (Debian's jekyll package; installed by .ci/jekyll.sh)"
    if not list(MINIMA.glob("minima-*")):
        return "Jekyll's default theme minima is not installed (Debian's jekyll-theme-minima)"
    return None


_TRUTH = """---
layout: null
permalink: /truth.json
---
{"posts": [{% for post in site.posts %}{"url": {{ post.url | jsonify }},
"title": {{ post.title | jsonify }}, "date": {{ post.date | date_to_xmlschema | jsonify }},
"author": {{ post.author | jsonify }}, "categories": {{ post.categories | jsonify }},
"tags": {{ post.tags | jsonify }}, "html": {{ post.content | jsonify }}}
{% unless forloop.last %},{% endunless %}{% endfor %}],
"pages": [{% for page in site.html_pages %}{{ page.url | jsonify }}
{% unless forloop.last %},{% endunless %}{% endfor %}]}
"""


@dataclass
class Jekyll:
    """A ``jekyll new`` site with the test posts, built and served on 127.0.0.1."""

    root: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        site = self.root / "site"
        subprocess.run(["jekyll", "new", str(site), "--skip-bundle"], check=True,
                       capture_output=True, timeout=120)  # fmt: skip
        (site / "Gemfile").unlink()  # Debian's gems, not bundler's
        config = (site / "_config.yml").read_text("utf-8")
        config = re.sub(r'(?m)^url: ""', f'url: "{self.url}"', config)
        (site / "_config.yml").write_text(config + "\ntimezone: Europe/Paris\n", "utf-8")
        for old in (site / "_posts").iterdir():
            old.unlink()
        for slug, title, date, author, cats, tags, body in POSTS:
            front = {"layout": "post", "title": title, "date": date, "author": author,
                     "categories": cats, "tags": tags}  # fmt: skip
            head = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items())
            (site / "_posts" / f"{date[:10]}-{slug}.markdown").write_text(
                f"---\n{head}\n---\n{body}\n", "utf-8"
            )
        (site / "truth.html").write_text(_TRUTH, "utf-8")
        env = dict(os.environ, JEKYLL_ENV="production", LANG="C.UTF-8")
        built = subprocess.run(["jekyll", "build", "-s", str(site), "-d", str(site / "_site")],
                               capture_output=True, timeout=300, env=env, check=False)  # fmt: skip
        if built.returncode != 0:
            raise RuntimeError(f"jekyll build: {built.stdout.decode()}{built.stderr.decode()}")
        log = (self.root / "serve.out").open("ab")
        self.proc = subprocess.Popen(
            ["jekyll", "serve", "-s", str(site), "-d", str(site / "_site"), "--no-watch",
             "--skip-initial-build", "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
        )  # fmt: skip
        log.close()
        if answers(self.port, self.proc):
            return
        self.stop()
        raise RuntimeError("jekyll serve did not start: " + (self.root / "serve.out").read_text())

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        stop_by_pid(proc)

    def __enter__(self) -> Jekyll:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def truth(self) -> dict[str, Any]:
        """Jekyll's ``site.posts`` in the shape ``compare.score`` reads. minima's post layout
        shows no categories or tags, so the page's truth for both is empty (Jekyll's own
        values are kept as ``jekyll_categories`` / ``jekyll_tags``)."""
        data = json.loads((self.root / "site" / "_site" / "truth.json").read_text("utf-8"))
        posts = [
            {"url": self.url + p["url"], "title": p["title"], "author": p["author"],
             "published": p["date"], "categories": [], "tags": [],
             "jekyll_categories": p["categories"], "jekyll_tags": p["tags"],
             "html": p["html"], "protected": False, "comments": []}
            for p in data["posts"]
        ]  # fmt: skip
        pages = [self.url + u for u in data["pages"] if u not in ("/", "/404.html", "/truth.json")]
        return {"posts": posts, "pages": pages}
