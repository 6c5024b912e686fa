"""A cap on the attributes of one element, applied to the page before libxml2 reads it.

libxml2 (2.14, the one lxml bundles) adds each attribute to an element by walking the
element's attribute list to its end, so an element with n attributes costs n²/2 steps:
one element with 20,000 of them takes 2 s, a page of elements with thousands each over
10 s per MB. HTML sets no limit. A start tag longer than ``_RUN`` bytes with more than
``MAX_ATTRIBUTES`` attributes keeps its first ``MAX_ATTRIBUTES`` as written (the first of
a repeated name wins anyway), a documented limit like the nesting one; no real page
comes near it. Only distinct names cost anything (libxml2 drops a repeated one first),
and there are some 90 names of one byte, so every tag with more than ~540 distinct
attributes is that long; shorter ones cost at most ~0.5 s per MB of such tags.

Looking costs microseconds, not a scan of every tag (which would cost ~2 % of a parse):
such a tag runs over ``_RUN`` bytes without a ``>``. Those runs are found a window at a
time by ``rfind`` (memrchr), one call per ``_RUN`` bytes or so; only inside one is a tag
read, by a pattern that splits attributes as libxml2's tokenizer does (a value quoted or
not, names without ``=``, ``/`` between attributes). A ``>`` inside quoted values in
every ``_RUN`` bytes of such a tag hides it: the crawl's per-page time limit bounds that
page.
"""

from __future__ import annotations

import re

__all__ = ["MAX_ATTRIBUTES", "cap_attributes"]

MAX_ATTRIBUTES = 512
_RUN = 1536  # bytes without a ">" that a tag must run to be read (see above)

# libxml2's HTML tokenizer (HTMLparser.c, htmlParseStartTag / htmlParseAttribute): blanks
# are space, tab, LF, FF and CR; a name runs to a blank, "/", ">" or "=" (its first
# byte may be anything but a blank, "/" or ">"); a value is quoted (to the closing quote
# or the end of the page) or runs to a blank or ">"; a "/" not before ">" separates.
_WS = rb"[\t\n\f\r ]"
_ATTR = (
    rb"[^\t\n\f\r />][^\t\n\f\r /=>]*+"
    rb"(?:" + _WS + rb"*+=" + _WS + rb"*+(?:\"[^\"]*+\"?|'[^']*+'?|[^\t\n\f\r >]*+))?+"
)
_SEP = rb"(?:" + _WS + rb"|/(?!>))*+"
# a start tag and its first MAX_ATTRIBUTES attributes, when another one follows
_HEAD = re.compile(
    rb"<[A-Za-z][^\t\n\f\r />]*+(?>"
    + _SEP
    + _ATTR
    + rb"){%d}(?=" % MAX_ATTRIBUTES
    + _SEP
    + rb"[^\t\n\f\r />])"
)
_REST = re.compile(rb"(?>" + _SEP + _ATTR + rb")*+" + _SEP)
# the elements whose content libxml2 reads as text, and comments: a "<x" inside is no tag
_RAW = re.compile(
    rb"<(?:(/?)(iframe|noembed|noframes|plaintext|script|style|textarea|title|xmp)"
    rb"(?=[\t\n\f\r />])|!--)|-->",
    re.IGNORECASE,
)
# every byte but those that can end an attribute (a blank, "/", a closing quote)
_NOT_SEPARATOR = bytes(b for b in range(256) if b not in b"\t\n\f\r /\"'")
_AFTER_NAME = frozenset((b" ", b"\t", b"\n", b"\f", b"\r", b"/", b">"))
_LETTER = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def cap_attributes(data: bytes) -> bytes:
    """``data`` with every start tag longer than ``_RUN`` bytes cut to its first
    ``MAX_ATTRIBUTES`` attributes; the same object when no tag has more (every real page)."""
    n = len(data)
    rfind = data.rfind
    kept: list[bytes] = []
    done = 0  # data[:done] is in kept
    raw = _RawText(data)
    # the window [lo, lo + run) after the last ">" seen: the loop runs once a window (one
    # memrchr), so it holds only what it needs
    lo, run = 0, _RUN
    while lo + run <= n:
        q = rfind(b">", lo, lo + run)
        if q >= 0:
            lo = q + 1
            continue
        p = lo - 1
        end = data.find(b">", p + 1 + run)
        end = n if end < 0 else end
        if _opens_script(data, p):
            lo = end + 1  # most long runs open a script (inline JSON): no tag there
            continue
        cut = _excess(data, p + 1, end, raw)
        if cut is None:
            lo = end + 1
            continue
        kept.append(data[done : cut[0]])
        done = lo = cut[1]
    if not kept:
        return data
    kept.append(data[done:])
    return b"".join(kept)


def _opens_script(data: bytes, gt: int) -> bool:
    """Whether the ``>`` at ``gt`` ends a ``<script ...>`` tag (looked for by the last
    ``<`` before it: a memrchr, where a search for "<script" costs ~4 ns a byte)."""
    lt = data.rfind(b"<", 0, gt) if gt > 0 else -1
    return lt >= 0 and data.startswith(b"<script", lt) and data[lt + 7 : lt + 8] in _AFTER_NAME


def _excess(data: bytes, start: int, end: int, raw: _RawText) -> tuple[int, int] | None:
    """The span of attributes past the first ``MAX_ATTRIBUTES`` of the tag that runs
    through ``data[start:end]`` (which holds no ``>``), or ``None``.

    The run begins after a ``>``, so such a tag opens inside it: at the first ``<`` and
    ASCII letter, which libxml2 reads as a start tag whose attributes go on to the run's
    end (a later ``<`` is in an attribute name)."""
    q = data.find(b"<", start, end)
    while q >= 0 and (q + 1 >= len(data) or data[q + 1] not in _LETTER):
        q = data.find(b"<", q + 1, end)
    if q < 0 or end - q < _RUN:
        return None
    if len(data[q:end].translate(None, _NOT_SEPARATOR)) < MAX_ATTRIBUTES:
        return None  # too few blanks, "/" and quotes to end that many attributes
    head = _HEAD.match(data, q, end)
    if head is None or raw.inside(q):
        return None
    rest = _REST.match(data, head.end())
    assert rest is not None  # it matches the empty string
    return head.end(), rest.end()


class _RawText:
    """Whether a position is inside a comment, a script, a style, a title ..., where
    libxml2 reads ``<x`` as text. Asked only of tags with too many attributes, in page
    order: one scan from the start serves them all (one per page would be quadratic on
    a page of such tags)."""

    __slots__ = ("_data", "_inside", "_pos")

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0
        self._inside: bytes | None = None  # the raw-text element's name, or b"--"

    def inside(self, pos: int) -> bool:
        data = self._data
        # the common case first, code of a script with 512 words between two ">": the
        # nearest script tags, found looking back (the scan below reads ~5 ns a byte)
        if data.rfind(b"<script", 0, pos) > data.rfind(b"</script", 0, pos):
            return True
        for m in _RAW.finditer(data, self._pos, pos):
            token = m.group(0).lower()
            if self._inside is None:
                if token == b"<!--":
                    self._inside = b"--"
                elif m.group(2) and not m.group(1):
                    self._inside = m.group(2).lower()
            elif self._inside == b"--":
                if token == b"-->":
                    self._inside = None
            elif m.group(1) and m.group(2).lower() == self._inside:
                self._inside = None
        self._pos = max(self._pos, pos)
        return self._inside is not None
