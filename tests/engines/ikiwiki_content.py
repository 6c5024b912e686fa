"""The test blog's content as ikiwiki's own source files: posts with ``[[!meta]]`` and
``[[!tag]]`` directives, and comments as the ``comment_N_*._comment`` files the comments
plugin itself writes when a reader posts through its CGI.

Kept apart from the harness (``ikiwiki.py``) so that the harness stays short; the truth is
never read from here but from what ikiwiki makes of these files (``ikiwiki_truth.pl``).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

__all__ = ["COMMENTS", "POSTS", "Comment", "Post", "write_source"]


@dataclass(frozen=True, slots=True)
class Post:
    slug: str
    title: str
    date: str  # as a blogger types it in [[!meta date=]]
    author: str
    tags: tuple[str, ...]
    body: str  # markdown
    updated: str | None = None  # a later edit: [[!meta updated=]] and the file's mtime


@dataclass(frozen=True, slots=True)
class Comment:
    """One ``[[!comment]]``: ``username`` for a signed-in reader, else an anonymous one with
    the ``ip``, ``claimedauthor`` and ``url`` the comment form takes."""

    post: str
    subject: str
    date: str
    content: str
    username: str | None = None
    claimedauthor: str | None = None
    url: str | None = None
    ip: str | None = None


_TIDES = "\n\n".join(
    f"Paragraph {i} on tides: the moon pulls, the water follows, the harbour fills and "
    "empties twice a day, and the fishermen read the tables every morning."
    for i in range(1, 7)
)

POSTS: tuple[Post, ...] = (
    Post(
        "welcome",
        "Welcome to the harbour",
        "2024-01-02 09:15:00 +0100",
        "Anna Berg",
        ("news",),
        "The first post of this blog. It says hello and little else.\n\n"
        "A second paragraph, so that the body has more than one.",
    ),
    Post(
        "quotes",
        "A post that quotes",
        "2024-01-05 18:30:00 +0100",
        "Zoë Ångström",
        ("notes", "quotes"),
        "Before the quote comes a sentence of our own.\n\n"
        "> The sea is everything. It covers seven tenths of the terrestrial globe.\n\n"
        "After the quote, [a link to the source](https://example.org/verne) and an end.",
    ),
    Post(
        "umlauts",
        "Über Straßen und Brücken",
        "2024-01-09 07:00:00 +0100",
        "Jürgen Groß",
        ("reisen", "brücken"),
        "Eine Straße führt über die Brücke. Die Brücke ist alt und schön.\n\n"
        "Zweiter Absatz: noch ein paar Wörter über Brücken und Flüsse.",
        updated="2024-03-02 16:45:00 +0100",
    ),
    Post(
        "tokyo",
        "東京の夜",
        "2024-01-12 22:45:00 +0900",
        "田中 太郎",
        ("travel",),
        "東京の夜は静かです。朝は早い。\n\nA line in English after the Japanese one.",
    ),
    Post(
        "lanterns",
        "Five things about lanterns",
        "2024-01-15 12:00:00 +0000",
        "Anna Berg",
        ("notes",),
        "Lanterns, in a list:\n\n* copper lanterns\n* paper lanterns\n* storm lanterns\n\n"
        "And a closing paragraph with **bold** and *italic* words.",
    ),
    Post(
        "code",
        "A snippet of code",
        "2024-01-20 10:10:00 -0500",
        "Mikołaj Żółkiewski",
        ("dev",),
        "Some prose before the code.\n\n    print('hello harbour')\n\n"
        "Some prose after the code, long enough to be a paragraph of its own.",
    ),
    Post(
        "tides",
        "A longer read on tides",
        "2024-02-01 06:30:00 +0100",
        "Zoë Ångström",
        ("science", "longread"),
        _TIDES,
    ),
    Post(
        "headings",
        "Sections and headings",
        "2024-02-10 15:00:00 +0100",
        "Anna Berg",
        ("notes",),
        "An opening paragraph.\n\n## First section\n\nText of the first section.\n\n"
        "## Second section\n\nText of the second section, and an end.",
    ),
    Post(
        "ferry",
        "The ferry timetable",
        "2024-02-14 08:00:00 +0100",
        "Jürgen Groß",
        ("news",),
        "The winter timetable starts on Monday. The first ferry leaves at six.\n\n"
        "The last one comes back at ten, weather permitting.",
    ),
    Post(
        "gulls",
        "Gulls on the pier",
        "2024-02-20 13:20:00 +0100",
        "Anna Berg",
        (),
        "Nobody feeds the gulls, and yet there are more of them every year.\n\n"
        "They sit on the pier and watch the boats come in.",
    ),
    Post(
        "lighthouse",
        "The lighthouse keeper",
        "2024-03-01 19:05:00 +0100",
        "Zoë Ångström",
        ("people",),
        "The keeper has kept the light for thirty years.\n\n"
        "He says the lamp is older than the tower, and the tower older than the town.",
    ),
    Post(
        "storm",
        "After the storm",
        "2024-03-08 07:40:00 +0100",
        "Mikołaj Żółkiewski",
        ("weather", "news"),
        "The storm took two boats and half of the old fence.\n\n"
        "By noon the harbour was calm again, and the fishermen counted their nets.",
    ),
)

COMMENTS: tuple[Comment, ...] = (
    Comment(
        "welcome",
        "Hello from the hill",
        "2024-01-02T12:00:00Z",
        "Welcome! We read every word up here.",
        username="Zoë Ångström",
    ),
    Comment(
        "welcome",
        "re: Hello",
        "2024-01-03T08:30:00+01:00",
        "Same here, and [a map of the hill](https://example.org/hill) for the newcomers.",
        claimedauthor="Jürgen Groß",
        url="https://example.org/juergen",
        ip="127.0.0.1",
    ),
    Comment(
        "welcome",
        "Third",
        "2024-01-04T21:10:00+01:00",
        "A third comment, with *emphasis* and a second paragraph.\n\nHere it is.",
        username="田中",
    ),
    Comment(
        "quotes",
        "The source",
        "2024-01-06T10:00:00+01:00",
        "Verne wrote that in 1870, see [the book](https://example.org/verne-1870) "
        "and [its translation](https://example.org/verne-en).",
        username="mikolaj",
    ),
    Comment(
        "quotes",
        "Another quote",
        "2024-01-07T09:00:00+01:00",
        "> The sea is only the embodiment of a supernatural and wonderful existence.\n\n"
        "That one is better.",
        claimedauthor="Ólafur Þórsson",
        ip="127.0.0.2",
    ),
    Comment(
        "tokyo",
        "夜の港",
        "2024-01-13T01:00:00+09:00",
        "東京の港も夜は静かです。",
        username="鈴木 花子",
    ),
    Comment(
        "tokyo", "Nice", "2024-01-13T09:15:00+00:00", "Nothing to add but thanks.", ip="127.0.0.3"
    ),
    Comment(
        "storm",
        "Our boat",
        "2024-03-08T18:00:00+01:00",
        "Ours was one of the two. We will build another.",
        username="Anna Berg",
    ),
    Comment(
        "storm",
        "The fence",
        "2024-03-09T07:00:00+01:00",
        "The fence was older than the boats anyway.",
        username="Jürgen Groß",
    ),
)


def _meta(post: Post) -> str:
    """One directive per key: ``[[!meta]]`` takes one field, the rest are its options."""
    lines = [f'[[!meta title="{post.title}"]]', f'[[!meta author="{post.author}"]]',
             f'[[!meta date="{post.date}"]]']  # fmt: skip
    if post.updated:
        lines.append(f'[[!meta updated="{post.updated}"]]')
    if post.tags:
        lines.append("[[!tag " + " ".join(post.tags) + "]]")
    return "\n".join(lines) + "\n"


def _comment(c: Comment) -> str:
    fields = [("username", c.username), ("ip", c.ip), ("claimedauthor", c.claimedauthor),
              ("url", c.url), ("subject", c.subject), ("date", c.date)]  # fmt: skip
    head = "".join(f' {k}="{v}"\n' for k, v in fields if v is not None)
    return f'[[!comment format=mdwn\n{head} content="""\n{c.content}\n"""]]\n'


def _epoch(date: str) -> float:
    return datetime.strptime(date, "%Y-%m-%d %H:%M:%S %z").timestamp()


def write_source(src: Path) -> None:
    """Posts and comments into ``src/posts/``; each post file's mtime is its last edit, as
    it would be on a blogger's disk (ikiwiki without a VCS takes "Last edited" from it)."""
    posts = src / "posts"
    for old in posts.glob("*.mdwn"):
        old.unlink()
    for post in POSTS:
        path = posts / f"{post.slug}.mdwn"
        path.write_text(_meta(post) + "\n" + post.body + "\n", "utf-8")
        when = _epoch(post.updated or post.date)
        os.utime(path, (when, when))
    counts: dict[str, int] = {}
    for c in COMMENTS:
        n = counts[c.post] = counts.get(c.post, 0) + 1
        folder = posts / c.post
        folder.mkdir(exist_ok=True)
        text = _comment(c)
        digest = hashlib.md5(text.encode()).hexdigest()  # a file name, as ikiwiki makes them
        (folder / f"comment_{n}_{digest}._comment").write_text(text, "utf-8")
