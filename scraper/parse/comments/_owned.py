"""Which elements of a comment item are its own (not a reply's), and the first of them a
field's selectors match: how every field of a comment is found.

The elements are listed once per item by a walk that does not enter nested items, and
each selector is tested on them in Python (``dom._cssmatch.matcher``): an XPath per field
walked the whole subtree (a thread nested 1,000 deep was quadratic) and costs more the
bigger the page (~80 us a call among 10,000 comments).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from lxml import etree
from lxml.html import HtmlElement

from ..dom._css import select
from ..dom._cssmatch import matcher
from ..dom._signals import text_of

__all__ = [
    "SUBSTR_IN_SEL",
    "Own",
    "first_read",
    "hidden_form",
    "last_compound",
    "not_whole",
    "own_parts",
    "owned",
]

# the item's own elements; the class tokens there (a set and one string) and their tags
Kinds = tuple[frozenset[str], str, frozenset[str]]
Own = tuple[list[HtmlElement], Kinds]
_CLASS_IN_SEL = re.compile(r"\.([\w-]+)")
SUBSTR_IN_SEL = re.compile(r"\[class\*=['\"]?([\w-]+)")


def owned(
    item: HtmlElement,
    selectors: Sequence[str],
    owner: Callable[[HtmlElement], HtmlElement | None],
    own: Own | None = None,
) -> HtmlElement | None:
    """First element matching ``selectors`` (in order) that belongs to ``item`` itself.

    ``owner`` maps an element to its nearest comment item, so that a reply's author or
    content is never taken for its parent's; ``own`` is ``own_parts(item, owner)`` when
    the caller has it already.
    """
    mine, kinds = own_parts(item, owner) if own is None else own
    top = item.getparent()
    for sel, test in _candidates(tuple(selectors), kinds):
        if test is not None:
            found = next((el for el in mine if test(el, top)), None)
        else:  # a selector the matcher does not read: its XPath, over the whole subtree
            found = next((e for e in select(item, sel) if e is not item and owner(e) is item), None)
        if found is not None:
            return found
    return None


def own_parts(item: HtmlElement, owner: Callable[[HtmlElement], HtmlElement | None]) -> Own:
    """The elements under ``item`` (not itself) that are its own, in document order, and
    the class tokens of those and ``item`` (``_classes``). The walk does not enter a
    nested item (a reply): running each field's selectors over the whole subtree made a
    thread nested 1,000 deep quadratic, and an XPath call costs more the bigger the page
    (~80 us each among 10,000 comments)."""
    out: list[HtmlElement] = []
    walker = etree.iterwalk(item, events=("start",))
    for _, el in walker:
        if el is item or not isinstance(el, HtmlElement):
            continue
        if owner(el) is not item or (el.tag == "form" and hidden_form(el)):
            # a hidden form is the reply box a "Reply" link opens (Mezzanine prints one in
            # every comment): its "Name" label is no author's name
            walker.skip_subtree()
            continue
        out.append(el)
    return out, _classes(item, out)


def hidden_form(form: HtmlElement) -> bool:
    """A form the page hides (``display:none``): the reply box a "Reply" link opens under
    one comment (Mezzanine prints one in every comment, ``form.comment-reply-form``), not
    the page's comment form, which a reader sees."""
    return "display:none" in (form.get("style") or "").replace(" ", "").lower()


def _classes(item: HtmlElement, own: list[HtmlElement]) -> Kinds:
    """The class tokens of ``item`` and its own elements (and all of them as one string),
    and the tags of its own elements: a selector matching one of those names only classes
    found there, and only elements with a tag found there."""
    tokens = {t for el in (item, *own) for t in (el.get("class") or "").split()}
    return frozenset(tokens), " ".join(sorted(tokens)), frozenset(el.tag for el in own)


@functools.lru_cache(maxsize=256)
def _candidates(
    selectors: tuple[str, ...], kinds: Kinds
) -> list[tuple[str, Callable[[HtmlElement, HtmlElement | None], bool] | None]]:
    """The selectors that may match under an item with these classes and tags, each with
    its matcher: the items of one thread share a handful of such sets, so this is asked
    once per set, not per item."""
    return [
        (sel, matcher(sel))
        for sel in selectors
        if _may_match(sel, kinds) and _tag_may_match(sel, kinds[2])
    ]


def _may_match(sel: str, kinds: Kinds) -> bool:
    """A cheap pre-check: a selector naming a class absent from the subtree cannot match,
    so its XPath is not run (most of the generic hints miss on any given theme)."""
    tokens, joined, _ = kinds
    for need, subs in _needs(sel):
        if all(c in tokens for c in need) and all(x in joined for x in subs):
            return True
    return False


def _tag_may_match(sel: str, tags: frozenset[str]) -> bool:
    """Whether an element with one of ``tags`` may be what ``sel`` finds: ``time[datetime]``
    needs a ``time`` (a dense thread's items hold a paragraph and nothing else)."""
    need = _last_tags(sel)
    return need is None or not need.isdisjoint(tags)


_LAST_TAG = re.compile(r"[A-Za-z][\w-]*")
_COMBINATOR = re.compile(r"[\s>+~]+")


def last_compound(selector: str) -> str:
    """The compound after the last combinator: what the element itself must be
    (``div.c p`` -> ``p``)."""
    return _COMBINATOR.split(selector.strip())[-1]


@functools.lru_cache(maxsize=1024)
def _last_tags(sel: str) -> frozenset[str] | None:
    """The tags the last compound of each alternative of ``sel`` names; ``None`` when one
    names none (``[itemprop=text]``, ``.fn``) or the selector is not read simply here."""
    if "," in sel and ('"' in sel or "'" in sel):
        return None  # a comma may be inside a quoted value: the alternatives are not split
    tags = set()
    for alt in sel.split(","):
        m = _LAST_TAG.match(last_compound(alt))
        if m is None:
            return None
        tags.add(m.group(0).lower())
    return frozenset(tags)


@functools.lru_cache(maxsize=1024)
def _needs(sel: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Per alternative of ``sel``: the classes it names, and the ``[class*=]`` parts."""
    return tuple(
        (
            tuple(_CLASS_IN_SEL.findall(alt.split("[")[0] if "[" in alt else alt)),
            tuple(SUBSTR_IN_SEL.findall(alt)),
        )
        for alt in sel.split(",")
    )


def not_whole(item: HtmlElement, el: HtmlElement | None) -> HtmlElement | None:
    """``el`` unless it is the item's one box holding all of it: a post author's reply
    classed ``authorpost`` (``[class*=author]``) inside a list item is the comment, not
    its author line, and taken as one it left the comment without text."""
    if el is None or el.getparent() is not item:
        return el
    if (item.text or "").strip() or (el.tail or "").strip():
        return el
    if any(c is not el and isinstance(c.tag, str) for c in item):
        return el
    return None


_SHORT = 80  # characters: a meta line ("Posted 10/18/2012 at 2:57 pm | Permalink")


def first_read(
    item: HtmlElement,
    selectors: Sequence[str],
    owner: Callable[[HtmlElement], HtmlElement | None],
    own: Own,
    read: Callable[[HtmlElement], str | None],
    keep: HtmlElement | None = None,
) -> tuple[HtmlElement, str] | None:
    """The first short element of ``item`` matching ``selectors`` (in order) that ``read``
    finds a value in, with the value. Asked when ``owned``'s first hit held none: Sandbox
    and Thematic themes print "Posted DATE | <a>Permalink</a>", where ``.comment-meta a``
    finds the link and the date is the line's own text. Never an element holding
    ``keep`` (the comment's content, which would leave the text with it)."""
    for sel in selectors:
        el = owned(item, (sel,), owner, own)
        if el is None or len(text_of(el)) > _SHORT:
            continue
        if keep is not None and (el is keep or any(a is el for a in keep.iterancestors())):
            continue
        value = read(el)
        if value is not None:
            return el, value
    return None
