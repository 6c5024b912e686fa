"""The words of a post's URL slug, a witness of its headline that no theme restyles.

CMSs write the slug from the headline when the post is first saved ("/militares-enviaram-
88-questoes-ao-tse/"), so it shares most of its words with the real title even after the
headline was edited, and usually none with a section name, a widget heading or another
post's headline that a theme put in the page's only ``<h1>``.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

__all__ = ["URL_UMLAUTS", "slug_cover", "slug_words"]

_WORD = re.compile(r"[^\W_]+")
# German letters as host names and slugs spell them (München -> muenchen)
URL_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _fold(text: str) -> str:
    """Case-folded, German umlauts as slugs spell them, other accents dropped (õ -> o)."""
    text = text.casefold().translate(URL_UMLAUTS)
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug_words(url: str | None) -> frozenset[str]:
    """The words of the URL path segment with the most words (digits and file endings
    left out): the slug, wherever the site files it."""
    best: list[str] = []
    for segment in unquote(urlsplit(url or "").path).split("/"):
        segment = re.sub(r"\.[a-z0-9]{2,5}$", "", segment)
        words = [w for w in _WORD.findall(_fold(segment)) if not w.isdigit()]
        if len(words) > len(best):
            best = words
    return frozenset(best)


def slug_cover(text: str, slug: frozenset[str]) -> float:
    """The share of the slug's words that ``text`` holds."""
    if not slug:
        return 0.0
    words = set(_WORD.findall(_fold(text)))
    return sum(w in words for w in slug) / len(slug)
