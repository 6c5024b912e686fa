"""Link lists introduced by a visible label: "Tags: a, b", "Рубрика: В мире", "标签：朝鲜 3G".

Themes without ``rel=tag`` or telling classes still write the label before the links; the
label says which list it is. Only labels that end their text run count ("Tags:" followed
by links), so prose that mentions the word is not mistaken for a list.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from ..dom._text import collapse

__all__ = ["labelled_links"]

_TAG_LABELS = (
    "tags|tagged|tagged with|labels|schlagwörter|schlagworte|stichwörter|étiquettes|mots-clés|"
    "etiquetas|etichette|tag|метки|теги|теги статьи|etiketler|avainsanat|štítky|标签|標籤|关键词"
)
_CATEGORY_LABELS = (
    "categories|category|filed under|posted in|kategorie|kategorien|rubrik|rubrique|catégorie|"
    "catégories|categoría|categorías|categoria|categorie|рубрика|рубрики|категория|kategori|"
    "kategoria|luokka|kategorie|分类|分類|栏目"
)
_LABEL = re.compile(
    rf"(?:^|[\s|·•])(?:(?P<tags>{_TAG_LABELS})|(?P<cats>{_CATEGORY_LABELS}))\s*[:：]?\s*$",
    re.IGNORECASE,
)
_SEPARATORS = frozenset(",;|·•/&")
_LAST = frozenset(w.split()[-1] for w in f"{_TAG_LABELS}|{_CATEGORY_LABELS}".split("|"))


_NOT_PARENT = frozenset({"script", "style", "a"})


def labelled_links(root: HtmlElement, limit: int = 5000) -> dict[str, list[str]]:
    """``{"tags": [...], "categories": [...]}`` from the first labelled list of each kind.

    The text runs of each element in document order (its text, links from child 0, then
    each child's tail) are read in one pass over the nodes: a node's tail is a run of its
    parent. The few runs that end in a label are then taken in the order a walk over the
    parents would meet them; a subtree of more than ``limit`` nodes is read by that walk.
    """
    runs: list[tuple[HtmlElement, int, str]] = []  # (parent, index of the run, kind)
    nodes = root.iter()
    next(nodes)  # the root: its text is a run, its own tail is none of the subtree's
    text = root.text
    if text and not text.isspace() and isinstance(root.tag, str) and root.tag not in _NOT_PARENT:
        kind = _label_kind(text)
        if kind:
            runs.append((root, 0, kind))
    # the next ``limit`` nodes; ``_label_kind`` refuses a run over 200 characters (a
    # script's, a paragraph's: many), tested here before the call
    for node in islice(nodes, limit):
        text = node.text
        if text and len(text) <= 200 and not text.isspace():
            tag = node.tag
            if isinstance(tag, str) and tag not in _NOT_PARENT:
                kind = _label_kind(text)
                if kind:
                    runs.append((node, 0, kind))
        text = node.tail
        if text and len(text) <= 200 and not text.isspace():
            kind = _label_kind(text)
            if kind:
                parent = node.getparent()
                if parent is not None and parent.tag not in _NOT_PARENT:
                    runs.append((parent, parent.index(node) + 1, kind))
    if next(nodes, None) is not None:  # more than ``limit`` nodes below the root
        return _walk_parents(root, limit)
    if len(runs) > 1:
        order = {node: i for i, node in enumerate(root.iter())}
        runs.sort(key=lambda run: (order[run[0]], run[1]))
    found: dict[str, list[str]] = {}
    for parent, start, kind in runs:
        if kind not in found:
            _record(found, kind, parent, start)
    return found


def _walk_parents(root: HtmlElement, limit: int) -> dict[str, list[str]]:
    """``labelled_links`` by a walk over the first ``limit`` parents (a huge subtree)."""
    found: dict[str, list[str]] = {}
    for count, parent in enumerate(root.iter()):
        if count > limit or len(found) == 2:
            break
        if not isinstance(parent.tag, str) or parent.tag in ("script", "style", "a"):
            continue
        # the text runs of ``parent``: its text (links from child 0), each child's tail;
        # most runs are layout whitespace, skipped before the call
        text = parent.text
        if text and not text.isspace():
            kind = _label_kind(text)
            if kind:
                _record(found, kind, parent, 0)
        for start, child in enumerate(parent, 1):
            text = child.tail
            if text and not text.isspace():
                kind = _label_kind(text)
                if kind:
                    _record(found, kind, parent, start)
    return found


def _label_kind(text: str | None) -> str | None:
    """ "tags" or "categories" when a text run ends in a list label ("Tags:")."""
    if not text or len(text) > 200:
        return None
    tail = text.rstrip()
    # cheap gate before the regex: a label ends in a colon or is a known word
    if not tail or (tail[-1] not in ":：" and tail.rsplit(None, 1)[-1].lower() not in _LAST):
        return None
    m = _LABEL.search(tail[-40:])
    if not m:
        return None
    return "tags" if m.group("tags") else "categories"


def _record(found: dict[str, list[str]], kind: str, parent: HtmlElement, start: int) -> None:
    names = _links_after(parent, start)
    if names and kind not in found:
        found[kind] = names


def _links_after(parent: HtmlElement, start: int) -> list[str]:
    """Link texts among ``parent``'s children from index ``start`` until other text."""
    names: list[str] = []
    for child in list(parent)[start:]:
        if not isinstance(child.tag, str) or child.tag != "a":
            break
        name = collapse(child.text_content())
        if name and len(name) < 60 and name not in names:
            names.append(name)
        tail = (child.tail or "").replace("\xa0", " ").strip()
        if tail and (
            _LABEL.search(tail) or any(c not in _SEPARATORS for c in tail.replace(" ", ""))
        ):
            break
    return names
