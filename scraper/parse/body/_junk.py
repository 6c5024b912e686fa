"""Which elements of a cleaned copy are boilerplate: the per-element verdict ``clean_copy``
removes by (see ``_cleanup`` for the list of kinds).

An element is judged by its tag and ``role``, its class/id words (``JUNK``; ``itemprop``
and ``data-testid`` where classes are obfuscated), its text (ad and share labels, datelines,
teasers, thread headings) and its link density; a "junk" word on most of the content is a
misnamed wrapper, not junk (``too_big``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence

from lxml.html import HtmlElement

from .._memo import Memo
from .._quotes import quote_kind
from ..comments._textlen import TextLengths
from ..dom._signals import _hidden, attr_string, text_of
from ..dom._text import collapse
from ._boilerplate import SKIP_TAGS, paywalled
from ._lines import (
    SHARE_LABELS,
    STAMP_CHILDREN,
    STAMP_TAGS,
    TEASER_TAGS,
    date_line,
    density,
    labelled_links,
    teaser,
    thread_heading,
)

__all__ = ["AD_LABELS", "JUNK", "Rules", "junk_of", "too_big"]

# the words of a class name joined by "-" or "_" (``post-meta``, ``article_details_prev_next``)
JUNK = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharedaddy|social|sociable|addtoany|a2a|addthis\w*|shareaholic|"
    r"related|jp-relatedposts|yarpp|crp_related|recommend\w*|more-stories|read-next|"
    r"read-more-links|author[-_]?bio|author[-_]?box|about[-_]?the[-_]?author|author-info|byline|"
    r"post[-_]?meta|entry[-_]?meta|article[-_]?meta|entry[-_]?footer|post[-_]?footer|entry[-_]?utility|"
    r"postmetadata|post[-_]?tags|entry[-_]?tags|tag[-_]?links|tags[-_]?links|cat[-_]?links|tagcloud|"
    r"breadcrumbs?|comments?|comment[-_]?respond|respond|disqus\w*|\w*newsletter\w*|subscribe\w*|"
    r"\w*sign[-_]?up\w*|mailchimp|cookie\w*|consent|gdpr|popup|modal|advert\w*|ads?|adsbygoogle|ad[-_]?slot|"
    r"ad[-_]?container|ad[-_]?wrapper|ad[-_]?unit|dfp\w*|gpt[-_]?ad|sponsor\w*|promo\w*|outbrain|"
    r"taboola|widget\w*|sidebar|navigation|navbar|site[-_]?nav|nav[-_]?previous|nav[-_]?next|menu|"
    r"pagination|post[-_]?nav\w*|date|dateline|timestamp|posted[-_]?on|entry[-_]?date|post[-_]?date|"
    r"nav[-_]?links|print|toolbar|rating|reactions?|likes?|wp[-_]?block[-_]?buttons|"
    r"skip[-_]?link|screen[-_]?reader[-_]?text|sr-only|visually[-_]?hidden|hidden|offscreen|\w*credits?|"
    r"autor\w*|auteur|footer|bio|biography|cta|"
    r"(?:video|media|audio|jw)[-_]?player|player[-_]?(?:container|wrapper)|playlist|video\w*|"
    r"next[-_]?prev|prev[-_]?next|\w*author\w*|\w*read[-_]?time|date\w*|\w*publish\w*)(?:$|[\s_-])"
)
_FURNITURE_TAGS = frozenset({"header", "footer", "nav", "aside", "h1", "form", "button"})
_FURNITURE_ROLES = frozenset(
    {"navigation", "complementary", "contentinfo", "banner", "dialog", "toolbar", "menu"}
)
_LINK_LIST_TAGS = frozenset(
    {"div", "section", "ul", "ol", "table", "p", "dl", "span", "strong", "b"}
)
_INLINE_LISTS = frozenset({"span", "strong", "b"})
_KEEP = frozenset({"body", "html"})
_TITLE_TAGS = frozenset({"h1", "h2", "h3"})
_LONE_LINK = 200
# what an ad slot prints when its ad is gone
AD_LABELS = frozenset(
    "ad ads advert advertisement advertising anzeige werbung publicité publicidad "
    "pubblicità reklama реклама 广告 広告 sponsored".split()
)
_LABEL_TAGS = frozenset({"p", "div", "span", "section", "aside", "figure", "small"})
_SHARE_TAGS = _LABEL_TAGS | {"li", "h2", "h3", "h4", "h5", "h6"}


# class/id strings repeat within a page and across pages: each is searched once
_JUNK_WORDS: Memo[str, bool] = Memo(lambda attrs: JUNK.search(attrs) is not None)


# a "teaser" class names a box promoting another story, or the story's own lead (or its
# free part, ``div.teaser-content``): only a short box with a link is the promotion
_TEASER_LONGEST = 600


def _teaser_box(el: HtmlElement) -> bool:
    """A promotion of another story: a link to it and a few lines about it."""
    if not any(a.get("href") for a in el.iter("a")):
        return False
    return len(text_of(el)) < _TEASER_LONGEST


def _junk_words(attrs: str) -> bool:
    return _JUNK_WORDS[attrs]


class Rules:
    """What the junk tests know of the whole copy."""

    __slots__ = ("__dict__", "asked", "protect", "root", "title")

    def __init__(self, root: HtmlElement, protect: Callable[[HtmlElement], bool], title: str):
        self.root = root  # the copy's root: its children are the chosen nodes
        self.protect = protect
        self.title = title
        self.asked = 0  # text lengths read by serializing (``length``)

    @functools.cached_property
    def total(self) -> int:
        """Characters in the whole copy: a "junk" class on most of it is no junk. Read
        only when a junk word is met (the copy's text is serialized for it)."""
        return max(1, len(text_of(self.root)))

    @functools.cached_property
    def lengths(self) -> TextLengths:
        """Text lengths of the copy's elements, each summed once: nested "comment" boxes
        asked each level's size, each serialized whole (2,000 levels: 0.15 s)."""
        return TextLengths()

    def length(self, el: HtmlElement) -> int:
        """``len(text_of(el))``. A copy asks a few sizes (a junk word on a wrapper), each
        serialized by libxml2 faster than ``lengths`` sums up a big subtree in Python; past
        ``_SERIALIZED`` asks (nested "comment" boxes ask every level) ``lengths`` answers,
        so a deep nest is not serialized once per level."""
        if self.asked < _SERIALIZED:
            self.asked += 1
            return len(text_of(el))
        return self.lengths.length(el)

    def class_text(self, el: HtmlElement) -> int:
        """The text of ``el`` and its siblings of the same class: the chunks of one article
        side by side (``div.sidebar-grid__content`` cut by ads) weigh as one, and a class
        that the chunks share is the article's, however each chunk alone compares."""
        cls = el.get("class")
        parent = el.getparent()
        if not cls or parent is None:
            return self.length(el)
        return sum(self.length(n) for n in parent if n is el or n.get("class") == cls)


_SERIALIZED = 16


def junk_of(root: HtmlElement, rules: Rules) -> Iterator[HtmlElement]:
    """Junk elements under ``root``, top down; the inside of a junk element is not visited."""
    stack: list[HtmlElement] = list(reversed(root))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):
            continue
        # most elements of a post (p, li, em ...) carry no attribute: one call says so,
        # and the tests of hidden, role, class and id words read only the names listed
        names = el.keys()
        if ("data-strip" in names and el.get("data-strip") == "1") or _is_junk(el, rules, names):
            yield el
        elif tag not in SKIP_TAGS and (len(el) == 0 or quote_kind(el) is None):
            stack.extend(reversed(el))  # a quote is kept whole, as the page shows it


def _is_junk(el: HtmlElement, rules: Rules, names: Sequence[str]) -> bool:
    """``names``: ``el.keys()``, read once by the walk (an absent attribute costs a read
    as much as a present one, and most elements of a post have none)."""
    tag = el.tag
    if tag in _KEEP:
        return False
    if tag in _TITLE_TAGS and _is_title(el, rules.title):
        return True
    if names and _hidden(el, names) and not paywalled(el):
        return True
    if quote_kind(el) is not None:
        return False
    if tag in _FURNITURE_TAGS or ("role" in names and el.get("role") in _FURNITURE_ROLES):
        if tag == "form":
            # ASP.NET and other form frameworks wrap the whole page in one <form>: a form
            # holding most of the content, and that content prose, is that wrapper, not a
            # search, sign-up or comment box
            return not (too_big(el, rules) and _mostly_prose(el))
        return tag != "aside" or not _mostly_prose(el)
    if tag in SKIP_TAGS:
        return False
    attrs = _attrs(el, names) if names else ""
    if attrs and _junk_words(attrs) and not too_big(el, rules):
        return True
    if attrs and "teaser" in attrs and el.getparent() is not rules.root and _teaser_box(el):
        return True
    if tag in _SHARE_TAGS and len(el) == 0 and _label(el):
        return True
    if tag in _SECTION_TAGS and len(el) > 1 and thread_heading(el[0]):
        # the comment section or its rules, unless it is a chosen node or most of them
        return el.getparent() is not rules.root and not too_big(el, rules)
    if tag in TEASER_TAGS and teaser(el):
        return True
    if tag in STAMP_TAGS and len(el) <= STAMP_CHILDREN and date_line(el):
        return True
    if el.getparent() is rules.root:
        return False  # a chosen node is no link list: the scorer weighed its links already
    return tag in _LINK_LIST_TAGS and _link_list(el) and not rules.protect(el)


def _label(el: HtmlElement) -> bool:
    """An ad slot's or a share bar's label, left without its ad or its buttons."""
    words = (el.text or "").strip()
    if len(words) > _LABEL_LONGEST:  # a paragraph's text: lower-casing never shortens one
        return False
    words = words.lower()
    if words in SHARE_LABELS:
        return True
    if el.tag not in _LABEL_TAGS:
        return False
    # numbered slots ("Advertisement 2") and the line that bridges an ad slot in mid-story
    return words.rstrip("0123456789 ") in AD_LABELS or words in _AD_BRIDGES


# what a story says around an ad slot set in it, once the ad is gone
_AD_BRIDGES = frozenset(
    f"{what} continues {where}"
    for what in ("story", "article")
    for where in ("below", "below advertisement", "after advertisement", "after this advertisement")
)
_LABEL_LONGEST = max(len(label) for label in SHARE_LABELS | AD_LABELS | _AD_BRIDGES)


_SECTION_TAGS = frozenset({"div", "section"})


def _attrs(el: HtmlElement, names: Sequence[str]) -> str:
    """class, id, and the attributes that name a part in markup without meaningful classes
    (``itemprop=author``, ``data-testid=authorPhoto``), lower-cased. ``names``: ``el.keys()``."""
    words = attr_string(el)
    for name in ("itemprop", "data-testid"):
        value = el.get(name) if name in names else None
        if value:
            words = f"{words} {value.lower()}"
    return words


def _is_title(el: HtmlElement, title: str) -> bool:
    """The post's title repeated in the content: by class (``entry-title``) or by text."""
    if "title" in (el.get("class") or "") or "headline" in (el.get("class") or ""):
        return True
    return bool(title) and collapse(text_of(el)).lower() == title


def too_big(el: HtmlElement, rules: Rules) -> bool:
    """A "junk" class on most of the content is a misnamed wrapper, not junk: one element
    of that class, or all of them together."""
    half = 0.5 * rules.total
    return rules.length(el) > half or rules.class_text(el) > half


def _mostly_prose(el: HtmlElement) -> bool:
    return len(text_of(el).strip()) > 200 and density(el) < 0.2


def _link_list(el: HtmlElement) -> bool:
    links = list(el.iter("a"))
    if not links:
        return False
    text = text_of(el).strip()
    if not text:
        return False
    share = density(el, text, links)
    if el.tag == "p":
        # a paragraph that is nothing but a link: "RELATED: …" teasers, link runs
        # ("mediawatch:" introducing a reblog ends with a colon and stays)
        lone = len(text) < _LONE_LINK and not text.endswith(":")
        return (share > 0.9 and (len(links) >= 2 or lone)) or labelled_links(el, text, links)
    if el.tag in _INLINE_LISTS:
        if el.tag != "span" and not _own_line(el):
            return False  # bold links in a sentence are the sentence's
        return (share > 0.9 and len(links) >= 2) or labelled_links(el, text, links)
    if share > 0.65:
        return True
    return share > 0.5 and len(text) < 300 and len(links) >= 3


def _own_line(el: HtmlElement) -> bool:
    """No text of its parent beside ``el``: an inline element set as a line of its own (a
    bold tag list between two paragraphs), not words inside a sentence."""
    if (el.tail or "").strip():
        return False
    prev = el.getprevious()
    if prev is not None:
        return not (prev.tail or "").strip()
    parent = el.getparent()
    return parent is None or not (parent.text or "").strip()
