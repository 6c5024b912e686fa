"""Bytes to a safe lxml tree: charset sniffing in browser order, caps on size and depth.

Order (as browsers and w3lib do it): BOM, then the HTTP ``Content-Type`` charset, then
``<meta charset>`` / ``http-equiv`` / the XML declaration in the first bytes, then a
detector, then UTF-8. Labels are mapped the WHATWG way (``latin-1`` and ``iso-8859-1``
mean windows-1252). A declaration the bytes contradict loses: pages labelled latin-1 that
hold UTF-8 are common, and decoding them as declared gives mojibake.

Bad input fails fast and clearly: empty or binary data and pages over ``MAX_PAGE_BYTES``
raise ``ParseError`` naming the page; the detector only sees a bounded prefix; libxml2's
depth limit keeps absurd nesting from exhausting memory: with ``huge_tree`` it is 2,048
(broken pages with hundreds of unclosed ``<div>`` or ``<font>`` tags parse whole), and a
page nested deeper, where libxml2 stops reading, is a ``ParseError`` rather than a
record missing everything after that point.
"""

from __future__ import annotations

import codecs
import re
import threading

import webencodings
from charset_normalizer import from_bytes
from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

from ..._errors import ParseError
from ._attrs import cap_attributes

__all__ = [
    "MAX_PAGE_BYTES",
    "build_tree",
    "decode_html",
    "decode_html_utf8",
    "sniff_binary",
    "tree_of_bytes",
]

MAX_PAGE_BYTES = 50 * 1024 * 1024
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
_CONTROL_TABLE = bytes.maketrans(_CONTROL_BYTES, b"\x00" * len(_CONTROL_BYTES))
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


def _parser(encoding: str | None = None) -> HTMLParser:
    parser = HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,  # nesting up to _MAX_DEPTH, see build_tree
        encoding=encoding,
        # libxml2's table of ``id`` attributes serves XPath ``id()`` and DTD validation,
        # neither of which is used here: not filling it saves ~5 % of the parse (and the
        # "ID redefined" errors lxml would log for pages that repeat an id)
        collect_ids=False,
    )
    # Every element an ``HtmlElement``, chosen in C: lxml.html's default lookup calls
    # Python for each element proxy (to make ``<form>`` a FormElement ...), which was most
    # of the cost of a walk over the tree; nothing here uses the form helpers.
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement,
            comment=HtmlComment,
            pi=HtmlProcessingInstruction,
            entity=HtmlEntity,
        )
    )
    return parser


_PARSER = _parser()
# The decoded text goes to libxml2 as UTF-8 bytes with the encoding stated: a str of
# non-Latin-1 text would reach it as UCS-4 and be converted on the way in (~10 % slower).
_UTF8_PARSER = _parser("utf-8")


def build_tree(text: str, source: str | None = None, utf8: bytes | None = None) -> HtmlElement:
    """Parse HTML text into a tree; raise ``ParseError`` naming ``source`` when it is no page.

    ``utf8`` may hold ``text`` encoded as UTF-8 already (``decode_html_utf8``'s bytes).
    """
    if len(text) > MAX_PAGE_BYTES:
        raise ParseError(f"page larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB", source)
    if not text or not text.strip():
        raise ParseError("empty document", source)
    head = text[:_PRESCAN]
    kind = sniff_binary(head.encode("latin-1", errors="replace"))
    if kind:
        raise ParseError(f"{kind}, not HTML", source)
    fixed = _strip_xml_declaration(text)
    data = utf8 if fixed is text else None
    # NUL is the zero byte in UTF-8: ``memchr`` over the bytes, where ``in`` over text of
    # wide characters compares them one by one (~0.1 ms a page)
    if b"\x00" in data if data is not None else "\x00" in fixed:
        fixed = fixed.replace("\x00", "")
        data = None
    if data is None:
        try:
            data = fixed.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate in text handed in by a caller
            data = None
    text = fixed
    try:
        if data is not None:
            tree = document_fromstring(cap_attributes(data), parser=_UTF8_PARSER)
        else:
            wide = text.encode("utf-8", "surrogatepass")
            text = cap_attributes(wide).decode("utf-8", "surrogatepass")
            tree = document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"unreadable HTML: {exc}", source) from exc
    return _whole(tree, source)


def _whole(tree: HtmlElement | None, source: str | None) -> HtmlElement:
    """``tree`` as libxml2 left it, refused when it holds nothing or stopped at the depth
    limit (both parse paths ask the same)."""
    if tree is None:
        raise ParseError("no HTML elements", source)
    if _last_depth(tree) >= _MAX_DEPTH - 1:
        raise ParseError(f"nested deeper than {_MAX_DEPTH} elements", source)
    return tree


_MAX_DEPTH = 2048  # libxml2's limit with XML_PARSE_HUGE


def tree_of_bytes(
    data: bytes, content_type: str | None = None, source: str | None = None
) -> HtmlElement:
    """``build_tree`` of ``decode_html_utf8(data, content_type)``: the same tree, or the
    same ``ParseError``. A page that is UTF-8 (most are) goes to libxml2 as it is, without
    being decoded first: the text was only read for a few checks, and the decode cost
    ~2 % of a parse. libxml2 checks the UTF-8 itself as it reads (see ``_utf8_tree``)."""
    tree = _utf8_tree(data, content_type, source)
    if tree is not None:
        return tree
    text, utf8 = decode_html_utf8(data, content_type)
    return build_tree(text, source, utf8)


# libxml2 reports at most 100 errors a parse: past a few dozen, a bad byte may go unsaid
_FEW_ERRORS = 50
# each thread its own parser: the error log read after a parse is the parser's
_THREAD_PARSERS = threading.local()


def _utf8_tree(data: bytes, content_type: str | None, source: str | None) -> HtmlElement | None:
    """The tree of ``data`` parsed as UTF-8 when that is how ``decode_html_utf8`` and
    ``build_tree`` read it (valid UTF-8 without a BOM, no other charset declared for
    ASCII bytes, no XML declaration, no NUL ...); ``None`` when the page needs that path
    (which also raises its errors).

    libxml2 reads UTF-8 as Python's strict decoder does: every byte sequence that one
    refuses (stray, overlong, surrogate, past U+10FFFF) is an ``ERR_INVALID_ENCODING``
    in the parse's error log, in text, attributes, comments and scripts alike; only
    inside a ``<!DOCTYPE ...>`` are bytes not checked, so a doctype must be ASCII."""
    if not data or len(data) > MAX_PAGE_BYTES or data[0] >= 0x80 or b"\x00" in data:
        return None  # a BOM, an empty or oversized page, NUL bytes: the decoding path
    if sniff_binary(data):
        return None
    declared = _declared(data, content_type)
    if declared and declared[0] != "utf-8" and data.isascii():
        return None  # ASCII read in the declared charset
    # build_tree's checks, on the text's first _PRESCAN characters (at most 4 bytes each)
    head = data[:_PRESCAN]
    text_head = (
        head.decode("ascii")
        if head.isascii()
        else data[: 4 * _PRESCAN].decode("utf-8", "ignore")[:_PRESCAN]
    )
    if "<" not in text_head or text_head.lstrip("\ufeff \t\r\n").startswith("<?xml"):
        return None
    if sniff_binary(text_head.encode("latin-1", errors="replace")) or not _ascii_doctypes(data):
        return None
    parser: HTMLParser | None = getattr(_THREAD_PARSERS, "utf8", None)
    if parser is None:
        parser = _THREAD_PARSERS.utf8 = _parser("utf-8")
    try:
        tree = document_fromstring(cap_attributes(data), parser=parser)
    except (etree.ParserError, ValueError):
        return None
    log = parser.error_log
    if len(log) >= _FEW_ERRORS or any(e.type == _INVALID_ENCODING for e in log):
        return None
    return _whole(tree, source)


_INVALID_ENCODING = etree.ErrorTypes.ERR_INVALID_ENCODING


def _ascii_doctypes(data: bytes) -> bool:
    """Every ``<!DOCTYPE ...>`` of the page is ASCII (the one place libxml2 does not
    check the bytes it reads as UTF-8); ``False`` also for a page of more than a few
    doctypes or very many "!" (real pages have one doctype and a few hundred "!"). The
    search is for "!" alone: one byte is found by ``memchr``, where a search for "<!"
    tests every byte of the page in Python's string search (more than decoding it)."""
    find = data.find
    at = find(b"!")
    seen = hits = 0
    while at >= 0:
        hits += 1
        if hits > _MANY_BANGS:
            return False
        if at > 0 and data[at - 1] == 60 and data[at + 1 : at + 8].lower() == b"doctype":  # "<"
            seen += 1
            end = find(b">", at)
            if seen > _FEW_DOCTYPES or not data[at : end if end >= 0 else len(data)].isascii():
                return False
        at = find(b"!", at + 1)
    return True


_MANY_BANGS = 20_000
_FEW_DOCTYPES = 4


def _last_depth(tree: HtmlElement) -> int:
    """Depth of the last element in document order. libxml2 stops reading at its depth
    limit, so a truncated tree ends at that depth, and a whole one (nearly always) near
    the root: a walk down the last children, a few steps on any real page."""
    # The proxies are kept until the end, then freed deepest first: lxml frees a proxy by
    # walking up to the nearest ancestor that still has one, so dropping each as the walk
    # went down walked to the root every time (2,000 levels: 10 ms).
    chain = [tree]
    while n := len(chain[-1]):
        chain.append(chain[-1][n - 1])
    return len(chain) - 1


def _strip_xml_declaration(text: str) -> str:
    """lxml refuses text that starts with ``<?xml ... encoding=...?>`` (XHTML pages);
    the declaration says nothing once the bytes are decoded, so it goes."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<?xml"):
        end = stripped.find("?>")
        if end != -1:
            return stripped[end + 2 :]
    return text
