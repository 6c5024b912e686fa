"""Generic main-content scoring: which part of an unknown page is the post.

Readability's idea, done in one pass over the page's text instead of over its elements:

1. Every text node is charged to its nearest *block* ancestor (``p``, ``div``, ``li`` ...),
   walking up through inline elements only; text under an ``<a>`` also counts as link
   text. Text under ``script``/``svg``/``select`` ... is ignored. This gives the page's
   paragraphs with their length, comma count and link text without visiting elements
   that carry no text.
2. A paragraph of 25+ characters outside an unlikely container (navigation, sidebar,
   comments, footer, hidden ...; a header or ad box holding most of the page's text is
   an unclosed wrapper, not one) scores ``1 + commas + min(len/100, 3)``, scaled by its
   share of non-link text, and hands that score to five ancestors with decay (1, 1/2,
   1/6, 1/9, 1/12): the element holding most well-formed prose wins.
3. Each candidate gets a weight read from its tag and its class/id ("content",
   "article", "entry" up; "comment", "sidebar", "share" down) and ends scaled by its
   link density, so menus and link lists lose even when long. A positive weight adds
   at most what the element earns from prose (or ``_WEIGHT_FLOOR``, two good
   paragraphs' worth): a class word alone does not make a layout ``table.main``, a
   ``header.content_header`` or a sign-up ``div.content`` outscore the post's prose.
Choosing the content from the scores (hints, siblings, split articles) is ``locate``'s
job. The functions here only read the tree; cleaning happens on a copy (``cleanup``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from .._memo import Memo
from ..dom._signals import (
    MAYBE,
    UNLIKELY,
    UNLIKELY_TAGS,
    attr_words,
    class_weight,
    is_hidden,
    unlikely,
)

__all__ = ["Candidate", "Paragraphs", "Scores", "paragraphs", "paywalled", "score_page"]

BLOCK_TAGS = frozenset(
    "p div section article main td th li pre blockquote h1 h2 h3 h4 h5 h6 dd dt dl figure "
    "figcaption header footer aside table tbody thead tfoot tr ul ol center body form "
    "address details summary nav fieldset".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template svg math select option button textarea iframe object "
    "embed canvas head title label".split()
)
_TAG_WEIGHT = {
    "div": 5,
    "section": 5,
    "article": 10,
    "main": 10,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
}
_DECAY = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12)
MIN_PARAGRAPH = 25
_WRAPPER_SHARE = 0.5
# every word of the class/id must be one of these (plus neutral ones) for the exception
_WRAPPER_WORDS = re.compile(
    r"(?:(?:header|masthead|banner|ads?|advert\w*|wallpaper|wrap\w*|container|page|site|"
    r"top|inner|outer|main|[a-z]?\d+)\s*)+"
)
_WEIGHT_FLOOR = 10.0
# a winner with less prose than a short paragraph is no post; a retry's needs a post's worth
_THIN = 100
_POST = 500
_COMMAS_WIDE = ("，", "、", "،")


# words of ad slots and widget areas, which also name the layout boxes that wrap a post
_LAYOUT_WORDS = re.compile(r"\b(?:ads?|advert\w*|widgets?|banner|sponsor\w*)\b")
_LENIENT_UNLIKELY: Memo[str, bool] = Memo(
    lambda attrs: bool(UNLIKELY.search(_LAYOUT_WORDS.sub(" ", attrs))) and not MAYBE.search(attrs)
)


# the roles and words of what is never the post, unlikely even when nothing else is
_FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "dialog"})
_THREAD_WORDS = re.compile(r"\b(?:comments?|commentlist|replies|remark|disqus|respond)\b")
_PAYWALL = re.compile(r"\bpaywall(?:ed)?\b")


def paywalled(el: etree._Element) -> bool:
    """Hidden behind a paywall: the rest of the story, hidden by the page until the reader
    subscribes (``div.paywall[hidden]``, ``p.paywall[aria-hidden]``). The text is the
    author's, served in the page; only a script keeps it from showing. Kept when inside
    the chosen content (``cleanup``); it does not score, since a hidden paywall box
    elsewhere may hold a second, plain-text copy of the story."""
    return is_hidden(el) and bool(_PAYWALL.search(attr_words(el)))


@dataclass(slots=True)
class Paragraphs:
    """Per block element: characters of text, of link text, and commas (mutable tallies)."""

    text: dict[etree._Element, int]
    links: dict[etree._Element, int]
    commas: dict[etree._Element, int]


def paragraphs(root: etree._Element, elements: Sequence[etree._Element] = ()) -> Paragraphs:
    """Charge every text node under ``root`` to its nearest block ancestor (see module doc).

    ``elements`` may hold ``list(root.iter(etree.Element))`` (elements only: no comments)
    when the caller walks the tree for other reasons too: lxml builds a Python object per
    element visited, so one list serves all.
    """
    text: dict[etree._Element, int] = {}
    links: dict[etree._Element, int] = {}
    commas: dict[etree._Element, int] = {}
    for el in elements or root.iter(etree.Element):
        # the text first: most elements have none, and lxml builds a new string for
        # every ``tag`` read (a comment, whose text is no prose, is never in the list)
        chunk = el.text
        if chunk and not chunk.isspace() and el.tag not in SKIP_TAGS:
            _charge(el, chunk, text, links, commas)
        chunk = el.tail
        if chunk and not chunk.isspace() and el is not root:
            parent = el.getparent()
            if parent is not None:
                _charge(parent, chunk, text, links, commas)
    return Paragraphs(text, links, commas)


def _charge(
    owner: etree._Element,
    chunk: str,
    text: dict[etree._Element, int],
    links: dict[etree._Element, int],
    commas: dict[etree._Element, int],
) -> None:
    in_link = False
    node: etree._Element | None = owner
    while node is not None:
        tag = node.tag
        if tag in BLOCK_TAGS:
            break
        if tag in SKIP_TAGS:
            return
        if node.get("style") is not None and is_hidden(node):
            return  # a caption in <cite style="display:none"> is not prose the page shows
        if tag == "a":
            in_link = True
        node = node.getparent()
    if node is None:
        return
    size = len(chunk.strip())
    text[node] = text.get(node, 0) + size
    if in_link:
        links[node] = links.get(node, 0) + size
    n = chunk.count(",")
    if not chunk.isascii():  # ``_COMMAS_WIDE``, each counted in C
        n += chunk.count("，") + chunk.count("、") + chunk.count("،")
    if n:
        commas[node] = commas.get(node, 0) + n


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored container: its final score, text and link characters under it."""

    element: HtmlElement
    score: float
    text: int
    links: int


class _Scorer:
    """One page's scoring state; ``excluded`` memoizes the unlikely-container walk."""

    __slots__ = ("big", "excluded", "lenient", "opened", "scores", "text")
    # ``lenient``: a class unlikely only for its ad or widget words is a layout wrapper;
    # ``opened``: no class word but a comment section's makes a container unlikely

    def __init__(
        self, text: dict[etree._Element, int], lenient: bool = False, opened: bool = False
    ) -> None:
        self.excluded: dict[etree._Element, bool] = {}
        self.opened = opened
        self.scores: dict[etree._Element, float] = {}
        self.text = text
        self.big = _WRAPPER_SHARE * max(text.values(), default=0)
        self.lenient = lenient  # only what the page hides is unlikely

    def _unlikely(self, el: etree._Element) -> bool:
        """``unlikely``, except for a header or ad box holding most of the page's text:
        that is an unclosed or misnamed wrapper (a ``div#header`` never closed holds the
        whole post, a ``div.ad-wallpaper`` the whole page). A sidebar, footer or thread
        may well hold most of the text next to a short post, and stays unlikely."""
        if not unlikely(el):
            return False
        if self.opened:
            if el.tag in UNLIKELY_TAGS or el.get("role") in _FURNITURE_ROLES or is_hidden(el):
                return True
            return _THREAD_WORDS.search(attr_words(el)) is not None
        if self.lenient and not (el.tag in UNLIKELY_TAGS or el.get("role") or is_hidden(el)):
            return _LENIENT_UNLIKELY[attr_words(el)]
        if self.text.get(el, 0) <= self.big or is_hidden(el) or el.tag in UNLIKELY_TAGS:
            return True
        return not _WRAPPER_WORDS.fullmatch(attr_words(el).strip())

    def is_excluded(self, el: etree._Element) -> bool:
        """True when ``el`` or an ancestor is hidden or an unlikely container."""
        chain: list[etree._Element] = []
        node: etree._Element | None = el
        result = False
        while node is not None:
            known = self.excluded.get(node)
            if known is not None:
                result = known
                break
            chain.append(node)
            node = node.getparent()
        for item in reversed(chain):
            result = result or self._unlikely(item)
            self.excluded[item] = result
        return result

    def add(self, block: etree._Element, score: float) -> None:
        """Hand a paragraph's score to its five nearest ancestors, with decay.

        Text set loose in a container beside block children (``<div><p class=title>..
        <img>Story text<br><br>..</div>``) is a paragraph of that container's own, as
        readability wraps such text in a ``<p>``: the container is its first ancestor.
        """
        node = block if _loose(block) else block.getparent()
        for decay in _DECAY:
            if node is None:
                return
            self.scores[node] = self.scores.get(node, 0.0) + score * decay
            node = node.getparent()


_LOOSE_HOSTS = frozenset({"div", "section", "article", "main", "td"})


def _loose(block: etree._Element) -> bool:
    """``block`` is a container holding text beside block children of its own."""
    return block.tag in _LOOSE_HOSTS and any(child.tag in BLOCK_TAGS for child in block)


def _totals(
    paras: Paragraphs, elements: Sequence[etree._Element]
) -> tuple[dict[etree._Element, int], dict[etree._Element, int]]:
    """Text and link characters under every element, summed bottom-up in one sweep.

    In reverse document order every element comes after all of its descendants, so one
    ``getparent`` per element with text replaces a walk to the root per paragraph.
    """
    text = dict(paras.text)
    links = dict(paras.links)
    for el in reversed(elements):
        size = text.get(el)
        if size:
            parent = el.getparent()
            if parent is not None:
                text[parent] = text.get(parent, 0) + size
                link = links.get(el)
                if link:
                    links[parent] = links.get(parent, 0) + link
    return text, links


@dataclass(frozen=True, slots=True)
class Scores:
    """A scored page: candidates best first, and text/link characters under each element."""

    ranked: list[Candidate]
    text: dict[etree._Element, int]
    links: dict[etree._Element, int]

    def prose(self, el: etree._Element) -> int:
        """Characters of non-link text under ``el``."""
        return self.text.get(el, 0) - self.links.get(el, 0)


def score_page(
    root: HtmlElement,
    elements: Sequence[etree._Element] = (),
    skip: Collection[etree._Element] = (),
    hints: Sequence[etree._Element] = (),
) -> Scores:
    """Every container that received paragraph score, best first.

    Paragraphs inside ``skip`` (the page's comment items) do not score, as those inside an
    unlikely container do not.

    The containers of the ``hints`` element with the most prose (the profile's or the
    structured data's marker for the post) are never unlikely: Blogger wraps its posts
    in ``div.widget.Blog``, and "widget" must not silence the post the page marks as such.

    Unlikely containers are skipped first; when that leaves nothing (a theme that calls
    its whole page "header-page"), the page is scored again with nothing skipped, as
    readability retries without its unlikely filter. When it leaves a winner with next
    to no prose of its own (a carousel caption, a footer's links) while the page holds
    a real post's worth of prose, that prose sat in a layout wrapper with an unlikely
    word in its class (``container vertical-ad-con``, ``widget-area``): the page is scored
    again with only hidden elements and ``skip`` left out, and the retry wins when its
    winner holds a post's worth of prose. When that retry still finds none, the wrapper
    was named for something else beside the story (``l-sidebar-fixed``: a layout with a
    rail), and the page is scored once more with no class word unlikely but a comment
    section's (readability's last attempt, without its unlikely filter).
    """
    elements = elements or list(root.iter())
    paras = paragraphs(root, elements)
    text, links = _totals(paras, elements)
    trusted = max(hints, key=lambda el: text.get(el, 0) - links.get(el, 0), default=None)
    scores = _rank(paras, text, links, exclude=True, skip=skip, trusted=trusted)
    if not scores.ranked or scores.ranked[0].score <= 0:
        return _rank(paras, text, links, exclude=False)
    if scores.prose(scores.ranked[0].element) < _THIN and scores.prose(root) >= _POST:
        for opened in (False, True):
            retry = _rank(paras, text, links, exclude=True, skip=skip, lenient=True, opened=opened)
            won = retry.ranked[0].element if retry.ranked else root
            if won is not root and retry.prose(won) >= _POST:  # a whole page is no post
                return retry
    return scores


def _rank(
    paras: Paragraphs,
    text: dict[etree._Element, int],
    links: dict[etree._Element, int],
    *,
    exclude: bool,
    skip: Collection[etree._Element] = (),
    trusted: etree._Element | None = None,
    lenient: bool = False,
    opened: bool = False,
) -> Scores:
    scorer = _Scorer(text, lenient, opened)
    node = trusted
    while node is not None:  # the marked post and what holds it are no unlikely container
        scorer.excluded[node] = False
        node = node.getparent()
    for el in skip:  # known non-content (the comment items) counts as an unlikely container
        scorer.excluded[el] = True
    for block, size in paras.text.items():
        if size < MIN_PARAGRAPH or (exclude and scorer.is_excluded(block)):
            continue
        link = paras.links.get(block, 0)
        score = 1 + paras.commas.get(block, 0) + min(size / 100, 3.0)
        scorer.add(block, score * (1 - link / size))
    out = []
    for el, para in scorer.scores.items():
        weight = _TAG_WEIGHT.get(str(el.tag), 0) + class_weight(el)
        score = para + (min(weight, max(para, _WEIGHT_FLOOR)) if weight > 0 else weight)
        size = text.get(el, 0)
        link = links.get(el, 0)
        final = score * (1 - link / size) if size else score
        if isinstance(el, HtmlElement):
            out.append(Candidate(el, final, size, link))
    out.sort(key=lambda c: c.score, reverse=True)
    return Scores(out, text, links)
