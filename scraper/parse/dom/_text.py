"""Element to text and element to clean HTML: the two serializers every record field uses.

One definition for the body, for comments and for the fixtures' expected records, so
that "the same content" always gives the same string:

* text: Unicode NFC, entities decoded, whitespace collapsed inside a paragraph, block
  elements (p, li, h1-h6, blockquote, pre, figure, tr ...) separated by one blank line,
  ``<br>`` a line break; ``pre`` keeps its lines. With ``captions=False`` (how
  ``body.text`` is made) figure captions (``figcaption``, ``.wp-caption-text``,
  ``.wp-element-caption``, Blogger's ``.tr-caption``) are left out: they are recorded in
  ``images[].caption``.
* clean HTML: the allowed tags only (``ALLOWED_TAGS``), each with only the attributes in
  ``ALLOWED_ATTRS``; other elements are unwrapped (their text kept) unless they are in
  ``DROP_TAGS`` (script, style, form, nav ...), which go with their content. Relative URLs
  are made absolute against ``base_url``.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree
from lxml.html import HtmlElement

from ._urls import http_url, join_url, safe_url, xml_safe

__all__ = [
    "ALLOWED_ATTRS",
    "ALLOWED_TAGS",
    "BLOCK_TAGS",
    "DROP_TAGS",
    "clean_html",
    "collapse",
    "element_text",
    "http_url",
    "is_caption",
    "join_url",
    "safe_url",
    "text_and_html",
    "xml_safe",
]

BLOCK_TAGS = frozenset(
    "p div section article header footer aside main blockquote pre ul ol li dl dt dd "
    "h1 h2 h3 h4 h5 h6 figure figcaption table thead tbody tfoot tr td th hr address "
    "details summary center".split()
)
DROP_TAGS = frozenset(
    "script style noscript template iframe object embed form input button select "
    "textarea svg canvas nav link meta head title audio video source track map".split()
)
ALLOWED_TAGS = frozenset(
    "p br h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote q cite a em strong b i u s sub sup "
    "code pre figure figcaption img table thead tbody tr th td hr abbr mark small del ins".split()
)
ALLOWED_ATTRS = {
    "a": ("href",),
    "img": ("src", "alt"),
    "blockquote": ("cite",),
    "q": ("cite",),
    "abbr": ("title",),
    "td": ("colspan", "rowspan"),
    "th": ("colspan", "rowspan"),
}
_URL_ATTRS = frozenset({"href", "src", "cite"})
# WordPress (classic, blocks; ``dl.wp-caption > dd`` of themes without HTML5 captions) and
# Blogger (``table.tr-caption-container`` puts the caption in ``td.tr-caption``)
CAPTION_CLASSES = frozenset(
    {"wp-caption-text", "wp-element-caption", "wp-caption-dd", "tr-caption"}
)
_BR_PARAGRAPH = re.compile(r"\x01\s*\x01[\s\x01]*")


def collapse(text: str | None) -> str:
    """Whitespace runs to one space, trimmed, NFC; ``None`` gives ''."""
    if not text:
        return ""
    # str.split() splits on exactly the characters ``\s`` matches (Unicode whitespace)
    out = " ".join(text.split())
    return out if out.isascii() else unicodedata.normalize("NFC", out)


def element_text(el: HtmlElement, *, captions: bool = True) -> str:
    """The readable text of ``el``: paragraphs joined by a blank line (see module doc).

    ``captions=False`` leaves figure captions out (``is_caption``), as ``body.text`` does.
    """
    parts: list[str] = []
    _walk_text(el, parts, captions)
    return _paragraphs("".join(parts))


def _paragraphs(raw: str) -> str:
    """The walk's output (``\\x00`` paragraph marks, ``\\x01`` line breaks) as text."""
    paragraphs = []
    # Two line breaks in a row (``<br><br>``, as Blogger and old themes write paragraphs)
    # are a paragraph break, not an empty line.
    if "\x01" in raw:
        raw = _BR_PARAGRAPH.sub("\x00", raw)
    for block in raw.split("\x00"):
        if "\x01" in block:
            lines = [" ".join(line.split()) for line in block.split("\x01")]
            para = "\n".join(line for line in lines if line)
        else:
            para = " ".join(block.split())
        if para:
            paragraphs.append(para)
    # ``collapse`` of each paragraph and line, its NFC done once: a line break composes
    # with nothing, so the joined text's NFC is that of each piece joined
    text = "\n\n".join(paragraphs)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def is_caption(el: etree._Element) -> bool:
    """A figure caption: ``figcaption``, a caption class of WordPress (classic, blocks), or
    a block whose class says "caption" set beside a picture (``p.caption`` under the
    ``div.image`` of its box): what templates without ``<figure>`` use."""
    if el.tag == "figcaption":
        return True
    cls = el.get("class")
    if cls is None:
        return False
    if not CAPTION_CLASSES.isdisjoint(cls.split()):
        return True
    return (
        "caption" in cls.lower()
        and el.tag in _CAPTION_TAGS
        and next(el.iter("img", "picture"), None) is None  # a box with its picture: the figure
        and _beside_picture(el)
    )


_CAPTION_TAGS = frozenset({"p", "span", "div", "small"})


def _beside_picture(el: etree._Element) -> bool:
    """An ``<img>`` in the box of ``el`` (its parent or grandparent; ``el`` holds none)."""
    box = el.getparent()
    for _ in range(2):
        if box is None:
            return False
        if next(box.iter("img", "picture"), None) is not None:
            return True
        box = box.getparent()
    return False


def _walk_text(el: HtmlElement, out: list[str], captions: bool = True) -> None:
    # \x00 marks a paragraph boundary, \x01 a line break; collapsed in element_text.
    # libxml2's tree walker (iterwalk: no Python stack, so pathological nesting cannot
    # overflow it), skipping the subtrees whose text is not read.
    if not isinstance(el.tag, str):  # a comment or processing instruction: no text
        return
    if el.tag == "br":  # a lone line break (its tail read too, as it always was)
        out.append("\x01")
        if el.tail:
            out.append(el.tail)
        return
    walker = etree.iterwalk(el, events=("start", "end", "comment", "pi"))
    skipped: set[etree._Element] = set()  # dropped: neither text nor paragraph mark
    for event, node in walker:
        if event == "start":
            tag = node.tag
            if node is not el and (tag in DROP_TAGS or (not captions and is_caption(node))):
                walker.skip_subtree()
                skipped.add(node)
                continue
            if tag == "br":
                out.append("\x01")
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                out.append("\x00")
            if tag == "pre":
                pre_text = "".join(str(t) for t in node.itertext())
                out.append("\x01".join(pre_text.split("\n")))
                walker.skip_subtree()
                continue
            text = node.text
            if text:
                out.append(text)
        elif event == "end":
            if node.tag in BLOCK_TAGS and (not skipped or node not in skipped):
                out.append("\x00")
            if node is not el:
                tail = node.tail
                if tail:
                    out.append(tail)
        elif node is not el:  # a comment or processing instruction: its tail is text
            tail = node.tail
            if tail:
                out.append(tail)


def clean_html(el: HtmlElement, base_url: str | None = None, *, include_self: bool = False) -> str:
    """Clean serialization of ``el``'s content (or of ``el`` itself with ``include_self``)."""
    out: list[str] = []
    if include_self:
        _clean_into(el, base_url, out)
    else:
        if el.text:
            out.append(_esc(el.text))
        for child in el:
            _clean_into(child, base_url, out)
            if child.tail:
                out.append(_esc(child.tail))
    return _html_string("".join(out))


def _html_string(html: str) -> str:
    # whitespace runs to one space, trimmed: str.split() splits on exactly the characters
    # ``\s`` matches, and costs a third of ``re.sub(r"\s+", " ", html).strip()``; ASCII
    # is NFC already, and ``isascii`` is one word-at-a-time scan where NFC's quick check
    # looks up every character of the page's whole HTML
    out = " ".join(html.split())
    return out if out.isascii() else unicodedata.normalize("NFC", out)


def text_and_html(
    el: HtmlElement, base_url: str | None = None, *, captions: bool = True
) -> tuple[str, str]:
    """``(element_text(el, captions=captions), clean_html(el, base_url))`` from one walk
    over ``el``: lxml builds a Python object for each element a walk visits, and both
    serializers visit the same elements."""
    if not isinstance(el.tag, str) or el.tag in ("br", "pre"):  # the root's own rules: rare
        return element_text(el, captions=captions), clean_html(el, base_url)
    text: list[str] = []
    html: list[str] = []
    # subtrees where text and HTML part ways (a left-out caption, br, pre): their HTML is
    # written by ``_clean_into`` on its own, the walk reads only their tails
    apart: set[etree._Element] = set()
    walker = etree.iterwalk(el, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event == "start":
            tag = node.tag
            if tag in DROP_TAGS and node is not el:
                walker.skip_subtree()
                continue
            if node is not el:
                if not captions and (
                    tag == "figcaption" or (node.get("class") is not None and is_caption(node))
                ):
                    pass  # left out of the text (see element_text): no class, no caption
                elif tag == "br":
                    text.append("\x01")
                elif tag == "pre":
                    pre_text = "".join(str(t) for t in node.itertext())
                    text.append("\x00")
                    text.append("\x01".join(pre_text.split("\n")))
                    text.append("\x00")
                else:
                    tag = ""
                if tag:
                    _clean_into(node, base_url, html)
                    walker.skip_subtree()
                    apart.add(node)
                    continue
                tag = node.tag
                if tag in ALLOWED_TAGS:
                    html.append(_open_tag(node, tag, base_url))
            if tag in BLOCK_TAGS:
                text.append("\x00")
            node_text = node.text
            if node_text:
                text.append(node_text)
                if tag not in _VOID or node is el:
                    html.append(_esc(node_text))
        elif event == "end":
            if node is el:
                if node.tag in BLOCK_TAGS:
                    text.append("\x00")
                continue
            if not apart or node not in apart:
                tag = node.tag
                if tag in ALLOWED_TAGS and tag not in _VOID:
                    html.append(f"</{tag}>")
                if tag in BLOCK_TAGS:
                    text.append("\x00")
            tail = node.tail
            if tail:
                text.append(tail)
                html.append(_esc(tail))
        elif node is not el:  # a comment or processing instruction: its tail is text
            tail = node.tail
            if tail:
                text.append(tail)
                html.append(_esc(tail))
    return _paragraphs("".join(text)), _html_string("".join(html))


def _clean_into(root: etree._Element, base_url: str | None, out: list[str]) -> None:
    # libxml2's tree walker (iterwalk), as in ``_walk_text``; a dropped subtree is skipped
    if not isinstance(root.tag, str):
        return
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event == "start":
            tag = node.tag
            if tag in DROP_TAGS:
                walker.skip_subtree()
                continue
            if tag in ALLOWED_TAGS:
                out.append(_open_tag(node, tag, base_url))
                if tag in _VOID:
                    continue
            text = node.text
            if text:
                out.append(_esc(text))
        elif event == "end":
            tag = node.tag
            if tag in ALLOWED_TAGS and tag not in _VOID:
                out.append(f"</{tag}>")
            if node is not root:
                tail = node.tail
                if tail:
                    out.append(_esc(tail))
        elif node is not root:  # a comment or processing instruction: its tail is text
            tail = node.tail
            if tail:
                out.append(_esc(tail))


_VOID = frozenset({"br", "img", "hr"})


def _open_tag(node: etree._Element, tag: str, base_url: str | None) -> str:
    names = ALLOWED_ATTRS.get(tag)
    if names is None:  # most tags (p, li, em ...) keep no attribute
        return f"<{tag}>"
    attrs = []
    for name in names:
        value = node.get(name)
        if value is None:
            continue
        value = value.strip()
        if name in _URL_ATTRS:
            if base_url:
                value = join_url(base_url, value) or value  # a malformed URL stays as written
            safe = safe_url(value)
            if safe is None:
                continue  # active content (javascript:, data: ...) goes with its attribute
            value = safe
        attrs.append(f' {name}="{_esc(value, quote=True)}"')
    return f"<{tag}{''.join(attrs)}>"


def _esc(text: str, *, quote: bool = False) -> str:
    if not quote and "&" not in text and "<" not in text and ">" not in text:
        return text  # most text nodes: three scans instead of three replace calls
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;")
    return text
