"""Sitemaps (indexes too, gzipped too) and RSS/Atom feeds, parsed with a hardened lxml.

The parser never resolves entities, loads a DTD or touches the network, and documents that
declare entities are refused outright with a clear reason: a billion-laughs sitemap is an
attack or a broken generator, and either way nothing in it is worth reading.
"""

from __future__ import annotations

import email.utils
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from .._errors import ParseError
from .._urls import canonicalize
from ..fetch._decoding import Overflow, gunzip_capped

__all__ = ["Entry", "SitemapDoc", "SitemapReader", "parse_feed", "parse_sitemap", "safe_xml"]

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


class SitemapReader:
    """Entries of one sitemap or sitemap index, read as a stream and handed out in batches.

    A sitemap may list a million URLs and a gzipped one may inflate to far more than it
    weighs on the wire, so nothing here holds the whole: the gzip is inflated 64 KiB at a
    time into lxml's pull parser, each entry is dropped from the tree once read, and
    reading stops after ``limit`` entries (the protocol's own maximum per file) or after
    ``cap`` inflated bytes. The caller queues each batch before the next is read, so the
    entries in memory at once are one batch, not the sitemap.
    """

    def __init__(self, content: bytes, url: str, cap: int, limit: int = MAX_SITEMAP_ENTRIES):
        self._content, self._url, self._cap, self._limit = content, url, cap, limit
        self.count = 0  # entries handed out so far
        self.truncated: str | None = None  # why the rest was not read, when it was not

    def batches(self, size: int = 2_000) -> Iterator[SitemapDoc]:
        """``SitemapDoc``s of at most ``size`` entries; ``ParseError`` when it is no sitemap."""
        url = self._url
        parser = etree.XMLPullParser(
            events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False,
            load_dtd=False, recover=True,
        )  # fmt: skip
        urls: list[Entry] = []
        maps: list[Entry] = []
        root_name: str | None = None
        try:
            for chunk in _chunks(self._content, url, self._cap):
                parser.feed(chunk)
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
                    if self.count + len(urls) + len(maps) >= self._limit:
                        self.truncated = (
                            f"sitemap lists more than {self._limit:,} URLs: the rest is ignored"
                        )
                        break
                    if len(urls) + len(maps) >= size:
                        self.count += len(urls) + len(maps)
                        yield SitemapDoc(urls, maps)
                        urls, maps = [], []
                if self.truncated:
                    break
            else:
                parser.close()
        except Overflow:
            if not self.count + len(urls) + len(maps):
                raise ParseError("gzip bomb: decompressed size over cap", url) from None
            self.truncated = (
                f"sitemap inflates to more than {self._cap:,} bytes: the rest is ignored"
            )
        except etree.XMLSyntaxError as exc:
            if root_name is None:
                raise ParseError(f"not XML: {exc}", url) from exc
        if root_name is None:
            raise ParseError("not XML: empty document", url)
        if not self.count and not urls and not maps and root_name not in _SITEMAP_ROOTS:
            raise ParseError("not a sitemap", url)
        self.count += len(urls) + len(maps)
        yield SitemapDoc(urls, maps, self.truncated is not None)


_SITEMAP_ROOTS = ("urlset", "sitemapindex")
_CHUNK = 1 << 16
_ENTITY_MARKS = (b"<!ENTITY", b"<\x00!\x00E\x00N\x00T\x00I\x00T\x00Y")


def _chunks(content: bytes, source: str, cap: int) -> Iterator[bytes]:
    """``content`` 64 KiB at a time, inflated first when gzipped (``Overflow`` past ``cap``
    inflated bytes); a document declaring entities is refused, even across two chunks."""
    tail = b""
    for chunk in _inflated(content, source, cap):
        seam = tail + chunk
        if any(mark in seam for mark in _ENTITY_MARKS):
            raise ParseError("XML entity declarations refused", source)
        tail = seam[-24:]
        yield chunk


def _inflated(content: bytes, source: str, cap: int) -> Iterator[bytes]:
    if not content.startswith(_GZIP_MAGIC):
        for start in range(0, len(content), _CHUNK):
            yield content[start : start + _CHUNK]
        return
    wbits = 16 + zlib.MAX_WBITS
    inflate = zlib.decompressobj(wbits)
    total = 0
    try:
        for start in range(0, len(content), _CHUNK):
            data = content[start : start + _CHUNK]
            while data:
                out = inflate.decompress(data, _CHUNK)
                total += len(out)
                if total > cap:
                    raise Overflow
                if out:
                    yield out
                data = inflate.unconsumed_tail
                if inflate.eof and inflate.unused_data:  # concatenated gzip members
                    data = inflate.unused_data
                    inflate = zlib.decompressobj(wbits)
        out = inflate.flush()
    except zlib.error as exc:
        raise ParseError(f"bad gzip data: {exc}", source) from exc
    if total + len(out) > cap:
        raise Overflow
    if out:
        yield out


def parse_sitemap(
    content: bytes, url: str, cap: int, limit: int = MAX_SITEMAP_ENTRIES
) -> SitemapDoc:
    """All entries of a sitemap or sitemap index at ``url`` (relative locs resolved), at
    most ``limit`` (``SitemapReader`` hands them out in batches instead)."""
    reader = SitemapReader(content, url, cap, limit)
    urls: list[Entry] = []
    maps: list[Entry] = []
    for doc in reader.batches(limit):
        urls += doc.urls
        maps += doc.sitemaps
    return SitemapDoc(urls, maps, reader.truncated is not None)


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
