"""The thread as a tree, whatever ids and parent hints the page gave.

A page can repeat a comment id (a copied thread, a theme numbering per page), name a
comment as its own parent (``data-parent`` pointing at itself) or make two comments each
other's parent. Consumers join ``parent_id`` to ``id`` and walk by ``depth``, so the list
handed on always reads as a tree in thread order:

* a non-null ``id`` appears once (a repeat keeps its comment, loses the id: unknown);
* ``parent_id`` names an *earlier* comment (never itself, never a later one, so no cycle)
  and ``depth`` is that comment's depth plus one;
* without a parent id (its parent had no id to name it by) the depth the page showed is
  kept, read as an outline: at most one more than the comment before it (0 for the first);
* a ``parent_id`` that names no comment of the list (a reply whose parent sits on a comment
  page not captured) is kept, at the depth the page showed (at least 1).
"""

from __future__ import annotations

from dataclasses import replace

from ..._records import Comment

__all__ = ["as_tree"]


def as_tree(comments: tuple[Comment, ...]) -> tuple[Comment, ...]:
    """``comments`` with ids, parents and depths made to describe a tree (one pass)."""
    every = {c.id for c in comments if c.id is not None}
    depth_of: dict[str, int] = {}
    out: list[Comment] = []
    changed = False
    previous = -1
    for c in comments:
        cid = c.id if c.id is None or c.id not in depth_of else None
        parent, depth = c.parent_id, c.depth
        if parent is not None and (parent == c.id or (parent not in depth_of and parent in every)):
            parent = None  # itself, or a later comment: the hint is not a tree
        if parent is not None and parent in depth_of:
            depth = depth_of[parent] + 1
        elif parent is not None:
            depth = max(depth, 1)  # the parent is elsewhere: the page's depth stands
        else:
            depth = min(max(depth, 0), previous + 1)
        previous = depth
        if cid is not None:
            depth_of[cid] = depth
        if (cid, parent, depth) != (c.id, c.parent_id, c.depth):
            c = replace(c, id=cid, parent_id=parent, depth=depth)
            changed = True
        out.append(c)
    return tuple(out) if changed else comments
