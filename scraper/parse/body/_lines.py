"""Lines of page furniture inside a post, told by their shape: promos for other stories
("READ MORE: <a>…</a>"), datelines ("Stand: 22.04.2024, 06:00 Uhr"), the labels a share
bar or a comment section leaves. Part of the cleaning (``cleanup``), which asks each block
of the copy."""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from .._quotes import is_trailing
from ..dom._signals import text_of

__all__ = [
    "SHARE_LABELS",
    "STAMP_CHILDREN",
    "STAMP_TAGS",
    "TEASER_LABELS",
    "TEASER_TAGS",
    "date_line",
    "density",
    "labelled_links",
    "teaser",
    "thread_heading",
]

# labels of in-text promos for other stories
TEASER_LABELS = (
    "read more:",
    "see more:",
    "related:",
    "also read:",
    "read also:",
    "more:",
    "watch:",
    "don't miss",
    "don’t miss",
    "must read",
    "recommended:",
    "trending:",
)
TEASER_TAGS = frozenset({"p", "div", "h2", "h3", "h4", "li"})
_TEASER_ROOM = 24


def teaser(el: HtmlElement) -> bool:
    """A "READ MORE: <a>another story</a>" line in the middle of the post: a promo.

    At the very end of the post the same line is the read-more link and stays for the
    read-more finder; here only lines followed by more content count.
    """
    if not len(el):  # no element, no link: most blocks of a post
        return False
    lead = _lead(el.text)
    node = el
    for _ in range(2):  # "<strong>READ MORE:</strong>", "<a><b>READ MORE: …</b></a>"
        if lead or not len(node) or node[0].tag not in ("strong", "b", "em", "span", "a"):
            break
        node = node[0]
        lead = _lead(node.text)
    if not lead.startswith(TEASER_LABELS) or el.find(".//a") is None:
        return False
    return density(el) > 0.4 and not is_trailing(el, el.getroottree().getroot())


STAMP_TAGS = frozenset({"p", "div", "small"})
STAMP_CHILDREN = 4
_STAMP_ROOM = 100
_STAMP_WORDS = 4
_STAMP_ELEMENTS = 16  # elements under a dateline: a label, a date, a time and their wrappers
_DATE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日"
)
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\d{1,2}時\d{1,2}分")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")  # what every ``_DATE`` starts with, found without its branches


def date_line(el: HtmlElement) -> bool:
    """A dateline: a short block that is a date and a time with at most a few words of
    label ("Stand: 22.04.2024, 06:00 Uhr", "Publiziert: 01.07.2023, 11:16", "2025年1月14日
    01時28分"). The post's date is its own field; in the text it is the page's furniture,
    in any language, so the test is the shape (numbers), not the label's words."""
    head = el.text
    if head is not None and len(head) > _STAMP_ROOM:  # most blocks: long paragraphs
        return False
    if not len(el):
        text = head or ""
    else:
        # a short text under many elements is no dateline; and reading the text of each
        # level of a deep nest of near-empty boxes would read the nest once per level
        if next(islice(el.iterdescendants(), _STAMP_ELEMENTS, None), None) is not None:
            return False
        text = text_of(el)  # a few elements' text: one libxml2 call, no Python loop
        if len(text) > _STAMP_ROOM:
            return False
    if _DIGIT.search(text) is None:  # most short blocks: a label, a caption, a heading
        return False
    date = _DATE.search(text)
    if date is None:
        return False
    rest = text[: date.start()] + " " + text[date.end() :]
    time = _TIME.search(rest)
    if time is None:
        return False
    rest = rest[: time.start()] + " " + rest[time.end() :]
    return len(_WORD.findall(rest)) <= _STAMP_WORDS


# what a share bar prints beside its buttons: left alone once the icons are gone
SHARE_LABELS = frozenset(
    {"share", "share this", "share this article", "share this story", "share this post", "share:"}
)
# what a comment section's heading says, in the languages of the bench's pages and more
_THREAD_LABEL = re.compile(
    r"(?:\d+\s+)?(?:comments?|reader comments|leave a (?:comment|reply)|post a comment|"
    r"add a comment|join the (?:discussion|conversation)|kommentare|commentaires|"
    r"comentarios|comentários|commenti|reacties)\s*:?",
    re.IGNORECASE,
)
_LABEL_ROOM = 40


def thread_heading(head: HtmlElement) -> bool:
    """``head`` (a box's first child) is a comment section's heading ("Comments", "Leave a
    reply"): the box it opens is the comment section, or its form and rules ("To post a
    comment, log in ..."), whatever its class says; no part of a story is headed so."""
    if not isinstance(head.tag, str) or len(head) > 1:
        return False
    text = text_of(head).strip()
    return 0 < len(text) <= _LABEL_ROOM and _THREAD_LABEL.fullmatch(text) is not None


def _lead(text: str | None) -> str:
    """``text.lstrip()[:_TEASER_ROOM].lower()``, without copying a long text whole."""
    if not text:
        return ""
    head = text[: 4 * _TEASER_ROOM].lstrip()
    if len(head) < _TEASER_ROOM and len(text) > 4 * _TEASER_ROOM:
        head = text.lstrip()
    return head[:_TEASER_ROOM].lower()


def density(
    el: HtmlElement, text: str | None = None, links: list[HtmlElement] | None = None
) -> float:
    """Share of ``el``'s text inside links, in characters other than whitespace: a theme's
    indentation between the items of a link list is no prose. ``links``: the ``<a>``
    elements under ``el``, when the caller has them."""
    size = _solid(text if text is not None else text_of(el))
    if not size:
        return 0.0
    found = 0
    for a in links if links is not None else el.iter("a"):
        # a link holding only text (most) has its ``text`` for all of its text
        found += _solid(text_of(a)) if len(a) else _solid(a.text or "")
    return found / size


_LINK_LABEL = 40  # characters (no spaces) of a label: "Tags", "Related stories", "Lesen Sie auch:"
_SEPARATOR = 3  # characters (no spaces) between two links of a list: ", ", " | ", " • "
_BREAK = "\x00"  # where a label's line ends: a <br>, or the end of its bold box
_LABEL_BOXES = frozenset({"strong", "b", "em", "i", "span"})
_WORDY = re.compile(r"[^\W_]")  # a letter or a digit: words, not separators


def labelled_links(el: HtmlElement, text: str, links: list[HtmlElement]) -> bool:
    """A short label on a line of its own, then links and nothing else: "<b>Tags</b><br>
    <a>…</a>, <a>…</a>", "Related stories:<br><a>…</a><br><a>…</a>". The label weighs the
    block down below the link-list share (two short links under a long label are half
    label), yet it is furniture in any language: words running into a link ("about <a>this
    bug</a>"), words between the links ("<a>…</a> and <a>…</a>") or after them are a
    sentence's, and stay; so do links spelled out as addresses or handles (``_spelled_out``).
    ``text``: ``text_of(el)``; ``links``: its ``<a>`` elements."""
    if len(links) < 2:
        return False
    size = _solid(text)
    found = sum(_solid(text_of(a)) if len(a) else _solid(a.text or "") for a in links)
    if size - found > _LINK_LABEL + _SEPARATOR * len(links):
        return False  # more words outside the links than a label: prose (most paragraphs)
    label, seps, after = _link_runs(el)
    if len(seps) < 1 or any(_WORDY.search(sep) for sep in seps):
        return False
    if after.strip(" \n\t\r.,;" + _BREAK):
        return False
    size = _solid(label.replace(_BREAK, ""))
    if not 0 < size <= _LINK_LABEL:
        return False
    if any(_spelled_out(a) for a in el.iter("a")):
        return False
    line = label.rsplit(_BREAK, 1)
    return (len(line) > 1 and not line[1].strip()) or label.replace(_BREAK, "").rstrip().endswith(
        ":"
    )


def _spelled_out(a: HtmlElement) -> bool:
    """A link written out as its address or a handle ("https://…", "@name"): a source or an
    account the author cites, where a tag or a related story shows its name."""
    return (a.text or "").lstrip().startswith(("http:", "https:", "www.", "@"))


def _link_runs(el: HtmlElement) -> tuple[str, list[str], str]:
    """The text of ``el`` outside its links, cut at each link with text: the label before
    the first, the separators between them, the text after the last. ``_BREAK`` marks a
    ``<br>`` and the end of a bold box holding all of the label so far."""
    runs: list[list[str]] = [[]]
    link: HtmlElement | None = None
    has_text = False
    box: HtmlElement | None = None
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if link is None and node.tag == "a":
                link, has_text = node, bool((node.text or "").strip())
            elif link is not None:
                has_text = has_text or bool((node.text or "").strip())
                continue
            elif isinstance(node.tag, str):
                if node.tag == "br":
                    runs[-1].append(_BREAK)
                elif (
                    box is None
                    and len(runs) == 1
                    and node.tag in _LABEL_BOXES
                    and not "".join(runs[0]).strip()
                ):
                    box = node
                runs[-1].append(node.text or "")
            continue
        if node is el:
            break
        if node is link:
            link = None
            if has_text:
                runs.append([])
        elif link is not None:
            has_text = has_text or bool((node.tail or "").strip())
            continue
        elif node is box:
            runs[-1].append(_BREAK)
        runs[-1].append(node.tail or "")
    texts = ["".join(run) for run in runs]
    if len(texts) < 3:  # fewer than two links with text
        return texts[0], [], ""
    return texts[0], texts[1:-1], texts[-1]


def _solid(text: str) -> int:
    """Characters of ``text`` that are not spaces, tabs or line breaks (counted in C: a
    link list's container may hold the whole post's text)."""
    blank = text.count(" ") + text.count("\n") + text.count("\t") + text.count("\r")
    return len(text) - blank
