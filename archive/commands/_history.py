"""``blog-archiver history DIR URL [--json]``: the captures of a post and what changed."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..recapture._history import CaptureChange, PostHistory, post_history


def register(sub: Any) -> None:
    p = sub.add_parser("history", help="captures of a post and what changed between them")
    p.add_argument("archive", metavar="DIR", help="the archive folder")
    p.add_argument("url", help="the post URL (as exported)")
    p.add_argument("--json", action="store_true", help="the history as JSON")
    p.set_defaults(func=run)


def _short(text: str | None, width: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _change_lines(change: CaptureChange) -> list[str]:
    d = change.diff
    lines = [f"crawl {change.crawl_id}  {change.captured_at}"]
    if not d.changed:
        return [*lines, "  unchanged"]
    for f in d.fields:
        lines.append(f"  {f.field}: {_short(json.dumps(f.old))} -> {_short(json.dumps(f.new))}")
    for c in d.comments_added:
        lines.append(f"  + comment {c.id} by {c.author}: {_short(c.new_text)}")
    for c in d.comments_removed:
        lines.append(f"  - comment {c.id} by {c.author} REMOVED: {_short(c.old_text)}")
    for c in d.comments_edited:
        lines.append(f"  ~ comment {c.id} by {c.author} edited ({', '.join(c.fields)})")
        lines.append(f"      was: {_short(c.old_text)}")
        lines.append(f"      now: {_short(c.new_text)}")
    if d.body_changed:
        lines.append("  body:")
        for op in d.body:
            if op.op == "equal":
                lines.append(f"      {_short(op.old)}")
            if op.op in ("delete", "replace"):
                lines.append(f"    - {_short(op.old)}")
            if op.op in ("insert", "replace"):
                lines.append(f"    + {_short(op.new)}")
    return lines


def render_text(h: PostHistory) -> str:
    """The history as a reader would want it in a terminal."""
    out = [h.url, f"{len(h.fetches)} fetches, {len(h.captures)} versions"]
    for f in h.fetches:
        out.append(f"  crawl {f.crawl_id}  {f.fetched_at}  {f.label}")
    if h.captures:
        crawl_id, at = h.captures[0]
        out.append(f"crawl {crawl_id}  {at}  first version")
    for change in h.changes:
        out.extend(_change_lines(change))
    removed = [c for c in h.comments if c.removed_at]
    if removed:
        out.append(f"{len(removed)} comments removed over time:")
        for c in removed:
            out.append(f"  {c.id} by {c.author} (removed at {c.removed_at}): {_short(c.text)}")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from .._store import Archive

    with Archive.open(args.archive, readonly=True) as archive:
        h = post_history(archive, args.url)
        first = min((c for c, _at in h.captures), default=None)
        failed = [r for r in archive.failed_rounds() if first is not None and r[0] > first]
    if not h.captures:
        print(f"blog-archiver: error: no captures of {args.url} in {args.archive}", file=sys.stderr)
        return 1
    if args.json:
        data = h.to_dict()
        data["failed_rounds"] = [
            {"crawl_id": c, "started_at": at, "error": why} for c, at, why in failed
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(render_text(h))
        for crawl_id, at, why in failed:
            print(f"crawl {crawl_id}  {at}  ROUND FAILED, post not re-captured: {why}")
    return 0
