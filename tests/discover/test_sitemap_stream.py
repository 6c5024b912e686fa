"""``SitemapReader``: sitemaps read as a stream, in batches, gzip inflated piecewise."""

from __future__ import annotations

import gzip

import pytest

from scraper._errors import ParseError
from scraper.discover._sitemaps import SitemapReader, parse_sitemap

CAP = 1 << 20


def _urlset(n: int, pad: int = 0) -> bytes:
    items = b"".join(
        b"<url><loc>http://h/p%d/</loc><lastmod>2024-05-0%d</lastmod></url>%s"
        % (i, 1 + i % 9, b" " * pad)
        for i in range(n)
    )
    return b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + items + b"</urlset>"


def test_entries_come_in_batches_in_document_order() -> None:
    reader = SitemapReader(_urlset(250), "http://h/sitemap.xml", CAP)
    docs = list(reader.batches(100))
    assert [len(d.urls) for d in docs] == [100, 100, 50]
    urls = [e.url for d in docs for e in d.urls]
    assert urls == [f"http://h/p{i}/" for i in range(250)]
    assert reader.count == 250
    assert reader.truncated is None
    assert docs[0].urls[1].when is not None
    assert docs[0].urls[1].when.day == 2


def test_a_gzipped_sitemap_larger_than_the_cap_inflated_is_read_up_to_the_limit() -> None:
    raw = _urlset(3_000, pad=500)  # ~1.7 MB inflated, a few KB on the wire
    body = gzip.compress(raw, 1)
    assert len(body) < CAP < len(raw)
    reader = SitemapReader(body, "http://h/s.xml.gz", CAP, limit=500)
    assert sum(len(d.urls) for d in reader.batches()) == 500  # the limit comes first
    assert reader.truncated is not None
    assert "more than 500 URLs" in reader.truncated


def test_inflating_past_the_cap_keeps_what_was_read() -> None:
    body = gzip.compress(_urlset(400, pad=1_000))  # ~430 KB inflated: the cap cuts it
    reader = SitemapReader(body, "http://h/s.xml.gz", 200_000)
    got = sum(len(d.urls) for d in reader.batches())
    assert 0 < got < 400
    assert reader.truncated is not None
    assert "inflates to more than" in reader.truncated
    assert parse_sitemap(body, "http://h/s.xml.gz", 200_000).truncated


def test_concatenated_gzip_members_are_one_document() -> None:
    doc = _urlset(100)
    body = gzip.compress(doc[:1000]) + gzip.compress(doc[1000:])
    assert len(parse_sitemap(body, "http://h/s.xml.gz", CAP).urls) == 100


def test_an_entity_declaration_across_two_chunks_is_refused() -> None:
    head = b"<?xml version='1.0'?>" + b" " * ((1 << 16) - 25)  # "<!ENTITY" straddles 64 KiB
    body = head + b'<!DOCTYPE u [<!ENTITY a "x">]><urlset><url><loc>&a;</loc></url></urlset>'
    with pytest.raises(ParseError, match="entity declarations refused"):
        parse_sitemap(body, "http://h/sitemap.xml", CAP)
    with pytest.raises(ParseError, match="entity declarations refused"):
        parse_sitemap(gzip.compress(body), "http://h/sitemap.xml.gz", CAP)


def test_bad_gzip_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="bad gzip data"):
        parse_sitemap(b"\x1f\x8b" + b"\x00" * 50, "http://h/s.xml.gz", CAP)
