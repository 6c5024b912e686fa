"""Point an archived page's links at the replay origin, so a replay never reaches the web.

Pure: text or bytes in, bytes out. Every URL the page names (``href``, ``src``, ``srcset``,
``style`` and ``<style>`` ``url()``, CSS ``@import``, ``<meta refresh>``, ``<base>``) is
made absolute against the page and rewritten to ``/<timestamp>/<absolute URL>`` on the
replay origin, which finds the capture nearest that time (the way pywb addresses captures).
Links that leave nothing to fetch (``#fragment``, ``mailto:``, ``data:``) stay as they are,
and ``javascript:`` links become inert. The Content-Security-Policy of the replay origin
is the second wall: whatever this misses is blocked, not fetched live.
"""

from __future__ import annotations

import re
from typing import cast
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from scraper.parse.dom import decode_html

__all__ = ["replay_path", "rewrite_css", "rewrite_html", "rewrite_url"]

_KEEP_SCHEMES = ("mailto:", "tel:", "data:", "about:", "blob:")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]+)\1""", re.IGNORECASE)


def replay_path(timestamp: str, url: str) -> str:
    """The replay origin's path for ``url`` as captured near ``timestamp`` (14 digits)."""
    return f"/{timestamp}/{url}"


def rewrite_url(link: str, base: str, timestamp: str) -> str:
    """One link as the replayed page should use it."""
    link = link.strip()
    if not link or link.startswith("#"):
        return link
    lowered = link.lower()
    if lowered.startswith(_KEEP_SCHEMES):
        return link
    if lowered.startswith("javascript:"):
        return "#"
    absolute = urljoin(base, link)
    if urlsplit(absolute).scheme not in ("http", "https"):
        return "#"
    return replay_path(timestamp, absolute)


def rewrite_css(css: str, base: str, timestamp: str) -> str:
    """``url(...)`` and ``@import "..."`` of a stylesheet (or a style attribute)."""

    def url_sub(m: re.Match[str]) -> str:
        return f"url({m.group(1)}{rewrite_url(m.group(2), base, timestamp)}{m.group(1)})"

    def import_sub(m: re.Match[str]) -> str:
        q = m.group(1)
        return f"@import {q}{rewrite_url(m.group(2), base, timestamp)}{q}"

    return _CSS_IMPORT.sub(import_sub, _CSS_URL.sub(url_sub, css))


def _srcset(value: str, base: str, timestamp: str) -> str:
    out = []
    for item in value.split(","):
        parts = item.strip().split(None, 1)
        if parts:
            parts[0] = rewrite_url(parts[0], base, timestamp)
            out.append(" ".join(parts))
    return ", ".join(out)


def rewrite_html(data: bytes, content_type: str | None, url: str, timestamp: str) -> bytes:
    """The page as UTF-8 HTML with every link pointing at the replay origin.

    The text is decoded as the crawler decoded it (so the replay shows the characters the
    record holds) and served as UTF-8; the ``<meta charset>`` left in the page is overridden
    by the ``Content-Type`` header, which browsers rank above it.
    """
    text = decode_html(data, content_type)
    if not text.strip():
        return b""
    try:
        doc = cast(HtmlElement, lxml.html.document_fromstring(text))
    except (etree.ParserError, ValueError):
        return b""
    base = url
    for found in list(doc.iter("base")):
        href = found.get("href")
        if href:
            base = urljoin(url, href)
        cast(HtmlElement, found).drop_tree()  # the replay path already says where links go
    styled: set[tuple[int, str | None]] = set()  # CSS holds several links: rewrite it once
    for el, attrib, link, _pos in list(doc.iterlinks()):
        if attrib is None or attrib == "style":
            if (id(el), attrib) in styled:
                continue
            styled.add((id(el), attrib))
            if attrib is None:  # the text of a <style>
                el.text = rewrite_css(el.text or "", base, timestamp)
            else:
                el.set("style", rewrite_css(el.get("style") or "", base, timestamp))
        elif el.tag == "meta":
            content = el.get("content") or ""
            el.set("content", content.replace(link, rewrite_url(link, base, timestamp)))
        else:
            el.set(attrib, rewrite_url(link, base, timestamp))
    for node in doc.iter(etree.Element):
        for name in ("srcset", "imagesrcset"):
            if (value := node.get(name)) is not None:
                node.set(name, _srcset(value, base, timestamp))
    out: bytes = lxml.html.tostring(doc, encoding="utf-8", doctype="<!DOCTYPE html>")
    return out
