"""Comment lists that only a heading names: no id or class speaks of comments, the
boxes carry no comment ids, and yet the page titles its thread "COMMENTS", "12 Responses"
or "Kommentare" as readers see it (hand-made and old news CMS templates). Asked only when
the hinted areas and numbered ids found nothing: the heading's words stand in for the
area's hint, and the boxes after it must still pass the generic group test."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from lxml.html import HtmlElement

from ..dom._page import Page
from ..dom._signals import text_of
from ..dom._text import collapse
from ._markers import ITEM_TAGS, Sig, signature

__all__ = ["HEADING_TAGS", "headed_groups"]

_WORDS = (
    r"comments?|responses?|repl(?:y|ies)|reader\s+comments|user\s+comments|"
    r"kommentare?|commentaires?|comentarios?|commenti|coment[aá]rios|reacties|reakcje"
)
# the whole heading: "Comments", "COMMENTS (4)", "4 Comments", "Reader comments:",
# "12 Responses to “Title”", "One thought on “Title”"
_HEADING = re.compile(
    rf"^(?:(?:\d+|one|no)\s+)?(?:{_WORDS}|thoughts?)"
    r"(?:\s*[(\[]\d+[)\]])?\s*:?(?:\s+(?:on|to)\s.*)?$",
    re.I,
)
_HEADING_MAX = 160  # characters: "12 Responses to" and a post title, not a paragraph
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# (the list's element, its items, whether the heading counts one comment)
Group = tuple[HtmlElement, list[HtmlElement], bool]
# "1 Comment", "One Response to ...", "Comments (1)": a thread of one box
_ONE = re.compile(r"^(?:1|one)\s|[(\[]1[)\]]", re.I)


def headed_groups(page: Page) -> Iterator[Group]:
    """Groups of same-kind boxes after each comments heading: its following siblings
    (the boxes stand beside the heading), and the children of each following sibling
    (the heading stands above a list). The first element of a pair is the element to
    search for nested replies; for siblings, only the members themselves count. The
    third says the heading counts one comment ("1 Comment"): a lone box may be it."""
    index = page.index
    headings = [h for tag in HEADING_TAGS for h in index.by_tag(tag)]
    headings.sort(key=index.position.__getitem__)
    for h in headings:
        text = collapse(text_of(h))
        if not 2 <= len(text) <= _HEADING_MAX or not _HEADING.match(text):
            continue
        start = h  # a heading in its own wrapper (div.title > h3): the wrapper's siblings
        while (p := start.getparent()) is not None and p.tag not in ("body", "html"):
            if sum(1 for c in p if isinstance(c.tag, str)) != 1:
                break
            start = p
        after = [s for s in start.itersiblings() if isinstance(s, HtmlElement)]
        parent = start.getparent()
        one = _ONE.search(text) is not None
        if parent is not None:
            yield from ((parent, g, one) for g in _by_kind(after))
        for box in after:
            if box.tag in ITEM_TAGS and len(box):
                yield from ((box, g, one) for g in _by_kind(list(box)))


def _by_kind(elements: list[HtmlElement]) -> list[list[HtmlElement]]:
    groups: dict[Sig, list[HtmlElement]] = defaultdict(list)
    for el in elements:
        if isinstance(el, HtmlElement) and el.tag in ITEM_TAGS:
            groups[signature(el)].append(el)
    return list(groups.values())
