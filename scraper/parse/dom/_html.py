"""Bytes to a safe lxml tree: decoded as a browser would (``_decode``), caps on size and depth.

Bad input fails fast and clearly: empty or binary data and pages over ``MAX_PAGE_BYTES``
raise ``ParseError`` naming the page; libxml2's depth limit keeps absurd nesting from
exhausting memory: with ``huge_tree`` it is 2,048 (broken pages with hundreds of unclosed
``<div>`` or ``<font>`` tags parse whole), and a page nested deeper, where libxml2 stops
reading, is a ``ParseError`` rather than a record missing everything after that point.
"""

from __future__ import annotations

import threading

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
from ._decode import _PRESCAN, _declared, decode_html, decode_html_utf8, sniff_binary

__all__ = [
    "MAX_PAGE_BYTES",
    "build_tree",
    "decode_html",
    "decode_html_utf8",
    "sniff_binary",
    "tree_of_bytes",
]

MAX_PAGE_BYTES = 50 * 1024 * 1024


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
    kind = _binary_head(text[:_PRESCAN])
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


def _binary_head(head: str) -> str | None:
    """What non-text a page's decoded first characters are (``sniff_binary`` of them);
    both parse paths refuse the same pages."""
    return sniff_binary(head.encode("latin-1", errors="replace"))


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
    ascii_head = head.isascii()
    text_head = (
        head.decode("ascii")
        if ascii_head
        else data[: 4 * _PRESCAN].decode("utf-8", "ignore")[:_PRESCAN]
    )
    if "<" not in text_head or text_head.lstrip("\ufeff \t\r\n").startswith("<?xml"):
        return None
    # an ASCII head is ``data``'s own first bytes, which ``sniff_binary`` passed above
    if (not ascii_head and _binary_head(text_head)) or not _ascii_doctypes(data):
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
