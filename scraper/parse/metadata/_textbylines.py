"""Names found in a page's visible texts: a byline whose label and name may be two
neighbouring texts ("Von" + "<a>Jane Doe</a>"), a label standing alone over its name, a
name over its date, and a credit line under the last paragraph ("Text: Jane Doe").
``bylines`` cleans what these find down to the name."""

from __future__ import annotations

import re

from ._bylabels import AFTER_DATE_WORDS as _AFTER_DATE_WORDS
from ._bylabels import FILLERS as _FILLERS
from ._bylabels import HANDLE as _HANDLE
from ._bylabels import LABEL_AFTER_DATE as _LABEL_AFTER_DATE
from ._bylines import BYLINE, CJK_NAME, clean_author, dated_byline, name_shaped, names_only
from ._dates import parse_text

__all__ = ["byline_in_texts", "credit_line", "is_bare_label"]

_LEAD_MARKS = " |•·–—-/"
_DATE_JOINS = frozenset({"le", "el", "il", "em", "op"})  # "Par Jane Doe le 14.09.2020"
# a label standing alone, its name in the next text ("<h4>Autor</h4><p>Jane Doe</p>")
_BARE_LABELS = frozenset(
    "autor autorin autoren author authors auteur auteurs autore verfasser verfasserin "
    "redakteur redakteurin written\u00a0by autorin/autor autor/in".split()
)


# titles and professions written before a name, never a name alone
_TITLES = frozenset(
    "dr prof professor dipl mag ing mr mrs ms sir rev reverend pfarrer pfarrerin pastor "
    "rechtsanwalt rechtsanwältin anwalt anwältin notar notarin abogado abogada avocat avocate "
    "maître me docteur dott avv journalist journalistin reporter redakteur redakteurin "
    "korrespondent korrespondentin correspondent senator".split()
)


def is_bare_label(text: str) -> bool:
    return text.rstrip(" :：").replace("(s)", "").casefold() in _BARE_LABELS


def byline_in_texts(texts: list[str], *, dated: bool = False) -> str | None:
    """A name from a visible byline ("von Daniela Obers", "Автор: Ольга Иванова"), where
    the label and the name may be two neighbouring texts. ``dated``: the texts are a
    byline element's, where a name followed by a date text is the byline's name too."""
    for i, text in enumerate(texts[:40]):
        if len(text) > 120:
            continue
        # "March 3, 2020 by" + "<a>Jane Doe</a>": the label ends a dateline
        last = text[text.rfind(" ") + 1 :].casefold()
        tail = _LABEL_AFTER_DATE.match(text) if last in _AFTER_DATE_WORDS else None
        if tail and parse_text(tail.group(1)):
            text = tail.group(2)
        # "| By" after a category, "· von" after a date: the label starts after the mark
        m = BYLINE.match(text.lstrip(_LEAD_MARKS))
        if not m:
            if is_bare_label(text):  # "Autor" as a heading, the name below
                nxt = next((t for t in texts[i + 1 : i + 4] if not is_bare_label(t)), None)
                name = clean_author(nxt)
            else:
                name = dated_byline(text)
            if name and name[0].isupper():
                return name
            continue
        rest = m.group("rest").strip(" :,")  # "Von ," + the name in its own element
        after: list[str] = []
        if not rest:  # the name is the next text that is not one more label
            # nor the word before a dateline's date ("Par" + "le" + "<a>Jane Doe</a>");
            # "by" + "on" is a byline without a name
            after = [
                t for t in texts[i + 1 : i + 5] if not is_bare_label(t) and t not in _DATE_JOINS
            ][:3]
            rest = after[0] if after else ""
        name = clean_author(rest)
        if name and m.group("di") and not (name_shaped(name) or names_only(name)):
            continue  # Italian "di Jane Doe", not German "Di" (Tuesday) nor "Di Maio"
        if name and name.rstrip(".").casefold() in _TITLES and len(after) > 1:
            # a title in its own element before the name: "Autor: <a>Rechtsanwalt</a>
            # Jane Doe", "By <abbr>Dr.</abbr> Jane Doe"
            full = clean_author(after[1])
            name = full if full and name_shaped(full) else None
        if name and (
            name[0].isupper()
            or CJK_NAME.fullmatch(name)
            or (after and _HANDLE.fullmatch(name) and name not in _FILLERS)
        ):
            return name  # a forum's user name in its own element may be lower-case: "jdoe"
    return _named_then_dated(texts) if dated else None


def _named_then_dated(texts: list[str]) -> str | None:
    """A name alone in its text and a date in the next, among a byline block's first
    texts: "<span>Jane Doe</span><span>Stand: 05. Februar 2020</span>"."""
    for i, text in enumerate(texts[:5]):
        name = clean_author(text) if i + 1 < len(texts) else None
        if name and name == text.strip() and name_shaped(name) and parse_text(texts[i + 1]):
            return name
    return None


# an explicit credit line anywhere in the post ("Text: Jane Doe" under the last paragraph);
# the labels that only name an author may also go without the colon ("Autoren A und B")
_CREDIT_LINE = re.compile(
    r"^(?:(?:autor(?:[/*:]?in(?:nen)?)?|autoren|authors?|text|von|verfasser(?:in)?|auteur|"
    r"written by)\s*:|(?P<bare>autor(?:in)?|autoren|authors?|verfasser(?:in)?|auteurs?|"
    r"written by)\s(?=\s*[^\W\d_]))\s*(.*)$",
    re.IGNORECASE,
)


def credit_line(texts: list[str]) -> str | None:
    """A name after a label with a colon anywhere in the body's texts: German and French
    press put "Text: Jane Doe" or "Von: Jane Doe" under the last paragraph. The colon
    keeps prose ("von Berlin aus") out; without it, only a line of names after a label
    that names authors counts ("Autoren Jelko Djuren und Jutta Klaukien")."""
    for i, text in enumerate(texts):
        m = _CREDIT_LINE.match(text) if len(text) < 120 else None
        if not m:
            continue
        bare = m.group("bare") is not None
        rest = m.group(2).strip()
        if not rest and not bare:
            rest = texts[i + 1] if i + 1 < len(texts) else ""
        name = clean_author(rest)
        if name and ((name_shaped(name) and not bare) or names_only(name)):
            return name
        head = clean_author(rest.split(",")[0]) if "," in rest and not bare else None
        if head and name_shaped(head) and not (name and names_only(name)):
            return head  # "Autorin: Jane Doe, Projektleiterin in Tunis": the job follows
    return None
