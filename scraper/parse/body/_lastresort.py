"""The chosen post read once more when every choice cleaned to nothing and the page holds no
structured text (``body``'s last step, never asked while choosing: a header or a video box
that cleans to nothing must still give way to the next choice)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml.html import HtmlElement

from .._results import BodyResult
from ..dom._signals import text_of

__all__ = ["Reader", "last_resort"]

# reads the chosen nodes again: ``noscript`` reads what ``<noscript>`` holds as content,
# ``protect`` spares elements from the link-list rule
Reader = Callable[[bool, Callable[[HtmlElement], bool] | None], BodyResult]
_PROSE_LINE = 100
# a roundup links dozens of pages, not thousands: past this the nodes are a link farm or a
# sitemap, and reading them again would double the cost of the largest pages (issue 13)
_MAX_LINKS = 1_000


def last_resort(nodes: Sequence[HtmlElement], found: BodyResult, read: Reader) -> BodyResult:
    """From the post's ``<noscript>`` (templates that render the post by script, such as
    Blogger's dynamic ones, serve it there for readers without scripts), else with its
    link lists kept (a link roundup, a post of linked pictures: all links, and still the
    post) when that leaves a line of prose; else ``found``."""
    if any(_scripted(node) for node in nodes):
        again = read(True, None)
        if again.body is not None:
            return again
    if _many_links(nodes):
        return found
    again = read(False, _everything)
    if again.body is not None and _prose_line(again.body.text):
        return again
    return found


def _many_links(nodes: Sequence[HtmlElement]) -> bool:
    count = 0
    for node in nodes:
        for _ in node.iter("a"):
            count += 1
            if count > _MAX_LINKS:
                return True
    return False


def _scripted(node: HtmlElement) -> bool:
    """``node`` holds a ``<noscript>`` with text in it."""
    return any(text_of(el).strip() for el in node.iter("noscript"))


def _prose_line(text: str) -> bool:
    """A line of ``_PROSE_LINE`` characters or more: a post of links has its sentence or
    two of prose ("More samples from the new lens, found on Flickr:"), a menu has none."""
    return any(len(line) >= _PROSE_LINE for line in text.splitlines())


def _everything(el: HtmlElement) -> bool:
    return True
