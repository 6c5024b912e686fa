"""The post's own content: where it is, what is left once boilerplate goes, and what it holds.

Where (first that finds text wins):

1. the profile's ``body`` selectors (``.entry-content``, ``.post-body`` ...);
2. structured hints: ``[itemprop=articleBody]``, ``.h-entry .e-content``;
3. the generic scorer (``boilerplate`` scores, ``locate`` chooses), which needs no hint;
   a choice that cleans to nothing gives way to the scorer's next one, if close in score;
4. when the HTML shows no post at all (a JavaScript shell), JSON-LD ``articleBody``.

On an index or excerpt page (several post summaries, see ``_first_post``) the body is the
first post's excerpt and ``read_more`` its link to the full post.

The chosen element(s) are copied and cleaned (``cleanup.clean_copy``); the page's tree is
never touched, because metadata and comments read it too. From the cleaned copy come
``body.text`` and ``body.html`` (``text.text_and_html``: one walk; absolute URLs in the html),
the quotes, the links and the images. ``body.text`` is the running text of the post:
figure captions (``figcaption``, ``.wp-caption-text``, ``.wp-element-caption``) are
recorded in ``images[].caption`` and left out of it, while ``body.html`` keeps the
``<figure>`` with its ``<figcaption>`` (faithful markup). ``body`` is ``None`` when no
text is found: an empty page has no article, and a guess is not content.

Comment items (``comments.comment_nodes``: the same detection the thread uses) neither
score as content nor stay in the cleaned copy, so a thread without a ``#comments``
marker does not leak into the body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from lxml.etree import SubElement
from lxml.html import Element, HtmlElement

from ..._records import Body, Link
from .._quotes import extract_quotes
from .._results import BodyResult, Metadata
from ..comments._comments import comment_nodes
from ..dom._css import page_select, select
from ..dom._page import ElementIndex, Page
from ..dom._signals import UNLIKELY_TAGS, attr_string, is_hidden, text_of
from ..dom._text import collapse, join_url, text_and_html
from ..profiles._profile import Profile
from ._agree import WEAK, declared_lead
from ._cleanup import clean_copy_kept, remove
from ._contents import images_of, links_of, resolve_images
from ._lastresort import last_resort
from ._locate import main_content, post_beside, with_lead
from ._readmore import find_read_more, is_read_more_text

__all__ = ["extract_body"]

_STRUCTURED = ("[itemprop~=articleBody]", ".h-entry .e-content", ".hentry .entry-content")
_SUMMARY = (
    ".entry-summary",
    ".entry-content",
    ".post-summary",
    ".excerpt",
    ".post-excerpt",
    ".summary",
    ".p-summary",
    ".e-content",
    ".post-body",
    ".post-content",
)
_POST_ITEMS = ("article, .hentry, .h-entry, .type-post, [itemtype*=BlogPosting]",)
_MIN_TEXT = 1


def extract_body(page: Page, profile: Profile, meta: Metadata) -> BodyResult:
    """Body, quotes, links, images and read-more link of the page's post (see module doc)."""
    base = page.url or meta.url
    thread = _boxes(_comment_items(comment_nodes(page, profile)))
    cleaned: dict[tuple[HtmlElement, ...], BodyResult] = {}

    def clean(nodes: Sequence[HtmlElement]) -> BodyResult:
        key = tuple(nodes)
        if key not in cleaned:
            cleaned[key] = _cleaned(nodes, profile, meta, thread, base, page.index)
        return cleaned[key]

    def usable(nodes: Sequence[HtmlElement]) -> bool:
        # what cleans to nothing was not the post; JSON-LD text beats a second guess
        return clean(nodes).body is not None or _has_structured_body(page)

    if profile.gate and _members_gate(page, profile.gate):
        return BodyResult()  # a visitor sees a sign-up call: the post's text is unknown
    nodes, index_link = _locate(page, profile, base, thread, usable)
    if not nodes:
        return _structured_body(page, base)
    if _password_form(page, nodes):
        return BodyResult()  # the post is behind a password: its body is unknown, not the form
    found = clean(nodes)
    if found.body is None:
        fallback = _structured_body(page, base)
        if fallback.body:
            return fallback
    if index_link is None and (found.body is None or len(found.body.text) < WEAK):
        found = declared_lead(
            page,
            meta.title,
            (nodes, thread),
            found,
            lambda skip: _locate(page, profile, base, skip)[0],
            lambda chosen, skip: _cleaned(chosen, profile, meta, skip, base, page.index),
        )
    if found.body is None:
        found = last_resort(
            nodes,
            found,
            lambda noscript, protect: _cleaned(
                nodes, profile, meta, thread, base, page.index, noscript, protect
            ),
        )
    if found.read_more is None and index_link is not None:
        return replace(found, read_more=index_link)
    return found


def _password_form(page: Page, nodes: Sequence[HtmlElement]) -> bool:
    """WordPress's password form (``form.post-password-form``) stands in for the post.
    Its "This content is password protected" is WordPress's words, not the author's."""
    forms = page.index.by_class.get("post-password-form")
    if not forms:
        return False
    return any(node is form or form in node.iterdescendants() for form in forms for node in nodes)


def _members_gate(page: Page, gate_selectors: tuple[str, ...]) -> bool:
    """An engine's sign-up call (the profile's ``gate``: Ghost's ``aside.gh-post-upgrade-cta``)
    stands in place of a members-only post's content. With nothing else beside it (no
    public preview) the text is unknown to a visitor, and the related-post cards the scorer
    would pick next are not it; a preview before the call stays the body (``body_strip``
    removes the call)."""
    for gate in page_select(page, gate_selectors):
        box = gate.getparent()
        if box is None or (box.text or "").strip() or (gate.tail or "").strip():
            continue
        if all(el is gate or not (text_of(el).strip() or (el.tail or "").strip()) for el in box):
            return True
    return False


def _cleaned(
    nodes: Sequence[HtmlElement],
    profile: Profile,
    meta: Metadata,
    thread: Sequence[HtmlElement],
    base: str | None,
    index: ElementIndex | None = None,
    noscript: bool = False,
    protect: Callable[[HtmlElement], bool] | None = None,
) -> BodyResult:
    """``nodes`` cleaned and read: the body, or only the read-more link when no text is left.
    ``noscript`` and ``protect`` (spared by the link-list rule) are for ``last_resort``.
    """
    root, alive = clean_copy_kept(
        nodes,
        profile.body_strip,
        protect=protect or _protect,
        title=meta.title,
        drop=thread,
        index=index,
        noscript=noscript,
    )
    read_more, block = find_read_more(root, _following(nodes[-1]), base)
    if block is not None:
        remove([block])
    resolve_images(root, base)
    text, html = text_and_html(root, base, captions=False)
    if len(text) < _MIN_TEXT:  # a post of captioned pictures only: its captions are its text
        text, html = text_and_html(root, base)
    if len(text) < _MIN_TEXT:
        return BodyResult(read_more=read_more)
    result = BodyResult(
        body=Body(text=text, html=html),
        quotes=extract_quotes(root, base),
        links=links_of(root, base),
        images=images_of(root),
        read_more=read_more,
    )
    del alive  # held through the reads above (see clean_copy_kept)
    return result


def _comment_items(items: Sequence[HtmlElement]) -> tuple[HtmlElement, ...]:
    """The thread's items without those that hold an ``<h1>``: a comment has no page
    headline, so such an "item" is a block of the page that only looks numbered like a
    comment (CMS content blocks with ids like ``c9839``), and very likely holds the post."""
    return tuple(el for el in items if next(el.iter("h1"), None) is None)


_BOX_LEVELS = 3


def _boxes(items: Sequence[HtmlElement]) -> tuple[HtmlElement, ...]:
    """Each comment item widened to the box around it that holds it alone and says
    "comment" (``div.commentbody`` around the text div, with the "Posted by" line):
    the box's signature line is no more the post's than the comment is."""
    count: dict[HtmlElement, int] = {}
    for el in items:
        anc = el.getparent()
        for _ in range(_BOX_LEVELS):
            if anc is None:
                break
            count[anc] = count.get(anc, 0) + 1
            anc = anc.getparent()
    out: list[HtmlElement] = []
    for el in items:
        box = el
        for _ in range(_BOX_LEVELS):
            parent = box.getparent()
            if parent is None or parent.tag in ("body", "html") or count.get(parent) != 1:
                break
            if "comment" not in attr_string(parent):
                break
            box = parent
        out.append(box)
    return tuple(out)


def _has_structured_body(page: Page) -> bool:
    return any(
        isinstance(o.get("articleBody"), str) and o["articleBody"].strip() for o in page.jsonld
    )


def _structured_body(page: Page, base: str | None) -> BodyResult:
    """The JSON-LD ``articleBody`` of a page whose HTML shows no post (a script shell).

    Structured data carries text, not markup: each blank-line paragraph becomes a ``<p>``
    and goes through the same serializers as HTML content.
    """
    for obj in page.jsonld:
        raw = obj.get("articleBody")
        if not isinstance(raw, str) or not raw.strip():
            continue
        root = Element("div")
        for para in raw.split("\n\n"):
            if para.strip():
                p = SubElement(root, "p")
                p.text = para
                p.tail = "\n"  # serialized as the one space clean_html puts between blocks
        text, html = text_and_html(root, base)
        return BodyResult(body=Body(text=text, html=html))
    return BodyResult()


def _protect(el: HtmlElement) -> bool:
    """Keep a lone read-more link through the link-list cleaning, so it can be found."""
    return len(el) <= 2 and is_read_more_text(text_of(el))


def _locate(
    page: Page,
    profile: Profile,
    base: str | None,
    thread: Sequence[HtmlElement] = (),
    usable: Callable[[list[HtmlElement]], bool] | None = None,
) -> tuple[list[HtmlElement], Link | None]:
    root = page.tree.find("body")
    if root is None:
        root = page.tree
    elements, index = page.elements, page.index
    body_hits, structured, items = (
        select(root, group, index) for group in (profile.body, _STRUCTURED, _POST_ITEMS)
    )
    outer = _outermost([el for el in items if not _aside(el)])
    first = _first_post(outer, base)
    # the scorer reads every element's text and tail (most of its cost): from the body on
    start = page.index.position.get(root, 0)
    if first is not None:
        linked = _linked(outer, base)
        if _prose_outside(root, linked) or post_beside(root, linked, elements[start:], thread):
            first = None
    if first is not None:
        item, link = first
        found = select(item, profile.body, index) or select(item, _SUMMARY, index)
        summary = _first_with_text(found)
        return [summary if summary is not None else item], link
    hints = [el for el in (*body_hits, *structured) if not is_hidden(el)]
    return with_lead(main_content(root, hints, elements[start:], thread, usable), index), None


def _aside(el: HtmlElement) -> bool:
    """``el`` sits in an ``<aside>``, ``<nav>`` or ``<footer>``: the rail's teasers and
    video popups are ``<article>`` elements too, but no post of the page, so they make
    no index of it and none of them is its first post."""
    return any(anc.tag in UNLIKELY_TAGS for anc in el.iterancestors())


def _first_with_text(found: Sequence[HtmlElement]) -> HtmlElement | None:
    for el in found:
        if not is_hidden(el) and text_of(el).strip():
            return el
    return None


def _first_post(
    items: Sequence[HtmlElement], base: str | None
) -> tuple[HtmlElement, Link | None] | None:
    """On an index page, the first post summary and its title link; ``None`` on a post page.

    A page is an index when two or more separate post items (``article``, ``.hentry`` ...)
    have a heading that links away, and the first of them does too: a single post's own
    title does not link elsewhere, while related-post teasers after it do.
    """
    if len(items) < 2:
        return None
    linked = [(el, _heading_link(el, base)) for el in items]
    if linked[0][1] is None or sum(1 for _, link in linked if link is not None) < 2:
        return None
    return linked[0]


_PROSE_OUTSIDE = 1000
_PROSE_LINE = 80


def _linked(items: Sequence[HtmlElement], base: str | None) -> list[HtmlElement]:
    """The items whose heading links away: teasers. An item without one is a post."""
    return [el for el in items if _heading_link(el, base) is not None]


def _prose_outside(root: HtmlElement, items: Sequence[HtmlElement]) -> bool:
    """A post of its own outside every teaser item (``items``): long paragraphs holding
    twice the text of the longest item. A post page whose own article is a plain ``div``,
    or an ``<article>`` whose title does not link away, may show a row of ``<article>``
    teasers above it ("trending", "related"), which must not make it an index.
    Paragraphs are ``<p>`` elements, or ``<div>`` elements' own text (templates that set
    their paragraphs as bare divs).
    """
    if len(items) < 2:
        return False
    inside = set(items)
    longest = max(len(text_of(el)) for el in items)
    found = 0
    for p in root.iter("p", "div"):
        text = (p.text or "").strip() if p.tag == "div" else text_of(p)
        if len(text) < _PROSE_LINE or any(a in inside for a in p.iterancestors()):
            continue
        found += len(text)
        if found >= max(_PROSE_OUTSIDE, 2 * longest):
            return True
    return False


def _outermost(found: Sequence[HtmlElement]) -> list[HtmlElement]:
    """``found`` (document order) without the elements nested in another one of them."""
    keep: list[HtmlElement] = []
    members = set(found)
    for el in found:
        if not any(anc in members for anc in el.iterancestors()):
            keep.append(el)
    return keep


def _heading_link(item: HtmlElement, base: str | None) -> Link | None:
    """The link of the item's first heading, if it leads away; ``None`` also for an item
    holding an unlinked ``<h1>``: that is the page's own headline (a teaser's links to its
    post), whatever a kicker heading above it links to (``<h2><a>Section</a></h2>``)."""
    if any(_own_headline(h1, item) for h1 in item.iter("h1")):
        return None
    for heading in item.iter("h1", "h2", "h3"):
        for a in heading.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.startswith("#"):
                continue
            url = join_url(base, href) if base else href
            if url is None:
                continue
            if base and url.split("#")[0] == base.split("#")[0]:
                return None
            return Link(url, collapse(text_of(a)) or None)
        return None
    return None


def _own_headline(h1: HtmlElement, item: HtmlElement) -> bool:
    """An ``<h1>`` with text and no link in it or around it (up to ``item``)."""
    if next(h1.iter("a"), None) is not None or not text_of(h1).strip():
        return False
    return not any(anc.tag == "a" for anc in _ancestors(h1, item))


def _ancestors(el: HtmlElement, stop: HtmlElement) -> Iterator[HtmlElement]:
    for anc in el.iterancestors():
        if anc is stop:
            return
        yield anc


def _following(node: HtmlElement, limit: int = 3) -> Iterator[HtmlElement]:
    """Up to ``limit`` visible element siblings after ``node``: where "Source:" lines sit."""
    count = 0
    for sib in node.itersiblings():
        if count >= limit:
            return
        if isinstance(sib, HtmlElement) and isinstance(sib.tag, str) and not is_hidden(sib):
            count += 1
            yield sib
