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


_PROSE = "<p>" + "A sentence of the post that a reader came for. " * 6 + "</p>"


@pytest.mark.parametrize("depth", [256, 300, 2000])
def test_nesting_past_256_parses_whole(depth: int) -> None:
    # Broken pages nest hundreds deep (unclosed div or font tags): the article after the
    # nesting is read, not cut off where libxml2's default limit stopped.
    html = "<html><body>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth
    html += f"<article><h1>After</h1>{_PROSE}{_PROSE}</article></body></html>"
    post = parse_page(html.encode(), "https://x.example/deep")
    assert post.title == "After"
    assert post.body is not None
    assert "came for" in post.body.text


@pytest.mark.parametrize("depth", [2048, 100_000])
def test_absurd_nesting_is_a_parse_error(depth: int) -> None:
    # Past 2,048 levels libxml2 stops reading: a record without the rest of the page
    # would drop the article silently, so the page is refused by name.
    html = "<html><head><title>Deep | Site</title></head><body><h1>Deep</h1>"
    html += "<div>" * depth + "x" + "</div>" * depth + f"{_PROSE}</body></html>"
    with pytest.raises(ParseError, match=r"deep\.html: nested deeper than 2048"):
        build_tree(html, "deep.html")
    with pytest.raises(ParseError, match="nested deeper"):
        parse_page(html.encode(), "https://x.example/deep")


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
