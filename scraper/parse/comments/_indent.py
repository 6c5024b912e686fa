"""Threads drawn by indentation alone: LiveJournal's comment pages (and many forum and
guestbook scripts of the 2000s) print every comment as a sibling box and show a reply by
its inline ``margin-left`` (``<div id="ljcmt102" style="margin-left: 25px">``). Nothing
nests, so the tree is read from the indents: a comment replies to the nearest comment
above it that is indented less."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

__all__ = ["indent_parents"]

_INDENT = re.compile(r"(?:margin|padding)-left\s*:\s*(\d+(?:\.\d+)?)\s*(?:px|em|pt)?", re.I)


def indent_parents(items: list[HtmlElement]) -> list[int | None] | None:
    """The index of each item's parent among ``items`` (document order), or ``None``
    when the items do not all carry an inline left indent, or all the same one, or the
    first is not the least indented (then the indents are layout, not a thread)."""
    indents: list[float] = []
    for el in items:
        m = _INDENT.search(el.get("style") or "")
        if m is None:
            return None
        indents.append(float(m.group(1)))
    if len(set(indents)) < 2 or indents[0] != min(indents):
        return None
    stack: list[tuple[float, int]] = []
    parents: list[int | None] = []
    for i, x in enumerate(indents):
        while stack and stack[-1][0] >= x:
            stack.pop()
        parents.append(stack[-1][1] if stack else None)
        stack.append((x, i))
    return parents
