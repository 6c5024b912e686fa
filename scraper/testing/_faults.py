"""Fault injection for the test server: what a hostile or broken blog does to a crawler.

A ``Fault`` is attached to a path (exact request target, or path without query, or a prefix
written ``/prefix/*``) and applies to the first ``times`` requests of it (``None``: every
request); afterwards the path is served normally, which is how transient faults (503, 429,
resets, stalls) become retryable.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["BILLION_LAUGHS", "Fault", "FaultKind"]


class FaultKind(enum.StrEnum):
    STATUS = "status"  # answer `status` (404, 410, 500 ...) with a small HTML body
    RETRY_AFTER_SECONDS = "retry-after-seconds"  # `status` (503) + Retry-After: <seconds>
    RETRY_AFTER_DATE = "retry-after-date"  # `status` (429) + Retry-After: <HTTP-date now+seconds>
    RESET = "reset"  # send headers and half the body, then abort the connection (RST)
    STALL = "stall"  # wait `seconds` before answering (longer than the client timeout)
    SHORT_BODY = "short-body"  # Content-Length says more than is sent, then close
    GZIP_BOMB = "gzip-bomb"  # Content-Encoding: gzip, inflates to `size` bytes
    REDIRECT = "redirect"  # 302 to `location`
    REDIRECT_LOOP = "redirect-loop"  # 302 to the same path with ?loop=1, which redirects back
    HUGE = "huge"  # `size` bytes of HTML (Content-Length sent unless declare_length=False)
    XML_BOMB = "xml-bomb"  # billion laughs XML (for a sitemap or feed path)
    WRONG_CHARSET = "wrong-charset"  # header says `charset`, bytes are in `encoding`
    # Hostile servers (attach to a path prefix, "/calendar/*", to cover a URL space):
    CALENDAR = "calendar"  # /calendar/YYYY/MM/ pages, each linking the next month, for ever
    ENDLESS_PAGES = "endless-pages"  # ?page=N listings, each linking ?page=N+1, for ever
    SESSION_IDS = "session-ids"  # the page, every local link given a fresh ?sid=<token>
    TRICKLE = "trickle"  # headers, then one byte every `seconds` (never a read timeout)
    HUGE_SITEMAP = "huge-sitemap"  # a <urlset> listing `size` URLs (streamed)


@dataclass(frozen=True, slots=True, kw_only=True)
class Fault:
    """One injected fault; fields not used by ``kind`` are ignored."""

    kind: FaultKind
    times: int | None = None  # first N requests of the path; None = always
    status: int = 503
    seconds: float = 2.0  # Retry-After delta, or stall duration
    size: int = 64 * 1024 * 1024  # HUGE / GZIP_BOMB payload size
    location: str = "/"  # REDIRECT target (absolute or path)
    declare_length: bool = True  # HUGE: send Content-Length (else chunked)
    charset: str = "utf-8"  # WRONG_CHARSET: what the header claims
    encoding: str = "cp1252"  # WRONG_CHARSET: what the bytes are


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol9;</loc></url></urlset>
"""
