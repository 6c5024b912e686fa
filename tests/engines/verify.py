"""Is a record TRUE? Every field checked against what WordPress itself holds.

The saved real-engine fixtures keep a record only when this finds nothing wrong: their
expected records are WordPress's truth, not whatever our parser printed that day.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

import lxml.html

from .compare import _words, html_text, same_date, same_url

__all__ = ["truth_links", "verify_record"]


def _absolute_links(html: str, tag: str, attr: str) -> list[str]:
    if not html.strip():
        return []
    root = lxml.html.fromstring(f"<div>{html}</div>")
    out: list[str] = []
    for el in root.iter(tag):
        value = (el.get(attr) or "").strip()
        if not value or value.startswith(("#", "mailto:", "javascript:")):
            continue
        parts = urlsplit(value)
        url = urlunsplit(parts._replace(fragment=""))
        if url not in out:
            out.append(url)
    return out


def truth_links(html: str) -> list[str]:
    return _absolute_links(html, "a", "href")


def _blockquotes(html: str) -> list[str]:
    if not html.strip():
        return []
    root = lxml.html.fromstring(f"<div>{html}</div>")
    out = []
    for bq in root.iter("blockquote"):
        if any(a.tag == "blockquote" for a in bq.iterancestors()):
            continue
        for cite in bq.iter("cite", "footer"):
            cite.drop_tree()
        out.append(" ".join(_words(str(bq.text_content()))))
    return out


def _same_comment(a: str, b: str) -> bool:
    """Links to the same comment: same post, same #comment-N. WordPress links a comment
    through its comment page (``comment-page-2/#comment-9``) or, in the thread shown at
    the plain URL, through the plain URL (``#comment-9``): both are its permalink."""
    from scraper._urls import comment_page_post

    def key(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        plain = urlunsplit(parts._replace(fragment=""))
        return comment_page_post(plain) or plain, parts.fragment

    ka, kb = key(a), key(b)
    return same_url(ka[0], kb[0]) and ka[1] == kb[1]


def _depths(comments: list[dict[str, Any]]) -> dict[str, int]:
    parent = {c["id"]: c["parent_id"] for c in comments}
    out: dict[str, int] = {}
    for cid in parent:
        depth, cur = 0, parent[cid]
        while cur is not None and cur in parent:
            depth, cur = depth + 1, parent[cur]
        out[cid] = depth
    # the depth a page shows where the parent is no comment of the record (Mezzanine nests
    # the replies of a removed comment under its placeholder), when the truth gives it
    out.update({c["id"]: c["depth"] for c in comments if "depth" in c})
    return out


def verify_record(rec: dict[str, Any], want: dict[str, Any], truth: dict[str, Any]) -> list[str]:
    """What in ``rec`` disagrees with WordPress's ``want`` (one post of ``truth.php``)."""
    bad: list[str] = []

    def check(name: str, ok: bool, got: Any) -> None:
        if not ok:
            bad.append(f"{name}: {got!r}")

    check("url", same_url(rec["url"], want["url"]), rec["url"])
    check("title", rec["title"] == want["title"], rec["title"])
    check("author", (rec["author"] or {}).get("name") == want["author"], rec["author"])
    check("published", same_date(rec["published"], want["published"]), rec["published"])
    modified = rec["modified"]
    check("modified", modified is None or same_date(modified, want["modified"]), modified)
    check("categories", sorted(rec["categories"]) == sorted(want["categories"]), rec["categories"])
    check("tags", sorted(rec["tags"]) == sorted(want["tags"]), rec["tags"])
    check("site.name", rec["site"]["name"] == truth["site"]["name"], rec["site"])
    check("language", rec["language"] in (None, truth["language"]), rec["language"])
    check("read_more", rec["read_more"] is None, rec["read_more"])
    body = rec["body"]
    if want["protected"]:
        check("body", body is None, body)
    else:
        text = (body or {}).get("text") or ""
        check("body.text", _words(text) == _words(html_text(want["html"])), text[:200])
        links = [x["url"] for x in rec["links"]]
        check("links", links == truth_links(want["html"]), links)
        images = [x["url"] for x in rec["images"]]
        check("images", images == _absolute_links(want["html"], "img", "src"), images)
        quotes = [" ".join(_words(q["text"])) for q in rec["quotes"]]
        check("quotes", quotes == _blockquotes(want["html"]), quotes)
    count = rec["comment_count"]
    check("comment_count", count in (None, want["comments_number"]), count)
    _verify_comments(rec, want, check)
    return bad


def _verify_comments(rec: dict[str, Any], want: dict[str, Any], check: Any) -> None:
    got = rec["comments"]
    expected = {c["id"]: c for c in want["comments"]}
    check("comment ids", sorted(c["id"] for c in got) == sorted(expected), [c["id"] for c in got])
    depths = _depths(want["comments"])
    seen: set[str | None] = {None}
    for c in got:
        w = expected.get(c["id"])
        if w is None:
            continue
        cid = c["id"]
        check(f"comment {cid} parent", c["parent_id"] == w["parent_id"], c["parent_id"])
        check(f"comment {cid} order", c["parent_id"] in seen, "a reply before its parent")
        seen.add(cid)
        check(f"comment {cid} depth", c["depth"] == depths[cid], c["depth"])
        check(f"comment {cid} author", c["author"]["name"] == w["author"], c["author"])
        check(f"comment {cid} published", same_date(c["published"], w["published"]), c)
        check(
            f"comment {cid} text",
            _words(c["text"]) == _words(html_text(w["html"])),
            c["text"][:120],
        )
        check(f"comment {cid} url", c["url"] is None or _same_comment(c["url"], w["url"]), c["url"])
        check(
            f"comment {cid} is_post_author",
            c["is_post_author"] in (None, w["is_post_author"]),
            c["is_post_author"],
        )
