"""Sitemaps (indexes too, gzipped too) and RSS/Atom feeds, parsed with a hardened lxml.

The parser never resolves entities, loads a DTD or touches the network, and documents that
declare entities are refused outright with a clear reason: a billion-laughs sitemap is an
attack or a broken generator, and either way nothing in it is worth reading.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from .._errors import ParseError
from .._urls import canonicalize
from ..fetch._decoding import Overflow, gunzip_capped

__all__ = ["Entry", "SitemapDoc", "parse_feed", "parse_sitemap", "safe_xml"]

_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Entry:
    """A URL found in a sitemap or feed, with the date the document gives for it."""

    url: str
    when: date | None = None


@dataclass(frozen=True, slots=True)
class SitemapDoc:
    urls: list[Entry]  # <urlset> pages
    sitemaps: list[Entry]  # <sitemapindex> children
    truncated: bool = False  # more entries than the limit: the rest were not read


#: The sitemap protocol's own maximum per file; a sitemap listing 1,000,000 URLs is read up
#: to here, the rest ignored (memory stays bounded, the per-host budget does the rest).
MAX_SITEMAP_ENTRIES = 50_000


def safe_xml(content: bytes, source: str, cap: int) -> etree._Element:
    """Parse XML safely: gunzip if gzipped (capped), refuse entity declarations."""
    content = _safe_bytes(content, source, cap)
    try:
        root = etree.fromstring(content, _parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"not XML: {exc}", source) from exc
    if root is None:
        raise ParseError("not XML: empty document", source)
    return root


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=True
    )


def _safe_bytes(content: bytes, source: str, cap: int) -> bytes:
    if content.startswith(_GZIP_MAGIC):
        try:
            content = gunzip_capped(content, cap)
        except Overflow as exc:
            raise ParseError("gzip bomb: decompressed size over cap", source) from exc
        except Exception as exc:
            raise ParseError(f"bad gzip data: {exc}", source) from exc
    if b"<!ENTITY" in content or b"<\x00!\x00E\x00N\x00T\x00I\x00T\x00Y" in content:
        raise ParseError("XML entity declarations refused", source)
    return content


def _day(text: str | None) -> date | None:
    """A date from ISO 8601 (sitemaps, Atom) or RFC 822 (RSS); ``None`` when unreadable."""
    if not text:
        return None
    text = text.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        parsed: datetime = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return parsed.date()


def _text(el: etree._Element, path: str) -> str | None:
    found = el.find(path)
    return found.text.strip() if found is not None and found.text else None


def parse_sitemap(
    content: bytes, url: str, cap: int, limit: int = MAX_SITEMAP_ENTRIES
) -> SitemapDoc:
    """Entries of a sitemap or sitemap index at ``url`` (relative locs resolved), at most
    ``limit``: read as a stream, each entry dropped once read, so a sitemap of a million
    URLs costs no tree of a million elements."""
    data = _safe_bytes(content, url, cap)
    parser = etree.XMLPullParser(
        events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False,
        load_dtd=False, recover=True,
    )  # fmt: skip
    urls: list[Entry] = []
    maps: list[Entry] = []
    root_name: str | None = None
    truncated = False
    try:
        for start in range(0, len(data), 1 << 16):
            parser.feed(data[start : start + (1 << 16)])
            for event, item in parser.read_events():
                if not isinstance(item, etree._Element):
                    continue
                el: etree._Element = item
                name = etree.QName(el).localname if isinstance(el.tag, str) else ""
                if event == "start":
                    root_name = root_name or name
                    continue
                if name not in ("url", "sitemap"):
                    continue
                loc = canonicalize(_text(el, "{*}loc") or "", url)
                if loc:
                    out = urls if name == "url" else maps
                    out.append(Entry(loc, _day(_text(el, "{*}lastmod"))))
                el.clear()
                parent = el.getparent()
                if parent is not None:
                    del parent[: parent.index(el) + 1]  # what was read is dropped
                if len(urls) + len(maps) >= limit:
                    truncated = True
                    break
            if truncated:
                break
        if not truncated:
            parser.close()
    except etree.XMLSyntaxError as exc:
        if root_name is None:
            raise ParseError(f"not XML: {exc}", url) from exc
    if root_name is None:
        raise ParseError("not XML: empty document", url)
    if not urls and not maps and root_name not in ("urlset", "sitemapindex"):
        raise ParseError("not a sitemap", url)
    return SitemapDoc(urls, maps, truncated)


def parse_feed(content: bytes, url: str, cap: int) -> list[Entry]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, with their dates."""
    root = safe_xml(content, url, cap)
    out: list[Entry] = []
    for item in root.iter("{*}item", "item"):
        link = _text(item, "{*}link") or _text(item, "link")
        when = _text(item, "pubDate") or _text(item, "{*}date")
        if link and (loc := canonicalize(link, url)):
            out.append(Entry(loc, _day(when)))
    for entry in root.iter("{http://www.w3.org/2005/Atom}entry"):
        href = None
        for link_el in entry.iterfind("{http://www.w3.org/2005/Atom}link"):
            if link_el.get("rel", "alternate") == "alternate":
                href = link_el.get("href")
                break
        when = _text(entry, "{*}published") or _text(entry, "{*}updated")
        if href and (loc := canonicalize(href, url)):
            out.append(Entry(loc, _day(when)))
    return out
