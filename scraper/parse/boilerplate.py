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
from typing import TypeVar

from lxml import etree
from lxml.html import HtmlElement, HtmlMixin

__all__ = [
    "Candidate",
    "Paragraphs",
    "Scores",
    "attr_words",
    "class_weight",
    "is_hidden",
    "paragraphs",
    "score_page",
    "text_of",
    "unlikely",
]

_K = TypeVar("_K")
_V = TypeVar("_V")

BLOCK_TAGS = frozenset(
    "p div section article main td th li pre blockquote h1 h2 h3 h4 h5 h6 dd dt dl figure "
    "figcaption header footer aside table tbody thead tfoot tr ul ol center body form "
    "address details summary nav fieldset".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template svg math select option button textarea iframe object "
    "embed canvas head title label".split()
)
_UNLIKELY_TAGS = frozenset({"nav", "aside", "footer"})

# Patterns read whole words of ``attr_words`` (camelCase and -/_ split), so that
# "PageBuilder-pageRow" is no "pager" and "ArticleHeader" is "article header".
NEGATIVE = re.compile(
    r"\b(?:comments?|commentlist|sidebar|footer|foot|masthead|banner|widgets?|share|sharing|"
    r"social|related|promo\w*|sponsor\w*|advert\w*|ads?|adslot|newsletter|subscri\w*|"
    r"cookies?|consent|gdpr|popup|modal|breadcrumbs?|nav|navbar|navigation|menu|outbrain|"
    r"taboola|recommend\w*|byline|bio|disqus|shoutbox|skyscraper|tags?|tools?|toolbar|"
    r"print|signup|paywall|meta|rss|pagination|pager|hidden|hide)\b"
)
POSITIVE = re.compile(
    r"\b(?:article\w*|body|content|entry|hentry|main|page|post|text|blog|story|prose)\b"
)
UNLIKELY = re.compile(
    r"\b(?:comments?|commentlist|sidebar|footer|masthead|banner|widgets?|share|sharing|social|"
    r"related|sponsor\w*|newsletter|cookies?|consent|gdpr|popup|modal|breadcrumbs?|menu|"
    r"outbrain|taboola|disqus|shoutbox|skyscraper|remark|replies|agegate|pagination|pager|"
    r"rss|recommend\w*|nav|navbar|navigation|header|ads?|advert\w*)\b"
)
MAYBE = re.compile(r"\b(?:and|article\w*|body|column|content|main|shadow|story|entry)\b")
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_SEPARATORS = str.maketrans("-_:.", "    ")

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
_COMMAS_WIDE = ("，", "、", "،")


# WordPress ``post_class()`` marks the post itself with its terms and state
# ("hentry type-post status-publish category-social-media tag-ads"): those words name
# the post's topics, not a part of the page, and must not make the post look like junk.
_POST_MARKS = frozenset({"hentry", "type-post", "status-publish"})
_POST_TERMS = re.compile(r"(?:category|tag|status|format|type)-\S*")


def _post_classes(cls: str | None) -> str | None:
    """``class`` of an element, without the term classes of a WordPress post element."""
    if cls and ("hentry" in cls or "type-post" in cls or "status-publish" in cls):
        tokens = cls.split()
        if not _POST_MARKS.isdisjoint(tokens):
            return " ".join(t for t in tokens if not _POST_TERMS.fullmatch(t))
    return cls


# Pages repeat the same class/id strings on many elements, and themes repeat them across
# pages: what is read from one string is kept, keyed on the raw attribute values (the
# caches are cleared when they grow past ``_CACHE_LIMIT``, a long crawl stays bounded).
_CACHE_LIMIT = 1 << 16
_STRINGS: dict[tuple[str | None, str | None], str] = {}
_WORDS: dict[tuple[str | None, str | None], str] = {}
_WEIGHTS: dict[str, int] = {}
_UNLIKELY_WORDS: dict[str, bool] = {}


def _remember(cache: dict[_K, _V], key: _K, value: _V) -> _V:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


def attr_string(el: etree._Element) -> str:
    """Lower-cased ``class`` and ``id`` of ``el``: what the hint patterns read."""
    key = (el.get("class"), el.get("id"))
    if key[0] is None and key[1] is None:
        return ""
    found = _STRINGS.get(key)
    if found is None:
        found = _remember(_STRINGS, key, f"{_post_classes(key[0]) or ''} {key[1] or ''}".lower())
    return found


def attr_words(el: etree._Element) -> str:
    """``class`` and ``id`` as lower-case words: camelCase, ``-``, ``_`` split apart."""
    key = (el.get("class"), el.get("id"))
    if key[0] is None and key[1] is None:
        return ""
    found = _WORDS.get(key)
    if found is None:
        found = _remember(_WORDS, key, _words(_post_classes(key[0]), key[1]))
    return found


def _words(cls: str | None, ident: str | None) -> str:
    raw = f"{cls or ''} {ident or ''}"
    lower = raw.lower()
    if lower != raw:
        lower = _CAMEL.sub(r"\1 \2", raw).lower()
    return lower.translate(_SEPARATORS)


def class_weight(el: etree._Element) -> int:
    """+25 for content-like class/id, -25 for boilerplate-like: readability's weight."""
    attrs = attr_words(el)
    if not attrs:
        return 0
    weight = _WEIGHTS.get(attrs)
    if weight is None:
        weight = 0
        if NEGATIVE.search(attrs):
            weight -= 25
        if POSITIVE.search(attrs):
            weight += 25
        _remember(_WEIGHTS, attrs, weight)
    return weight


def text_of(el: etree._Element) -> str:
    """``el.text_content()``: all the text under ``el``, without its tail. libxml2's text
    serializer writes the same string without setting up an XPath evaluation, which
    makes it about 2.5x faster on a paragraph or a link."""
    if not isinstance(el.tag, str):  # a comment or PI (the page parser drops them)
        return str(el.text_content()) if isinstance(el, HtmlMixin) else (el.text or "")
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def is_hidden(el: etree._Element) -> bool:
    """Hidden by the page itself: ``hidden``, ``aria-hidden=true``, ``display:none``."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if not style:
        return False
    style = style.replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


@dataclass(slots=True)
class Paragraphs:
    """Per block element: characters of text, of link text, and commas (mutable tallies)."""

    text: dict[etree._Element, int]
    links: dict[etree._Element, int]
    commas: dict[etree._Element, int]


def paragraphs(root: etree._Element, elements: Sequence[etree._Element] = ()) -> Paragraphs:
    """Charge every text node under ``root`` to its nearest block ancestor (see module doc).

    ``elements`` may hold ``list(root.iter())`` when the caller walks the tree for other
    reasons too: lxml builds a Python object per element visited, so one list serves all.
    """
    text: dict[etree._Element, int] = {}
    links: dict[etree._Element, int] = {}
    commas: dict[etree._Element, int] = {}
    for el in elements or root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag not in SKIP_TAGS:
            chunk = el.text
            if chunk and not chunk.isspace():
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
    if not chunk.isascii():
        n += sum(chunk.count(c) for c in _COMMAS_WIDE)
    if n:
        commas[node] = commas.get(node, 0) + n


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored container: its final score, text and link characters under it."""

    element: HtmlElement
    score: float
    text: int
    links: int

    @property
    def link_density(self) -> float:
        return self.links / self.text if self.text else 0.0


class _Scorer:
    """One page's scoring state; ``excluded`` memoizes the unlikely-container walk."""

    __slots__ = ("big", "excluded", "scores", "text")

    def __init__(self, text: dict[etree._Element, int]) -> None:
        self.excluded: dict[etree._Element, bool] = {}
        self.scores: dict[etree._Element, float] = {}
        self.text = text
        self.big = _WRAPPER_SHARE * max(text.values(), default=0)

    def _unlikely(self, el: etree._Element) -> bool:
        """``unlikely``, except for a header or ad box holding most of the page's text:
        that is an unclosed or misnamed wrapper (a ``div#header`` never closed holds the
        whole post, a ``div.ad-wallpaper`` the whole page). A sidebar, footer or thread
        may well hold most of the text next to a short post, and stays unlikely."""
        if not unlikely(el):
            return False
        if self.text.get(el, 0) <= self.big or is_hidden(el) or el.tag in _UNLIKELY_TAGS:
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
        """Hand a paragraph's score to its five nearest ancestors, with decay."""
        node = block.getparent()
        for decay in _DECAY:
            if node is None:
                return
            self.scores[node] = self.scores.get(node, 0.0) + score * decay
            node = node.getparent()


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


def unlikely(el: etree._Element) -> bool:
    """Hidden, or a container that readability calls unlikely (nav, sidebar, comments ...)."""
    tag = el.tag
    if tag in ("body", "html", "article", "main"):
        return False
    if is_hidden(el) or tag in _UNLIKELY_TAGS:
        return True
    if el.get("role") in ("navigation", "complementary", "contentinfo", "banner", "dialog"):
        return True
    attrs = attr_words(el)
    if not attrs:
        return False
    found = _UNLIKELY_WORDS.get(attrs)
    if found is None:
        found = _remember(
            _UNLIKELY_WORDS, attrs, bool(UNLIKELY.search(attrs)) and not MAYBE.search(attrs)
        )
    return found


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
    readability retries without its unlikely filter.
    """
    elements = elements or list(root.iter())
    paras = paragraphs(root, elements)
    text, links = _totals(paras, elements)
    trusted = max(hints, key=lambda el: text.get(el, 0) - links.get(el, 0), default=None)
    scores = _rank(paras, text, links, exclude=True, skip=skip, trusted=trusted)
    if not scores.ranked or scores.ranked[0].score <= 0:
        scores = _rank(paras, text, links, exclude=False)
    return scores


def _rank(
    paras: Paragraphs,
    text: dict[etree._Element, int],
    links: dict[etree._Element, int],
    *,
    exclude: bool,
    skip: Collection[etree._Element] = (),
    trusted: etree._Element | None = None,
) -> Scores:
    scorer = _Scorer(text)
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
