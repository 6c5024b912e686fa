"""An element keeps its first ``MAX_ATTRIBUTES`` attributes (``dom._attrs``): libxml2's cost
is quadratic in the attributes of one element, so a tag with thousands is cut before it
parses, the way libxml2 itself would have read the ones kept."""

from __future__ import annotations

import pytest

from scraper.parse._parse import parse_page
from scraper.parse.dom._attrs import MAX_ATTRIBUTES, cap_attributes
from scraper.parse.dom._html import build_tree
from scraper.testing._shapes import page

URL = "https://blog.example/2024/01/post/"


def _page(tag: str) -> bytes:
    return page(f"{tag}<p>After the element, another sentence of text.</p>")


# how attributes are written: with quoted values, without values, unquoted, "/" between
# them, no blank after a quoted value, blanks around "=", a value holding ">"
_WRITINGS = {
    "quoted": lambda i: f' data-a{i}="v{i}"',
    "bare": lambda i: f" a{i}",
    "unquoted": lambda i: f" a{i}=v{i}",
    "slashes": lambda i: f"/a{i}",
    "no blank": lambda i: f"a{i}='v'" if i else " a0='v'",
    "spaced =": lambda i: f' a{i} = "x y"',
    "a late >": lambda i: f' a{i}="x>y"' if i > 1500 else f" a{i}",
}


@pytest.mark.parametrize("writing", _WRITINGS, ids=list(_WRITINGS))
def test_an_element_with_too_many_attributes_keeps_its_first_ones(writing: str) -> None:
    attrs = "".join(_WRITINGS[writing](i) for i in range(2_000))
    html = _page(f"<div{attrs}><p>Inside the element, a sentence of some length.</p></div>")
    tree = build_tree(html.decode(), None, html)
    div = max(tree.iter("div"), key=lambda el: len(el.attrib))
    # text libxml2 gets as text (a lone surrogate cannot be UTF-8) is cut the same way
    wide = build_tree(html.decode().replace("<p>After", "\ud800<p>After"))
    assert max(len(el.attrib) for el in wide.iter("div")) == len(div.attrib)
    names = [n.removeprefix("data-") for n in div.attrib]
    assert names == [f"a{i}" for i in range(MAX_ATTRIBUTES)]
    assert div.findtext("p") == "Inside the element, a sentence of some length."
    post = parse_page(html, URL)
    assert post.title == "Hostile post"
    assert post.body is not None
    assert "Inside the element, a sentence" in post.body.text
    assert "After the element, another" in post.body.text


def test_up_to_the_limit_nothing_changes() -> None:
    html = _page("<div" + "".join(f" a{i}" for i in range(MAX_ATTRIBUTES)) + "></div>")
    assert cap_attributes(html) is html


def test_a_tag_shorter_than_the_window_is_kept_whole() -> None:
    """700 attributes of one repeated name fit in 1.4 KB: libxml2 keeps one, cheaply, and
    the tag is not read (only a tag over 1,536 bytes is)."""
    html = _page("<div" + " a" * 700 + "><p>Inside.</p></div>")
    assert cap_attributes(html) is html


def test_a_self_closing_tag_stays_self_closing() -> None:
    html = _page("<br" + "".join(f" a{i}" for i in range(2_000)) + "/>")
    capped = cap_attributes(html)
    assert f" a{MAX_ATTRIBUTES - 1}/><p>After".encode() in capped
    assert b" a512" not in capped


def test_two_such_elements_are_both_cut() -> None:
    tag = "<span" + "".join(f" a{i}" for i in range(1_000)) + ">x</span>"
    html = _page(tag + "<p>Between.</p>" + tag)
    tree = build_tree(html.decode(), None, html)
    assert [len(s.attrib) for s in tree.iter("span")] == [MAX_ATTRIBUTES] * 2


@pytest.mark.parametrize(
    "wrapper", [("<script>var s = 'x<y ", "';</script>"), ("<!-- x<y ", " -->"),
                ("<textarea>x<y ", "</textarea>"), ("<STYLE>x<y ", "</STYLE>")],
    ids=["script", "comment", "textarea", "upper-case style"],
)  # fmt: skip
def test_text_that_looks_like_a_tag_where_libxml2_reads_text_is_left_alone(
    wrapper: tuple[str, str],
) -> None:
    words = " ".join(f"w{i}" for i in range(2_000))
    html = _page(wrapper[0] + words + wrapper[1])
    assert cap_attributes(html) is html


def test_a_tag_after_a_script_is_cut() -> None:
    html = _page("<script>1</script><p x<y" + "".join(f" a{i}" for i in range(2_000)) + ">")
    assert len(cap_attributes(html)) < len(html)
