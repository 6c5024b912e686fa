"""What the Ghost test blog holds: its staff, posts, a page and what is never published.

Written as an editor would type it into Ghost (HTML that Ghost turns into its Lexical
format); the truth of each post is what Ghost then reports, not these strings.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

__all__ = ["OWNER", "PAGE", "POSTS", "STAFF", "UNPUBLISHED", "paras", "png"]

# Staff: the owner from the setup endpoint, the others invited and accepting.
OWNER = ("Ingrid Ødegård", "ingrid@harbour.test")
STAFF = (
    ("Zoë Ångström", "zoe@harbour.test"),
    ("田中 太郎", "taro@harbour.test"),
    ("Jürgen Groß", "juergen@harbour.test"),
)


def png(rgb: tuple[int, int, int]) -> bytes:
    """A 4x4 PNG of one colour, so that uploads need no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(rgb) * 4 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


# Published posts: (slug, title, published_at UTC, author emails, tags, html, extra fields).
# "{img}" in html becomes an uploaded image's URL. Tags starting with "#" are Ghost's
# internal tags: never shown on a page, never in a record.
POSTS: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...], str, dict[str, Any]], ...] = (
    (
        "welcome-to-the-harbour",
        "Welcome to the harbour",
        "2024-01-02T08:15:00.000Z",
        ("ingrid@harbour.test",),
        ("News",),
        paras(
            "The first post of this site. It says hello and little else.",
            "A second paragraph, so that the body has more than one.",
        ),
        {},
    ),
    (
        "a-post-that-quotes",
        "A post that quotes",
        "2024-01-05T17:30:00.000Z",
        ("zoe@harbour.test",),
        ("Notes", "Quotes"),
        paras("Before the quote comes a sentence of our own.")
        + "<blockquote><p>The sea is everything. It covers seven tenths of the terrestrial"
        " globe.</p></blockquote>"
        + paras(
            'After the quote, <a href="https://example.org/verne">a link to the source</a> '
            "and an end."
        ),
        {},
    ),
    (
        "uber-strassen-und-brucken",
        "Über Straßen und Brücken",
        "2024-01-09T06:00:00.000Z",
        ("juergen@harbour.test",),
        ("Reisen", "Brücken"),
        paras(
            "Eine Straße führt über die Brücke. Die Brücke ist alt und schön.",
            "Zweiter Absatz: noch ein paar Wörter über Brücken und Flüsse.",
        ),
        {},
    ),
    (
        "tokyo-night",
        "東京の夜",
        "2024-01-12T13:45:00.000Z",
        ("taro@harbour.test",),
        ("Travel", "日本"),
        paras("東京の夜は静かです。朝は早い。", "A line in English after the Japanese one."),
        {},
    ),
    (
        "five-things-about-lanterns",
        "Five things about lanterns",
        "2024-01-15T12:00:00.000Z",
        ("ingrid@harbour.test",),
        ("Notes",),
        paras("Lanterns, in a list:")
        + "<ul><li>copper lanterns</li><li>paper lanterns</li><li>storm lanterns</li></ul>"
        + paras("And a closing paragraph with <strong>bold</strong> and <em>italic</em> words."),
        {"featured": True},
    ),
    (
        "a-picture-of-the-quay",
        "A picture of the quay",
        "2024-01-20T15:10:00.000Z",
        ("zoe@harbour.test",),
        ("Photos",),
        paras("The quay at dawn, before the boats go out.")
        + '<figure><img src="{img}" alt="The quay at dawn"><figcaption>The quay, looking'
        " north.</figcaption></figure>"
        + paras("The light changes quickly here; a minute later it was gone."),
        {"feature_image": "{img}"},
    ),
    (
        "a-longer-read-on-tides",
        "A longer read on tides",
        "2024-02-01T05:30:00.000Z",
        ("zoe@harbour.test",),
        ("Science", "Tides", "Longread"),
        paras(
            *(
                f"Paragraph {i} on tides: the moon pulls, the water follows, the harbour fills "
                f"and empties twice a day, and the fishermen read the tables every morning."
                for i in range(1, 9)
            )
        ),
        {"custom_excerpt": "Why the harbour fills and empties twice a day."},
    ),
    (
        "sections-and-headings",
        "Sections and headings",
        "2024-02-10T14:00:00.000Z",
        ("ingrid@harbour.test",),
        ("Notes", "#internal-filing"),
        paras("An opening paragraph.")
        + "<h2>First section</h2>"
        + paras("Text of the first section.")
        + "<h2>Second section</h2>"
        + paras("Text of the second section, and an end."),
        {},
    ),
    (
        "written-together",
        "Written together",
        "2024-02-14T09:00:00.000Z",
        ("juergen@harbour.test", "taro@harbour.test"),
        ("News",),
        paras(
            "Two of us wrote this post: Ghost lists both as its authors.",
            "The first one named is the post's primary author.",
        ),
        {},
    ),
    (
        "the-harbour-master-corrects-himself",
        "The harbour master corrects himself",
        "2024-02-20T11:20:00.000Z",
        ("ingrid@harbour.test",),
        ("News",),
        paras(
            "The harbour master said the pier would close in March.",
            "A later note: it closes in April, not March.",
        ),
        {"edit_after": "<p>Correction added after publication: April, not March.</p>"},
    ),
    (
        "for-members",
        "For members only",
        "2024-02-25T10:00:00.000Z",
        ("zoe@harbour.test",),
        ("Members",),
        paras(
            "This text is for signed-in members; a visitor sees only the call to sign up.",
            "A second paragraph no visitor reads.",
        ),
        {"visibility": "members"},
    ),
    (
        "links-and-a-code-block",
        "Links and a code block",
        "2024-03-01T16:45:00.000Z",
        ("taro@harbour.test",),
        ("Dev",),
        paras(
            'Some prose with <a href="https://example.org/a">one link</a> and '
            '<a href="https://example.com/b">another link</a>.'
        )
        + "<pre><code>print('hello harbour')</code></pre>"
        + paras("Some prose after the code, long enough to be a paragraph of its own."),
        {},
    ),
)

# Never in a record: not published (yet).
UNPUBLISHED: tuple[tuple[str, str, str, str | None], ...] = (
    ("a-draft", "A draft nobody should see", "draft", None),
    ("the-future", "A post scheduled for later", "scheduled", "2099-06-01T09:00:00.000Z"),
)
PAGE = ("about-the-harbour", "About the harbour", paras("A page, not a post: no date, no tags."))
