"""``tree_of_bytes``: page bytes to the very tree (or error) of decode-then-build, whether
libxml2 reads the UTF-8 bytes as they are or the page takes the decoding path."""

from __future__ import annotations

import codecs

import pytest
from lxml import etree

from scraper._errors import ParseError
from scraper.parse.dom._html import _utf8_tree, build_tree, decode_html_utf8, tree_of_bytes

TEXT = "Grüße aus Köln – „Zitat“ € 5"
DOC = "<html><head>{head}</head><body><p title='{body}'>{body}</p></body></html>"


def page(body: str, head: str = "") -> str:
    return DOC.format(head=head, body=body)


def decoded_then_built(data: bytes, content_type: str | None = None) -> bytes | str:
    try:
        text, utf8 = decode_html_utf8(data, content_type)
        return etree.tostring(build_tree(text, "p", utf8), encoding="unicode")
    except ParseError as exc:
        return f"ParseError: {exc}"


def from_bytes(data: bytes, content_type: str | None = None) -> bytes | str:
    try:
        return etree.tostring(tree_of_bytes(data, content_type, "p"), encoding="unicode")
    except ParseError as exc:
        return f"ParseError: {exc}"


CASES = {
    "ascii": page("plain").encode(),
    "utf8": page(TEXT).encode(),
    "utf8 declared latin-1": page(TEXT, "<meta charset='iso-8859-1'>").encode(),
    "ascii declared latin-1": page("plain", "<meta charset='iso-8859-1'>").encode(),
    "latin-1": page(TEXT[:15], "<meta charset='iso-8859-1'>").encode("latin-1"),
    "latin-1 undeclared": page(TEXT[:15]).encode("latin-1"),
    "mostly utf8, one cp1252 quote": (page(TEXT * 10).encode() + b"<p>\x93q\x94</p>"),
    "bad byte in an attribute": page("x").encode().replace(b"title='x'", b"title='\xff'"),
    "bad byte in a comment": page("x").encode().replace(b"<p", b"<!-- \xe9 --><p"),
    "bad byte in a script": page("x").encode().replace(b"<p", b"<script>'\xe9'</script><p"),
    "bad byte in the doctype": b"<!DOCTYPE html \xe9>" + page(TEXT).encode(),
    "doctype": b"<!doctype html>" + page(TEXT).encode(),
    "surrogate": page("a").encode().replace(b">a<", b">\xed\xa0\x80<"),
    "overlong": page("a").encode().replace(b">a<", b">\xc0\xaf<"),
    "bom": codecs.BOM_UTF8 + page(TEXT).encode(),
    "utf-16": page(TEXT).encode("utf-16"),
    "xml declaration": b"<?xml version='1.0' encoding='utf-8'?>" + page(TEXT).encode(),
    "nul": page("a\x00b").encode(),
    "empty": b"",
    "blank": b"  \n ",
    "no-break spaces": "\u00a0\u3000".encode(),
    "text without tags": TEXT.encode(),
    "png": b"\x89PNG\r\n\x1a\n" + bytes(200),
    "jpeg-like text": "\u00ff\u00d8\u00ff".encode() + page(TEXT).encode(),
    "controls": b"<p>" + bytes(range(1, 9)) * 40 + b"</p>",
    "deep": b"<div>" * 3000 + b"x",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_tree_or_error_as_decoding_first(name: str) -> None:
    data = CASES[name]
    assert from_bytes(data) == decoded_then_built(data)


def test_header_charset_is_heeded() -> None:
    data = page("plain").encode()
    kind = "text/html; charset=windows-1251"
    assert from_bytes(data, kind) == decoded_then_built(data, kind)
    latin = page(TEXT[:15]).encode("latin-1")
    assert from_bytes(latin, "text/html; charset=iso-8859-1") == decoded_then_built(
        latin, "text/html; charset=iso-8859-1"
    )


@pytest.mark.parametrize(
    ("name", "direct"),
    [
        ("utf8", True),
        ("ascii", True),
        ("utf8 declared latin-1", True),
        ("ascii declared latin-1", False),  # ASCII read in the declared charset
        ("latin-1", False),  # not UTF-8: libxml2 said so
        ("bad byte in the doctype", False),  # libxml2 does not check a doctype
        ("bom", False),
        ("xml declaration", False),
    ],
)
def test_which_pages_go_to_libxml2_undecoded(name: str, direct: bool) -> None:
    assert (_utf8_tree(CASES[name], None, "p") is not None) is direct


def test_a_page_of_many_doctypes_takes_the_decoding_path() -> None:
    data = b"<!DOCTYPE html>" * 5 + page(TEXT).encode()
    assert _utf8_tree(data, None, "p") is None
    assert from_bytes(data) == decoded_then_built(data)
    assert _utf8_tree(b"<!doctype html>" + page(TEXT).encode(), None, "p") is not None


def test_a_doctype_after_content_is_checked_too() -> None:
    data = page(TEXT).encode().replace(b"<p ", b"<!doctype x \xe9><p ")
    assert _utf8_tree(data, None, "p") is None
    assert from_bytes(data) == decoded_then_built(data)
    bangs = page(TEXT + "!" * 30).encode()
    assert _utf8_tree(bangs, None, "p") is not None
