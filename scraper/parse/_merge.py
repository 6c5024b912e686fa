"""Join the pages of one post: its comment pages, and the pages of a ``<!--nextpage-->`` post."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .._records import Body, Comment, Post
from .._urls import post_page_number
from ._guard import guard_post

__all__ = ["merge_comment_pages", "merge_pages"]


def merge_comment_pages(pages: Sequence[Post]) -> Post:
    """One record from the parses of a post's comment pages, comments in thread order.

    The first page with a body gives the post's fields (WordPress shows the post on every
    comment page). Comments are deduplicated by id; a thread split across pages is rebuilt
    by placing each reply right after its parent's subtree, so the result reads in thread
    order whatever order the pages were fetched in (WordPress often shows the *newest*
    comment page at the plain URL).
    """
    if not pages:
        raise ValueError("no pages to merge")
    base = next((p for p in pages if p.body is not None), pages[0])
    seen: dict[str, Comment] = {}
    anonymous: list[Comment] = []
    for page in pages:
        for c in page.comments:
            if c.id is None:
                anonymous.append(c)
            elif c.id not in seen:
                seen[c.id] = c
    ordered = _thread_order(list(seen.values())) + anonymous
    counts = [p.comment_count for p in pages if p.comment_count is not None]
    merged = dataclasses.replace(
        base, comments=tuple(ordered), comment_count=max(counts) if counts else None
    )
    return guard_post(merged)


def merge_pages(pages: Sequence[tuple[str | None, Post]], post_url: str | None = None) -> Post:
    """One record from every page of a post, each given with the URL it was read from.

    The pages of a post split with ``<!--nextpage-->`` (WordPress's "Pages: 1 2 3",
    ``.../slug/2/``) are joined in page order: body, quotes, links, images, and the first
    "read more". The comments of every page (comment pages included) are merged as
    ``merge_comment_pages`` does. ``post_url`` is the post's own URL; by default the first
    page's, which is the order a crawler fetches them in.
    """
    if not pages:
        raise ValueError("no pages to merge")
    post_url = post_url or pages[0][0]
    numbered: dict[int, Post] = {}
    for url, post in pages:
        n = post_page_number(url, post_url) if url and post_url else None
        if n is not None:
            numbered.setdefault(n, post)
    first = numbered.get(1)
    ordered = [post for _, post in pages]
    if first is not None:  # the post's own page gives the fields
        ordered.remove(first)
        ordered.insert(0, first)
    merged = merge_comment_pages(ordered)
    if len(numbered) < 2 or first is None:
        return merged
    parts = [numbered[n] for n in sorted(numbered)]
    bodies = [p.body for p in parts if p.body is not None]
    body = (
        Body(
            text="\n\n".join(b.text for b in bodies if b.text),
            html="\n".join(b.html for b in bodies if b.html),
        )
        if bodies
        else None
    )
    return dataclasses.replace(
        merged,
        body=body,
        quotes=tuple(dict.fromkeys(q for p in parts for q in p.quotes)),
        links=tuple(dict.fromkeys(x for p in parts for x in p.links)),
        images=tuple(dict.fromkeys(i for p in parts for i in p.images)),
        read_more=next((p.read_more for p in parts if p.read_more is not None), None),
    )


def _sort_key(c: Comment) -> tuple[str, int, str]:
    # Published time orders siblings across pages; numeric ids break ties (WordPress ids
    # grow with time), then the id itself for stability.
    num = int(c.id) if c.id and c.id.isdigit() else 0
    return (c.published or "", num, c.id or "")


def _thread_order(comments: list[Comment]) -> list[Comment]:
    by_id = {c.id: c for c in comments}
    children: dict[str | None, list[Comment]] = {}
    for c in comments:
        parent = c.parent_id if c.parent_id in by_id else None
        children.setdefault(parent, []).append(c)
    for sibs in children.values():
        sibs.sort(key=_sort_key)
    out: list[Comment] = []
    stack: list[tuple[Comment, int]] = [(c, 0) for c in reversed(children.get(None, []))]
    placed: set[str | None] = set()
    while stack or len(out) < len(comments):
        if not stack:
            # What the walk from the roots never reached is a cycle of parent hints across
            # pages (A names B, B names A): kept, its first comment made a root.
            rest = next(x for x in comments if x.id not in placed)
            stack.append((dataclasses.replace(rest, parent_id=None), 0))
        c, depth = stack.pop()
        if c.id in placed:
            continue
        placed.add(c.id)
        parent_ok = c.parent_id in by_id
        fixed = c if (c.depth == depth or not parent_ok) else dataclasses.replace(c, depth=depth)
        out.append(fixed)
        for child in reversed(children.get(c.id, [])):
            stack.append((child, depth + 1))
    return out
