"""Names from byline blocks whose whole text is no name, and the spellings a page gives
elsewhere.

Helpers of ``_metadata``'s author witnesses that look at one name or one byline block at a
time, kept apart so that the witness order in ``_metadata`` reads on one screen.
"""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

from ..._records import Person
from ..dom._text import collapse
from ._bylines import byline_in_texts

__all__ = ["GLUED", "labelled_in", "slug", "unslugged"]


def unslugged(people: tuple[Person, ...], declared: list[str]) -> tuple[Person, ...]:
    """A name written as its URL slug ("chuck-ross", a CMS's login name put in JSON-LD)
    gets the spelling the page declares elsewhere ("Chuck Ross" in ``<meta>``)."""
    out = []
    for person in people:
        name = person.name or ""
        if " " not in name and name.islower() and ("-" in name or "_" in name):
            key = slug(name)
            name = next((d for d in declared if " " in d and slug(d) == key), name)
            person = Person(name=name, url=person.url)
        out.append(person)
    return tuple(out)


# a lower-case letter against a capital: texts of separate elements glued together
# ("WagnerNEW YORK", "FosterTravel"); a name like "McDonald" is kept by the caller
GLUED = re.compile(r"[a-z][A-Z]")


def labelled_in(el: HtmlElement) -> str | None:
    """The name after a byline label among a block's own text runs, when the block's
    whole text is no name: "capital" + "von" + "Jane Doe" + "05. November 2024" + "3 Min",
    or "By" + "Jane Doe" + "Travel Reporter" glued together without spaces."""
    texts = []
    for node in el.iter():
        for t in (node.text, node.tail if node is not el else None):
            if t and not t.isspace() and node.tag not in _SKIP_TEXT:
                texts.append(collapse(t))
        if len(texts) >= 40:
            break
    return byline_in_texts(texts)


_SKIP_TEXT = frozenset({"script", "style", "noscript", "template"})


def slug(text: str) -> str:
    """Letters and digits only, accents dropped: "Rocío Latorre" and /autor/rocio-latorre
    meet as "rociolatorre"."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if c.isascii() and c.isalnum())
