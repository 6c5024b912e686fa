"""Where a thread stands when no id or class names it: the marks every comment system
prints in each comment whatever its theme calls things. A link to the comment itself
(``#comment-340``, ``#c12``, ``?replytocom=340``), an anchor named for it
(``<a name="comment-340">``), a "Reply" link or button and an avatar image (Gravatar's)
recur once per comment; the
smallest element holding most of them is the thread's area, where ``_generic`` then looks
for the repeated boxes as it does in a hinted area (the boxes must still pass its group
test). Asked only when the hinted areas, numbered ids and comment headings found nothing.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..dom._page import Page
from ._linked import links_to_comment
from ._markers import ITEM_ID

__all__ = ["cue_area", "cues", "foreign_links", "holders", "is_reply_control"]

# The reply control's whole text, in the languages of the era's blogs: "Reply",
# "Reply ↓", "[Reply]", "Antworten", "Répondre", "Responder", "Rispondi", "Reageer",
# "Odpowiedz", "Svara", "Svar", "Vastaa", "Ответить", "返信", "回复".
_REPLY = re.compile(
    r"^[\s\[(]*(?:reply(?:\s+to\s+this(?:\s+comment)?)?|antworten|r[ée]pondre|responder|"
    r"rispondi|reageer|beantwoorden|odpowiedz|svara|svar|vastaa|odpovědět|"
    r"ответить|返信|回复|回覆)[\s\])↓»›→]*$",
    re.I,
)
_REPLY_MAX = 24  # characters: a control's label, not a sentence
_MIN_CUES = 2
# an image's size in its URL (``?s=70``, ``&size=96``, a proxy's ``%3Fs%3D96``), and the
# 2x variant of ``srcset``: the same picture at another size
_SIZE = re.compile(r"(?:[?&]|%3F|%26)(?:s|sz|size|w|h|d|r)(?:=|%3D)[^&%]*", re.I)
_MAX_CUES = 3000  # a hostile page of links: enough to place a real thread


# the first letters of those words: most links are turned away by their first one
_INITIALS = frozenset("rabosvо返回")


def is_reply_control(el: HtmlElement) -> bool:
    """``el`` (a link or button) is a comment's "Reply" control, by its text alone."""
    head = (el.text or "").lstrip(" \t\r\n[(")
    if head:
        if head[0].lower() not in _INITIALS or len(head) > _REPLY_MAX:
            return False
    elif len(el) == 0:
        return False
    text = el.text_content()
    return len(text) <= _REPLY_MAX and _REPLY.match(text) is not None


def _reply_href(href: str) -> bool:
    """An ``href`` a reply control may carry: one that stays on the page ("#",
    "javascript:", "") or leads to a reply form ("?reply=3", "/comment/reply/12",
    "#respond"), not to another site (a tweet's reply intent). Asked before the link's
    text, which most links are spared (reading every link's text was 3 % of a parse);
    plain substring tests, no lower-casing: the question is asked of every link."""
    if not href or href[0] == "#" or href.startswith(("javascript:", "JavaScript:")):
        return True
    if "repl" not in href and "respon" not in href and "comment" not in href:
        return False
    return "//" not in href.partition("?")[0]


def cue_area(page: Page) -> HtmlElement | None:
    """The deepest element holding most (three in five) of the page's comment marks, at
    least two of them; ``None`` when the page has fewer. Each mark votes for every
    ancestor; marks outside the thread (a recent-comments list, a "Reply" in a forum
    footer) are outvoted by those of the thread itself."""
    marks = cues(page)
    if len(marks) < _MIN_CUES:
        return None
    votes: dict[HtmlElement, int] = {}
    for cue in marks:
        for anc in cue.iterancestors():
            votes[anc] = votes.get(anc, 0) + 1
    need = max(_MIN_CUES, -(-len(marks) * 3 // 5))
    depth = page.index.position
    best: HtmlElement | None = None
    for anc, n in votes.items():
        # the deepest: of the holders (all on one chain of ancestors), the last in
        # document order
        if (
            n >= need
            and anc.tag not in ("html", "body")
            and (best is None or depth[anc] > depth[best])
        ):
            best = anc
    return best


def cues(page: Page) -> list[HtmlElement]:
    """The comment marks of the page: permalinks and reply links by their ``href``, then
    anchors named for a comment, reply controls by their text and avatar images."""
    return _marks(page)[0]


def foreign_links(page: Page) -> list[HtmlElement]:
    """Links to one comment each of other documents (a recent-comments list): boxes that
    hold them are no comments of this page's thread."""
    return _marks(page)[1]


def _marks(page: Page) -> tuple[list[HtmlElement], list[HtmlElement]]:
    found: tuple[list[HtmlElement], list[HtmlElement]] = page.memo(
        "comment-cues", lambda: _cues(page)
    )
    return found


def _cues(page: Page) -> tuple[list[HtmlElement], list[HtmlElement]]:
    found: list[HtmlElement] = []
    foreign: list[HtmlElement] = []
    docs: dict[str, dict[str, list[HtmlElement]]] = {}  # document -> comment -> links
    for el, href in page.hrefs:
        if ("#" in href or "replytocom=" in href) and links_to_comment(href):
            doc, _, target = href.partition("#")
            doc, _, query = doc.partition("?")
            targets = docs.setdefault(doc, {})
            targets.setdefault(target if "replytocom=" not in query else query, []).append(el)
        elif _reply_href(href) and is_reply_control(el):
            found.append(el)
        if len(found) + len(docs) >= _MAX_CUES:
            break
    for targets in docs.values():
        # a thread's permalinks lead to its comments in one document (or two: relative
        # and absolute links); a recent-comments list's lead to one comment of each post,
        # and place no thread
        links = [el for els in targets.values() for el in els]
        (found if len(targets) >= 2 or len(docs) == 1 else foreign).extend(links)
    for el in page.index.with_attr("name"):
        if el.tag == "a" and el.get("href") is None and ITEM_ID.match(el.get("name") or ""):
            found.append(el)
    for el in page.index.by_tag("button"):
        if is_reply_control(el):
            found.append(el)
    people: set[str] = set()
    for el in page.index.by_tag("img"):
        # each comment's avatar: Gravatar's (``gravatar.com/avatar/HASH``, a proxy's
        # ``%2Favatar%2F``) or a platform's (``avatar_669a_16.png``); once per picture
        # (its size set aside): an author box shows one person twice
        src = el.get("src")
        if src is not None and ("avatar" in src or "Avatar" in src):
            who = _SIZE.sub("", src)
            if who not in people:
                people.add(who)
                found.append(el)
    return found, foreign


def holders(items: list[HtmlElement], marks: list[HtmlElement]) -> set[HtmlElement]:
    """The items holding one of ``marks``; a mark in a ``dd`` belongs to its ``dt`` item
    (dl threads: the dt names the author, the dd after it holds the text and links)."""
    itemset = set(items)
    found: set[HtmlElement] = set()
    for mark in marks:
        for anc in mark.iterancestors():
            if anc in itemset:
                found.add(anc)
                break
            if anc.tag == "dd":
                prev = anc.getprevious()
                while prev is not None and not isinstance(prev.tag, str):
                    prev = prev.getprevious()
                if prev is not None and prev in itemset:
                    found.add(prev)
                    break
    return found
