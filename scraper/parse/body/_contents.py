"""What the cleaned copy of the post holds: its images and its links.

Lazy-loading themes leave ``src`` empty or a placeholder ``data:`` URI and put the image in
``data-src``/``srcset``; the copy gets the real address so ``body.html`` shows the image,
and ``images[]`` lists each once with its caption (kept out of ``body.text``).
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from ..._records import Image, Link
from ..dom._signals import text_of
from ..dom._text import collapse, element_text, join_url, safe_url

__all__ = ["images_of", "links_of", "resolve_images"]

_LAZY_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-orig-file")


def _image_url(img: etree._Element) -> str | None:
    src = (img.get("src") or "").strip()
    if src and not src.startswith("data:"):
        return src
    for attr in _LAZY_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    for attr in ("srcset", "data-srcset", "data-lazy-srcset"):
        value = (img.get(attr) or "").strip()
        if value:
            return value.split(",")[0].strip().split(" ")[0] or None
    return None


def resolve_images(root: HtmlElement, base: str | None) -> None:
    """Give lazy-loaded images of the copy their real ``src`` so ``body.html`` shows them."""
    for img in root.iter("img"):
        url = _image_url(img)
        if url is None:
            continue
        # safe_url also percent-encodes control characters, which lxml refuses to set
        src = safe_url(join_url(base, url) if base else url)
        if src is not None:
            img.set("src", src)


def images_of(root: HtmlElement) -> tuple[Image, ...]:
    out: list[Image] = []
    seen: set[str] = set()
    for img in root.iter("img"):
        url = img.get("src")
        if not url or url in seen or url.startswith("data:"):
            continue
        seen.add(url)
        alt = collapse(img.get("alt")) or None
        out.append(Image(url=url, alt=alt, caption=_caption(img)))
    return tuple(out)


_FIGURE_CLASSES = frozenset({"wp-caption", "tr-caption-container"})


def _caption(img: etree._Element) -> str | None:
    node = img.getparent()
    for _ in range(5):  # Blogger: img < a < td < tr < tbody < table.tr-caption-container
        if node is None:
            return None
        classes = node.get("class") or ""
        # ``dl.wp-caption > dd`` (WordPress themes without HTML5 captions) and Blogger's
        # ``table.tr-caption-container > td.tr-caption`` are figures without the tag (a
        # class word: the picture's own ``dt.wp-caption-dt`` is no container)
        if node.tag == "figure" or not _FIGURE_CLASSES.isdisjoint(classes.split()):
            for cap in node.iter("figcaption", "p", "div", "span", "dd", "td"):
                is_caption = cap.tag == "figcaption" or "caption" in (cap.get("class") or "")
                if is_caption and isinstance(cap, HtmlElement):
                    return element_text(cap) or None
            return None
        node = node.getparent()
    return None


def links_of(root: HtmlElement, base: str | None) -> tuple[Link, ...]:
    out: list[Link] = []
    seen: set[tuple[str, str | None]] = set()
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        # in-page links (footnotes, Ghost's "#/portal/signup") lead nowhere else
        if not href or href.startswith("#") or href.lower().startswith(("javascript:", "data:")):
            continue
        url = join_url(base, href) if base else href
        if url is None:
            continue
        text = collapse(text_of(a)) or None
        if (url, text) not in seen:
            seen.add((url, text))
            out.append(Link(url=url, text=text))
    return tuple(out)
