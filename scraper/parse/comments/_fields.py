"""One comment element to one ``Comment``: author, date, permalink, id, text and html.

Shared by the profile-driven walk and the generic fallback: both find the *items*, this
module reads each one. It never mutates the page tree: the content is serialized from a
deep copy of one comment's subtree with the unwanted nodes (reply links, author line,
nested replies ...) removed from the copy.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable

from lxml import etree
from lxml.html import HtmlElement

from ..._records import Comment, Quote
from ..dom._css import select
from ..dom._cssmatch import matcher
from ..dom._text import text_and_html
from ..profiles._profile import CommentSelectors
from ._bylines import byline_block, byline_date, header_block, lead_line
from ._ids import comment_id, permalink
from ._owned import SUBSTR_IN_SEL, first_read, last_compound, not_whole, own_parts, owned
from ._who import author_of, date_of, has_digit, is_post_author

__all__ = ["build_comment"]

_MODERATION = re.compile(r"^\s*your comment is awaiting moderation", re.I)
_FORM_TAGS = ("form", "textarea")
_MODERATED = frozenset({"p", "em", "span", "div"})  # tags that may hold the moderation notice


@functools.lru_cache(maxsize=16)
def _strip_parts(strip: tuple[str, ...]) -> tuple[str, str, re.Pattern[str] | None]:
    """``strip`` as one union of exact selectors, one of ``[class*=X]`` selectors, and the
    pattern that finds those X as whole words of a class: CSS matches ``[class*=share]``
    inside "shareholder" and ``[class*=report]`` inside "reporter", removing a comment's
    own text with them; a part names a word ("share-buttons", "commentVotes") or nothing.
    """
    exact = [s for s in strip if "[class*=" not in s]
    loose = [s for s in strip if "[class*=" in s]
    parts = sorted(
        {p.replace("-", " ").replace("_", " ") for s in loose for p in SUBSTR_IN_SEL.findall(s)}
    )
    alts = "|".join(map(re.escape, parts))
    words = re.compile(rf"\b(?:{alts})(?:e?s)?(?:{_UI_NOUNS})?\b") if parts else None
    return ", ".join(exact), ", ".join(loose), words


@functools.lru_cache(maxsize=16)
def _bare_part(strip: tuple[str, ...]) -> str:
    """The exact strip selectors that can match an element without attributes (most of a
    comment's elements: testing those against every selector was a tenth of the parse of
    a dense thread)."""
    return ", ".join(s for s in strip if "[class*=" not in s and not _needs_attribute(s))


def _needs_attribute(selector: str) -> bool:
    """Whether ``selector`` matches only elements with an attribute: its last compound
    names a class, an id or an attribute (and nothing harder to read: no pseudo-class, no
    second selector)."""
    last = last_compound(selector)
    return "," not in selector and ":" not in last and any(c in last for c in ".#[")


# what a junk word is glued to in one-word class names: "reportabuse", "sharetools", "votebox"
_UI_NOUNS = "abuse|tools?|bar|box|btn|buttons?|links?|icons?|this|it|count|up|down"


def _typed_into(form: HtmlElement) -> bool:
    """A form the reader types into (a reply or edit box) is no comment text; one holding
    only hidden fields wraps the comment itself (Reddit's ``form.usertext`` around each
    comment's body, for in-place editing)."""
    for el in form.iter("textarea", "input", "select"):
        if el.tag != "input" or (el.get("type") or "text").lower() != "hidden":
            return True
    return False


def _class_words(el: HtmlElement) -> str:
    """``class`` as lower-case words: camelCase, ``-`` and ``_`` split apart."""
    return _CAMEL.sub(r"\1 \2", el.get("class") or "").lower().replace("-", " ").replace("_", " ")


_CAMEL = re.compile(r"([a-z0-9])([A-Z])")


def build_comment(
    item: HtmlElement,
    hints: CommentSelectors,
    owner: Callable[[HtmlElement], HtmlElement | None],
    base_url: str | None,
    quotes: Callable[[HtmlElement, str | None], tuple[Quote, ...]] | None = None,
) -> Comment | None:
    """Read one comment item; ``None`` when it has no text (a deleted or empty shell)."""
    own = own_parts(item, owner)
    author_el = not_whole(item, owned(item, hints.author, owner, own))
    date_el = owned(item, hints.date, owner, own)
    published = date_of(date_el)
    if published is None and date_el is not None and not has_digit(date_el):
        date_el = None  # a "date" element without a date ("<a>Anne</a>" in .comment-meta)
    link_el = owned(item, hints.permalink, owner, own)
    content_el = owned(item, hints.content, owner, own)
    # the first hit held no date: a later one, the permalink (WordPress prints the date
    # as its text, "On October 12, 2012 at 10:52 am") or the meta line ("Posted DATE |
    # <a>Permalink</a>"); without an author element the header and byline readers below
    # read such a line for both
    dates = (*hints.permalink, ".comment-meta", "[class*=date]", "[class*=time]")
    if published is None and author_el is not None:
        later = first_read(item, dates, owner, own, date_of, content_el)
        date_el, published = later or (date_el, None)
        if later is None:  # a footer "Posted by NAME on DATE" (Squarespace, TypePad) or
            # an author byline "by NAME » DATE" (phpBB) gives the date; the footer stays
            # in the text, as it did before its date was read (what readers saw)
            footer = first_read(item, _FOOTERS, owner, own, date_of, content_el)
            published = footer[1] if footer is not None else byline_date(author_el)
    skip = [e for e in (author_el, date_el, link_el) if e is not None]
    lead = lead_line(item) if author_el is None and content_el is None else None
    if lead is not None:
        author_el = lead.author
    bare = author_el is None and date_el is None
    head = header_block(item, owner, own[0]) if lead is None and bare else None
    if (head is None or head.author is None) and lead is None and author_el is None:
        # "written by mike, October 19, 2012" names both: better than a date line alone
        head = byline_block(item, owner, own[0]) or head
    if head is not None:
        author_el = head.author
        skip.append(head.block)
        if head.name_block is not None:
            skip.append(head.name_block)
    body = _content_copy(item, content_el, hints, owner, skip, lead=lead.nodes if lead else ())
    if content_el is None:
        body = _sole_paragraph(body)
    text, html = text_and_html(body, base_url)
    if not text or (author_el is None and _PLACEHOLDER.fullmatch(text)):
        return None
    if published is None and lead is not None:
        published = lead.date
    if published is None and head is not None:
        published = head.date
    return Comment(
        id=comment_id(item, hints.id_pattern, link_el),
        url=permalink(link_el, base_url),
        author=author_of(author_el, hints, owner, item, base_url, own),
        published=published,
        text=text,
        html=html,
        quotes=quotes(body, base_url) if quotes else (),
        is_post_author=is_post_author(item, author_el, hints.post_author_class),
    )


_FOOTERS = ("[class*=posted]", "[class*=footer]")
# What a thread shows, nameless, where a comment was removed or is held for moderation
# (Mezzanine's "Comment deleted" / "Comment awaiting approval", Reddit's "[deleted]",
# Disqus's "This comment was deleted."): nobody's words, so no comment
_PLACEHOLDER = re.compile(
    r"\[?(?:comment (?:deleted|removed|awaiting (?:approval|moderation))|deleted|removed"
    r"|this comment (?:was|has been) (?:deleted|removed)\.?"
    r"|(?:this )?comment is awaiting (?:approval|moderation)\.?)\]?",
    re.I,
)


def _content_copy(
    item: HtmlElement,
    content_el: HtmlElement | None,
    hints: CommentSelectors,
    owner: Callable[[HtmlElement], HtmlElement | None],
    skip: list[HtmlElement],
    *,
    lead: tuple[HtmlElement, ...] = (),
) -> HtmlElement:
    """A deep copy of the content with nested replies, forms and crumbs removed.

    Without a content element the whole item is copied and its author/date line dropped.
    Marking the nodes to drop on the original (by position) is impossible without
    mutation, so we mark them by path: indices computed on the original, applied to the
    copy.
    """
    src = content_el if content_el is not None else item
    drop: list[HtmlElement] = []
    exact, loose, words = _strip_parts(tuple(hints.strip)) if hints.strip else ("", "", None)
    loose = loose if words is not None else ""
    strip_exact, strip_loose = matcher(exact) if exact else None, matcher(loose) if loose else None
    # an element without attributes (el.keys() is empty) needs only the bare selectors
    bare = _bare_part(tuple(hints.strip)) if strip_exact is not None else ""
    strip_bare = matcher(bare) if bare else None
    top = src.getparent()
    # What is dropped goes with its subtree, so the walk does not enter it: a reply nested
    # 2,000 deep listed every element inside it, each with a 2,000-step path (37 s a page).
    # The strip selectors are tested in the same walk (an XPath per comment costs more the
    # bigger the page); what lies inside a dropped subtree goes with it anyway.
    wrappers: list[HtmlElement] = []
    walker = etree.iterwalk(src, events=("start",))
    for _, el in walker:
        if not isinstance(el, HtmlElement):
            continue
        if el is not src and (
            (el.tag in _FORM_TAGS and (el.tag != "form" or _typed_into(el)))
            or owner(el) is not item
            or (
                strip_exact is not None
                and ((strip_bare is not None and strip_bare(el, top)) if not el.keys()
                     else strip_exact(el, top))
            )
            or (
                # the class words first: an element without a class has none (most)
                words is not None
                and strip_loose is not None
                and el.get("class")
                and words.search(_class_words(el))
                and strip_loose(el, top)
            )
        ):  # fmt: skip
            drop.append(el)
            walker.skip_subtree()
        elif el.tag in _MODERATED and _moderation(el.text):
            drop.append(el)
        elif el.tag == "form" and el is not src:
            wrappers.append(el)  # the text writers drop forms: it becomes the block it is
    # a strip selector the matcher does not read: its XPath, over the whole subtree
    if exact and strip_exact is None:
        drop.extend(e for e in select(src, exact) if e is not src)
    if loose and strip_loose is None and words is not None:
        drop.extend(e for e in select(src, loose) if e is not src and words.search(_class_words(e)))
    # author, date and permalink are fields of their own, wherever the theme put them
    drop.extend(skip)
    places: dict[HtmlElement, dict[HtmlElement, int]] = {}
    paths = {_path(src, e, places, item) for e in drop if e is not src}
    paths.discard(None)
    dup = copy.deepcopy(src)
    lead_dup = [_follow(dup, (src.index(n),)) for n in lead]
    for form in wrappers:
        path = _path(src, form, places, item)
        node = _follow(dup, path) if path is not None else None
        if node is not None:
            node.tag = "div"
    # Reverse document order: removing a later node never shifts an earlier path.
    for path in sorted((p for p in paths if p is not None), reverse=True):
        node = _follow(dup, path)
        if node is not None and node.getparent() is not None:
            node.drop_tree()  # on the copy only: the tail text stays with the parent
    if lead:
        _drop_lead(dup, [n for n in lead_dup if n is not None])
    return dup


def _moderation(text: str | None) -> bool:
    """``_MODERATION.match(text)``, the regular expression run only on a text that may
    hold it."""
    if not text or text.lstrip()[:4].lower() != "your":
        return False
    return _MODERATION.match(text) is not None


def _sole_paragraph(body: HtmlElement) -> HtmlElement:
    """Without a content element, a lone ``<p>`` left after the byline *is* the content."""
    if len(body) != 1 or body[0].tag != "p":
        return body
    if (body.text or "").strip() or (body[0].tail or "").strip():
        return body
    return body[0]


def _drop_lead(dup: HtmlElement, nodes: list[HtmlElement]) -> None:
    # The byline's text lives in the tails of its nodes; only the text after the final
    # line break belongs to the comment.
    dup.text = None
    for i, node in enumerate(nodes):
        parent = node.getparent()
        if parent is None:
            continue
        keep = node.tail if i == len(nodes) - 1 and node.tag == "br" else None
        parent.remove(node)
        if keep:
            dup.text = (dup.text or "") + keep


def _path(
    root: HtmlElement,
    el: HtmlElement,
    places: dict[HtmlElement, dict[HtmlElement, int]],
    stop: HtmlElement,
) -> tuple[int, ...] | None:
    """``el``'s child indices from ``root``, ``None`` when it is not under ``root``;
    ``stop``, an ancestor of both, ends the search up. The ancestry is checked first and
    each parent's positions counted once (``places``): ``index()`` counts the siblings
    before a child, and asking it of the parents of an element outside ``root`` walked a
    list of 10,000 comments (or up a thread 600 deep) per field of each comment."""
    chain: list[HtmlElement] = []
    cur: HtmlElement | None = el
    while cur is not None and cur is not root:
        if cur is stop:
            return None
        chain.append(cur)
        cur = cur.getparent()
    if cur is None:
        return None
    out: list[int] = []
    for node in reversed(chain):
        parent = node.getparent()
        assert parent is not None
        place = places.get(parent)
        if place is None:
            place = places[parent] = {c: i for i, c in enumerate(parent)}
        out.append(place[node])
    return tuple(out)


def _follow(root: HtmlElement, path: tuple[int, ...]) -> HtmlElement | None:
    node = root
    for i in path:
        if i >= len(node):
            return None
        node = node[i]
    return node
