"""The "Read more" link: where the reader goes for the full story or the original source.

A link is a read-more link when

* its own text is a read-more phrase ("Read more", "Continue reading →", "Weiterlesen",
  "Lire la suite", "続きを読む", "阅读全文" ... see ``PHRASES``), or its class says so
  (``more-link``, ``read-more``), and it is not buried in a sentence: it stands alone in
  its block, or it is the body's last link; or
* the text just before it in its block is a source label ("Source:", "via", "Quelle:",
  "Fuente:", "Источник:" ... see ``LABELS``), as in ``<p>Source: <a>NYT</a></p>``.

It is looked for in the cleaned body and then in the few elements right after the
content (themes print "Source:" or "Continue reading" just below the post). These links
close a post: only a link in the body's last block (or the body's last link) counts, and
the last match wins; a "Read more" or "Source:" line in mid-post points at another story,
and "via <a>" in a figure caption credits a picture. The URL must be absolute (resolved against
the page URL). ``text`` is the anchor's text.

Decision on the body: the read-more link is recorded once, as ``read_more``, so the
body does not repeat it. ``find_read_more`` also returns what to leave out of
``body.text``/``body.html``: the block when the link stands alone in it (the seed page's
trailing "Read more", WordPress' ``more-link`` paragraph), the anchor alone when it ends
a paragraph ("… excerpt. Continue reading →"), and a short "Source: <a>NYT</a>" /
"(via <a>Poynter</a>)" line when it is the body's last block. A source link in the middle
of the post stays where it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree
from lxml.html import HtmlElement

from ..._records import Link
from .._quotes import is_trailing
from ..dom._signals import text_of
from ..dom._text import collapse, http_url

__all__ = ["LABELS", "PHRASES", "find_read_more", "is_read_more_text"]

PHRASES = (
    "read more",
    "read the rest",
    "read the full",
    "read full",
    "full story",
    "full article",
    "continue reading",
    "keep reading",
    "read on",
    "read the original",
    "read the story",
    "read the article",
    "weiterlesen",
    "mehr lesen",
    "mehr erfahren",
    "lire la suite",
    "lire plus",
    "en savoir plus",
    "leer más",
    "leer mas",
    "seguir leyendo",
    "sigue leyendo",
    "leggi tutto",
    "leggi di più",
    "continua a leggere",
    "leia mais",
    "continuar lendo",
    "continue lendo",
    "ler mais",
    "lees meer",
    "verder lezen",
    "lees verder",
    "läs mer",
    "les mer",
    "læs mere",
    "lue lisää",
    "czytaj dalej",
    "czytaj więcej",
    "číst dále",
    "devamını oku",
    "続きを読む",
    "もっと見る",
    "阅读全文",
    "阅读更多",
    "閱讀全文",
    "閱讀更多",
    "查看全文",
    "더 보기",
    "читать далее",
    "читать полностью",
    "подробнее",
    "читати далі",
)
LABELS = (
    "source",
    "sources",
    "via",
    "h/t",
    "quelle",
    "fuente",
    "fonte",
    "bron",
    "källa",
    "kilde",
    "źródło",
    "kaynak",
    "источник",
    "出典",
    "出处",
    "来源",
    "來源",
    "출처",
    "originally published at",
    "originally published on",
    "originally published in",
    "originally appeared on",
    "originally appeared in",
    "read the original at",
)
_CLASSES = ("more-link", "read-more", "readmore", "continue-reading", "more_link", "jump-link")
_TRIM = " \t\n.:：»«›‹→←>…-–—|[]()"
_LABEL_RE = re.compile(
    r"(?:^|[\s(\[])(?:" + "|".join(re.escape(x) for x in LABELS) + r")\s*[:：]?\s*$"
)
_STRIPPED = tuple(p.strip(_TRIM) for p in PHRASES)
# words that are a read-more link only on their own ("More »"), never as a prefix
_ALONE = frozenset({"more", "mehr", "plus", "más", "meer", "ещё", "еще", "更多"})
_MAX_PHRASE = 200  # "Continue reading <Post title> →" and no longer
_LABEL_ROOM = 40  # "Source: " and brackets around the anchor
_BLOCKS = frozenset("p div li dd td section footer aside blockquote h2 h3 h4 h5 h6".split())


def is_read_more_text(text: str) -> bool:
    """True for a read-more phrase, arrows and ellipses aside ("Continue reading →")."""
    if len(text) > _MAX_PHRASE:
        return False
    norm = collapse(text).lower().strip(_TRIM)
    return bool(norm) and (norm in _ALONE or norm.startswith(_STRIPPED))


def find_read_more(
    body: HtmlElement, after: Iterable[HtmlElement], base_url: str | None
) -> tuple[Link | None, HtmlElement | None]:
    """The read-more link (see module doc) and what of it to leave out of the body."""
    found: tuple[Link, HtmlElement | None] | None = None
    links = [a for a in body.iter("a") if a.get("href")]
    for i in range(len(links) - 1, -1, -1):  # the last match wins: look from the end
        last = i == len(links) - 1
        if not last and not _closing(links[i], body):
            break  # mid-post "Read more" / "Source:" lines point at other stories
        found = _judge(links[i], body, base_url, last=last)
        if found is not None:
            break
    if found is None:
        for el in after:
            for a in el.iter("a"):
                hit = _judge(a, el, base_url, last=False)
                if hit is not None:
                    return hit[0], None
        return None, None
    return found


def _judge(
    a: HtmlElement, body: HtmlElement, base_url: str | None, *, last: bool
) -> tuple[Link, HtmlElement | None] | None:
    """A read-more ``Link`` for ``a`` and the element to drop from the body, or ``None``."""
    block = _block_of(a)
    text = collapse(text_of(a))
    classes = (a.get("class") or "").lower()
    if is_read_more_text(text) or any(c in classes for c in _CLASSES):
        if block is not None and _same_text(block, a):
            drop: HtmlElement | None = block
        elif block is not None and is_trailing(a, block):
            drop = a
        elif last:
            drop = None
        else:
            return None
    elif _labelled(a) and not _in_caption(a):
        drop = _source_line(a, block, body, len(text))
    else:
        return None
    url = _absolute(a.get("href") or "", base_url)
    return (Link(url, text or None), drop) if url is not None else None


def _closing(a: HtmlElement, body: HtmlElement) -> bool:
    """True when ``a`` is in the body's last block: where a post's own source link sits."""
    block = _block_of(a)
    return block is not None and is_trailing(block, body)


def _in_caption(a: HtmlElement) -> bool:
    """Inside a figure caption, "via <a>" credits a picture, not the story."""
    for anc in a.iterancestors():
        if anc.tag in ("figcaption", "figure") or "caption" in (anc.get("class") or ""):
            return True
    return False


def _source_line(
    a: HtmlElement, block: HtmlElement | None, body: HtmlElement, size: int
) -> HtmlElement | None:
    """The short trailing block, or ``<br>``-separated line, that holds a source link."""
    if block is None:
        return None
    node: HtmlElement = a
    if len(collapse(text_of(block))) > size + _LABEL_ROOM:
        parent = node.getparent()
        while parent is not None and parent is not block:
            node = parent
            parent = node.getparent()
        prev = node.getprevious()
        lead = block.text if prev is None else (prev.tail if prev.tag == "br" else "x")
        if (lead or "").strip() or len(collapse(text_of(node))) > size + _LABEL_ROOM:
            return None
    else:
        node = block
    return node if is_trailing(node, body) else None


def _block_of(a: HtmlElement) -> HtmlElement | None:
    node: etree._Element | None = a.getparent()
    while node is not None and node.tag not in _BLOCKS:
        node = node.getparent()
    return node if isinstance(node, HtmlElement) else None


def _same_text(block: HtmlElement, a: HtmlElement) -> bool:
    return collapse(text_of(block)) == collapse(text_of(a))


def _labelled(a: HtmlElement) -> bool:
    """True when the text right before ``a`` in its block ends with a source label, or is
    a read-more phrase itself ("Read the full story at <a>Poynter</a>")."""
    before: list[str] = []
    node: etree._Element = a
    while True:
        prev = node.getprevious()
        parent = node.getparent()
        if prev is not None:
            before.append(prev.tail or "")
            if prev.tag == "br":
                break  # a <br> starts the line the link is on
            before.append("".join(str(t) for t in prev.itertext()))
            node = prev
            if sum(len(x) for x in before) > 40:
                break
            continue
        if parent is None:
            break
        before.append(parent.text or "")
        if parent.tag in _BLOCKS:
            break
        node = parent
    head = collapse("".join(reversed(before))).lower()[-40:]
    return bool(head) and (bool(_LABEL_RE.search(head)) or is_read_more_text(head))


def _absolute(href: str, base_url: str | None) -> str | None:
    # a same-page anchor ("#more-123") is no source to send the reader to
    href = href.strip()
    return None if href.startswith("#") else http_url(base_url, href)
