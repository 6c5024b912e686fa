"""Comments on markup never seen: find the comment area, then its repeated items.

1. Areas: outermost elements whose id/class speaks of comments (``#comments``,
   ``.commentlist``, ``#disqus_thread`` ...), outside sidebars, widgets and the form.
2. In each area, repeated-sibling detection: the parent whose children share a tag+class
   signature, carry text, and look like comments (a comment class/id, or an author/date
   element in most of them). The chosen signature, searched through the area, also finds
   the nested replies; ``comments_thread`` links them.
3. Without an area, elements with comment-like ids (``comment-123``) or a schema.org
   ``Comment`` itemtype are the items.
4. Flat threads of old Movable Type / TypePad templates have no item element at all: an
   empty anchor named for each comment (``<a id="c65581830"></a>``) starts a run of
   sibling paragraphs that ends with its "Posted by: NAME | DATE" line (``flat_runs``);
   each run is read from a detached copy (``flat_items``, in ``comments_flat``).
Conservative on purpose: a page without comments must yield none.
"""

from __future__ import annotations

from collections import defaultdict

from lxml.html import HtmlElement

from ..dom._css import subtree_end
from ..dom._page import Page
from ..dom._signals import text_of
from ._cued import cue_area, cues, foreign_links, holders
from ._facts import DATE_LINE_MAX as _DATE_LINE_MAX
from ._facts import Facts as _Facts
from ._facts import dated as _dated
from ._facts import facts_of as _facts
from ._headed import HEADING_TAGS, headed_groups
from ._markers import (
    AREA,
    AUTHORISH,
    COMMENTISH,
    DATEISH,
    HEX_DIGITS,
    ITEM_ID,
    ITEM_TAGS,
    MIN_TEXT,
    NOT_AREA,
    Sig,
    hint_of,
    hinted,
    signature,
)
from ._thread import REPLY_BOX, excluded, make_owner, prune_parts

__all__ = ["ITEM_ID", "MIN_TEXT", "excluded_memo", "generic_items", "looks_like_comments"]


def _areas(page: Page) -> list[HtmlElement]:
    """Outermost comment-hinted elements, outside sidebars, hidden boxes and forms."""
    out: list[HtmlElement] = []
    position = page.index.position
    end = 0  # where the subtree of the last area kept ends, in document positions
    for el in hinted(page):
        if el.tag in NOT_AREA:
            continue
        hint = hint_of(el)
        if not hint.strip() or not AREA.search(hint.replace(" ", "  ")):
            continue
        if out and position[el] < end:  # inside it (walking up from each of 600 nested
            continue  # comments to the last area was a second)
        if excluded(el, excluded_memo(page)):
            continue
        out.append(el)
        end = subtree_end(position, el)
    # Siblings that each say "comment" widen to their one parent: searched once, not
    # once per sibling (a page of 2,000 div.comment searched its list 2,000 times).
    counts: dict[tuple[HtmlElement, Sig], int] = {}
    return list(dict.fromkeys(_widen(a, counts) for a in out))


def _widen(area: HtmlElement, counts: dict[tuple[HtmlElement, Sig], int]) -> HtmlElement:
    """One comment per area (Movable Type repeats ``div.comments-body``): when three or
    more siblings share the area's kind, their parent is the area. ``counts`` remembers
    the siblings of each kind per parent (every sibling asks the same question)."""
    parent = area.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return area
    sig = signature(area)
    if "comment" not in sig[1].lower():
        return area
    if _strong_id(area):  # the "area" is one numbered comment: its list is the area
        return parent
    same = counts.get((parent, sig))
    if same is None:
        for sib in parent:
            if isinstance(sib.tag, str):
                key = (parent, signature(sib))
                counts[key] = counts.get(key, 0) + 1
        same = counts.get((parent, sig), 0)
    return parent if same >= 3 else area


def _looks_like_item(el: HtmlElement, facts: _Facts | None = None) -> tuple[bool, bool]:
    """(has a comment class/id, has an author- or date-like descendant)."""
    commentish = bool(COMMENTISH.search(hint_of(el))) or bool(ITEM_ID.match(el.get("id") or ""))
    itemtype = el.get("itemtype") or ""
    commentish = commentish or "Comment" in itemtype
    has_meta = facts.has_meta(el) if facts is not None else None
    if has_meta is not None and facts is not None:
        if not commentish:
            for i, d in enumerate(el.iterdescendants()):
                if i >= 4:
                    break
                if not isinstance(d, HtmlElement):
                    continue
                if ITEM_ID.match(d.get("id") or d.get("name") or ""):
                    commentish = True
                    break
                if d in facts.meta:
                    break
        return commentish, has_meta
    meta = False
    for i, d in enumerate(el.iterdescendants()):
        if not isinstance(d, HtmlElement):
            continue
        # an anchor near the top named for the comment: <a id="comment-47479"></a>
        if i < 4 and ITEM_ID.match(d.get("id") or d.get("name") or ""):
            commentish = True
        h = hint_of(d)
        if d.tag in ("cite", "time") or (h.strip() and (AUTHORISH.search(h) or DATEISH.search(h))):
            meta = True
            break
    return commentish, meta


def _strong_id(el: HtmlElement) -> bool:
    return bool(ITEM_ID.match(el.get("id") or "")) or "Comment" in (el.get("itemtype") or "")


def _single_ok(el: HtmlElement, has_meta: bool) -> bool:
    """A lone item must name itself a comment (``comment-123``, class ``comment``), not a
    list of them (``div.comments`` is the container, not one comment)."""
    if _strong_id(el):
        return True
    return "comment" in (el.get("class") or "").lower().split() and has_meta


def _group_score(members: list[HtmlElement], facts: _Facts) -> float:
    # The comment form holds a textarea; comment *tools* (recommend, report) are forms too.
    if any(facts.has_textarea(m) for m in members):
        return 0.0
    if members[0].tag == "dt":
        return _dl_score(members)
    # numbered comments may be short ("Go TL!"); anonymous boxes need some text
    least = 1 if all(_strong_id(m) for m in members) else MIN_TEXT
    if len(members) == 1:
        # a lone box must name itself a comment: asked first, since each level of a deep
        # nest of boxes is a group of one, and most are no comment
        flags = [_looks_like_item(members[0], facts)]
        if not _single_ok(members[0], flags[0][1]):
            return 0.0
    texts = [facts.text.stripped(m) for m in members]
    if sum(texts) < least * len(members):
        return 0.0
    if len(members) != 1:
        flags = [_looks_like_item(m, facts) for m in members]
    commentish = sum(c for c, _ in flags)
    meta = sum(m for _, m in flags)
    if len(members) >= 2 and commentish < len(members) and meta * 2 < len(members):
        # few author/date classes: a date line says it as well (read only when it counts)
        meta = max(meta, sum(_dated(m, facts) for m in members))
    if _fails(len(members), commentish, meta):
        # no comment classes: a link to the comment beside its text says it as well
        commentish = max(commentish, _linked(members, facts, every=meta * 2 < len(members)))
        if _fails(len(members), commentish, meta):
            return 0.0
    bonus = 2.0 if commentish * 2 >= len(members) else 1.0
    return bonus * sum(min(t, 3000) for t in texts)


def _linked(members: list[HtmlElement], facts: _Facts, every: bool) -> int:
    """How many ``members`` hold a permalink beside their text, all into one document: a
    thread's links lead to the page itself, a recent-comments list's to many posts. With
    ``every`` only all of them count (the first box without one ends the reading)."""
    found = 0
    docs: set[str] = set()
    for m in members:
        doc = facts.permalink_doc(m)
        if doc is None:
            if every:
                return 0
            continue
        found += 1
        docs.add(doc)
    return found if len(docs) == 1 else 0


def _fails(n: int, commentish: int, meta: int) -> bool:
    """Too few of ``n`` boxes are marked as comments or carry an author or a date."""
    if commentish * 2 < n and meta * 2 < n + 1:
        return True
    return n >= 2 and meta * 2 < n and commentish < n


def _dl_score(members: list[HtmlElement]) -> float:
    """dl threads: dt = who/when, the dd after it = what; the area hint is enough."""
    said = [m.getnext() for m in members]
    texts = [len(text_of(d).strip()) for d in said if d is not None and d.tag == "dd"]
    if len(texts) != len(members) or sum(texts) < MIN_TEXT * len(members):
        return 0.0
    enough = len(members) >= 2 or _single_ok(members[0], True)
    return float(sum(min(t, 3000) for t in texts)) if enough else 0.0


def excluded_memo(page: Page) -> dict[HtmlElement, bool]:
    """The page's ``excluded`` answers (see ``comments_thread.excluded``)."""
    memo: dict[HtmlElement, bool] = page.memo("comment-excluded", dict)
    return memo


def _best_in(
    area: HtmlElement, memo: dict[HtmlElement, bool], facts: _Facts
) -> tuple[float, list[HtmlElement]]:
    best: tuple[float, list[HtmlElement]] = (0.0, [])
    for parent in area.iter():
        if not isinstance(parent, HtmlElement) or len(parent) == 0 or parent.tag == "form":
            continue
        if parent is not area and excluded(parent, memo):
            continue
        groups: dict[Sig, list[HtmlElement]] = defaultdict(list)
        for child in parent:
            if isinstance(child, HtmlElement) and child.tag in ITEM_TAGS:
                groups[signature(child)].append(child)
        for sig, all_members in groups.items():
            # the comment form may sit in the last box of the list: that box is no comment
            members = all_members
            if len(members) > 2 and facts.has_textarea(members[-1]):
                members = members[:-1]
            # a reply box (div.indented, ul.children) holds comments, it is not one
            score = 0.0 if REPLY_BOX.search(sig[1]) else _group_score(members, facts)
            if score > best[0]:
                items = _expand(area, parent, sig, facts)
                best = (score, items)
    return best


def _expand(area: HtmlElement, parent: HtmlElement, sig: Sig, facts: _Facts) -> list[HtmlElement]:
    """The group's kind through the area (nested replies too); a classless kind only
    where its list has the same kind as the group's list, or every div would match."""
    if sig[1]:
        return [e for e in area.iter(sig[0]) if signature(e) == sig and not facts.has_textarea(e)]
    psig = signature(parent)
    # the list and the boxes around it are no items of it (classless like them)
    around = {parent, *parent.iterancestors()}
    return [
        e
        for e in area.iter(sig[0])
        if signature(e) == sig
        and (p := e.getparent()) is not None
        and signature(p) == psig
        and e not in around
    ]


def _id_items(page: Page) -> list[HtmlElement]:
    index = page.index
    numbered = [
        el
        for ident, els in index.by_id.items()
        if ident[-1] in HEX_DIGITS and ITEM_ID.match(ident)  # its match ends on one
        for el in els
    ]
    typed = [el for el in index.with_attr("itemtype") if "Comment" in (el.get("itemtype") or "")]
    found = [
        el
        for el in sorted({*numbered, *typed}, key=index.position.__getitem__)
        if el.tag in ITEM_TAGS
        and (ITEM_ID.match(el.get("id") or "") or "Comment" in (el.get("itemtype") or ""))
        and not excluded(el, excluded_memo(page))
    ]
    if not found:
        return []
    by_sig: dict[Sig, list[HtmlElement]] = defaultdict(list)
    for el in found:
        by_sig[signature(el)].append(el)
    members = max(by_sig.values(), key=len)
    return members if _group_score(members, _facts(page)) > 0 else []


def looks_like_comments(page: Page, items: list[HtmlElement]) -> bool:
    """``items`` (found by a profile's selectors) pass the generic finder's test of a
    group: text, and comment marks or author/date elements in most of them."""
    return _group_score(items, _facts(page)) > 0


def generic_items(page: Page) -> list[HtmlElement]:
    """The comment items of an unknown layout, in document order; [] when none."""
    best: tuple[float, list[HtmlElement]] = (0.0, [])
    for area in _areas(page):
        cand = _best_in(area, excluded_memo(page), _facts(page))
        if cand[0] > best[0]:
            best = cand
    if best[1]:
        items = [e for e in best[1] if not excluded(e, excluded_memo(page))]
        return _drop_edge_boxes(_after_anchor(page, items), _facts(page))
    return _id_items(page) or _headed_items(page) or _cued_items(page)


def _headed_items(page: Page) -> list[HtmlElement]:
    """The best group of boxes after a heading that names the comments (``_headed``);
    the page's facts are gathered only once such a heading is found (most pages have none)."""
    best: tuple[float, list[HtmlElement]] = (0.0, [])
    for _, group, one in headed_groups(page):
        facts, memo = _facts(page), excluded_memo(page)
        members = [m for m in group if not excluded(m, memo)]
        score = _group_score(members, facts) if members else 0.0
        if not score and one and len(members) == 1:
            score = _lone_score(members[0], facts)
        if score > best[0]:
            best = (score, members)
    return _drop_edge_boxes(best[1], _facts(page)) if best[1] else []


def _cued_items(page: Page) -> list[HtmlElement]:
    """The best group in the area the comments' own marks point to (``_cued``): the
    permalinks, named anchors and reply links each comment prints. Asked of pages with a
    text box only (the comment form, which most threads sit beside: 218 of the comments
    set's 277, and 18 of the 121 articles pages): looking at every link of every page
    without a thread cost 2 % of a parse."""
    if not page.index.by_tag("textarea"):
        return []
    area = cue_area(page)
    if area is None or excluded(area, excluded_memo(page)):
        return []
    score, items = _best_in(area, excluded_memo(page), _facts(page))
    items = [e for e in items if not excluded(e, excluded_memo(page))]
    if not score or not items:
        return []
    # the marks placed the area; the boxes are the comments when they carry the marks
    # (half of them at least), not another list in the area (the post's own paragraphs),
    # nor a list of other posts' comments (links to one comment each of other documents)
    kept = prune_parts(items)
    marks = cues(page)
    if len(holders(kept, marks)) * 2 < len(kept) or holders(kept, foreign_links(page)):
        return []
    strong = holders(kept, [m for m in marks if m.tag != "img"])
    titled = sum(1 for e in kept if next(e.iter(*HEADING_TAGS), None) is not None)
    if len(strong) * 2 < len(kept) and titled * 2 >= len(kept):
        return []  # avatars alone, and titles: post teasers show each author's avatar
    return _drop_edge_boxes(_after_anchor(page, items), _facts(page))


def _lone_score(box: HtmlElement, facts: _Facts) -> float:
    """A heading counts one comment ("1 Comment", "Comments (1)") and one box follows it:
    it is that comment when it has text, a date or a link to itself, and no form."""
    text = facts.text.stripped(box)
    if text < MIN_TEXT or facts.has_textarea(box):
        return 0.0
    if facts.has_meta(box) or facts.permalink_doc(box) is not None or _dated(box, facts):
        return float(min(text, 3000))
    return 0.0


def _after_anchor(page: Page, items: list[HtmlElement]) -> list[HtmlElement]:
    """The thread starts at the page's ``#comments`` anchor, where "3 Comments" links jump:
    items before it, when others follow it, are the post (a forum topic's first message is
    marked up like the replies) or another box, not comments."""
    anchors = page.index.by_id.get("comments")
    if not items or not anchors or len(anchors) != 1:
        return items
    position = page.index.position
    at = position.get(anchors[0])
    if at is None or position.get(items[0], at) >= at or position.get(items[-1], 0) < at:
        return items  # all after it (or inside it), or all before it: no cut to make
    return [e for e in items if position.get(e, 0) > at]


def _drop_edge_boxes(items: list[HtmlElement], facts: _Facts) -> list[HtmlElement]:
    """The list's title ("Top Rated Comments") and its "Read all comments" box may share
    the items' kind (classless or hashed classes): a short box at either end of the list,
    without author, date or comment mark where the other items have them, is no comment."""
    if len(items) < 3:
        return items
    owner = make_owner(items)
    top = [e for e in items if (p := e.getparent()) is None or owner(p) is None]
    if len(top) < 3:
        return items
    flags = {e: _looks_like_item(e, facts) for e in (top[0], top[-1])}
    with_meta = sum(1 for e in top[1:-1] if facts.has_meta(e))
    if with_meta < 2 or with_meta * 2 < len(top) - 2:
        return items
    drop = {
        e
        for e, (commentish, meta) in flags.items()
        if not commentish
        and not meta
        and facts.text.stripped(e) <= _DATE_LINE_MAX
        and not _dated(e, facts)
    }
    return [e for e in items if e not in drop] if drop else items
