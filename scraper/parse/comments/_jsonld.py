"""Comments given as JSON-LD ``Comment`` objects (``comment`` on the article), with
``author``, ``dateCreated``/``datePublished``, ``text`` and nested ``comment`` replies."""

from __future__ import annotations

import html
import re
from typing import Any

from lxml.html import fragment_fromstring

from ..._records import Comment, Person
from ..dom._page import Page
from ..dom._text import collapse, join_url, text_and_html

__all__ = ["jsonld_comments"]


def jsonld_comments(page: Page, base_url: str | None) -> tuple[Comment, ...]:
    out: list[Comment] = []
    for obj in page.jsonld:
        kids = obj.get("comment")
        if kids and not _is_comment(obj):
            _walk(kids, None, 0, base_url, out)
    return tuple(out)


def _is_comment(obj: dict[str, Any]) -> bool:
    t = obj.get("@type")
    return "Comment" in (t if isinstance(t, list) else [t])


def _walk(data: Any, parent: str | None, depth: int, base: str | None, out: list[Comment]) -> None:
    for obj in data if isinstance(data, list) else [data]:
        if not isinstance(obj, dict) or not _is_comment(obj):
            continue
        c = _one(obj, parent, depth, base)
        if c is not None:
            out.append(c)
        if obj.get("comment"):
            _walk(obj["comment"], c.id if c else parent, depth + 1, base, out)


def _as_html(raw: str) -> str:
    """JSON-LD ``text`` is HTML or plain text; plain paragraphs become ``<p>`` elements."""
    if "<" in raw and ">" in raw:
        return raw
    paras = [p.strip() for p in raw.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)


def _id_of(url: str | None) -> str | None:
    """``…#comment-501`` -> ``501``, as the HTML extractor reads ``id=comment-501``."""
    frag = url.partition("#")[2] if url else ""
    m = re.search(r"(\d+)$", frag)
    return m.group(1) if m else (frag or None)


def _one(obj: dict[str, Any], parent: str | None, depth: int, base: str | None) -> Comment | None:
    raw = obj.get("text") or obj.get("commentText") or ""
    if not isinstance(raw, str) or not raw.strip():
        return None
    el = fragment_fromstring(_as_html(raw), create_parent="div")
    text, html = text_and_html(el, base)
    if not text:
        return None
    url = obj.get("url") or obj.get("@id")
    url = join_url(base or "", url) if isinstance(url, str) and url else None
    ident = obj.get("identifier") or _id_of(url)
    author = obj.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    person = Person()
    if isinstance(author, dict):
        name, aurl = author.get("name"), author.get("url")
        person = Person(
            name=collapse(name) or None if isinstance(name, str) else None,
            url=aurl if isinstance(aurl, str) else None,
        )
    elif isinstance(author, str):
        person = Person(name=collapse(author) or None)
    date = obj.get("dateCreated") or obj.get("datePublished")
    return Comment(
        id=str(ident) if ident else None,
        parent_id=parent,
        depth=depth,
        url=url,
        author=person,
        published=date if isinstance(date, str) else None,
        text=text,
        html=html,
    )
