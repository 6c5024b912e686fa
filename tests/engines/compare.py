"""Score exported records against what the engine itself holds (its database, through its API).

Truth never comes from our parser: the engine's own JSON (``truth.php`` for WordPress) says
which posts are published, under which permalink, with which comments and parents. A record
is compared field by field; the body by word F1 against the post's rendered content.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.html

__all__ = ["Score", "html_text", "same_url", "score", "word_f1"]

_WORD = re.compile(r"\w+", re.UNICODE)
POST_FIELDS = ("title", "author", "published", "categories", "tags")
COMMENT_FIELDS = ("parent_id", "author", "published", "text")


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figure",
           "div", "section", "br", "tr", "td", "th", "dt", "dd", "hr")  # fmt: skip


def html_text(html: str) -> str:
    """The words of rendered content. Blocks are kept apart (Ghost writes ``</h2><p>`` with
    no whitespace between) and figure captions left out, as ``body.text`` leaves them
    (they are ``images[].caption``)."""
    if not html.strip():
        return ""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    for bad in root.xpath("//script|//style|//figcaption"):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    return str(root.text_content())


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def word_f1(got: str, want: str) -> float:
    g, w = Counter(_words(got)), Counter(_words(want))
    if not g and not w:
        return 1.0
    common = sum((g & w).values())
    if not common:
        return 0.0
    p, r = common / sum(g.values()), common / sum(w.values())
    return 2 * p * r / (p + r)


def same_url(a: str, b: str) -> bool:
    """Equal as URLs: percent-escapes compared decoded (%e6 is %E6), nothing else relaxed."""
    return unquote(a) == unquote(b)


def _key(url: str) -> str:
    parts = urlsplit(url)
    return (
        unquote(f"{parts.scheme}://{parts.netloc}{parts.path}")
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def same_date(got: str | None, want: str | None) -> bool:
    """A record's date matches when it names the same instant, or the same local day/time at
    the precision the page gave (date-only or no offset is honest, not wrong). When the page
    shows no date (``want`` None: Mezzanine's "3 days ago"), the only right answer is none."""
    if want is None:
        return got is None
    if not got:
        return False
    w = datetime.fromisoformat(want)
    try:
        g = datetime.fromisoformat(got)
    except ValueError:
        return False
    if len(got) == 10:
        return date.fromisoformat(got) == w.date()
    if g.tzinfo is None:
        return g == w.replace(tzinfo=None, second=g.second if len(got) == 16 else w.second)
    return g == w


@dataclass
class Score:
    """One crawl's numbers against the truth, plus what went wrong, readable in a failure."""

    posts: int = 0
    posts_found_once: int = 0
    posts_right: int = 0
    comments: int = 0
    comments_found_once: int = 0
    comments_right: int = 0
    post_fields: int = 0
    post_fields_right: int = 0
    comment_fields: int = 0
    comment_fields_right: int = 0
    body_f1: list[float] = field(default_factory=list)
    stray_records: list[str] = field(default_factory=list)
    leaked: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unreached: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        pf = self.post_fields_right / self.post_fields if self.post_fields else 0.0
        cf = self.comment_fields_right / self.comment_fields if self.comment_fields else 0.0
        f1 = sum(self.body_f1) / len(self.body_f1) if self.body_f1 else 0.0
        comments = f"{cf:.1%}" if self.comment_fields else "n/a"
        return (
            f"| {name} | {self.posts_right} / {self.posts} | {self.posts_found_once} / {self.posts}"
            f" | {self.comments_right} / {self.comments} | post {pf:.1%}, comment {comments}"
            f" | {f1:.3f} | {len(self.stray_records)} | {len(self.unreached)} |"
        )


def _post_checks(rec: dict[str, Any], want: dict[str, Any]) -> dict[str, bool]:
    author = (rec.get("author") or {}).get("name")
    return {
        "title": (rec.get("title") or "") == want["title"],
        "author": author == want["author"],
        "published": same_date(rec.get("published"), want["published"]),
        "categories": sorted(rec.get("categories") or []) == sorted(want["categories"]),
        "tags": sorted(rec.get("tags") or []) == sorted(want["tags"]),
    }


def _comment_checks(got: dict[str, Any], want: dict[str, Any]) -> dict[str, bool]:
    return {
        "parent_id": got.get("parent_id") == want["parent_id"],
        "author": (got.get("author") or {}).get("name") == want["author"],
        "published": same_date(got.get("published"), want["published"]),
        "text": word_f1(got.get("text") or "", html_text(want["html"])) >= 0.95,
    }


def score(records: list[dict[str, Any]], truth: dict[str, Any]) -> Score:
    s = Score()
    by_url: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_url.setdefault(_key(rec["url"]), []).append(rec)
    permalinks = {_key(p["url"]) for p in truth["posts"]} | {_key(u) for u in truth["pages"]}
    s.stray_records = sorted(u for u in by_url if u not in permalinks)
    for rec in records:
        for c in rec.get("comments") or []:
            if "must never appear" in (c.get("text") or ""):
                s.leaked.append(f"{rec['url']}: {c.get('text')!r}")
    for want in truth["posts"]:
        s.posts += 1
        s.comments += len(want["comments"])
        found = by_url.get(_key(want["url"]), [])
        if len(found) != 1:
            s.problems.append(f"{want['url']}: {len(found)} records")
            continue
        s.posts_found_once += 1
        rec = found[0]
        checks = _post_checks(rec, want)
        s.post_fields += len(checks)
        s.post_fields_right += sum(checks.values())
        wrong = [f"{k}: got {_show(rec, k)!r} want {want[k]!r}" for k, ok in checks.items()
                 if not ok]  # fmt: skip
        f1 = 1.0
        if want["protected"] and rec.get("body") is not None:
            wrong.append("a protected post's body is unknown (null), not the password form")
        if not want["protected"]:
            f1 = word_f1((rec.get("body") or {}).get("text") or "", html_text(want["html"]))
            s.body_f1.append(f1)
            if f1 < 0.95:
                wrong.append(f"body F1 {f1:.3f}")
        comments_ok = _score_comments(s, rec, want)
        if wrong:
            s.problems.append(f"{want['url']}: " + "; ".join(wrong))
        if not wrong and comments_ok:
            s.posts_right += 1
    return s


def _show(rec: dict[str, Any], key: str) -> Any:
    if key == "author":
        return (rec.get("author") or {}).get("name")
    return rec.get(key)


def _score_comments(s: Score, rec: dict[str, Any], want: dict[str, Any]) -> bool:
    got_all = rec.get("comments") or []
    ids = Counter(str(c.get("id")) for c in got_all)
    got = {str(c.get("id")): c for c in got_all}
    ok = True
    want_ids = {c["id"] for c in want["comments"]}
    extra = [i for i in ids if i not in want_ids]
    if extra:
        ok = False
        s.problems.append(f"{want['url']}: comments not in WordPress: {extra[:5]}")
    for wc in want["comments"]:
        if ids.get(wc["id"]) != 1:
            ok = False
            s.problems.append(f"{want['url']}: comment {wc['id']} found {ids.get(wc['id'], 0)}x")
            continue
        s.comments_found_once += 1
        checks = _comment_checks(got[wc["id"]], wc)
        s.comment_fields += len(checks)
        s.comment_fields_right += sum(checks.values())
        if all(checks.values()):
            s.comments_right += 1
        else:
            ok = False
            bad = [k for k, v in checks.items() if not v]
            s.problems.append(f"{want['url']}: comment {wc['id']} wrong {bad}")
    return ok
