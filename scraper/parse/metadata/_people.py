"""People for ``_metadata``'s author witnesses: names from byline blocks whose whole
text is no name, the spellings and full names a page gives elsewhere, the credits of
JSON-LD works other than articles, and the outlet as the last witness.

Kept apart so that the witness order in ``_metadata`` reads on one screen.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from ..._records import Person
from ..dom._page import Page
from ..dom._text import collapse
from ._bylines import clean_author, name_shaped, names_only, split_authors
from ._regions import in_comments
from ._structured import iter_values, ld_people, ld_types, resolve
from ._textbylines import byline_in_texts, is_bare_label

__all__ = [
    "GLUED",
    "WEB_NAME",
    "clean_people",
    "fuller_name",
    "in_full",
    "inner_name",
    "label_end",
    "labelled_field",
    "labelled_in",
    "ld_credits",
    "meta_names",
    "namespaced_meta",
    "same_name",
    "script_author",
    "signature_line",
    "site_as_author",
    "slug",
    "text_after",
    "unslugged",
    "with_listed",
    "without_handles",
]


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


# a lower-case letter against a capital or a digit: texts of separate elements glued
# together ("WagnerNEW YORK", "FosterTravel", "Thiele07 Dezember"); a name like
# "McDonald" or "freeman1984" is kept by the caller
GLUED = re.compile(r"[a-z](?:[A-Z]|\d)")
# a byline label glued to the text of the element before it: a forum's post icon "Post" +
# "by jdoe" read as "Postby jdoe", "Beitrag" + "von r23" as "Beitragvon r23"; trusted only
# when the block's own text runs show the label apart ("Hoby Smith" has none)
GLUED_LABEL = re.compile(r"[^\W\d_](?:by|von|par|por|door)\s", re.IGNORECASE)


def labelled_in(el: HtmlElement) -> str | None:
    """The name after a byline label among a block's own text runs, when the block's
    whole text is no name: "capital" + "von" + "Jane Doe" + "05. November 2024" + "3 Min",
    or "By" + "Jane Doe" + "Travel Reporter" glued together without spaces."""
    texts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            t = node.text if node.tag not in _SKIP_TEXT else None
        else:
            t = node.tail if node is not el else None
        if t and not t.isspace():
            texts.append(collapse(t))
            if len(texts) >= 40:
                break
    return byline_in_texts(texts, dated=True)


_SKIP_TEXT = frozenset({"script", "style", "noscript", "template"})
_FIELD_LABELS = ("dt", "th", "strong", "b")


def labelled_field(page: Page) -> str | None:
    """The name of a field whose label stands in an element of its own, the value
    after it ("<dt>Auteur</dt><dd>Jane Doe</dd>", "<li><strong>Autorin/Autor</strong>
    Jane Doe</li>"): an article's info box, away from the headline. Asked only when
    nothing else names a person (a review's info box may name the book's author)."""
    for tag in _FIELD_LABELS:
        for el in page.by_tag(tag):
            text = el.text
            if len(el) or not text or len(text) > 40 or not is_bare_label(collapse(text)):
                continue
            name = clean_author(text_after(el, 200))
            if name and (name_shaped(name) or names_only(name)) and not in_comments(el):
                return name
    return None


def text_after(el: HtmlElement, limit: int) -> str:
    """What a label or an icon introduces: its own tail, else the next element's text (up
    to ``limit`` characters), collapsed."""
    value = collapse(el.tail or "")
    if not value:
        after = el.getnext()
        value = collapse(after.text_content()[:limit]) if after is not None else ""
    return value


def inner_name(group: list[HtmlElement], glued: str) -> str | None:
    """The name of a byline element inside the group's first block when the block's
    text glues that name to the next element's ("Mic" + "Updated May 25" read as
    "MicUpdated"): the inner element holds the name alone, ending where the glue is."""
    block = group[0]
    for el in group[1:8]:
        if not any(a is block for a in el.iterancestors()):
            continue
        name = clean_author(collapse(el.text_content()[:200]), element=True)
        end = len(name or "")
        if (
            name
            and glued.startswith(name)
            and (GLUED.match(glued, end - 1) or glued[end : end + 1] == "@")
        ):
            return name  # "Greg Iacurci@GregIacurci": the name glued to its handle
    return None


def slug(text: str) -> str:
    """Letters and digits only, accents dropped: "Rocío Latorre" and /autor/rocio-latorre
    meet as "rociolatorre"."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if c.isascii() and c.isalnum())


# Dublin Core and Highwire Press write a person "Last, First" ("Tollefson, Jeff")
_INVERTED_KEYS = frozenset({"dc.creator", "dcterms.creator", "citation_author"})
_INVERTED = re.compile(r"^([^\W\d_][^,\d]{0,40}),\s*([^\W\d_][^,\d]{0,40})$")


def meta_names(page: Page, key: str) -> list[str]:
    """The ``<meta>`` values of one author key, "Last, First" turned to "First Last" for
    the keys whose convention it is (not "Rob Picheta, CNN" in ``author``)."""
    values = page.meta.get(key, [])
    if key not in _INVERTED_KEYS:
        return list(values)
    out = []
    for v in values:
        m = _INVERTED.match(v.strip())
        words = m.group(2).split() if m else []
        if m and len(words) <= 3 and not m.group(2).isupper() and len(m.group(1).split()) <= 3:
            v = f"{m.group(2).strip()} {m.group(1).strip()}"
        out.append(v)
    return out


# a vendor's own key for the author ("cXenseParse:author", "sailthru.byline_name",
# "articleAuthor", "article:author_name"); app banners and social cards name the
# publisher or an account, "web_author" the site's builder, and "…_institution",
# "…_email", "…_bio" are no names
_VENDOR_AUTHOR = re.compile(
    r"(?:^|[:._])(?:article[:._]?)?(?:author|authors|author_?name|byline|byline_?name|"
    r"creator)$"
)
_NOT_VENDOR = ("twitter", "smartbanner", "al:", "apple-", "web_", "web-", "web.")


def namespaced_meta(page: Page, known: tuple[str, ...]) -> list[str]:
    """The values of ``<meta>`` keys that name the author in a vendor's namespace,
    asked after the ``known`` keys: the value is the same kind of credit under another
    analytics or CMS prefix."""
    return [
        v
        for key, values in page.meta.items()
        if _VENDOR_AUTHOR.search(key) and not key.startswith(_NOT_VENDOR) and key not in known
        for v in values
    ]


def with_listed(
    people: tuple[Person, ...], page: Page, keys: tuple[str, ...]
) -> tuple[Person, ...]:
    """All the people a ``<meta>`` key lists one by one, when the byline showed only the
    first of them ("By Xiaoying You, Mariana Lenharo & … Jeff Tollefson", cut short)."""
    if len(people) != 1 or not people[0].name:
        return people
    first = people[0].name.casefold()
    for key in keys:
        names = meta_names(page, key)
        if len(names) > 1 and names[0].casefold() == first and len(set(names)) == len(names):
            return (people[0], *(Person(name=n) for n in names[1:]))
    return people


_CAPITAL_WORDS = r"(?:\s+[^\W\d_a-zß-ÿ][\w'’-]+){1,2}"


def fuller_name(name: str, bylines: list[str | None], bios: list[str]) -> str | None:
    """The full name of a person known by a first name only ("Todd", a CMS display name):
    a visible byline or the person's JSON-LD description that opens with that first name
    and one or two capitalised words ("Todd Bates", "Nils Pickert ist freier Autor")."""
    first = f"(?i:{re.escape(name)})"
    whole = re.compile(rf"{first}{_CAPITAL_WORDS}")
    for byline in bylines:
        if byline and whole.fullmatch(byline) and byline[:1].isupper():
            return byline
    opening = re.compile(rf"^({first}{_CAPITAL_WORDS})(?=\s*(?:[-–—,:(]|\s[^\W\d_A-Z]|$))")
    for bio in bios:
        m = opening.match(bio.strip())
        if m and m.group(1).split()[-1][:1].isupper():
            return m.group(1)
    return None


_EMPHASIS = frozenset({"strong", "b", "em", "i"})
_PROSE = 150  # characters: a paragraph of the text, not a caption or a label


def signature_line(paragraphs: list[HtmlElement]) -> str | None:
    """The author's name set alone in bold or italics right after the post's last
    paragraph or right before its first ("<p><strong>Jane Doe</strong></p>"), the way
    magazines and small newsrooms sign a piece; asked only when nothing else names one."""
    sizes = [len(p.text_content()) if len(p) else len(p.text or "") for p in paragraphs]
    prose = [i for i, size in enumerate(sizes) if size >= _PROSE]
    if len(prose) < 3:
        return None
    for i, beside in ((prose[-1] + 1, prose[-1]), (prose[0] - 1, prose[0])):
        if not 0 <= i < len(paragraphs) or sizes[i] > 60:
            continue
        p = paragraphs[i]
        if p.getparent() is not paragraphs[beside].getparent():
            continue
        name = _emphasised_only(p)
        if name:
            return name
    return None


def _emphasised_only(p: HtmlElement) -> str | None:
    """The text of a paragraph that is one bold or italic run and nothing else."""
    if (p.text or "").strip() or len(p) != 1:
        return None
    el = p[0]
    while el.tag in _EMPHASIS and len(el) == 1 and not (el.text or "").strip():
        el = el[0]
    if el.tag not in _EMPHASIS or len(el) or (el.tail or "").strip() or (p[0].tail or "").strip():
        return None
    names = [clean_author(part) for part in (el.text or "").split("/")]  # "Ann Lee/Bo Chen"
    if all(name and name_shaped(name) for name in names):
        return "; ".join(n for n in names if n)
    return None


def in_full(
    person: Person,
    article: dict[str, Any] | None,
    ids: dict[str, dict[str, Any]],
    bylines: list[str | None],
) -> Person:
    """A one-word name completed from the visible byline or the person's JSON-LD bio."""
    bios = []
    for value in iter_values([article], "author") if article else ():
        for item in value if isinstance(value, list) else [value]:
            bio = resolve(ids, item).get("description") if isinstance(item, dict) else None
            bios += [bio] if isinstance(bio, str) else []
    full = fuller_name(person.name or "", bylines, bios)
    return Person(name=full, url=person.url) if full else person


# works other than articles whose JSON-LD credits the page's author: a recipe, a how-to
AUTHORED_TYPES = frozenset({"recipe", "howto", "videoobject", "podcastepisode", "course", "book"})


def ld_credits(page: Page, article: dict[str, Any] | None) -> list[Any]:
    """The article's ``author`` values, else its ``creator`` (schema.org's wider term);
    without an article object, those of the page's recipe or how-to."""
    for obj in [article] if article else [o for o in page.jsonld if ld_types(o) & AUTHORED_TYPES]:
        values = list(iter_values([obj], "author")) or list(iter_values([obj], "creator"))
        if values:
            return values
    return []


def site_as_author(
    page: Page, values: list[Any], ids: dict[str, dict[str, Any]], keys: tuple[str, ...]
) -> tuple[Person, ...]:
    """The outlet the page itself declares as the author (``<meta name=author>`` or a
    JSON-LD organisation), also when it is the site's own name: pages without a person's
    byline credit the newsroom ("DER SPIEGEL", "NDR.de"), and a credit the page states is
    no invention. Asked only when no person was found anywhere."""
    for key in keys:
        names = [v for v in meta_names(page, key) if not v.startswith(("http", "@"))]
        people = clean_people([Person(name=v) for v in names])
        if people:
            return people
    for value in values:
        people = clean_people(ld_people(ids, value))
        if people:
            return people
    return ()


# a byline label that may stand inside a name ("Walter von Aachen"), trusted only before
# a declared name: "Disko von Ernst Lohoff" when the page declares "Ernst Lohoff"
_INNER_LABELS = frozenset("von by par por door di av af".split())


def label_end(lead: list[str]) -> bool:
    return len(lead) <= 3 and lead[-1].casefold() in _INNER_LABELS


def clean_people(people: list[Person], *, element: bool = False) -> tuple[Person, ...]:
    """Each byline string cleaned to a name (or dropped) and split at ";", first
    spelling of a name kept."""
    out: list[Person] = []
    seen: set[str] = set()
    for person in people:
        for name in split_authors(clean_author(person.name, element=element)):
            key = name.casefold()
            if key in seen:
                continue
            seen.add(key)
            out.append(Person(name=name, url=person.url))
    return tuple(out)


_SOCIAL = re.compile(
    r"^https?://(?:www\.|m\.)?(?:twitter\.com|x\.com|instagram\.com|facebook\.com|"
    r"github\.com|tiktok\.com|threads\.net|linkedin\.com/in)/@?([\w.-]+)/?$",
    re.I,
)


def without_handles(people: tuple[Person, ...], page_url: str | None) -> tuple[Person, ...]:
    """Byline links to a social network profile whose text is the account's handle
    ("calvinfo" -> twitter.com/calvinfo) left out: an author box's follow link, not the
    byline's name; on the network's own pages the handle is the name."""
    host = re.match(r"^https?://(?:www\.|m\.)?([^/:]+)", page_url or "")
    if host and _SOCIAL.match(f"https://{host.group(1)}/x"):
        return people
    return tuple(p for p in people if not (p.url and _handle(p.name, p.url)))


def _handle(name: str | None, url: str) -> bool:
    m = _SOCIAL.match(url)
    text = (name or "").strip().lstrip("@")
    return bool(m and text and " " not in text and text.casefold() == m.group(1).casefold())


# an outlet named by its web address: "Deutsche Welle (www.dw.com)", "NDR.de";
# or by its legal form: "Hanns-Seidel-Stiftung e.V.", "Example Media GmbH", "Acme Inc."
WEB_NAME = re.compile(
    r"(?i:\bwww\.|\w\.(?:com|net|org|info|io|de|at|ch|fr|it|es|nl|co\.uk)\b)|"
    r"\s(?:e\.\s?V\.|g?GmbH|mbH|AG|KG|SE|Inc\.?|Ltd\.?|LLC|Corp\.?|S\.A\.|S\.L\.)(?!\w)"
)


def same_name(name: str | None, site: str | None) -> bool:
    """A name that is the site's ("Lesotho Times" on the site "Lesotho Times")."""
    letters = [_letters(x) for x in (name, site)]
    return bool(letters[0]) and letters[0] == letters[1]


def _letters(text: str | None) -> str:
    return "".join(c for c in (text or "").casefold() if c.isalnum())


# an author key of a page's data or analytics object: ``dataLayer = [{'author': 'Jane
# Doe'}]``, ``window.__DATA__ = {"authorName": "Jane Doe"}``
_SCRIPT_AUTHOR = re.compile(
    r"""(?<![\w.$-])["']?(?:author|authorName|author_name)["']?\s*[:=]\s*["']([^"'\\<>{}]{3,60})["']"""
)


def script_author(page: Page) -> str | None:
    """The name a page's inline scripts give under a general author key, asked only when
    no markup names anyone. Every value must be the same name of two to four capitalised
    words: a script listing several (related posts, comments) or a login name says
    nothing about this post."""
    names: set[str] = set()
    for script in page.by_tag("script"):
        text = script.text
        if not text or "author" not in text or script.get("type") == "application/ld+json":
            continue
        for m in _SCRIPT_AUTHOR.finditer(text):
            names.add(collapse(m.group(1)))
            if len(names) > 1:
                return None
    name = next(iter(names), None)
    return name if name and name_shaped(name) else None
