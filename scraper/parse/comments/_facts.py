"""What the generic finder's group test asks about a candidate comment box, answered from
the page's index instead of a walk under each box (``Facts``), and the date line a box
without date classes shows at its head or its foot (``dated``)."""

from __future__ import annotations

from bisect import bisect_right

from lxml.html import HtmlElement

from ..dom._css import subtree_end
from ..dom._page import Page
from ..dom._text import collapse
from ._bylines import lead_line
from ._dates import parse_visible_date
from ._linked import links_to_comment
from ._markers import MIN_TEXT, hinted_sets
from ._owned import hidden_form
from ._textlen import TextLengths

__all__ = ["DATE_LINE_MAX", "Facts", "dated", "facts_of"]


class Facts:
    """What ``_group_score`` asks about every candidate item, answered from the page's
    index instead of a walk under each item (nested candidates walked the same elements
    again and again): which elements hold a textarea, and where the author- or date-like
    elements are (``META_WORD`` hints, ``cite``, ``time``) in document order."""

    __slots__ = ("elements", "meta", "meta_at", "position", "text", "textarea_in")

    def __init__(self, page: Page) -> None:
        index = page.index
        self.elements = index.elements
        self.position = index.position
        meta = set(hinted_sets(page)[1])
        meta.update(index.by_tag("cite"))
        meta.update(index.by_tag("time"))
        self.meta = meta
        self.meta_at = sorted(self.position[el] for el in meta)
        self.textarea_in = {
            a for t in index.by_tag("textarea") if not _in_reply_box(t)
            for a in t.iterancestors()
        }  # fmt: skip
        self.text = TextLengths()

    def has_textarea(self, el: HtmlElement) -> bool:
        """``el.find(".//textarea") is not None``."""
        if el in self.position:
            return el in self.textarea_in
        return el.find(".//textarea") is not None

    def has_meta(self, el: HtmlElement) -> bool | None:
        """An author- or date-like element under ``el``; ``None`` for an element that is
        not the page's. The descendants of ``el`` follow it in document order, so the
        first such element after ``el`` is one of them when there is any."""
        if el not in self.position:
            return None
        return self._first_under(el, self.meta_at) is not None

    def permalink_doc(self, el: HtmlElement) -> str | None:
        """The document (``href`` without query and fragment) of a link under ``el`` to one
        comment (``#comment-340``, ``#c12``, ``?replytocom=``) that stands beside text of
        its own; ``None`` without one. Nearly every comment system prints such a permalink
        or reply link in each comment, whatever its classes are called; a box of links
        ("Jane on Post title" in a recent-comments list) is no comment. Reads the box's own
        links only: asked of a few boxes of a group the other marks failed."""
        linked = 0
        doc = None
        for a in el.iter("a"):
            linked += self.text.stripped(a)
            href = a.get("href")
            if doc is None and links_to_comment(href):
                doc = (href or "").partition("#")[0].partition("?")[0]
        if doc is None or self.text.stripped(el) - linked < MIN_TEXT:
            return None
        return doc

    def _first_under(self, el: HtmlElement, at: list[int]) -> HtmlElement | None:
        """The first of the elements at positions ``at`` (sorted) that lies under ``el``."""
        pos = self.position.get(el)
        if pos is None:
            return None
        i = bisect_right(at, pos)
        if i == len(at):
            return None
        found = self.elements[at[i]]
        for anc in found.iterancestors():
            if anc is el:
                return found
            if self.position[anc] < pos:  # ancestors come before ``el``: not inside it
                return None
        return None


def _in_reply_box(textarea: HtmlElement) -> bool:
    """The textarea's own form is a hidden reply box (``_owned.hidden_form``)."""
    form = next(textarea.iterancestors("form"), None)
    return form is not None and hidden_form(form)


def facts_of(page: Page) -> Facts:
    facts: Facts = page.memo("comment-facts", lambda: Facts(page))
    return facts


DATE_LINE_MAX = 40  # characters: "September 24, 2012 at 10:07 pm", not a sentence
_DATE_LOOK = 12  # elements: the head of a comment, where its date line stands


def dated(el: HtmlElement, facts: Facts) -> bool:
    """A short element near the top of ``el`` whose whole text is a date ("10/12/2012",
    "Nov 6, 2012 at 3:14 pm"): the date line of a comment whose classes say nothing.
    Lengths first (summed once per page): a long box is never read whole here."""
    lengths = facts.text
    for i, d in enumerate(el.iterdescendants()):
        if i >= _DATE_LOOK:
            break
        if not isinstance(d, HtmlElement) or not isinstance(d.tag, str):
            continue
        if not 6 <= lengths.stripped(d) <= DATE_LINE_MAX:
            continue
        if parse_visible_date(d.text_content().strip()) is not None:
            return True
    if _foot_dated(el, facts):
        return True
    # or a hand-written byline opens it, "<b>Mia</b> wrote on Oct 1, 2012:" (guestbooks,
    # hand-made and old news templates: the date is text beside the name, in no element)
    lead = lead_line(el)
    return lead is not None and lead.date is not None


_FOOT_LINE_MAX = 90  # "by james on January 31, 2011 at 9:59 am. Reply #"


def _foot_dated(el: HtmlElement, facts: Facts) -> bool:
    """The byline at the foot of a comment ("by NAME on DATE. Reply", "Posted DATE |
    Permalink"): one of the last elements of ``el`` is a short line holding a date. Themes
    print the meta line below the text as often as above it; the last few elements are
    found from the page's positions, so a long comment is not walked."""
    pos = facts.position.get(el)
    if pos is None:
        return False
    end = subtree_end(facts.position, el)
    lengths = facts.text
    for d in facts.elements[max(pos + 1, end - _DATE_LOOK) : end]:
        if d.tag in ("a", "img", "br") or not 6 <= lengths.stripped(d) <= _FOOT_LINE_MAX:
            continue
        if parse_visible_date(collapse(d.text_content())) is not None:
            return True
    return False
