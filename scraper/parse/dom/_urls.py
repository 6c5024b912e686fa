"""Attribute values to URLs a record may hold: joined against the page's address,
trimmed and checked the way a browser reads them, never a ``javascript:`` or ``data:``
scheme. Shared by the text serializers (``_text``) and every field that keeps a link.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urljoin as _urljoin

__all__ = ["http_url", "join_url", "safe_url", "xml_safe"]


@functools.lru_cache(maxsize=4096)
def join_url(base: str, url: str) -> str | None:
    """``urljoin``, remembered (a page repeats its links in body html, links and images);
    ``None`` for a malformed URL (``http://[broken``), where ``urljoin`` raises: one bad
    attribute must cost that URL, not the page."""
    try:
        return _urljoin(base, url)
    except ValueError:
        return None


_EDGES = "".join(map(chr, range(0x21)))
_NEWLINES = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")


def safe_url(value: str | None) -> str | None:
    """``value`` as a browser reads it (C0 controls and spaces trimmed, tabs and newlines
    removed, other controls percent-encoded), or ``None`` when it names a scheme other
    than http(s): ``javascript:``, ``vbscript:``, ``data:``, ``file:``, ``mailto:`` never
    reach a URL field or the clean HTML. A relative URL (no scheme) is kept: it is what a
    page read without its address can give."""
    if value is None:
        return None
    url = value.strip(_EDGES)
    if not url.isprintable():
        url = _CONTROLS.sub(lambda m: f"%{ord(m.group()):02X}", url.translate(_NEWLINES))
    m = _SCHEME.match(url)
    if m is not None and url[m.end() : m.end() + 2] != "//":
        return None  # "http:R/x" (a flipped byte) is no address either
    if m is not None and m.group().lower() not in ("http:", "https:"):
        return None
    return url or None


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(value: str) -> str:
    """``value`` without the control characters lxml refuses in an attribute it sets
    (the HTML parser lets them through from the page)."""
    return _NOT_XML.sub("", value)


def http_url(base: str | None, value: object) -> str | None:
    """``value`` made absolute against ``base`` when that gives an http(s) URL, else ``None``."""
    if not isinstance(value, str) or not value.strip():
        return None
    absolute = join_url(base or "", value.strip())
    return absolute if absolute and absolute.startswith(("http://", "https://")) else None
