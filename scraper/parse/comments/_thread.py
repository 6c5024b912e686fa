"""From a set of comment item elements to the thread: order, parents and depth.

Nesting is read from the document: a reply is an item inside another item's reply box
(``ol.children``, ``.comment-replies``, ``.indented``, any nested list). An item inside
another with no such box between them is a *part* of that comment (a theme that marks
both ``li.comment`` and its inner ``div.comment``), not a reply, and is dropped.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import re
from collections.abc import Callable, Iterable

from lxml import html
from lxml.html import HtmlElement

from ..._records import Comment, Quote
from .._memo import Memo
from ..dom._text import xml_safe
from ..profiles._profile import CommentSelectors
from ._fields import build_comment
from ._indent import indent_parents

__all__ = ["REPLY_BOX", "Owner", "excluded", "make_owner", "walk_thread"]

Owner = Callable[[HtmlElement], HtmlElement | None]
REPLY_BOX = re.compile(r"child|repl|indent|nested|sub-?comment|thread", re.I)
_REPLY_WORDS = ("child", "repl", "indent", "nested", "comment", "thread")


@functools.lru_cache(maxsize=4096)
def reply_hint(hint: str) -> bool:
    """``REPLY_BOX.search(hint)``, remembered: every comment's walk to the root asks it of
    the same few ancestors' class strings, and an case-blind alternation costs ~30 us on
    a block theme's long class list (a page of 2,000 comments spent a second in it)."""
    low = hint.lower()
    return any(w in low for w in _REPLY_WORDS) and REPLY_BOX.search(hint) is not None


# Containers whose comments are not this post's thread, matched per class/id token
# (Blogger's main column is a "widget", so the bare word is not one).
# Side columns: unless the same element also says "comment" ("sidebar_module js-comment").
_SIDE = re.compile(
    r"sidebar|sidebar[-_]?\w+|\w+[-_]sidebar|widget-?area|widget_\w+|secondary|tertiary|"
    r"footer-?widgets|popular\w*|most-?commented",
    re.I,
)
_FOREIGN = re.compile(
    r"\w*recent-?comments\w*|respond|comment-?form\w*|nocomments|"
    # notices standing where comments would be: "no-reply-4337", "bbp-no-reply"
    r"(?:\w+[-_])?no[-_](?:reply|replies|comments?)[-_\w]*|"
    # hidden until a script shows them (tabs, previews, badges): not what a reader sees
    r"hidden|hide|hiddenbox|is-hidden|preview|comment-?preview|"
    # link notifications, not reader comments
    r"pingback|trackback|pings",
    re.I,
)
# Layout flags on wrappers of the whole page ("has-sidebar", "content-sidebar" on body).
_LAYOUT = re.compile(r"^(?:has|with|no|is|content|left|right|two|three|one)[-_]", re.I)
# A token that names the element the page's main column or wrapper ("body_main",
# "main-content", "page-wrap"): with it, a side token is the layout's variant
# (``<div id="main" class="sidebar-right">``), not a side column.
_MAIN = re.compile(
    r"(?:[a-z]+[-_])?(?:main|content|body|page|wrap|wrapper|container)(?:[-_][a-z]+)?", re.I
)
_NOT_MAIN = re.compile(r"side|secondary|widget|aside|nav|foot|head", re.I)


def make_owner(items: Iterable[HtmlElement]) -> Owner:
    """Nearest item among ``items`` that is ``el`` or one of its ancestors. Each answer
    is remembered for every element on the way up: the fields of each comment ask it of
    every element of the comment, and in a thread nested 2,000 deep each walk up was
    2,000 steps."""
    itemset = set(items)
    memo: dict[HtmlElement, HtmlElement | None] = {}

    def owner(el: HtmlElement) -> HtmlElement | None:
        chain: list[HtmlElement] = []
        cur: HtmlElement | None = el
        found: HtmlElement | None = None
        while cur is not None:
            if cur in itemset:
                found = cur
                break
            if cur in memo:
                found = memo[cur]
                break
            chain.append(cur)
            cur = cur.getparent()
        for node in chain:
            memo[node] = found
        return found

    return owner


def excluded(el: HtmlElement, memo: dict[HtmlElement, bool] | None = None) -> bool:
    """True when ``el`` sits in a sidebar, a widget, the comment form or an ``aside``.

    ``memo`` (one dict per page) remembers the answer for every element on the way up,
    so that asking for many elements of one area walks each ancestor once.
    """
    chain: list[HtmlElement] = []
    cur: HtmlElement | None = el
    result = False
    while cur is not None and cur.tag not in ("body", "html"):
        known = memo.get(cur) if memo is not None else None
        if known is not None:
            result = known
            break
        if memo is None and _foreign_box(cur):
            return True
        chain.append(cur)
        cur = cur.getparent()
    if memo is None:
        return False
    for node in reversed(chain):
        result = result or _foreign_box(node)
        memo[node] = result
    return result


def _foreign_box(cur: HtmlElement) -> bool:
    """``cur`` itself is a sidebar, a widget, the comment form, an ``aside``, hidden ..."""
    if cur.tag in ("aside", "textarea"):
        return True
    if cur.tag == "form" and not _page_form(cur):
        return True
    ident, cls = cur.get("id"), cur.get("class")
    if (ident or cls) and _FOREIGN_HINTS[f"{ident or ''} {cls or ''}"]:
        return True
    return "display:none" in (cur.get("style") or "").replace(" ", "").lower()


def _foreign_hint(hint: str) -> bool:
    """Whether an id and class (``hint``) name a sidebar, a widget, a form ..."""
    # each token once: a hostile class of 250,000 repeated words is 1 token to test
    tokens = dict.fromkeys(hint.split()) if len(hint) > 200 else hint.split()
    if any(_FOREIGN.fullmatch(t) for t in tokens):
        return True
    side = any(_SIDE.fullmatch(t) and not _LAYOUT.match(t) for t in tokens)
    return side and not any("comment" in t.lower() or _main_token(t) for t in tokens)


# ``_foreign_hint`` per id and class: the elements above a page's comments repeat a few
# (each asked with a regex per token), and a site's pages repeat them all
_FOREIGN_HINTS: Memo[str, bool] = Memo(_foreign_hint)


def _page_form(form: HtmlElement) -> bool:
    """ASP.NET WebForms (and other form frameworks) wrap the whole page in one <form>: the
    post and its thread live inside it, so it is no comment or search box. Such a form is
    a child of <body> or holds the page's headline."""
    parent = form.getparent()
    return parent is not None and (parent.tag == "body" or form.find(".//h1") is not None)


def _main_token(token: str) -> bool:
    return _MAIN.fullmatch(token) is not None and _NOT_MAIN.search(token) is None


def _has_reply_box(el: HtmlElement, ancestor: HtmlElement) -> bool:
    cur = el.getparent()
    while cur is not None and cur is not ancestor:
        hint = f"{cur.get('id') or ''} {cur.get('class') or ''}"
        if cur.tag in ("ol", "ul", "dl", "blockquote") or reply_hint(hint):
            return True
        cur = cur.getparent()
    return False


def prune_parts(items: list[HtmlElement]) -> list[HtmlElement]:
    """Drop items nested in another item without a reply box between them."""
    owner = make_owner(items)
    kept: list[HtmlElement] = []
    in_dd: dict[HtmlElement | None, bool] = {}  # per parent: siblings share the answer
    for el in items:
        parent = el.getparent()
        anc = owner(parent) if parent is not None else None
        if anc is None:
            if parent not in in_dd:
                in_dd[parent] = _in_dd_of(el, owner)
            if in_dd[parent]:
                continue
        if anc is None or _has_reply_box(el, anc) or _distinct_ids(el, anc):
            kept.append(el)
    return kept


_NUM = re.compile(r"\d+")


def _distinct_ids(el: HtmlElement, anc: HtmlElement) -> bool:
    """Two numbered comments (``comment-33`` inside ``comment-32``) are reply and parent
    even without a reply box; ``article#comment-12`` in ``li#li-comment-12`` is one."""
    a, b = _NUM.findall(el.get("id") or ""), _NUM.findall(anc.get("id") or "")
    return bool(a) and bool(b) and a != b


def _in_dd_of(el: HtmlElement, owner: Owner) -> bool:
    """True when ``el`` is inside the ``dd`` that belongs to a ``dt`` item, with no reply
    list in between: the WordPress dl layout marks both ``dt.comment`` and the
    ``div.comment`` in its ``dd``."""
    cur = el.getparent()
    while cur is not None:
        if cur.tag == "dd":
            prev = cur.getprevious()
            while prev is not None and not isinstance(prev.tag, str):
                prev = prev.getprevious()
            return prev is not None and prev.tag == "dt" and owner(prev) is prev
        if cur.tag in ("ol", "ul", "dl") or reply_hint(cur.get("class") or ""):
            return False
        cur = cur.getparent()
    return False


def walk_thread(
    items: list[HtmlElement],
    hints: CommentSelectors,
    base_url: str | None,
    quotes: Callable[[HtmlElement, str | None], tuple[Quote, ...]] | None = None,
) -> tuple[Comment, ...]:
    """Comments in document order (pre-order), each linked to its nearest item ancestor."""
    items = prune_parts(items)
    owner = make_owner(items)
    ids: dict[HtmlElement, str | None] = {}
    depth: dict[HtmlElement, int] = {}
    out: list[Comment] = []
    itemset = set(items)
    # per parent element: the 20,000 items of one list share it, and each walked to the root
    parents: dict[HtmlElement | None, HtmlElement | None] = {}
    nested = False
    built: list[HtmlElement] = []  # the items of ``out``
    for el in items:
        up = el.getparent()
        if up in parents:
            anc = parents[up]
        else:
            anc = parents[up] = _parent_item(el, itemset)
        nested = nested or anc is not None
        if el.tag == "dt":
            c = _build_dl_item(el, hints, base_url, quotes)
        else:
            c = build_comment(el, hints, owner, base_url, quotes)
        depth[el] = depth[anc] + 1 if anc is not None and anc in depth else 0
        if c is None:
            ids[el] = None
            continue
        ids[el] = c.id
        parent_id = ids.get(anc) if anc is not None else None
        out.append(_with_parent(c, parent_id, depth[el], el))
        built.append(el)
    if not nested and len(out) > 1:  # sibling boxes: replies may be shown by indents
        return _by_indent(out, built)
    return tuple(out)


def _by_indent(out: list[Comment], built: list[HtmlElement]) -> tuple[Comment, ...]:
    up = indent_parents(built)
    if up is None:
        return tuple(out)
    done: list[Comment] = []
    for c, p in zip(out, up, strict=True):
        if p is None:
            done.append(c)
        else:
            done.append(dataclasses.replace(c, parent_id=done[p].id, depth=done[p].depth + 1))
    return tuple(done)


def _parent_item(el: HtmlElement, itemset: set[HtmlElement]) -> HtmlElement | None:
    """The item ``el`` replies to: its nearest item ancestor, or the item just before the
    reply box it sits in (Drupal 7 puts ``div.indented`` *after* the parent comment)."""
    cur = el.getparent()
    while cur is not None:
        if cur in itemset:
            return cur
        ident = cur.get("id") or ""
        hint = f"{ident} {cur.get('class') or ''}"
        # a reply box after its parent comment, or a dd whose dt is the parent (dl threads)
        replies = cur.tag == "dd" or reply_hint(hint)
        if replies or ident[-1:].isdigit():
            prev = cur.getprevious()
            while prev is not None and not isinstance(prev.tag, str):
                prev = prev.getprevious()
            if prev is not None and prev in itemset and (replies or _same_number(ident, prev)):
                return prev
        cur = cur.getparent()
    return None


def _same_number(ident: str, prev: HtmlElement) -> bool:
    """A box named for the comment before it holds that comment's replies: JComments
    prints ``div#comment-item-101`` then ``div.comments-list#comments-list-101``."""
    a, b = _NUM.findall(ident), _NUM.findall(prev.get("id") or "")
    return bool(a) and a == b


def _build_dl_item(
    dt: HtmlElement,
    hints: CommentSelectors,
    base_url: str | None,
    quotes: Callable[[HtmlElement, str | None], tuple[Quote, ...]] | None,
) -> Comment | None:
    """A ``dl`` thread (Blogger classic): the ``dt`` names the author, the ``dd`` siblings
    up to the next ``dt`` hold text and date. Read from a detached copy of that run."""
    wrapper = html.Element("div")
    for attr in ("id", "class"):
        if dt.get(attr):
            wrapper.set(attr, xml_safe(dt.get(attr) or ""))
    wrapper.append(copy.deepcopy(dt))
    for sib in dt.itersiblings():
        if sib.tag == "dt":
            break
        if sib.tag == "dd":
            dd = copy.deepcopy(sib)
            # replies nest as a dl (or list) inside the dd; they are their own items
            for nested in [
                e for e in dd.iterdescendants("dl", "ol", "ul") if e.find(".//dt") is not None
            ]:
                if nested.getparent() is not None:
                    nested.getparent().remove(nested)
            wrapper.append(dd)
    return build_comment(wrapper, hints, lambda e: wrapper, base_url, quotes)


def _with_parent(c: Comment, parent_id: str | None, depth: int, el: HtmlElement) -> Comment:
    import dataclasses

    if parent_id is None and depth == 0:
        hint = el.get("data-parent") or el.get("data-parent-id") or el.get("data-in-reply-to")
        if hint and hint.strip() not in ("", "0"):
            return dataclasses.replace(c, parent_id=hint.strip(), depth=1)
    if c.parent_id == parent_id and c.depth == depth:
        return c  # a top-level comment as built: ``replace`` costs ~5 us a comment
    return dataclasses.replace(c, parent_id=parent_id, depth=depth)
