"""Flat comment threads: Movable Type / TypePad templates without an item element.

An empty anchor named for each comment (``<a id="c65581830"></a>``) starts a run of
sibling paragraphs that ends with its "Posted by: NAME | DATE" line (``flat_runs``);
each run is read from a detached copy (``flat_items``).
"""

from __future__ import annotations

import copy
from collections import defaultdict

from lxml import html
from lxml.html import HtmlElement

from ..dom._page import Page
from ..dom._text import collapse, xml_safe
from ._bylines import BYLINE
from ._generic import excluded_memo
from ._markers import ITEM_ID, MIN_TEXT
from ._thread import excluded

__all__ = ["flat_items", "flat_runs"]


_RUN_STOP = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "form", "script", "noscript"})


def flat_runs(page: Page) -> list[list[HtmlElement]]:
    """The runs of a flat thread (see module doc), each the anchor and its siblings up to
    the next anchor, a heading or the comment form; [] when the page has none.

    Conservative: two or more empty comment-id anchors under one parent, and most runs
    signed by a "by/Posted by NAME, DATE" line.
    """
    return page.memo("comment-runs", lambda: _flat_runs(page))


def _flat_runs(page: Page) -> list[list[HtmlElement]]:
    index = page.index
    # most links have neither id nor name: the index says which do, without a get() per
    # link, and only those are read (ITEM_ID needs a letter: no regex for an empty one)
    marked = {el for els in index.by_id.values() for el in els}
    marked.update(index.with_attr("name"))
    named = []
    for el in index.by_tag("a"):
        if el not in marked:
            continue
        ident = el.get("id") or el.get("name")
        if ident and ITEM_ID.match(ident) and len(el) == 0 and not (el.text or "").strip():
            named.append(el)
    if len(named) < 2:
        return []
    by_parent: dict[HtmlElement, list[HtmlElement]] = defaultdict(list)
    for el in named:
        parent = el.getparent()
        if parent is not None:
            by_parent[parent].append(el)
    parent, markers = max(by_parent.items(), key=lambda kv: len(kv[1]))
    if len(markers) < 2 or excluded(parent, excluded_memo(page)):
        return []
    starts = set(markers)
    runs: list[list[HtmlElement]] = []
    for marker in markers:
        run = [marker]
        for sib in marker.itersiblings():
            if sib in starts:
                break
            if not isinstance(sib, HtmlElement) or not isinstance(sib.tag, str):
                continue
            if sib.tag in _RUN_STOP or sib.find(".//textarea") is not None:
                break
            run.append(sib)
        runs.append(run)
    signed = sum(1 for run in runs if any(_signature_line(el) for el in run[1:]))
    if signed * 2 <= len(runs):
        return []
    return [run for run in runs if sum(len(el.text_content().strip()) for el in run) >= MIN_TEXT]


def _signature_line(el: HtmlElement) -> bool:
    text = collapse(el.text_content())
    return 0 < len(text) <= 150 and BYLINE.match(text) is not None


def flat_items(page: Page) -> list[HtmlElement]:
    """One detached ``div`` per run of a flat thread (copies: the page is never changed)."""
    out: list[HtmlElement] = []
    for run in flat_runs(page):
        marker = run[0]
        item = html.Element("div")
        item.set("id", xml_safe(marker.get("id") or marker.get("name") or ""))
        item.text = marker.tail
        for el in run[1:]:
            item.append(copy.deepcopy(el))
        out.append(item)
    return out
