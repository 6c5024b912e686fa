"""A short label on its own line and then links, nothing else: tag lists and "related"
lists printed inside the post without a class that names them (body9).

Each case is a small hand-written block or page showing one shape; none is a copy of a
benchmark page.
"""

from lxml.html import HtmlElement, fragment_fromstring
from pagetext import body_text

from scraper.parse.body._lines import labelled_links as _labelled
from scraper.parse.dom._signals import text_of

URL = "https://news.example/2020/01/the-post/"
PROSE = (
    "The council met on Tuesday and agreed, after a long debate about the budget, to keep "
    "the library open on Sundays for at least another year, its chair said afterwards."
)


def _el(html: str) -> HtmlElement:
    el: HtmlElement = fragment_fromstring(html)
    return el


def labelled_links(el: HtmlElement) -> bool:
    return _labelled(el, text_of(el), list(el.iter("a")))


def _listed(html: str) -> bool:
    return labelled_links(_el(html))


def _page(block: str) -> str:
    return f"""<html><body><div class="main"><h1>Library stays open</h1>
<p>{PROSE}</p><p>{PROSE} Again.</p>{block}<p>{PROSE} Once more.</p></div>
</body></html>"""


def test_a_label_line_and_links_is_furniture() -> None:
    assert _listed('<p>Tags: <a href="/t/a">budget</a>, <a href="/t/b">library</a></p>')
    # the label in its own bold box, or ended by a line break; links split by separators
    assert labelled_links(
        _el('<p><b>Related stories</b><br><a href="/a">One story</a><br><a href="/b">Two</a></p>')
    )
    assert _listed('<p><b>Tags</b> <a href="/a">x</a> | <a href="/b">y</a></p>')
    assert labelled_links(
        _el('<strong>Tags<br><a href="/a">budget</a>, <a href="/b">library</a></strong>')
    )


def test_links_in_a_sentence_are_no_label_and_links() -> None:
    # words between the links, after them, or running into the first one
    assert not labelled_links(
        _el('<p>Other news: <a href="/a">one</a> and <a href="/b">two</a>.</p>')
    )
    assert not labelled_links(
        _el('<p>Hard to care about <a href="/a">this</a> <a href="/b">bug</a>:</p>')
    )
    assert not labelled_links(
        _el('<p>Brazil (<a href="/a">Rio</a>, <a href="/b">Sao Paulo</a>)</p>')
    )
    assert not labelled_links(
        _el(
            '<p><b>Variants</b><br>a short form of <a href="/a">one</a><br><a href="/b">two</a></p>'
        )
    )
    assert not labelled_links(
        _el('<p>Read <b>these</b> <a href="/a">one</a>, <a href="/b">two</a></p>')
    )
    # one link with text (the other a picture) is no list
    assert not labelled_links(
        _el('<p>From <a href="/a">a maker</a>: <a href="/b"><img src="x.png"></a></p>')
    )
    # a label too long for one: a sentence
    long = "This is the sentence that the author wrote before the links:"
    assert not _listed(f'<p>{long} <a href="/a">one</a>, <a href="/b">two</a></p>')


def test_addresses_and_handles_spelled_out_are_cited_not_listed() -> None:
    assert not labelled_links(
        _el(
            '<p>Sources:<br><a href="/a">https://example.org/a</a><br><a href="/b">https://example.org/b</a></p>'
        )
    )
    assert not labelled_links(
        _el('<p>Accounts: <a href="/a">@cook</a>, <a href="/b">@baker</a></p>')
    )


def test_a_tag_line_in_the_post_is_left_out() -> None:
    block = '<p>Tagged as: <a href="/tag/fin/">finance</a>, <a href="/tag/lib/">libraries</a></p>'
    text = body_text(_page(block), URL)
    assert "Once more." in text
    assert "Tagged as" not in text
    assert "finance," not in text


def test_a_bold_label_and_related_links_are_left_out_in_any_language() -> None:
    block = (
        "<p><strong>เรื่องที่เกี่ยวข้อง</strong><br>"
        '<a href="/2020/01/a/">ข่าวก่อนหน้านี้เรื่องหนึ่ง</a><br><a href="/2020/01/b/">ข่าวอีกเรื่อง</a></p>'
    )
    text = body_text(_page(block), URL)
    assert "Once more." in text
    assert "เรื่องที่เกี่ยวข้อง" not in text


def test_a_bold_tag_box_between_paragraphs_goes_but_bold_links_in_a_sentence_stay() -> None:
    box = '<strong>Tags<br><a href="/tag/a/">budget</a>, <a href="/tag/b/">library</a></strong>'
    text = body_text(_page(box), URL)
    assert "Tags" not in text
    assert "Once more." in text
    inline = (
        '<p>The plan is backed by <strong><a href="/a">the mayor</a>, <a href="/b">the board</a>'
        "</strong> and most of the council.</p>"
    )
    assert "the mayor, the board" in body_text(_page(inline), URL)


def test_junk_words_joined_by_underscores_are_read_as_words() -> None:
    """``article_details_prev_next``, ``post_meta``: class words joined by underscores name
    the same furniture as with hyphens (``prev-next``, ``post-meta``)."""
    block = (
        '<div class="article_details_prev_next"><div><span>Next</span>'
        '<a href="/2020/01/other/">Another story of the day, with a long headline</a></div></div>'
        '<div class="story_post_meta">Filed under the city desk by our reporter</div>'
    )
    text = body_text(_page(block), URL)
    assert "Once more." in text
    assert "Another story" not in text
    assert "city desk" not in text
