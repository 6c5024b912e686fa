"""Which element(s) of the page are the post, from the scores of ``boilerplate``.

1. Hints (the profile's ``body`` selectors, ``itemprop=articleBody`` ...) win when they hold
   at least half as much prose as the scorer's best candidate, and take along the
   siblings right after them that carry on the prose (TypePad's ``entry-more``).
2. Otherwise the best candidate wins, with its siblings that score well too or read as
   prose (readability's sibling merge: a standfirst in its own div, a lone paragraph),
3. and with its *peers*: candidates elsewhere with the winner's tag and first class word,
   because templates cut long stories into chunks between ads and players (cousins, not
   siblings).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence

from lxml import etree
from lxml.html import HtmlElement

from .._memo import Memo, holding
from ..dom._page import ElementIndex
from ..dom._signals import NEGATIVE, attr_words, is_hidden, text_of, unlikely
from ._boilerplate import BLOCK_TAGS, MIN_PARAGRAPH, Candidate, Scores, score_page
from ._lists import post_before_list

__all__ = ["lead_class", "main_content", "post_beside", "with_lead", "within"]

_HINT_SHARE = 0.5
_PEER_SHARE = 0.2
_RETRY_SHARE = 0.5
_RETRIES = 2
_RUNNERS_UP = 5
_CLOSE_SHARE = 0.75
_CLOSE_COUNT = 3


def main_content(
    root: HtmlElement,
    hints: Sequence[HtmlElement] = (),
    elements: Sequence[etree._Element] = (),
    skip: Collection[etree._Element] = (),
    usable: Callable[[list[HtmlElement]], bool] | None = None,
) -> list[HtmlElement]:
    """The element(s) holding the page's main text, in document order; [] when none.

    ``hints`` (profile or structured-data matches) win when they hold at least half as
    much prose as the scorer's choice: a hint is more precise than a score, but a theme's
    ``.entry-content`` may also sit in a widget, and then the score knows better. Text
    inside ``skip`` (the comment items) does not score.

    ``usable`` (the caller's test, say "something is left once cleaned") may turn a choice
    down: a ``<header>``, a sign-up ``<form>`` or a video box can outscore the post on
    its class words alone, and the cleaning then drops it whole. The next choice outside
    the refused one is taken instead, by score alone (the hints misled once, or lost
    already), if it scores at least ``_RETRY_SHARE`` of the best candidate: a far
    weaker one is a guess, and no body is better than a guess.
    """
    scores = score_page(root, elements, skip, hints)
    nodes = _choose(scores, hints, skip)
    if not nodes or usable is None or usable(nodes) or not scores.ranked:
        return nodes
    first, floor = nodes, _RETRY_SHARE * scores.ranked[0].score
    refused = list(nodes)
    declared = _declared(scores, hints, refused)
    if declared and usable(declared):
        return declared
    for _ in range(_RETRIES):
        ranked = [c for c in scores.ranked if c.score >= floor and not within(c.element, refused)]
        if not ranked:
            break
        scores = Scores(ranked, scores.text, scores.links)
        nodes = _choose(scores, (), skip)
        if not nodes:
            break
        if usable(nodes):
            return nodes
        refused.extend(nodes)
    return first


def _declared(
    scores: Scores, hints: Sequence[HtmlElement], refused: Sequence[HtmlElement]
) -> list[HtmlElement]:
    """The hint with the most prose, outside the refused choice: when the scorer's winner
    (an obituary carousel, a teaser slider beside the story) cleans to nothing, the
    element the page or its engine marks as the post (``.entry-content``,
    ``itemprop=articleBody``) is a better next choice than the scorer's runner-up, which
    is most often the refused box's own wrapper."""
    outside = [el for el in hints if not within(el, refused) and scores.prose(el) > 0]
    if not outside:
        return []
    best = max(outside, key=scores.prose)
    return [best, *_continuations(best, scores)]


def post_beside(
    root: HtmlElement,
    items: Sequence[HtmlElement],
    elements: Sequence[etree._Element],
    thread: Sequence[HtmlElement],
) -> bool:
    """The scorer's choice is a post of its own beside the teasers (``items``): outside
    every one of them, holding none, with more prose than the longest. A short post (a
    paragraph and an embed) next to a rail of a dozen teasers has too little prose for
    ``_prose_outside``, but on an index the best-scored block is the teasers' column or
    one teaser, never a block apart from them that outweighs each.

    Asked only on pages that look like an index, so the extra scoring pass costs nothing
    on post pages.
    """
    if len(items) < 2:
        return False
    scores = score_page(root, elements, thread)
    if not scores.ranked or scores.ranked[0].score <= 0:
        return False
    top = scores.ranked[0].element
    if any(_contains(item, top) or _contains(top, item) for item in items):
        return False
    return scores.prose(top) > max(len(text_of(el)) for el in items)


def _choose(
    scores: Scores, hints: Sequence[HtmlElement], skip: Collection[etree._Element]
) -> list[HtmlElement]:
    if not scores.ranked or scores.ranked[0].score <= 0:
        best = max(hints, key=scores.prose, default=None)
        return [best] if best is not None and scores.prose(best) > 0 else []
    top = scores.ranked[0]
    if hints:
        best = max(hints, key=scores.prose)
        if scores.prose(best) >= _HINT_SHARE * _own_prose(top.element, scores, skip):
            return [best, *_continuations(best, scores)]
    top = post_before_list(top, scores.ranked, scores.prose)
    by_el = {c.element: c for c in scores.ranked}
    top = _common_top(top, scores.ranked, by_el)
    nodes = list(_with_siblings(top, by_el))
    peers = _peers(top, scores.ranked, nodes)
    if peers:
        nodes.extend(peers)
        nodes.sort(key=_position(top.element))
    return nodes


def _common_top(
    top: Candidate, ranked: Sequence[Candidate], by_el: dict[HtmlElement, Candidate]
) -> Candidate:
    """The winner's nearest ancestor holding ``_CLOSE_COUNT`` of the runners-up that score
    close to it, when there are that many (readability's alternative candidate ancestors).

    A story set as one wrapper per paragraph (``div > div > div > p`` each) hands each
    paragraph's score to its own wrappers, and one paragraph's box wins narrowly over the
    others and over their common ancestor: the paragraphs' boxes side by side are the
    story.
    """
    if top.element.get("class"):
        return top  # chunks with a class are found as peers (``_peers``)
    close = [c.element for c in ranked[1:_RUNNERS_UP] if c.score >= _CLOSE_SHARE * top.score]
    if len(close) < _CLOSE_COUNT:
        return top
    node = top.element.getparent()
    while node is not None and node.tag not in ("body", "html"):
        if sum(1 for el in close if _contains(node, el)) >= _CLOSE_COUNT:
            found = by_el.get(node)
            if found is not None:
                return found
            return top
        node = node.getparent()
    return top


def _own_prose(el: HtmlElement, scores: Scores, skip: Collection[etree._Element]) -> int:
    """Prose under ``el`` without that of the ``skip`` elements (the comments) inside it:
    a long thread under the page's main column is not the column's own prose."""
    own = scores.prose(el)
    for item in skip:
        if item is not el and _contains(el, item):
            own -= scores.prose(item)
    return own


def _continuations(hint: HtmlElement, scores: Scores) -> Iterator[HtmlElement]:
    """Siblings after a hint that carry on its prose (TypePad's ``entry-more`` after
    ``entry-body``), up to the first one that looks like furniture (footer, tags, share).
    """
    for sib in hint.itersiblings():
        if not isinstance(sib, HtmlElement) or not isinstance(sib.tag, str):
            continue
        size = scores.text.get(sib, 0)
        if not size:
            continue
        attrs = attr_words(sib)
        if unlikely(sib) or NEGATIVE.search(attrs) or scores.links.get(sib, 0) > 0.3 * size:
            return
        if _post_meta(sib):
            return
        if scores.prose(sib) < MIN_PARAGRAPH:
            return
        yield sib


def _post_meta(el: HtmlElement) -> bool:
    """The post's furniture, not more of its prose: a block theme's template part (its
    "Posted <date> in <category> by <author> Tags:" line, its comments section), or a block
    holding the post's date or its author, category or tag links. Taken as a continuation,
    its labels alone survive the cleaning: "Posted in by Tags:"."""
    if "wp-block-template-part" in (el.get("class") or "").split():
        return True
    if el.tag in ("footer", "aside", "nav", "form"):
        return True
    if el.tag == "p":  # a paragraph is prose, even one that ends in a date ("Source, <time>")
        return False
    for sub in el.iter("time", "a"):
        if sub.tag == "time" or {"tag", "author", "category"} & set((sub.get("rel") or "").split()):
            return True
    return False


def _peers(
    top: Candidate, ranked: Sequence[Candidate], taken: Sequence[HtmlElement]
) -> list[HtmlElement]:
    """Blocks that continue the article elsewhere: same tag and kind (first class word) as
    the winner.

    Templates cut long stories into chunks between ads or video players (each chunk its
    own ``div.article__body``), so the chunks are cousins, not siblings.
    """
    kind = _kind(top.element)
    if not kind:
        return []
    out: list[HtmlElement] = []
    for cand in ranked:
        el = cand.element
        if cand.score < _PEER_SHARE * top.score:
            break
        if el.tag != top.element.tag or _kind(el) != kind:
            continue
        if any(_nested(el, t) for t in (*taken, *out)):
            continue
        out.append(el)
    return out


def _kind(el: HtmlElement) -> str:
    """The first word of the class: what kind of block (``RichText`` of ``RichText
    lg:w-8/12``); the words after it vary between chunks of one kind (widths, margins)."""
    words = (el.get("class") or "").split(maxsplit=1)
    return words[0] if words else ""


def within(el: etree._Element, outer: Collection[etree._Element]) -> bool:
    """True when ``el`` is one of ``outer`` or inside one of them."""
    return any(_contains(o, el) for o in outer)


def _nested(a: etree._Element, b: etree._Element) -> bool:
    """True when one of ``a``/``b`` contains the other (or they are the same)."""
    return _contains(a, b) or _contains(b, a)


def _contains(outer: etree._Element, inner: etree._Element) -> bool:
    node: etree._Element | None = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False


def _position(root: etree._Element) -> Callable[[etree._Element], int]:
    """Sort key: document order within ``root``'s tree."""
    order = {el: i for i, el in enumerate(root.getroottree().iter())}
    return lambda el: order.get(el, 0)


def _with_siblings(top: Candidate, by_el: dict[HtmlElement, Candidate]) -> Iterator[HtmlElement]:
    parent = top.element.getparent()
    if parent is None:
        yield top.element
        return
    threshold = max(10.0, top.score * 0.2)
    top_class = top.element.get("class")
    for sib in parent.iterchildren():
        if sib is top.element:
            yield sib
            continue
        if not isinstance(sib, HtmlElement) or not isinstance(sib.tag, str):
            continue
        cand = by_el.get(sib)
        bonus = top.score * 0.2 if top_class and sib.get("class") == top_class else 0.0
        scored = cand is not None and cand.score + bonus >= threshold
        if scored or (_paragraph_like(sib) and _prose(sib) and not _furniture(sib)):
            yield sib


def _paragraph_like(el: HtmlElement) -> bool:
    """A ``p``, or a ``div`` holding text and inline markup only (readability's DIV_TO_P)."""
    if el.tag == "p":
        return True
    return el.tag == "div" and not any(child.tag in BLOCK_TAGS for child in el)


def _furniture(el: HtmlElement) -> bool:
    return unlikely(el) or bool(NEGATIVE.search(attr_words(el)))


def _prose(el: HtmlElement) -> bool:
    text = text_of(el)
    size = len(text.strip())
    links = sum(len(text_of(a)) for a in el.iter("a"))
    density = links / size if size else 1.0
    if size > 80:
        return density < 0.25
    return size > 0 and density == 0 and text.rstrip().endswith((".", "!", "?"))


_LEAD = re.compile(r"\b(?:lede|leadin|intro|introduction|standfirst|preface|shorttext)\b")
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_SPLIT = str.maketrans("-_:.", "    ")
# the class tokens that may name a lead, found in one batch over all of a page's tokens
# (most are seen once, on one page; the word test runs on the few this finds)
_LEAD_WORDS = ("lede", "leadin", "intro", "standfirst", "preface", "shorttext")
_LEAD_HINT = re.compile(r"lede|leadin|intro|standfirst|preface|shorttext", re.I)
_LEAD_TOKENS: Memo[str, bool] = Memo(
    lambda token: _LEAD.search(_CAMEL.sub(r"\1 \2", token).lower().translate(_SPLIT)) is not None
)


def _lead_token(token: str) -> bool:
    return _LEAD_HINT.search(token) is not None and _LEAD_TOKENS[token]


def _lead_tokens(tokens: Iterable[str]) -> set[str]:
    """The tokens holding a lead word (``holding``: one ``str.find`` per word over all of
    them, as the metadata scan reads its new tokens), then the word test on those."""
    listed = list(tokens)
    low = "\n".join(listed).lower()  # each ``token.lower()``, in one call
    if not any(word in low for word in _LEAD_WORDS):  # most pages: no token to look at
        return set()
    lows = low.split("\n")
    return {listed[i] for i in holding(lows, _LEAD_WORDS) if _LEAD_TOKENS[listed[i]]}


_LEAD_LEVELS = 4
_LEAD_MIN = 30
_LEAD_MAX = 1000
_LEAD_LINKS = 0.3


def lead_class(el: HtmlElement) -> bool:
    """``el``'s class names the story's lead (``preface``, ``article-intro``, ``standfirst``)."""
    cls = el.get("class")
    return cls is not None and any(_lead_token(token) for token in cls.split())


def with_lead(nodes: list[HtmlElement], index: ElementIndex) -> list[HtmlElement]:
    """``nodes`` with the story's lead in front, when it sits outside them.

    News templates set the standfirst (``p.preface``, ``div.article-intro``) in the
    article's header, above the body's container, where neither the scorer nor the
    sibling merge reaches it. The lead is the first element before the content whose
    class says so, within a few levels around it (the same article), holding a sentence
    or a short paragraph of prose. Only words that name the story's own opening count:
    a "summary" or "dek" box is as often a teaser or a reprint notice that gold texts
    leave out.
    """
    if not nodes:
        return nodes
    first = nodes[0]
    start = index.position.get(first)
    scope = first
    for _ in range(_LEAD_LEVELS):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
    if start is None or scope is first:
        return nodes
    lead: HtmlElement | None = None
    by_class = index.by_class
    for token in _lead_tokens(by_class):
        for el in by_class[token]:
            pos = index.position.get(el, start)
            if pos >= start or (lead is not None and pos >= index.position[lead]):
                continue
            if _contains(scope, el) and not any(_contains(el, n) for n in nodes):
                lead = el
    if lead is None or is_hidden(lead):
        return nodes
    text = text_of(lead).strip()
    links = sum(len(text_of(a)) for a in lead.iter("a"))
    if not _LEAD_MIN <= len(text) <= _LEAD_MAX or links > _LEAD_LINKS * len(text):
        return nodes
    return [lead, *nodes]
