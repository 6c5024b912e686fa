"""What every Post record promises whatever page it came from, as one checker.

The fuzz test asserts these on hostile pages and the fuzz benchmark counts them; they are
the README's promises: valid against the schema, a comment thread that is a tree, no
active content in the HTML other tools render, only http(s) in URL fields.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from .._schema import validate_post
from ..parse._guard import url_like

__all__ = ["record_problems", "thread_problems", "url_fields"]

_URL_OK = re.compile(r"(?:https?://|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\x00-\x1f\x7f]*\Z", re.I)
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")


def url_fields(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, url) for every URL field of the record that holds a value."""
    out: list[tuple[str, str | None]] = [("read_more", (record.get("read_more") or {}).get("url"))]
    out += [(f"links[{i}]", x.get("url")) for i, x in enumerate(record.get("links") or [])]
    out += [(f"images[{i}]", x.get("url")) for i, x in enumerate(record.get("images") or [])]
    out += [(f"quotes[{i}].cite", q.get("cite")) for i, q in enumerate(record.get("quotes") or [])]
    out += [(f"authors[{i}].url", a.get("url")) for i, a in enumerate(record.get("authors") or [])]
    out.append(("author.url", (record.get("author") or {}).get("url")))
    out.append(("site.url", (record.get("site") or {}).get("url")))
    for i, c in enumerate(record.get("comments") or []):
        out.append((f"comments[{i}].url", c.get("url")))
        out.append((f"comments[{i}].author.url", (c.get("author") or {}).get("url")))
        quotes = enumerate(c.get("quotes") or [])
        out += [(f"comments[{i}].quotes[{j}].cite", q.get("cite")) for j, q in quotes]
    return [(where, url) for where, url in out if url is not None]


def thread_problems(comments: list[dict[str, Any]]) -> list[str]:
    """Ids unique; a parent is an earlier comment (never itself, so no cycle) one level up;
    without a parent id, depths read as an outline (0 first, at most one deeper than the
    comment before); a parent id naming no comment of the list (on a comment page not
    captured) keeps the page's depth."""
    problems: list[str] = []
    depth_of: dict[str, int] = {}
    previous = -1
    for i, c in enumerate(comments):
        cid, parent = c.get("id"), c.get("parent_id")
        raw_depth = c.get("depth")
        depth = raw_depth if isinstance(raw_depth, int) else -1
        if parent is None and depth > previous + 1:
            problems.append(f"comments[{i}]: depth {depth} after a comment at {previous}")
        previous = depth
        if parent is not None and parent == cid:
            problems.append(f"comments[{i}]: its own parent ({cid})")
        elif parent is not None and parent in depth_of and depth != depth_of[parent] + 1:
            problems.append(f"comments[{i}]: depth {depth} under a parent at {depth_of[parent]}")
        if cid is not None:
            if cid in depth_of:
                problems.append(f"comments[{i}]: duplicate id {cid}")
            depth_of[cid] = depth
    for i, c in enumerate(comments):
        parent = c.get("parent_id")
        earlier = {x.get("id") for x in comments[:i]}
        if (
            parent is not None
            and parent not in earlier
            and any(x.get("id") == parent for x in comments[i:])
        ):
            problems.append(f"comments[{i}]: parent {parent} comes after it (a cycle or disorder)")
    return problems


def _active(fragment: str) -> str | None:
    if not fragment:
        return None
    low = fragment.lower()
    if "<script" in low or "<iframe" in low or "<object" in low or "<embed" in low:
        return "an active element"
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # an empty or unparsable fragment carries no element to run
        return None
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                return f"an {name} attribute"
            v = re.sub(r"[\x00-\x20]+", "", value).lower()
            if v.startswith(_BAD_SCHEMES) and name.lower() in ("href", "src", "cite", "action"):
                return f"a {v.split(':')[0]}: URL in {name}"
    return None


def record_problems(record: dict[str, Any]) -> list[str]:
    """Every broken promise of one record (``Post.to_dict()``), as readable strings."""
    problems = validate_post(record)
    problems += thread_problems(record.get("comments") or [])
    body = record.get("body") or {}
    if (why := _active(body.get("html") or "")) is not None:
        problems.append(f"body.html: {why}")
    for i, c in enumerate(record.get("comments") or []):
        if (why := _active(c.get("html") or "")) is not None:
            problems.append(f"comments[{i}].html: {why}")
    for where, url in url_fields(record):
        if where.endswith(".cite") and not url_like(url):
            continue  # a cite naming who said it ("Source: Reuters") is no URL
        if not _URL_OK.match(url):
            problems.append(f"{where}: not an http(s) URL: {url[:80]!r}")
    return problems
