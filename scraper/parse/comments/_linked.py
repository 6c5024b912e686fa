"""Links to one comment: every comment system of the era prints in each comment a link to
that comment (``#comment-340``, ``#c12``) or WordPress's reply link (``?replytocom=340``),
whatever its classes and ids are called. The group test counts a box holding one beside
text of its own as a comment (``_facts.Facts.permalink_doc``)."""

from __future__ import annotations

from ._markers import ITEM_ID

__all__ = ["links_to_comment"]


def links_to_comment(href: str | None) -> bool:
    """``href`` points at one comment: a fragment shaped like a comment's id, or
    WordPress's reply link (``?replytocom=340``)."""
    if not href:
        return False
    if "#" in href and ITEM_ID.match(href.rpartition("#")[2]):
        return True
    return "replytocom=" in href
