"""The record's promises, kept once at the end of every parse and merge.

Extractors read hostile markup with many heuristics; rather than trust each of them to
never emit a ``javascript:`` link, a ``+0000`` offset or a negative count, the record is
checked here against what the README and the schema promise, and a field that breaks a
promise is dropped (set to null, or left out of its list), never the record:

* URL fields hold http(s) URLs (or, for a page read without its address, relative ones);
* dates match the schema's ISO 8601 form: a ``+0000`` offset gets its colon, a space
  between date and time becomes ``T``, digits of other scripts become ASCII, and what
  still does not match is null;
* ``comment_count`` is never below zero;
* the comment thread is a tree (see ``comments._tree``).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import replace

from .._records import Comment, Image, Link, Person, Post, Quote
from .comments._tree import as_tree
from .dom._text import safe_url

__all__ = ["guard_post", "normalize_date", "url_like"]

# The schema's date pattern, ASCII digits only (Python's \d also takes "٢").
_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?", re.ASCII
)
_BARE_OFFSET = re.compile(r"(.*T\d\d:\d\d(?::\d\d(?:\.\d+)?)?)([+-]\d\d)(\d\d)", re.ASCII)


def normalize_date(value: str | None) -> str | None:
    """``value`` in the schema's form and on the calendar, or ``None`` when it cannot be."""
    if value is None:
        return None
    if _DATE.fullmatch(value):
        return value if _on_calendar(value) else None
    if not value.isascii():
        value = "".join(str(unicodedata.decimal(ch, ch)) for ch in value)
    value = value.strip()
    if value[10:11] == " ":  # RFC 3339 allows a space for the T
        value = f"{value[:10]}T{value[11:]}"
    if value.endswith("z"):
        value = value[:-1] + "Z"
    m = _BARE_OFFSET.fullmatch(value)
    if m is not None:
        value = f"{m.group(1)}{m.group(2)}:{m.group(3)}"
    return value if _DATE.fullmatch(value) and _on_calendar(value) else None


def _on_calendar(value: str) -> bool:
    """A real day (not 2024-13-40) and time (hours below 24, minutes below 60, a leap
    second allowed), offsets within a day."""
    try:
        datetime.date.fromisoformat(value[:10])
    except ValueError:
        return False
    if len(value) == 10:
        return True
    hh, mm = int(value[11:13]), int(value[14:16])
    ss = int(value[17:19]) if value[16:17] == ":" else 0
    tail = value[16:].lstrip(":0123456789.")
    off_ok = tail in ("", "Z") or (int(tail[1:3]) < 24 and int(tail[4:6]) < 60)
    return hh < 24 and mm < 60 and ss <= 60 and off_ok


def guard_post(post: Post) -> Post:
    """``post`` with every field that breaks a promise of the record dropped."""
    count = post.comment_count
    return replace(
        post,
        site=replace(post.site, url=safe_url(post.site.url)),
        author=_person(post.author) if post.author else None,
        authors=tuple(_person(a) for a in post.authors),
        published=normalize_date(post.published),
        modified=normalize_date(post.modified),
        quotes=_quotes(post.quotes),
        links=_links(post.links),
        read_more=_link(post.read_more) if post.read_more else None,
        images=_images(post.images),
        comment_count=count if count is None or count >= 0 else None,
        comments=as_tree(tuple(_comment(c) for c in post.comments)),
    )


def _person(p: Person) -> Person:
    url = safe_url(p.url)
    return p if url == p.url else replace(p, url=url)


def _quotes(quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    # A cite is a URL (``<blockquote cite>``, an embed's source) or the name of who said
    # it; safe_url keeps a name (it has no scheme) and drops ``javascript:`` and the like.
    out = []
    for q in quotes:
        cite = q.cite
        if cite is not None and url_like(cite):
            cite = safe_url(cite)  # a name ("Source: Reuters", "Ann\nEditor") is left as written
        out.append(q if cite == q.cite else replace(q, cite=cite))
    return tuple(out)


# a scheme after what a browser trims (C0 controls, spaces) and with tabs/newlines inside
_LOOKS_SCHEMED = re.compile(r"[\x00-\x20]*([A-Za-z][A-Za-z0-9+.\t\n\r-]*):")
_ACTIVE = frozenset({"javascript", "vbscript", "data", "file", "blob"})


def url_like(cite: str) -> bool:
    """A cite that is a URL (one word with a scheme) or names an active scheme at all."""
    m = _LOOKS_SCHEMED.match(cite)
    if m is None:
        return not cite.strip()
    scheme = re.sub(r"[\t\n\r]", "", m.group(1)).lower()
    return scheme in _ACTIVE or not any(ch.isspace() for ch in cite.strip())


def _link(link: Link) -> Link | None:
    url = safe_url(link.url)
    if url is None:
        return None
    return link if url == link.url else replace(link, url=url)


def _links(links: tuple[Link, ...]) -> tuple[Link, ...]:
    out = []
    for link in links:
        kept = _link(link)
        if kept is not None:
            out.append(kept)
    return tuple(out)


def _images(images: tuple[Image, ...]) -> tuple[Image, ...]:
    out = []
    for img in images:
        url = safe_url(img.url)
        if url is not None:
            out.append(img if url == img.url else replace(img, url=url))
    return tuple(out)


def _comment(c: Comment) -> Comment:
    url, published = safe_url(c.url), normalize_date(c.published)
    author, quotes = _person(c.author), _quotes(c.quotes)
    if (url, published, author, quotes) == (c.url, c.published, c.author, c.quotes):
        return c
    return replace(c, url=url, published=published, author=author, quotes=quotes)
