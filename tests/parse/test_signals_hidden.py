"""``is_hidden`` reads the attribute names once and only the values that are there:
what it says hidden must stay exactly what the three attribute reads said."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml.html import fragment_fromstring

from scraper.parse.body._boilerplate import paragraphs
from scraper.parse.dom._signals import is_hidden


@pytest.mark.parametrize(
    ("markup", "hidden"),
    [
        ("<p>x</p>", False),
        ('<p class="a" id="b">x</p>', False),
        ("<p hidden>x</p>", True),
        ('<p hidden="">x</p>', True),
        ('<p aria-hidden="true">x</p>', True),
        ('<p aria-hidden="false">x</p>', False),
        ('<p aria-hidden="TRUE">x</p>', False),
        ('<p style="">x</p>', False),
        ('<p style="color: red">x</p>', False),
        ('<p style="display: None">x</p>', True),
        ('<p class="c" style="visibility : hidden">x</p>', True),
        ('<p data-hidden="1" data-style="display:none">x</p>', False),
    ],
)
def test_is_hidden(markup: str, hidden: bool) -> None:
    assert is_hidden(fragment_fromstring(markup)) is hidden


def test_is_hidden_comment() -> None:
    assert is_hidden(etree.Comment("hidden")) is False


def test_paragraphs_leave_comments_and_skipped_tags_out() -> None:
    root = fragment_fromstring(
        "<div><p>Some prose, with commas, here.<!-- a comment, not prose --> tail"
        "<script>var a = 1, b = 2;</script></p></div>"
    )
    para = root[0]
    found = paragraphs(root)
    # the paragraph's text and the comment's tail: the comment was never a text node
    # of the walk, and the script's text is no prose
    assert found.text == {para: len("Some prose, with commas, here.")}
    assert found.commas == {para: 2}
    listed = paragraphs(root, list(root.iter(etree.Element)))
    assert listed.text == found.text
    assert listed.commas == found.commas
