"""What an element's own tag, class, id and style attributes say about it, for the scorer
(``boilerplate``), the content chooser (``locate``) and the cleaner (``cleanup``).

Pages repeat the same class/id strings on many elements, and themes repeat them across
pages, so every verdict is kept per distinct string.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from lxml.html import HtmlMixin

from .._memo import Memo

__all__ = [
    "NEGATIVE",
    "POSITIVE",
    "UNLIKELY_TAGS",
    "attr_string",
    "attr_words",
    "class_weight",
    "is_hidden",
    "text_of",
    "unlikely",
]

UNLIKELY_TAGS = frozenset({"nav", "aside", "footer"})

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


# What is read from one class/id string is kept, keyed on the raw attribute values.
_Attrs = tuple[str | None, str | None]


#: What of a class or id value the hint patterns read: real ones are a few dozen
#: characters; a hostile page's megabyte value would cost seconds in every pattern.
HINT_MAX = 1000


def bounded(value: str | None) -> str | None:
    """``value``, or for an absurdly long one its distinct words up to ``HINT_MAX``."""
    if value is None or len(value) <= HINT_MAX:
        return value
    return " ".join(dict.fromkeys(value.split()))[:HINT_MAX]


def _string(key: _Attrs) -> str:
    cls, ident = bounded(key[0]), bounded(key[1])
    return f"{_post_classes(cls) or ''} {ident or ''}".lower()


_STRINGS: Memo[_Attrs, str] = Memo(_string)


def attr_string(el: etree._Element) -> str:
    """Lower-cased ``class`` and ``id`` of ``el``: what the hint patterns read."""
    key = (el.get("class"), el.get("id"))
    if key[0] is None and key[1] is None:
        return ""
    return _STRINGS[key]


def _words(key: _Attrs) -> str:
    cls, ident = bounded(key[0]), bounded(key[1])
    raw = f"{_post_classes(cls) or ''} {ident or ''}"
    lower = raw.lower()
    if lower != raw:
        lower = _CAMEL.sub(r"\1 \2", raw).lower()
    return lower.translate(_SEPARATORS)


_WORDS: Memo[_Attrs, str] = Memo(_words)


def attr_words(el: etree._Element) -> str:
    """``class`` and ``id`` as lower-case words: camelCase, ``-``, ``_`` split apart."""
    key = (el.get("class"), el.get("id"))
    if key[0] is None and key[1] is None:
        return ""
    return _WORDS[key]


def _weight(attrs: str) -> int:
    weight = 0
    if NEGATIVE.search(attrs):
        weight -= 25
    if POSITIVE.search(attrs):
        weight += 25
    return weight


_WEIGHTS: Memo[str, int] = Memo(_weight)


def class_weight(el: etree._Element) -> int:
    """+25 for content-like class/id, -25 for boilerplate-like: readability's weight."""
    attrs = attr_words(el)
    return _WEIGHTS[attrs] if attrs else 0


def text_of(el: etree._Element) -> str:
    """``el.text_content()``: all the text under ``el``, without its tail. libxml2's text
    serializer writes the same string without setting up an XPath evaluation, which
    makes it about 2.5x faster on a paragraph or a link."""
    if not isinstance(el.tag, str):  # a comment or PI (the page parser drops them)
        return str(el.text_content()) if isinstance(el, HtmlMixin) else (el.text or "")
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def is_hidden(el: etree._Element) -> bool:
    """Hidden by the page itself: ``hidden``, ``aria-hidden=true``, ``display:none``."""
    # one call for the names (an attribute read costs about as much), then a read only
    # of what is there: a third fewer instructions than three reads
    return _hidden(el, el.keys())


def _hidden(el: etree._Element, names: Sequence[str | bytes]) -> bool:
    """``is_hidden`` of ``el``, whose attribute names the caller has read already."""
    if not names:
        return False
    if "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true"):
        return True
    if "style" not in names:
        return False
    style = el.get("style")
    if not style:
        return False
    style = style.replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def unlikely(el: etree._Element) -> bool:
    """Hidden, or a container that readability calls unlikely (nav, sidebar, comments ...)."""
    tag = el.tag
    if tag in ("body", "html", "article", "main"):
        return False
    if tag in UNLIKELY_TAGS:
        return True
    names = el.keys()
    if not names:  # no attribute: nothing below can say "unlikely" (one call, not six)
        return False
    if _hidden(el, names):
        return True
    # the names say which attributes to read: most elements have no role, and many
    # only a class (a read of an absent attribute costs as much as a present one)
    if "role" in names and el.get("role") in _UNLIKELY_ROLES:
        return True
    cls = el.get("class") if "class" in names else None
    ident = el.get("id") if "id" in names else None
    if cls is None and ident is None:
        return False
    attrs = _WORDS[cls, ident]
    return _UNLIKELY_WORDS[attrs] if attrs else False


_UNLIKELY_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "dialog"})


_UNLIKELY_WORDS: Memo[str, bool] = Memo(
    lambda attrs: bool(UNLIKELY.search(attrs)) and not MAYBE.search(attrs)
)
