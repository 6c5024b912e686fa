"""Form boxes inside the chosen content, told by shape: a field to type into and few words.

A post's prose never holds a text field. A box around one is a sign-up call ("Get the
day's big stories ... I agree that ... can send me the newsletter"), a comment form with
its rules ("Please fill in the fields to write a comment"), a poll or a search. The junk
words catch such boxes when their class says so (``newsletter``, ``signup``, ``respond``);
a site whose class names say nothing (hashed CSS classes, another language) still puts an
``<input>`` or a ``<textarea>`` in them, and the ``<form>`` around it, when there is one,
leaves the box's heading and fine print behind when it goes alone.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml.html import HtmlElement

from ..dom._signals import text_of

__all__ = ["form_boxes"]

# a box around a field holds a heading, a line of pitch and fine print, not a story
_BOX_LONGEST = 600
# a paragraph of this length beside the field is prose: the box stops below it
_PROSE = 150
# fields nobody types into: hidden state, buttons (a "load more" or a player's control)
_NOT_TYPED = frozenset({"hidden", "submit", "button", "image", "reset", "range"})
# boxes one ticks: a consent box next to a sign-up has one or two, a list one ticks while
# reading it (a recipe's ingredients, a checklist) has one per item, and is content
_TICKED = frozenset({"checkbox", "radio"})
_TICKS = 3


def form_boxes(root: HtmlElement, too_big: Callable[[HtmlElement], bool]) -> list[HtmlElement]:
    """The boxes around the typed fields under ``root`` (the cleaned copy), outermost
    first per field: each field's widest ancestor below a chosen node that holds under
    ``_BOX_LONGEST`` characters, no paragraph of prose of its own outside the field's
    smaller box, and is not most of the content (``too_big``)."""
    found: list[HtmlElement] = []
    seen: set[HtmlElement] = set()
    for field in root.iter("input", "textarea"):
        if field.tag == "input" and (field.get("type") or "").lower() in _NOT_TYPED:
            continue
        if any(anc in seen for anc in field.iterancestors()):
            continue  # a second field of a box already found
        box = _box(field, root)
        if box is not None and _ticked_list(box):
            continue
        if box is not None and not too_big(box):
            seen.add(box)
            found.append(box)
    return found


def _box(field: HtmlElement, root: HtmlElement) -> HtmlElement | None:
    box: HtmlElement | None = None
    node = field.getparent()
    while node is not None and node is not root and node.getparent() is not root:
        if len(text_of(node)) > _BOX_LONGEST or _prose_beside(node, field if box is None else box):
            break
        box = node
        node = node.getparent()
    return box


def _prose_beside(node: HtmlElement, inner: HtmlElement) -> bool:
    """``node`` holds a paragraph of prose outside ``inner``: a story's text beside the box."""
    for p in node.iter("p"):
        if p is inner or any(anc is inner for anc in p.iterancestors()):
            continue
        if len(text_of(p)) >= _PROSE:
            return True
    return False


def _ticked_list(box: HtmlElement) -> bool:
    """``box`` holds only boxes to tick, ``_TICKS`` or more: a list with a tick per item."""
    ticks = 0
    for field in box.iter("input", "textarea"):
        kind = (field.get("type") or "").lower()
        if kind in _TICKED:
            ticks += 1
        elif field.tag == "textarea" or kind not in _NOT_TYPED:
            return False
    return ticks >= _TICKS
