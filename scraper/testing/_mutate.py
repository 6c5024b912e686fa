"""Hostile variants of real pages, for the fuzz test and the fuzz benchmark.

Each mutation is one thing a broken CMS, a spammer or an attacker puts in a page: flipped
bytes, injected active content, nesting thousands deep, megabyte attributes, charset labels
that name Python's non-text codecs, JSON-LD that is deep or of the wrong shape, comment
threads whose ids repeat or point at themselves. ``mutate`` is deterministic for a given
``random.Random``, so a failing seed is a reproducible page.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

__all__ = ["MUTATIONS", "Mutation", "mutate"]

Mutation = Callable[[bytes, random.Random], bytes]

_TAG_START = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])")

_ACTIVE_TAGS = (
    b"<script>alert(1)</script>",
    b'<img src="x" onerror="alert(1)">',
    b'<a href="javascript:alert(1)">click here to read the full story</a>',
    b'<a href=" JaVaScRiPt:alert(1)">x</a>',
    b'<a href="vbscript:msgbox(1)">x</a>',
    b'<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    b'<svg onload="alert(1)"><circle r="1"/></svg>',
    b'<object data="file:///etc/passwd"></object>',
    b'<p onmouseover="alert(1)" style="background:url(javascript:alert(1))">Hover me.</p>',
    b'<form action="javascript:alert(1)"><input onfocus="alert(1)" autofocus></form>',
    b'<blockquote cite="javascript:alert(1)"><p>A quoted line of text.</p></blockquote>',
    b'<img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel">',
    b'<img src="file:///etc/passwd" alt="local">',
    b'<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    b'<base href="javascript:/">',
    b'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    b"<style>body{background:url(javascript:alert(1))}</style>",
    b'<link rel="canonical" href="javascript:alert(1)">',
    b'<link rel="author" href="vbscript:x">',
    b'<a rel="author" href="data:text/html,x">Evil Author</a>',
)
_ATTRS = (
    b' onclick="alert(1)"',
    b" onerror=alert(1)",
    b' href="javascript:alert(1)"',
    b' src="javascript:alert(1)"',
    b' src="http://example.com/a\x01b.png"',
    b' src="http://example.com/\x00.png"',
    b' href="vbscript:x"',
    b' cite="data:text/plain,x"',
    b' style="expression(alert(1))"',
    b' datetime="\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa4-\xd9\xa0\xd9\xa1-\xd9\xa0\xd9\xa2"',
    b' datetime="2024-01-02T10:00:00+0000"',
    b' datetime="9999999-99-99T99:99"',
    b' id="comment-1"',
    b' data-parent="1"',
    b' class="comment"',
    b" formaction=javascript:alert(1)",
)
_CHARSETS = (
    b"base64",
    b"hex",
    b"rot13",
    b"zlib",
    b"punycode",
    b"undefined",
    b"utf-7",
    b"utf-16",
    b"utf-32",
    b"idna",
    b"mbcs",
    b"x-user-defined",
    b"replacement",
    b"bz2_codec",
    b"uu",
    b"quopri",
    b"\xff\xfe",
    b"",
    b"latin-1\x00",
)
_JSONLD = (
    b"[" * 2000 + b"]" * 2000,
    b'{"a":' * 2000 + b"1" + b"}" * 2000,
    b'{"@type":"BlogPosting","headline":["x",{"a":1}],"author":{"name":{"x":1}},'
    b'"datePublished":12,"commentCount":-1,"url":"javascript:alert(1)",'
    b'"image":{"url":"data:image/png;base64,AA=="}}',
    b'{"@type":"BlogPosting","commentCount":"-5","comment":[{"@type":"Comment","text":"a",'
    b'"identifier":"7","comment":[{"@type":"Comment","text":"b","identifier":"7"}]}]}',
    b'{"@type":"BlogPosting","comment":{"@type":"Comment","text":"<script>x</script>hi",'
    b'"url":"javascript:1","author":{"name":"a","url":"vbscript:x"},'
    b'"dateCreated":"2024-01-02T10:00:00+0000"}}',
    b'{"@graph":' * 300 + b"[]" + b"}" * 300,
    b'{"@type":"BlogPosting","datePublished":"\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa4-01-02"}',
    b'{"@type":"BlogPosting","interactionStatistic":{"userInteractionCount":-7}}',
)


def _at_tag(page: bytes, rng: random.Random) -> int:
    """The offset of a random start tag's end of name (so attributes can go there)."""
    starts = [m.end() for m in _TAG_START.finditer(page)]
    return rng.choice(starts) if starts else 0


def _insert(page: bytes, at: int, data: bytes) -> bytes:
    return page[:at] + data + page[at:]


def byte_flips(page: bytes, rng: random.Random) -> bytes:
    buf = bytearray(page)
    for _ in range(rng.randint(1, 20)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def tag_injection(page: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        at = page.find(b"<", rng.randrange(max(1, len(page))))
        page = _insert(page, at if at >= 0 else len(page), rng.choice(_ACTIVE_TAGS))
    return page


def attribute_injection(page: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 8)):
        page = _insert(page, _at_tag(page, rng), rng.choice(_ATTRS))
    return page


def deep_nesting(page: bytes, rng: random.Random) -> bytes:
    depth = rng.choice((255, 256, 300, 1000, 3000, 10000))
    tag = rng.choice((b"div", b"span", b"b", b"blockquote", b"ul><li", b"table><tr><td"))
    closer = b"".join(b"</" + t.split(b" ")[0] + b">" for t in reversed(tag.split(b"><")))
    opener = b"<" + tag + b">"
    at = _at_tag(page, rng) - 1
    at = page.rfind(b"<", 0, at + 1) if at > 0 else 0
    close_at = page.find(b"<", rng.randrange(at, len(page)) if at < len(page) else at)
    close_at = close_at if close_at >= 0 else len(page)
    return page[:at] + opener * depth + page[at:close_at] + closer * depth + page[close_at:]


def huge_attribute(page: bytes, rng: random.Random, size: int = 300_000) -> bytes:
    name = rng.choice((b"data-x", b"class", b"style", b"href", b"src", b"id", b"title"))
    fill = rng.choice((b"a", b"comment ", b"x-", b"&amp;", b"/"))
    value = (fill * (size // len(fill) + 1))[:size]
    return _insert(page, _at_tag(page, rng), b" " + name + b'="' + value + b'"')


def hostile_charset(page: bytes, rng: random.Random) -> bytes:
    label = rng.choice(_CHARSETS)
    page, n = re.subn(rb"charset=[\"']?[-\w]+", b"charset=" + label, page, count=1)
    if not n:
        page = page.replace(b"<head>", b'<head><meta charset="' + label + b'">', 1)
    return page


def hostile_jsonld(page: bytes, rng: random.Random) -> bytes:
    block = b'<script type="application/ld+json">' + rng.choice(_JSONLD) + b"</script>"
    at = page.find(b"</head>")
    return _insert(page, at if at >= 0 else 0, block)


_COMMENT_ID = re.compile(rb'id="(?:li-)?comment-(\d+)"')


def comment_thread(page: bytes, rng: random.Random) -> bytes:
    """Ids made to repeat, parents made to point at themselves or at their replies, dates
    with offsets the schema does not take, counts below zero, copied comments."""
    ids = _COMMENT_ID.findall(page)
    choice = rng.randrange(7)
    if choice == 0 and ids:  # every comment gets the same id
        return _COMMENT_ID.sub(b'id="comment-' + ids[0] + b'"', page)
    if choice == 1 and ids:  # self-parents and parents pointing at later comments

        def parent(m: re.Match[bytes]) -> bytes:
            target = m.group(1) if rng.random() < 0.5 else rng.choice(ids)
            return m.group(0) + b' data-parent="' + target + b'"'

        return _COMMENT_ID.sub(parent, page)
    if choice == 2 and ids:  # a comment's id given to its replies
        a, b = rng.choice(ids), rng.choice(ids)
        return page.replace(b"comment-" + a + b'"', b"comment-" + b + b'"')
    if choice == 3:
        return re.sub(rb'datetime="([^"]*?)(?:Z|[+-]\d\d:?\d\d)?"', rb'datetime="\1+0000"', page)
    if choice == 4:
        return re.sub(rb"(\d+) (Comments?|Responses?|thoughts?)", rb"-\1 \2", page)
    if choice == 5:  # a copy of the whole thread after itself
        m = re.search(rb"<ol[^>]*comment[^>]*>.*?</ol>", page, re.S)
        return page if m is None else _insert(page, m.end(), m.group(0))
    n = rng.choice((50, 300))  # a run of comment-like siblings
    item = b'<div class="comment" id="comment-%d"><p>Comment number %d says hi.</p></div>'
    run = b"".join(item % (i % 7, i) for i in range(n))
    at = page.find(b"</body>")
    return _insert(page, at if at >= 0 else len(page), run)


MUTATIONS: dict[str, Mutation] = {
    "byte_flips": byte_flips,
    "tag_injection": tag_injection,
    "attribute_injection": attribute_injection,
    "deep_nesting": deep_nesting,
    "huge_attribute": huge_attribute,
    "hostile_charset": hostile_charset,
    "hostile_jsonld": hostile_jsonld,
    "comment_thread": comment_thread,
}


def mutate(page: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One to three mutations of ``page``; returns their names (``+``-joined) and the page."""
    names = rng.sample(sorted(MUTATIONS), rng.choice((1, 1, 1, 2, 3)))
    for name in names:
        page = MUTATIONS[name](page, rng)
    return "+".join(names), page
