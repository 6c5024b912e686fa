"""Headline witnesses weighed against each other, and the text helpers they share.

A page states its headline several times, each time written by another part of the CMS:
the theme's ``h1`` or title class, JSON-LD, Open Graph, ``<title>``. One of them may be cut
short, be another post's heading, or carry labels the others leave out; the others show
which, so these rules change a witness only where another one disagrees in that way.
"""

from __future__ import annotations

import re

from ..dom._text import collapse
from ._slug import URL_UMLAUTS

__all__ = [
    "APART",
    "GROUP",
    "SEP",
    "SEP_END",
    "norm",
    "off_topic",
    "seconded",
    "section_label",
    "typographic",
    "untruncated",
    "without_sections",
    "words",
]

# CJK titles write their separators without spaces, full-width ("｜", "：") or ASCII next
# to a CJK character ("…需求-新华网", "「Treeviz」:phpspot開発日誌"); Korean too ("…커졌다-정치").
# A bar may be any of its look-alikes: a box-drawing line ("Post │ Site"), a broken bar, a
# divides sign, a light vertical ornament
_CJK = "\u3000-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uff00-\uffef"
SEP = re.compile(
    r"\s+[|\-–—:·•»«~/]+\s+|\s*[|·•_｜│┃¦∣❘]\s*|\s+::\s+|\s*[：－]\s*|"
    rf"(?<=[{_CJK}])[-:](?=\S)|(?<=\S)[-:](?=[{_CJK}])"
)
SEP_END = re.compile(rf"(?:{SEP.pattern})$")
_HAS_CJK = re.compile(rf"[{_CJK}]")
_ALNUM = re.compile(r"[\W_]+")

# witnesses written apart from the visible headline (an h1 found again by its class or
# by a profile selector is the same element)
APART = frozenset({"itemprop", "jsonld", "og", "twitter", "title"})
GROUP = {"twitter": "og"}  # a Twitter card copies Open Graph: one witness, not two


def norm(text: str) -> str:
    """Letters and digits only, case-folded, umlauts spelt as in host names (ä -> ae)."""
    return _ALNUM.sub("", text.casefold().translate(URL_UMLAUTS))


def words(text: str) -> list[str]:
    return [w for w in _ALNUM.split(text.casefold()) if len(w) >= 3]


def seconded(text: str, group: str, apart: list[tuple[str, str]]) -> bool:
    """Another kind of witness holds ``text`` too, alone or with a site name around it."""
    n = norm(text)
    if not n:
        return False
    return any(g != group and (norm(t).startswith(n) or norm(t).endswith(n)) for g, t in apart)


def untruncated(cands: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Witnesses cut short made whole from the shortest witness that goes on from there.

    A ``"`` left unescaped in ``content="..."`` ends a meta value at the quote ("Senator
    calls Biden " of ``content="Senator calls Biden "unfit""``); a CMS field with a length
    limit ends a headline inside a word ("... la legitimidad de su g"). A text that stops
    between two letters where another witness goes on is no headline of its own.
    """
    out = []
    for source, text in cands:
        whole = None
        for _, other in cands:
            if len(other) <= len(text) or not other.startswith(text):
                continue
            rest = other[len(text) :]
            quote = source in ("og", "twitter") and rest.lstrip().startswith('"')
            # a word going on in lower case: a capital after a letter is two texts glued
            # ("... lectoresJorge Makriniotis, gerente ...": a headline and its teaser)
            mid_word = len(text) >= 20 and text[-1].isalnum() and rest[0].isalnum()
            mid_word = mid_word and not rest[0].isupper()
            if (quote or mid_word) and (whole is None or len(other) < len(whole)):
                whole = other
        out.append((source, whole or text))
    return out


def off_topic(heading: str, cands: list[tuple[str, str]]) -> str | None:
    """The witness to take instead of a heading found by its class or a profile's selector
    when the heading shares no word with any witness written apart from it and two kinds
    of those agree: it is another post's heading (a related-posts box, a sidebar's latest
    posts, a product teaser) that the theme marks up like the post's own."""
    mine = set(words(heading))
    apart = [(GROUP.get(s, s), t) for s, t in cands if s in APART]
    if not mine or any(mine & set(words(t)) for _, t in apart):
        return None
    for group, text in apart:
        if seconded(text, group, apart):
            return text
    return None


def _label(part: str) -> bool:
    """A section or forum name: one or two words, short, without a number ("Teil 2",
    "2024" belong to the headline)."""
    part = part.strip()
    return 0 < len(part) <= 20 and len(part.split()) <= 2 and not any(c.isdigit() for c in part)


def _headline(part: str, label: str) -> bool:
    long = len(part.split()) >= 4 or (len(part) >= 10 and _HAS_CJK.search(part) is not None)
    return long and len(part) >= 3 * len(label)


def section_label(part: str, headline: str) -> bool:
    """``part`` is a section name that ``without_sections`` takes off beside ``headline``."""
    return _label(part) and _headline(headline, part)


def without_sections(text: str) -> str:
    """``<title>`` without the section names a breadcrumb-style title keeps between the
    post and the site name once the site's name is gone ("Post | iPhone | Forum",
    "Post_智能"; "Kultur - Post" on the other side): short parts without a number beside a
    headline several times longer."""
    parts = SEP.split(text)
    seps = SEP.findall(text)
    if len(parts) < 2 or len(seps) != len(parts) - 1:
        return text
    end = len(parts)
    while end > 1 and section_label(parts[end - 1], parts[0]):
        end -= 1
    start = 0
    while start < end - 1 and section_label(parts[start], parts[end - 1]):
        start += 1
    if (start, end) == (0, len(parts)):
        return text
    kept = [p + s for p, s in zip(parts[start : end - 1], seps[start : end - 1], strict=True)]
    return collapse("".join(kept) + parts[end - 1])


# typographic quotes and dashes and the ASCII a plain-text field writes for them, one
# character for one so that a folded text keeps its length
_PLAIN = str.maketrans(
    {"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"}
)
_ASCII_TYPO = re.compile(r"['\"]|\s-\s")


def typographic(title: str, cands: list[tuple[str, str]]) -> str:
    """``title`` in the spelling of the witness that prints its quotes and dashes.

    The theme prints a headline typeset (WordPress turns ``'`` into ``’`` and `` - `` into
    `` – ``), while SEO and social-card fields often hold the plain text the author typed;
    the reader sees the typeset one. Where a witness holds the same text with typographic
    quotes or dashes in place of plain ones, its spelling is the title's.
    """
    if not _ASCII_TYPO.search(title):
        return title
    plain = title.translate(_PLAIN)
    size = len(title)
    best = title
    for _, text in cands:
        if len(text) < size:
            continue
        for part in (text[:size], text[len(text) - size :]):
            if part != best and part.translate(_PLAIN) == plain and _typeset(part) > _typeset(best):
                best = part
    return best


def _typeset(text: str) -> int:
    return sum(c in "’‘‚“”„–—" for c in text)
