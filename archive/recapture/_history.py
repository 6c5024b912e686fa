"""What changed between captures of one post: comments added, removed and edited, field
changes and a word-level diff of the body.

Pure functions over ``Post`` records, so that history can be tested with literal values and
computed for any two versions, whoever stored them. Researchers study deletions, so a comment
that vanishes is never dropped from the history: it is reported as removed at the version
where it was last missing, and ``PostHistory.comments`` keeps every comment ever seen.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from scraper._records import Comment, Post

__all__ = [
    "CaptureChange",
    "CommentChange",
    "CommentLife",
    "Fetch",
    "FieldChange",
    "PostDiff",
    "PostHistory",
    "TextOp",
    "Version",
    "diff_posts",
    "diff_words",
    "history",
    "post_history",
]

#: Post fields compared one by one (the body and comments have their own diffs).
TRACKED_FIELDS = (
    "title",
    "author",
    "published",
    "modified",
    "categories",
    "tags",
    "comment_count",
    "read_more",
)
#: Comment fields whose change makes a comment "edited".
COMMENT_FIELDS = ("text", "html", "author")
#: Words of unchanged text kept on each side of a change in the body diff.
CONTEXT_WORDS = 5

OpTag = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new}


@dataclass(frozen=True, slots=True)
class CommentChange:
    """One comment added, removed or edited; ``fields`` names what an edit changed."""

    kind: Literal["added", "removed", "edited"]
    id: str | None
    author: str | None
    old_text: str | None
    new_text: str | None
    fields: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "author": self.author,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "fields": list(self.fields),
        }


@dataclass(frozen=True, slots=True)
class TextOp:
    """One step of a word diff; ``equal`` steps are shortened to context around changes."""

    op: OpTag
    old: str
    new: str

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "old": self.old, "new": self.new}


@dataclass(frozen=True, slots=True)
class PostDiff:
    fields: tuple[FieldChange, ...] = ()
    comments_added: tuple[CommentChange, ...] = ()
    comments_removed: tuple[CommentChange, ...] = ()
    comments_edited: tuple[CommentChange, ...] = ()
    body: tuple[TextOp, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(
            self.fields
            or self.comments_added
            or self.comments_removed
            or self.comments_edited
            or any(op.op != "equal" for op in self.body)
        )

    @property
    def body_changed(self) -> bool:
        return any(op.op != "equal" for op in self.body)

    def to_dict(self) -> dict[str, Any]:
        return {
            "changed": self.changed,
            "fields": [f.to_dict() for f in self.fields],
            "comments_added": [c.to_dict() for c in self.comments_added],
            "comments_removed": [c.to_dict() for c in self.comments_removed],
            "comments_edited": [c.to_dict() for c in self.comments_edited],
            "body": [op.to_dict() for op in self.body],
        }


@dataclass(frozen=True, slots=True)
class Version:
    """One stored version of a post: the crawl round it came from and when it was captured."""

    crawl_id: int
    captured_at: str
    post: Post


@dataclass(frozen=True, slots=True)
class CaptureChange:
    """The difference between two consecutive versions of a post."""

    crawl_id: int
    captured_at: str
    previous_crawl_id: int
    previous_captured_at: str
    diff: PostDiff

    def to_dict(self) -> dict[str, Any]:
        return {
            "crawl_id": self.crawl_id,
            "captured_at": self.captured_at,
            "previous_crawl_id": self.previous_crawl_id,
            "previous_captured_at": self.previous_captured_at,
            **self.diff.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class CommentLife:
    """A comment across versions; ``removed_at`` is when it vanished (``None``: still there)."""

    id: str | None
    author: str | None
    text: str
    first_seen: str
    last_seen: str
    removed_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "author": self.author,
            "text": self.text,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "removed_at": self.removed_at,
        }


@dataclass(frozen=True, slots=True)
class Fetch:
    """One stored fetch of the post's URL: a full response or a revisit (unchanged)."""

    crawl_id: int
    fetched_at: str
    record_type: str  # "response" | "revisit"
    status: int | None

    @property
    def label(self) -> str:
        if self.record_type != "revisit":
            return f"{self.record_type} {self.status}"
        return "revisit: not modified (304)" if self.status == 304 else "revisit: identical"

    def to_dict(self) -> dict[str, Any]:
        return {
            "crawl_id": self.crawl_id,
            "fetched_at": self.fetched_at,
            "record_type": self.record_type,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class PostHistory:
    """``captures`` are the versions (rounds with a parse); ``fetches`` every stored fetch of
    the post URL, revisits of unchanged pages included."""

    url: str
    captures: tuple[tuple[int, str], ...]
    changes: tuple[CaptureChange, ...]
    comments: tuple[CommentLife, ...]
    fetches: tuple[Fetch, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "captures": [{"crawl_id": c, "captured_at": at} for c, at in self.captures],
            "fetches": [f.to_dict() for f in self.fetches],
            "changes": [c.to_dict() for c in self.changes],
            "comments": [c.to_dict() for c in self.comments],
        }


class VersionSource(Protocol):
    """What ``post_history`` needs from an archive (``archive.Archive`` provides it)."""

    def post_versions(self, url: str) -> list[tuple[int, str, Post]]: ...


def comment_key(c: Comment) -> str:
    """The identity of a comment across captures: its id, else author + date + text start.

    Comments without an id (some generic pages) would otherwise all look removed and added
    again at every capture.
    """
    if c.id is not None:
        return f"id:{c.id}"
    return f"anon:{c.author.name}|{c.published}|{c.text[:80]}"


def _plain(value: Any) -> Any:
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, tuple):
        return list(value)
    return value


def _comment_change(kind: Literal["added", "removed"], c: Comment) -> CommentChange:
    text = c.text
    return CommentChange(
        kind=kind,
        id=c.id,
        author=c.author.name,
        old_text=text if kind == "removed" else None,
        new_text=text if kind == "added" else None,
    )


def diff_comments(
    old: Sequence[Comment], new: Sequence[Comment]
) -> tuple[tuple[CommentChange, ...], tuple[CommentChange, ...], tuple[CommentChange, ...]]:
    """(added, removed, edited) between two threads, matched by comment id, in thread order."""
    before = {comment_key(c): c for c in old}
    after = {comment_key(c): c for c in new}
    added = tuple(_comment_change("added", c) for k, c in after.items() if k not in before)
    removed = tuple(_comment_change("removed", c) for k, c in before.items() if k not in after)
    edited = []
    for key, c in after.items():
        prev = before.get(key)
        if prev is None:
            continue
        fields = tuple(f for f in COMMENT_FIELDS if getattr(prev, f) != getattr(c, f))
        if fields:
            edited.append(CommentChange("edited", c.id, c.author.name, prev.text, c.text, fields))
    return added, removed, tuple(edited)


def diff_words(old: str, new: str, context: int = CONTEXT_WORDS) -> tuple[TextOp, ...]:
    """A word-level diff; unchanged runs keep ``context`` words each side, the rest is "…"."""
    a, b = old.split(), new.split()
    if a == b:
        return ()
    ops: list[TextOp] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    codes = matcher.get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal":
            words = a[i1:i2]
            first, last = n == 0, n == len(codes) - 1
            head = [] if first else words[:context]
            tail = [] if last else words[-context:]
            if len(words) > len(head) + len(tail):
                text = " ".join([*head, "…", *tail])
            else:
                text = " ".join(words)
            ops.append(TextOp("equal", text, text))
        else:
            ops.append(TextOp(tag, " ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return tuple(ops)


def diff_posts(old: Post, new: Post) -> PostDiff:
    """Everything a reader would notice changed between two versions of a post."""
    fields = tuple(
        FieldChange(name, _plain(getattr(old, name)), _plain(getattr(new, name)))
        for name in TRACKED_FIELDS
        if getattr(old, name) != getattr(new, name)
    )
    added, removed, edited = diff_comments(old.comments, new.comments)
    old_text = old.body.text if old.body else ""
    new_text = new.body.text if new.body else ""
    return PostDiff(fields, added, removed, edited, diff_words(old_text, new_text))


def _versions(items: Iterable[Version | tuple[int, str, Post]]) -> list[Version]:
    return [v if isinstance(v, Version) else Version(*v) for v in items]


def history(versions: Iterable[Version | tuple[int, str, Post]]) -> list[CaptureChange]:
    """The change between each pair of consecutive versions (oldest first)."""
    vs = _versions(versions)
    return [
        CaptureChange(
            b.crawl_id, b.captured_at, a.crawl_id, a.captured_at, diff_posts(a.post, b.post)
        )
        for a, b in itertools.pairwise(vs)
    ]


def comment_lives(versions: Iterable[Version | tuple[int, str, Post]]) -> list[CommentLife]:
    """Every comment ever seen, with when it appeared and when (if ever) it vanished."""
    lives: dict[str, CommentLife] = {}
    for v in _versions(versions):
        present = set()
        for c in v.post.comments:
            key = comment_key(c)
            present.add(key)
            prev = lives.get(key)
            first = prev.first_seen if prev else v.captured_at
            lives[key] = CommentLife(c.id, c.author.name, c.text, first, v.captured_at)
        for key, life in lives.items():
            if key not in present and life.removed_at is None:
                lives[key] = CommentLife(
                    life.id, life.author, life.text, life.first_seen, life.last_seen, v.captured_at
                )
    return list(lives.values())


def build_history(
    url: str,
    versions: Iterable[Version | tuple[int, str, Post]],
    fetches: Iterable[Fetch] = (),
) -> PostHistory:
    vs = _versions(versions)
    return PostHistory(
        url=url,
        captures=tuple((v.crawl_id, v.captured_at) for v in vs),
        changes=tuple(history(vs)),
        comments=tuple(comment_lives(vs)),
        fetches=tuple(fetches),
    )


def post_history(archive: VersionSource, url: str) -> PostHistory:
    """The captures of one post and what changed between consecutive ones.

    When the archive can list its captures (``archive.Archive.captures``), the fetches of the
    post URL are included, so rounds that found the post unchanged show too.
    """
    rows = getattr(archive, "captures", None)
    fetches = (
        [Fetch(r.crawl_id, r.fetched_at, r.record_type, r.status) for r in rows(url)]
        if callable(rows)
        else []
    )
    return build_history(url, archive.post_versions(url), fetches)
