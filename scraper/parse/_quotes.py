"""Quotes embedded in a post or a comment: blockquotes, inline ``<q>``, pull quotes, embeds.

``extract_quotes(el, base_url)`` reads a subtree (the cleaned body, or one comment's
content) and returns each quote once, outermost first: a ``<q>`` inside a ``<blockquote>``,
or the ``<blockquote>`` inside a ``figure.wp-block-pullquote`` or a tweet embed, is part of
the outer quote, not a quote of its own.

Kinds:

* ``embed``: oEmbed-style blocks (``blockquote.twitter-tweet``, ``.instagram-media``,
  ``tiktok-embed``, ``figure.wp-block-embed-*`` ...). ``cite`` is the embedded post's own
  permalink (the tweet's status link, Instagram's ``data-instgrm-permalink`` ...), because
  that is what a reader needs to find the source again; ``text`` is the post's own words
  (its first paragraph, without the "— Name (@handle) date" line). An embed with no
  words (a video player, an unrendered URL) is no quote.
* ``pullquote``: ``.pullquote`` / ``.pull-quote`` / ``wp-block-pullquote``.
* ``q``: inline ``<q>``.
* ``blockquote``: every other ``<blockquote>``.

``cite`` for blockquotes and pull quotes, first found wins: the ``cite=`` attribute (a URL),
then the href of a link inside ``<cite>``, then the ``<cite>`` text, then a trailing
attribution line ("— Name"). A URL is preferred because it is the most precise witness of
the source; a name is the fallback readers see. The attribution (``<cite>``/``<footer>`` at
the end, or the "— Name" line) is left out of the quote's text since it is reported as
``cite``; a ``<cite>`` in the middle of a sentence stays in the text.

Pure: the subtree is never modified (a quote that needs its attribution left out is
serialized from a copy of that quote only).
"""

from __future__ import annotations

import copy
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from .._records import Quote, QuoteKind
from ._memo import Memo
from .dom._text import element_text

__all__ = ["extract_quotes", "is_trailing", "quote_kind"]

# class tokens of blocks that carry a third-party post (tweet, Instagram ...)
_EMBED_CLASSES = frozenset(
    "twitter-tweet twitter-video twitter-timeline instagram-media tiktok-embed reddit-card "
    "reddit-embed-bq imgur-embed-pub bluesky-embed mastodon-embed threads-embed text-post-media "
    "fb-post fb-video fb-xfbml-parse-ignore embedly-card wp-block-embed wp-embedded-content "
    "oembed".split()
)
_EMBED_PREFIXES = ("wp-block-embed-", "is-provider-")
_BY_TAG = {"blockquote": QuoteKind.BLOCKQUOTE, "q": QuoteKind.Q, "tiktok-embed": QuoteKind.EMBED}
_PULL_MARKERS = ("pullquote", "pull-quote", "pull_quote")
# attributes that name an embed's source post directly
_PERMALINK_ATTRS = ("data-instgrm-permalink", "cite", "data-href", "data-url", "data-permalink")
_DASHES = ("—", "–", "―", "-", "~")
_MAX_ATTRIBUTION = 120


def extract_quotes(el: HtmlElement, base_url: str | None = None) -> tuple[Quote, ...]:
    """Every quote inside ``el`` (``el`` itself included), in document order, no nesting."""
    out: list[Quote] = []
    # nothing inside a quote is another one: the walk skips its subtree (asking each
    # element whether an ancestor was a quote made 2,000 nested blockquotes quadratic)
    walker = etree.iterwalk(el, events=("start",))
    for _, node in walker:
        if not isinstance(node.tag, str):
            continue
        kind = quote_kind(node)
        if kind is None:
            continue
        walker.skip_subtree()
        quote = _make_quote(node, kind, base_url)
        if quote is not None:
            out.append(quote)
    return tuple(out)


def quote_kind(node: etree._Element) -> QuoteKind | None:
    """What kind of quote ``node`` is, or ``None`` when it is none."""
    tag = node.tag
    cls = node.get("class")
    if cls is None or not isinstance(tag, str):
        return _BY_TAG.get(tag) if isinstance(tag, str) else None
    return _KINDS[tag, cls]


def _classed_kind(key: tuple[str, str]) -> QuoteKind | None:
    tag, cls = key
    classes = cls.lower().split()
    if len(cls) > 200:  # each token once (a hostile class repeats one word 250,000 times)
        classes = list(dict.fromkeys(classes))
    if tag == "tiktok-embed" or _is_embed(classes):
        return QuoteKind.EMBED
    if any(m in c for c in classes for m in _PULL_MARKERS):
        return QuoteKind.PULLQUOTE
    if tag == "blockquote":
        return QuoteKind.BLOCKQUOTE
    if tag == "q":
        return QuoteKind.Q
    return None


_KINDS: Memo[tuple[str, str], QuoteKind | None] = Memo(_classed_kind)


def _is_embed(classes: list[str]) -> bool:
    return any(c in _EMBED_CLASSES or c.startswith(_EMBED_PREFIXES) for c in classes)


def _make_quote(node: HtmlElement, kind: QuoteKind, base_url: str | None) -> Quote | None:
    if kind is QuoteKind.EMBED:
        text = _embed_text(node)
        cite = _embed_source(node, base_url)
        if not text or text == cite:
            return None  # a video player or a bare URL quotes no words
        return Quote(text=text, cite=cite, kind=kind)
    if kind is QuoteKind.Q:
        text = element_text(node)
        return Quote(text=text, cite=_url_attr(node, "cite", base_url), kind=kind) if text else None
    return _block_quote(node, kind, base_url)


def _block_quote(node: HtmlElement, kind: QuoteKind, base_url: str | None) -> Quote | None:
    cite = _url_attr(node, "cite", base_url)
    if cite is None:
        inner = node.find(".//blockquote")
        if inner is not None:
            cite = _url_attr(inner, "cite", base_url)
    attribution = _attribution_element(node)
    if attribution is not None:
        if cite is None:
            cite = _cite_of(attribution, base_url)
        text = _text_without(node, attribution)
    else:
        text = element_text(node)
    if cite is None and text:
        text, cite = _split_trailing_attribution(text)
    if not text:
        return None
    return Quote(text=text, cite=cite or None, kind=kind)


def _attribution_element(node: HtmlElement) -> HtmlElement | None:
    """The ``<cite>``/``<footer>``/``figcaption`` that closes the quote, if any."""
    for cand in node.iter("cite", "footer", "figcaption"):
        if cand is node or not is_trailing(cand, node):
            continue
        return cand
    return None


def is_trailing(cand: etree._Element, root: etree._Element) -> bool:
    """True when nothing but whitespace follows ``cand`` inside ``root``."""
    node: etree._Element | None = cand
    while node is not None and node is not root:
        if (node.tail or "").strip():
            return False
        for sib in node.itersiblings():
            if isinstance(sib.tag, str) and "".join(str(t) for t in sib.itertext()).strip():
                return False
        node = node.getparent()
    return True


def _cite_of(attribution: HtmlElement, base_url: str | None) -> str | None:
    for link in attribution.iter("a"):
        href = _url_attr(link, "href", base_url)
        if href:
            return href
    text = element_text(attribution).lstrip("".join(_DASHES) + " ").strip()
    return text or None


def _text_without(node: HtmlElement, drop: HtmlElement) -> str:
    """``element_text`` of ``node`` with ``drop`` left out; only the quote is copied."""
    path = []
    cur: etree._Element | None = drop
    while cur is not None and cur is not node:
        parent = cur.getparent()
        if parent is None:
            break
        path.append(parent.index(cur))
        cur = parent
    dup = copy.deepcopy(node)
    target: HtmlElement = dup
    for i in reversed(path):
        target = target[i]
    if target.getparent() is not None:
        target.drop_tree()  # its tail text stays in place
    return element_text(dup)


def _split_trailing_attribution(text: str) -> tuple[str, str | None]:
    """Split a last line like "— Jane Doe" off the quote text."""
    head, sep, last = text.rpartition("\n")
    if not sep:
        return text, None
    last = last.strip()
    if not last.startswith(_DASHES) or len(last) > _MAX_ATTRIBUTION:
        return text, None
    name = last.lstrip("".join(_DASHES) + " ").strip()
    if not name or not head.strip():
        return text, None
    return head.rstrip(), name


def _embed_text(node: HtmlElement) -> str:
    """The embedded post's own words: its first paragraph with text.

    Tweets and Instagram posts follow their text with an attribution line ("— Name
    (@handle) date", "A photo posted by …") that ``cite`` already records.
    """
    for p in node.iter("p"):
        if isinstance(p, HtmlElement) and (text := element_text(p)):
            return text
    return element_text(node)


def _embed_source(node: HtmlElement, base_url: str | None) -> str | None:
    """The permalink of the embedded post (see module doc)."""
    for holder in node.iter():
        if not isinstance(holder.tag, str):
            continue
        for attr in _PERMALINK_ATTRS:
            url = _url_attr(holder, attr, base_url)
            if url and url.startswith("http"):
                return url
    wrapper_text = element_text(node).split("\n", 1)[0].strip()
    if wrapper_text.startswith(("http://", "https://")) and " " not in wrapper_text:
        return wrapper_text
    links = [href for a in node.iter("a") if (href := _url_attr(a, "href", base_url))]
    status = [h for h in links if "/status/" in h or "/p/" in h or "/video/" in h]
    if status:
        return status[-1]
    if links:
        return links[-1]
    for frame in node.iter("iframe"):
        url = _url_attr(frame, "src", base_url)
        if url:
            return url
    return None


def _url_attr(node: etree._Element, attr: str, base_url: str | None) -> str | None:
    """An attribute holding a URL, made absolute; ``None`` for empty or non-URL values."""
    value = (node.get(attr) or "").strip()
    if not value or any(ch.isspace() for ch in value) or value.startswith(("javascript:", "#")):
        return None
    if "/" not in value and ":" not in value:
        return None  # a bare word ("Reuters") in cite= is no address; don't make it one
    if base_url:
        try:
            return urljoin(base_url, value)
        except ValueError:
            return None
    return value
