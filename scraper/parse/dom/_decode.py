"""Page bytes to text: charset sniffing in browser order.

Order (as browsers and w3lib do it): BOM, then the HTTP ``Content-Type`` charset, then
``<meta charset>`` / ``http-equiv`` / the XML declaration in the first bytes, then a
detector, then UTF-8. Labels are mapped the WHATWG way (``latin-1`` and ``iso-8859-1``
mean windows-1252). A declaration the bytes contradict loses: pages labelled latin-1 that
hold UTF-8 are common, and decoding them as declared gives mojibake. The detector only
sees a bounded prefix, so no input makes decoding slow.
"""

from __future__ import annotations

import codecs
import re

import webencodings
from charset_normalizer import from_bytes

__all__ = ["decode_html", "decode_html_utf8", "sniff_binary"]

# how much of the page the charset prescan and the detector look at
_PRESCAN = 4096
_DETECT_SAMPLE = 64 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_XML_DECL_CHARSET = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_:.\-]+)""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
# C0 controls other than tab, LF, FF, CR and ESC: text never holds many of them
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOF", "web font"),
)

# Python codecs for the WHATWG encodings where webencodings' choice is not a registered
# codec or not the WHATWG decoder: the gbk decoder is the gb18030 one (a superset that
# also reads GB2312 pages); x-user-defined maps high bytes to private-use characters no
# reader can use, and the pages that declare it are windows-1252 in practice
_DECODERS = {"gbk": "gb18030", "x-user-defined": "cp1252"}


def _normalize_label(label: str | None) -> str | None:
    """Python codec for a charset label as browsers read it (the WHATWG Encoding
    Standard: ``latin1`` and ``cp819`` mean windows-1252, ``csshiftjis`` is Shift_JIS);
    ``None`` for anything else. Only a WHATWG label names a charset: Python's own codec
    names (``base64``, ``rot13``, ``zlib``, ``punycode``, ``undefined``) are no charsets
    and never reach ``codecs``, and the ISO-2022 labels WHATWG decodes as one
    "replacement" character are left to the sniffing, as unknown labels are."""
    if not label:
        return None
    encoding = webencodings.lookup(label.strip().strip("\"'"))
    if encoding is None or encoding.name == "replacement":
        return None
    # UTF-16 declared inside the document cannot be: the prescan read it as ASCII
    if encoding.name.startswith("utf-16"):
        return "utf-8"
    name: str = encoding.name
    codec: str = encoding.codec_info.name
    return _DECODERS.get(name, codec)


def _detected(name: str) -> str | None:
    """Python codec for the detector's answer, a Python codec name (``utf_8``,
    ``iso8859_2``) that is often no WHATWG label: the WHATWG reading when it is one."""
    codec = _normalize_label(name)
    if codec is not None:
        return codec
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return "utf-8" if codec.startswith(("utf-16", "utf-32")) else codec


def _from_bom(data: bytes) -> str | None:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name
    return None


def sniff_binary(data: bytes) -> str | None:
    """What kind of non-text the bytes are ("PNG image", "binary data"), or ``None``."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:_PRESCAN]
    if not head:
        return None
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return "binary data" if controls > max(8, len(head) // 50) else None


def _declared(data: bytes, content_type: str | None) -> list[str]:
    out: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m and (label := _normalize_label(m.group(1))):
            out.append(label)
    head = data[:_PRESCAN]
    for pattern in (_XML_DECL_CHARSET, _META_CHARSET):
        m2 = pattern.search(head)
        if m2 and (label := _normalize_label(m2.group(1).decode("ascii", "ignore"))):
            out.append(label)
    return out


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode page bytes to text the way a browser would; never raises on bad bytes.

    Binary data is decoded byte for byte (so that ``build_tree`` can name it); the
    detector only runs on a bounded prefix, so no input makes this slow.
    """
    return decode_html_utf8(data, content_type)[0]


def decode_html_utf8(data: bytes, content_type: str | None = None) -> tuple[str, bytes | None]:
    """``decode_html``'s text, and ``data`` itself when those bytes are exactly the text's
    UTF-8 (a clean UTF-8 or ASCII decode without a BOM): ``build_tree`` then hands them
    to libxml2 as they are instead of encoding the text again."""
    enc = _from_bom(data)
    if enc:
        return data.decode(enc, errors="replace"), None
    if sniff_binary(data):
        return data.decode("latin-1"), None
    for enc in _declared(data, content_type):
        if enc != "utf-8" and (text := _utf8_text(data)) is not None:
            # declared latin-1 (or anything else) but the bytes are UTF-8: the bytes win
            return text, data
        try:
            return data.decode(enc), data if enc in ("utf-8", "ascii") else None
        except UnicodeDecodeError:
            if enc == "utf-8" and _mostly_utf8(data):
                return data.decode("utf-8", errors="replace"), None
            # a declaration the bytes contradict: try the next witness
            continue
    if data.isascii():
        return data.decode("ascii"), data
    if (text := _utf8_text(data)) is not None:
        return text, data
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), None
    return data.decode(_detect(data), errors="replace"), None


def _detect(data: bytes) -> str:
    """The detector's guess from a bounded sample; windows-1252 when it has none.

    charset-normalizer is called directly rather than through bs4's ``UnicodeDammit``,
    which uses whichever detector happens to be installed (cchardet, chardet or
    charset-normalizer) and so gave different answers on different machines.
    """
    best = from_bytes(data[:_DETECT_SAMPLE]).best()
    label = _detected(best.encoding) if best is not None else None
    return label or "cp1252"


def _utf8_text(data: bytes) -> str | None:
    """The text of bytes that hold multi-byte UTF-8 sequences and decode cleanly as UTF-8;
    ``None`` for others. Non-ASCII bytes that decode hold such a sequence, so ``isascii``
    (a word at a time) stands in for a regular-expression scan of the whole page."""
    if data.isascii():
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes (a pasted cp1252 quote): decode it as UTF-8 anyway."""
    good = len(_UTF8_MULTIBYTE.findall(data[: 4 * _DETECT_SAMPLE]))
    if good < 8:
        return False
    bad = data[: 4 * _DETECT_SAMPLE].decode("utf-8", errors="replace").count("\ufffd")
    return bad * 20 < good
