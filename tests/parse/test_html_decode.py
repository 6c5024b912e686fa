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


# WHATWG labels and the Python codec that reads them (webencodings' table)
@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("cp819", "cp1252"),
        ("latin1", "cp1252"),
        ("ISO-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("windows-1252", "cp1252"),
        ("iso-8859-9", "cp1254"),
        ("windows-874", "cp874"),
        ("tis-620", "cp874"),
        ("iso-8859-11", "cp874"),
        ("shift_jis", "cp932"),
        ("csshiftjis", "cp932"),
        ("sjis", "cp932"),
        ("windows-31j", "cp932"),
        ("gb2312", "gb18030"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("big5", "big5hkscs"),
        ("euc-kr", "cp949"),
        ("ks_c_5601-1987", "cp949"),
        ("euc-jp", "euc_jp"),
        ("koi8-u", "koi8-u"),
        ("iso-8859-8-i", "iso8859-8"),
        ("x-mac-roman", "mac-roman"),
        ("x-mac-cyrillic", "mac-cyrillic"),
        ("x-user-defined", "cp1252"),
        ("utf8", "utf-8"),
        ("unicode-1-1-utf-8", "utf-8"),
        (" UTF-8 ", "utf-8"),
        ("'utf-8'", "utf-8"),
        # UTF-16 named inside a document the prescan read as ASCII cannot be so
        ("utf-16", "utf-8"),
        ("utf-16be", "utf-8"),
    ],
)
def test_whatwg_labels(label: str, codec: str) -> None:
    from scraper.parse.dom._decode import _normalize_label

    assert _normalize_label(label) == codec


# no WHATWG label: Python's bytes-to-bytes and special codecs, its own spellings, and the
# ISO-2022 labels WHATWG reads as one replacement character
_NOT_CHARSETS = [
    "base64",
    "hex",
    "rot13",
    "zlib",
    "bz2",
    "uu",
    "quopri",
    "punycode",
    "undefined",
    "idna",
    "unicode_escape",
    "utf-7",
    "utf_32",
    "cp037",
    "iso-2022-kr",
    "hz-gb-2312",
    "x-foo",
    "",
]


@pytest.mark.parametrize("label", _NOT_CHARSETS)
def test_labels_that_are_no_charsets(label: str) -> None:
    from scraper.parse.dom._decode import _normalize_label

    assert _normalize_label(label) is None


@pytest.mark.parametrize("label", _NOT_CHARSETS)
def test_no_charset_label_falls_back_to_sniffing(label: str) -> None:
    ascii_page = page("plain text").encode("ascii")
    utf8_page = page(TEXT).encode("utf-8")
    cp1252_page = page("Grüße aus Köln, schöne Größe, Straße und Bäume. " * 30).encode("cp1252")
    for data in (ascii_page, utf8_page, cp1252_page):
        want = decode_html_utf8(data)
        assert decode_html_utf8(data, f"text/html; charset={label}") == want
        head = f"<head><meta charset={label}></head>"
        text, _ = decode_html_utf8(data.replace(b"<head></head>", head.encode()))
        assert text == want[0].replace("<head></head>", head)


@pytest.mark.parametrize(
    ("label", "text", "codec"),
    [
        ("cp819", "„Anführung“ – € café", "cp1252"),
        ("windows-874", "ภาษาไทย ข้อความ", "cp874"),
        ("csshiftjis", "日本語のテキスト", "cp932"),
        ("x-gbk", "中文文本测试", "gb18030"),
    ],
)
def test_whatwg_labels_decode(label: str, text: str, codec: str) -> None:
    assert text in decode_html(page(text, f"<meta charset='{label}'>").encode(codec))
    assert text in decode_html(page(text).encode(codec), f"text/html; charset={label}")
