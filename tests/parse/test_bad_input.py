"""Bad input gives a clear ParseError naming the page, or a record of nulls; never a crash.

Pages are generated here; nothing is timed, but each case must finish (the suite's
timeout guards against hangs).
"""

from __future__ import annotations

import os
import struct
import zlib

import pytest

from scraper._errors import ParseError
from scraper.parse._parse import parse_page
from scraper.parse.dom._html import MAX_PAGE_BYTES, build_tree, decode_html


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    raw = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (_png(), "PNG"),
        (bytes(range(256)) * 64, "binary"),
    ],
)
def test_not_a_page_raises_parse_error_naming_it(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as err:
        parse_page(data, "https://x.example/p", source="pages/p.html")
    assert "pages/p.html" in str(err.value)
    assert reason in str(err.value)


def test_random_bytes_are_rejected() -> None:
    data = os.urandom(200_000)
    with pytest.raises(ParseError, match="binary"):
        build_tree(decode_html(data), "random.bin")


def test_page_over_the_size_cap() -> None:
    data = b"<html><body><p>" + b"a" * (MAX_PAGE_BYTES + 1) + b"</p></body></html>"
    with pytest.raises(ParseError, match="larger than"):
        parse_page(data, source="huge.html")


def test_deep_nesting_keeps_what_came_before() -> None:
    depth = 100_000
    html = "<html><head><title>Deep | Site</title></head><body><h1>Deep</h1>"
    html += "<div>" * depth + "x" + "</div>" * depth + "</body></html>"
    tree = build_tree(html, "deep.html")
    assert tree.findtext(".//h1") == "Deep"
    post = parse_page(html.encode(), "https://x.example/deep")
    assert post.title == "Deep"


def test_page_without_article_gives_nulls() -> None:
    post = parse_page(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert post.title is None
    assert post.author is None
    assert post.published is None
    assert post.tags == ()


def test_stray_nul_bytes_are_tolerated() -> None:
    post = parse_page(b"<html><body><h1>Ti\x00tle</h1><p>ok</p></body></html>")
    assert post.title == "Title"
    # the same in UTF-8 with wide characters, and in text handed in by a caller
    wide = "<html><body><h1>Tï\x00tle ✓</h1><p>ok</p></body></html>"
    assert parse_page(wide.encode()).title == "Tïtle ✓"
    assert parse_page(wide).title == "Tïtle ✓"


def test_broken_jsonld_and_markup() -> None:
    html = (
        b'<html><head><script type=\'application/ld+json\'>{"@type": "BlogPosting",'
        b' "headline": </script></head><body><h1>Still here<p>unclosed <b>tags'
    )
    assert parse_page(html).title == "Still here"
