"""Charset sniffing: BOM, header, meta, WHATWG labels, mislabelled and undeclared pages."""

from __future__ import annotations

import codecs

import pytest
from lxml import etree

from scraper.parse.dom._html import build_tree, decode_html, decode_html_utf8

TEXT = "Grüße aus Köln – „Zitat“ € 5"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{body}</p></body></html>"


def test_utf8_bom_wins_over_everything() -> None:
    data = codecs.BOM_UTF8 + page(TEXT, "<meta charset='latin-1'>").encode("utf-8")
    assert TEXT in decode_html(data, "text/html; charset=shift_jis")


def test_utf16_with_bom() -> None:
    data = page(TEXT).encode("utf-16")
    assert TEXT in decode_html(data)


def test_http_header_charset() -> None:
    data = page("Привет, мир").encode("windows-1251")
    assert "Привет, мир" in decode_html(data, "text/html; charset=windows-1251")


@pytest.mark.parametrize(
    "head",
    [
        "<meta charset='windows-1251'>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
)
def test_meta_charset_forms(head: str) -> None:
    data = page("Привет, мир", head).encode("windows-1251")
    assert "Привет, мир" in decode_html(data)


def test_latin1_label_means_windows_1252() -> None:
    text = "„Anführung“ – € café"
    data = page(text, "<meta charset='iso-8859-1'>").encode("cp1252")
    assert text in decode_html(data)


def test_shift_jis_and_gb18030_declared() -> None:
    jp = "日本語のテキスト"
    cn = "中文文本测试"
    assert jp in decode_html(page(jp, "<meta charset='Shift_JIS'>").encode("shift_jis"))
    assert cn in decode_html(page(cn, "<meta charset='gb2312'>").encode("gb18030"))


def test_mislabelled_utf8_declared_latin1() -> None:
    data = page(TEXT, "<meta charset='iso-8859-1'>").encode("utf-8")
    assert TEXT in decode_html(data, "text/html; charset=ISO-8859-1")


def test_declared_utf8_with_one_stray_byte_stays_utf8() -> None:
    data = page(TEXT * 20, "<meta charset='utf-8'>").encode("utf-8") + b"\x93oops\x94"
    text = decode_html(data)
    assert TEXT in text


def test_unknown_label_falls_back() -> None:
    data = page(TEXT, "<meta charset='x-foo'>").encode("utf-8")
    assert TEXT in decode_html(data, "text/html; charset=x-bar")


def test_xml_declaration_encoding() -> None:
    text = "Ça va très bien, merci"
    data = ("<?xml version='1.0' encoding='iso-8859-1'?>" + page(text)).encode("cp1252")
    decoded = decode_html(data)
    assert text in decoded
    tree = build_tree(decoded, "x.html")
    assert tree.findtext(".//p") == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Привет, мир! Это длинный текст на русском языке. " * 30, "windows-1251"),
        ("Grüße aus Köln, schöne Größe, Straße und Bäume. " * 30, "cp1252"),
    ],
)
def test_undeclared_charset_is_detected(text: str, encoding: str) -> None:
    assert text.strip() in decode_html(page(text).encode(encoding))


def test_ascii_and_undeclared_utf8() -> None:
    assert "plain" in decode_html(page("plain").encode("ascii"))
    assert TEXT in decode_html(page(TEXT).encode("utf-8"))


@pytest.mark.parametrize(
    ("data", "same"),
    [
        (b"<html><body><p>plain ascii</p></body></html>", True),
        ("<meta charset=utf-8><p>Grüße, 東京</p>".encode(), True),
        ("<p>undeclared Grüße</p>".encode(), True),
        ("<meta charset=windows-1252><p>caf\xe9</p>".encode("cp1252"), False),
        (b"\xef\xbb\xbf<p>BOM</p>", False),
    ],
)
def test_utf8_bytes_reused_only_when_exact(data: bytes, same: bool) -> None:
    text, utf8 = decode_html_utf8(data)
    assert text == decode_html(data)
    assert (utf8 is data) is same
    if utf8 is not None:
        assert utf8 == text.encode("utf-8")
    assert etree.tostring(build_tree(text, utf8=utf8)) == etree.tostring(build_tree(text))
