"""A post's comments as the tree the page showed, for templates that nest lists.

The record keeps the thread flat, in page order, with ``parent_id`` and ``depth``. Nesting by
``depth`` against a stack of open ancestors rebuilds the page's tree even where a parent id
is unknown (``null`` is never guessed into a link), and a comment whose depth jumps by more
than one level still lands under the nearest open ancestor rather than being lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scraper import Comment

__all__ = ["Node", "nest"]


@dataclass(frozen=True, slots=True)
class Node:
    comment: Comment
    children: tuple[Node, ...]
    anchor: str  # the id attribute of the comment's element on our page


def nest(comments: Sequence[Comment]) -> tuple[Node, ...]:
    """Top-level nodes, each with its replies, in page order."""
    kids: list[list[int]] = [[] for _ in comments]
    roots: list[int] = []
    stack: list[int] = []  # indexes of open ancestors, shallowest first
    for i, c in enumerate(comments):
        while stack and comments[stack[-1]].depth >= c.depth:
            stack.pop()
        (kids[stack[-1]] if stack else roots).append(i)
        stack.append(i)

    def build(i: int) -> Node:
        c = comments[i]
        anchor = f"c-{c.id}" if c.id is not None else f"c-n{i + 1}"
        return Node(c, tuple(build(k) for k in kids[i]), anchor)

    return tuple(build(i) for i in roots)
