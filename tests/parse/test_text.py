import pytest
from lxml import etree
from lxml.html import fragment_fromstring

from scraper.parse.dom._text import clean_html, element_text, text_and_html


def _el(html: str):  # type: ignore[no-untyped-def]
    return fragment_fromstring(html, create_parent="div")


def test_paragraphs_are_separated_by_blank_line() -> None:
    el = _el("<p>One   two\n three</p><p>Four&amp;five</p><ul><li>a</li><li>b</li></ul>")
    assert element_text(el) == "One two three\n\nFour&five\n\na\n\nb"


def test_br_is_a_line_break_and_scripts_vanish() -> None:
    el = _el("<p>line one<br>line two<script>var x=1</script></p>")
    assert element_text(el) == "line one\nline two"


def test_double_br_is_a_paragraph_break() -> None:
    el = _el("<div>First para.<br><br>Second para.<br />\n<br/>Third<br>line.</div>")
    assert element_text(el) == "First para.\n\nSecond para.\n\nThird\nline."


def test_clean_html_keeps_allowed_tags_and_attrs_only() -> None:
    el = _el(
        '<p class="x" style="y">Hi <a href="/a" rel="nofollow">there</a><span>!</span></p>'
        "<form><input></form><script>x</script>"
    )
    assert clean_html(el, "https://b.example/post/") == (
        '<p>Hi <a href="https://b.example/a">there</a>!</p>'
    )


def test_deep_nesting_does_not_overflow() -> None:
    import sys

    from lxml import etree
    from lxml.html import Element

    # Five times as deep as Python's recursion limit: a recursive walk would fail. (lxml
    # builds a chain in time quadratic in its depth: 20,000 levels took 4-10 s of CPU.)
    el = node = Element("div")
    for _ in range(5 * sys.getrecursionlimit()):
        node = etree.SubElement(node, "div")
    node.text = "deep"
    assert element_text(el) == "deep"
    assert clean_html(el) == "deep"


_MIXED = [
    "<p>One &amp; <b>two</b><br>three<img src='/i.png' alt='x'>tail<hr>after</p>",
    "<pre>a\n  b<b>c</b>\nd</pre>tail<p>x<br><br>y</p>",
    "<figure><img src='a.png'><figcaption>Cap <a href='/c'>link</a></figcaption></figure>t",
    "<p class='wp-caption-text'>caption</p><div class='x wp-element-caption'>c2</div><p>z</p>",
    "<ul><li>a<script>x</script>b</li><li><nav>n</nav>c</li></ul><!-- note -->after",
    "<table><tr><td colspan='2'>1</td><th>2</th></tr></table><q cite='/q'>q</q>",
    "<span>unwrapped <em>em</em></span> <form><input>f</form> &lt;tag&gt;",
    "",
]


@pytest.mark.parametrize("html", _MIXED)
@pytest.mark.parametrize("captions", [True, False])
def test_text_and_html_is_element_text_and_clean_html(html: str, captions: bool) -> None:
    for el in (_el(html), *_el(html).iter()):
        if not isinstance(el.tag, str):
            continue
        for base in (None, "https://b.example/post/"):
            assert text_and_html(el, base, captions=captions) == (
                element_text(el, captions=captions),
                clean_html(el, base),
            )


def test_text_and_html_on_a_comment_node() -> None:
    el = _el("<p>a<!-- c -->b</p>")
    el.append(etree.Comment("x"))
    assert text_and_html(el) == (element_text(el), clean_html(el))


def test_text_and_html_of_a_void_root_with_text() -> None:
    for tag in ("img", "hr"):
        el = fragment_fromstring(f"<{tag}>")
        el.text = "odd & <text>"
        el.append(fragment_fromstring("<b>bold</b>"))
        for captions in (True, False):
            assert text_and_html(el, captions=captions) == (
                element_text(el, captions=captions),
                clean_html(el),
            )
