"""Bytes to a safe lxml tree: charset sniffing in browser order, caps on size and depth.

Order (as browsers and w3lib do it): BOM, then the HTTP ``Content-Type`` charset, then
``<meta charset>`` / ``http-equiv`` in the first bytes, then a detector, then UTF-8.
Labels are mapped the WHATWG way (``latin-1`` and ``iso-8859-1`` mean windows-1252).
"""

from __future__ import annotations

import codecs
import re

from bs4.dammit import UnicodeDammit
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from ..errors import ParseError

__all__ = ["MAX_PAGE_BYTES", "build_tree", "decode_html"]

MAX_PAGE_BYTES = 50 * 1024 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)

# WHATWG Encoding Standard: labels that mean something else than Python thinks.
_WHATWG = {
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift-jis": "shift_jis",
    "sjis": "shift_jis",
    "x-sjis": "shift_jis",
    "windows-31j": "cp932",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "utf8": "utf-8",
}


def _normalize_label(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _from_bom(data: bytes) -> str | None:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name
    return None


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode page bytes to text the way a browser would; never raises on bad bytes."""
    enc = _from_bom(data)
    if enc:
        return data.decode(enc, errors="replace")
    candidates: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m and (label := _normalize_label(m.group(1))):
            candidates.append(label)
    m2 = _META_CHARSET.search(data[:4096])
    if m2 and (label := _normalize_label(m2.group(1).decode("ascii", "ignore"))):
        candidates.append(label)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            # A declared charset that the bytes contradict (mislabelled UTF-8 is the common
            # case): try the next witness instead of decoding to mojibake.
            continue
        if enc != "utf-8" and _looks_like_utf8(data):
            return data.decode("utf-8")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return data.decode("cp1252", errors="replace")


def _looks_like_utf8(data: bytes) -> bool:
    """True when the bytes hold multi-byte UTF-8 sequences and decode cleanly as UTF-8."""
    if not re.search(rb"[\xc2-\xf4][\x80-\xbf]", data):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_PARSER = HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    huge_tree=False,
)


def build_tree(text: str, source: str | None = None) -> HtmlElement:
    """Parse HTML text into a tree; raise ``ParseError`` naming ``source`` when it is no page."""
    if not text or not text.strip():
        raise ParseError("empty document", source)
    if len(text) > MAX_PAGE_BYTES:
        raise ParseError(f"page larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB", source)
    if "\x00" in text[:8192] and text[:8192].count("\x00") > 16:
        raise ParseError("binary data, not HTML", source)
    try:
        tree = document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"unreadable HTML: {exc}", source) from exc
    return tree
