"""Boilerplate inside the chosen content: removed from a copy, never from the page's tree.

``clean_copy(nodes, strip)`` deep-copies only the chosen node(s) (one article, not the
document) under a fresh ``div`` and removes, in one pass over the copy:

* what the profile names in ``body_strip`` (matched on the original, mapped to the copy);
* hidden elements (``hidden``, ``aria-hidden``, ``display:none``);
* page furniture that themes put inside the post: ``header``/``footer``/``nav``/``aside``
  (but not a pull quote), the title heading (its own field: ``*title`` class or the same
  text as ``meta.title``), bylines and dates, share bars, related-post boxes, author
  boxes and bios, a post's own ``div.footer`` (disclosures, source lines), tag lists,
  ad slots and their left-over "Advertisement" labels, video players, newsletter and
  cookie boxes, comment sections, teasers for other stories; recognised by tag, ``role``
  and class/id words (plus ``itemprop``/``data-testid`` where classes are obfuscated);
* link lists: blocks whose text is mostly links (menus, "related" lists without a class
  that says so), a paragraph that is only a link, and "READ MORE: <a>other story</a>"
  teasers in mid-post, unless they are long prose with a few links (``lines``);
* datelines in the text ("Stand: 22.04.2024, 06:00 Uhr"), told by their shape (``lines``);
* hidden elements go, except the story's rest hidden behind a paywall;
* a ``<header>`` goes, but the story's lead set in it (``p.preface``) stays, in its place;
* image carousels are reduced to their ``<img>`` elements (their "1 of 9 / Close"
  chrome and repeated captions go; the pictures stay for ``images``).

Headings (h2-h6), lists, tables, figures and their captions, and blockquotes are kept;
a quote is kept whole, as the page shows it. (``body.text`` leaves the captions out, see
``body``; ``body.html`` keeps the figure as the page marks it up.)
A removed element's tail text stays (it belongs to the parent), so nothing around a
removed widget is lost. Which element is which kind is ``_junk``'s verdict.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Collection, Sequence

from lxml import etree
from lxml.html import HtmlElement

from .._memo import Memo
from ..dom._css import select_all
from ..dom._html import _PARSER
from ..dom._page import ElementIndex
from ..dom._signals import attr_string, text_of
from ..dom._text import collapse
from ._forms import form_boxes
from ._junk import Rules, junk_of, too_big
from ._locate import lead_class

__all__ = ["clean_copy", "remove"]

# image carousels: their pictures are the post's, their "Image 1 of 9 / Caption / Close"
# chrome and repeated captions are not
GALLERY = re.compile(r"gallery|slideshow|carousel|slider|lightbox|swiper")
_GALLERY_WORDS: Memo[str, bool] = Memo(lambda attrs: GALLERY.search(attrs) is not None)


def clean_copy(
    nodes: Sequence[HtmlElement],
    strip: Sequence[str] = (),
    protect: Callable[[HtmlElement], bool] = lambda el: False,
    title: str | None = None,
    drop: Collection[etree._Element] = (),
    index: ElementIndex | None = None,
) -> HtmlElement:
    """A cleaned deep copy of ``nodes`` (in order) under one new ``div``.

    ``protect`` spares an element from the link-list rule (a lone "Read more" paragraph
    looks like a link list but is wanted by the read-more finder). A heading that repeats
    ``title`` (the post's title, its own field) is left out. ``drop`` names elements of
    the page (the comment items) that go wherever they sit inside ``nodes``. ``index``
    (``Page.index`` of the nodes' page) answers the ``strip`` selectors without a walk.
    """
    return clean_copy_kept(nodes, strip, protect, title, drop, index)[0]


def clean_copy_kept(
    nodes: Sequence[HtmlElement],
    strip: Sequence[str] = (),
    protect: Callable[[HtmlElement], bool] = lambda el: False,
    title: str | None = None,
    drop: Collection[etree._Element] = (),
    index: ElementIndex | None = None,
    noscript: bool = False,
) -> tuple[HtmlElement, list[etree._Element]]:
    """``clean_copy``, and the Python objects of the copy's elements: lxml builds one per
    element each time a walk visits it unless one is alive already, so a caller that
    reads the copy several times (text, html, quotes, links) keeps the list while it does.
    ``noscript``: what ``<noscript>`` elements hold is read as content (see ``body``).
    """
    stripped = _profile_strip(nodes, strip, index)
    if drop:
        stripped.update(_inside(nodes, drop))
    # the page parser's element: its lookup picks ``HtmlElement`` in C, where lxml.html's
    # default one calls Python for every proxy of the copy (see ``html._parser``)
    root: HtmlElement = _PARSER.makeelement("div")
    for node in nodes:
        dup = copy.deepcopy(node)
        dup.tail = None
        root.append(dup)
        if stripped:
            _mark_in_copy(node, dup, stripped)
    if noscript:
        for el in root.iter("noscript"):
            el.tag = "div"
    alive = list(root.iter())
    rules = Rules(root, protect, collapse(title).lower())
    junk = list(junk_of(root, rules))
    junk.extend(form_boxes(root, lambda el: too_big(el, rules)))
    for el in junk:
        if el.tag == "header" and el.getparent() is not root:  # a chosen header is no post
            _keep_lead(el)
    remove(junk)
    # a form still here wraps the content (``_is_junk``): the text writers drop every
    # form with what it holds, so it becomes the plain block it is
    for form in root.iter("form"):
        form.tag = "div"
        etree.strip_attributes(form, "action", "method")
    _flatten_galleries(root)
    # a link with nothing left to click (its avatar or icon was cleaned away) goes too
    remove([a for a in root.iter("a") if _empty_link(a)])
    remove([p for p in root.iter("p") if _bare_brackets(p)])
    return root, alive


_BRACKETS = frozenset("()[]|")


def _bare_brackets(p: HtmlElement) -> bool:
    """A paragraph left with only the brackets of a link stripped from it: Mezzanine's
    "(<a href="#comments">2 comments</a>)" becomes "()"."""
    # the paragraph's own leading text starts its text: a first character that is no
    # bracket answers without serializing (most paragraphs open with a word)
    lead = (p.text or "").lstrip()
    if lead and lead[0] not in _BRACKETS:
        return False
    text = text_of(p)
    return (
        bool(text.strip())
        and all(ch in _BRACKETS or ch.isspace() for ch in text)
        and (next(p.iter("img", "iframe", "video", "audio", "object", "embed"), None) is None)
    )


def _keep_lead(header: HtmlElement) -> None:
    """Move the story's lead (``p.preface``) out of a ``<header>`` about to go: the header
    is furniture (title, byline, date), the lead set in it is the story's opening."""
    for el in header.iter():
        if el is not header and isinstance(el.tag, str) and lead_class(el):
            if text_of(el).strip():
                el.tail = None
                header.addprevious(el)
            return


def _empty_link(a: HtmlElement) -> bool:
    text = a.text
    if text and not text.isspace():  # most links: their own text, no serializing
        return False
    return next(a.iter("img"), None) is None and not text_of(a).strip()


def _flatten_galleries(root: HtmlElement) -> None:
    """Replace each image carousel of the copy by its bare ``<img>`` elements.

    A chosen node itself is not flattened: the scorer chose it for its prose, and a
    carousel word in its class is a script's hook (``post-article js-post-gallery``)."""
    galleries = [
        el
        for el in root.iterdescendants(etree.Element)  # elements only, picked in C
        if (attrs := attr_string(el)) and _GALLERY_WORDS[attrs] and el.getparent() is not root
    ]
    done: set[etree._Element] = set()
    for el in galleries:
        # an <img> carrying the carousel class is itself what we keep, not a container
        if el.tag == "img" or any(anc in done for anc in el.iterancestors()):
            continue
        done.add(el)
        images = [img for img in el.iter("img") if img is not el]
        tail = el.tail
        el.clear()
        el.tail = tail
        el.extend(images)


def _inside(nodes: Sequence[HtmlElement], drop: Collection[etree._Element]) -> set[etree._Element]:
    """The elements of ``drop`` strictly inside one of ``nodes``."""
    chosen = set(nodes)
    found: set[etree._Element] = set()
    for el in drop:
        anc = el.getparent()
        while anc is not None:
            if anc in chosen:
                found.add(el)
                break
            anc = anc.getparent()
    return found


def _profile_strip(
    nodes: Sequence[HtmlElement], strip: Sequence[str], index: ElementIndex | None = None
) -> set[etree._Element]:
    """The elements strictly inside ``nodes`` that a ``strip`` selector matches."""
    if not strip:
        return set()
    found: set[etree._Element] = set()
    for node in nodes:
        for el in select_all(node, strip, index):
            if el is not node:
                found.add(el)
    return found


def _mark_in_copy(orig: etree._Element, dup: etree._Element, marked: set[etree._Element]) -> None:
    """Flag in ``dup`` the elements of ``orig`` that are in ``marked`` (same structure)."""
    for o, d in zip(orig.iter(), dup.iter(), strict=False):
        if o in marked:
            d.set("data-strip", "1")


def remove(elements: Sequence[HtmlElement]) -> None:
    """Detach ``elements`` from their tree, keeping each one's tail text in place (a
    tail of whitespace only goes with its element)."""
    for el in elements:
        if el.getparent() is None:
            continue
        if el.tail and not el.tail.strip():
            el.tail = None
        el.drop_tree()
