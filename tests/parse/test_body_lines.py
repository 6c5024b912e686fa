"""The cleaner's block tests (``body._lines``, ``body._cleanup``) on the shortcuts that keep
them cheap: each shortcut must give the answer of the full test."""

from lxml.html import HtmlElement, fragment_fromstring

from scraper.parse.body._junk import _label
from scraper.parse.body._lines import date_line, density


def _el(html: str) -> HtmlElement:
    el: HtmlElement = fragment_fromstring(html)
    return el


def test_density_with_the_callers_links_is_the_same() -> None:
    el = _el(
        '<p>Read <a href="/a">the first story</a> and <a href="/b">the <b>second</b> one</a>'
        ' and <a href="/c"><img src="x.png"></a>.</p>'
    )
    links = list(el.iter("a"))
    assert density(el, links=links) == density(el)
    # "thefirststory" + "thesecondone" of "Readthefirststoryandthesecondoneand."
    assert density(el) == 25 / 36


def test_density_counts_nested_links_once_each() -> None:
    # the HTML parser nests an <a> in a block inside another one: both count, as before
    el = _el('<div><a href="/a">out <span><b><a href="/b">in</a></b></span></a> x</div>')
    assert density(el) == (5 + 2) / 6


def test_a_long_paragraph_is_no_label() -> None:
    assert _label(_el("<p>Advertisement</p>"))
    assert _label(_el("<span>  Share this  </span>"))
    assert not _label(_el("<p>" + "Advertisement " * 20 + "</p>"))
    # padded with whitespace, a label is still a label
    assert _label(_el("<p>" + " " * 200 + "Share:" + "\n" * 100 + "</p>"))


def test_date_line_reads_a_short_block_with_its_children() -> None:
    assert date_line(_el("<p>Stand: <b>22.04.2024</b>, <span>06:00</span> Uhr</p>"))
    assert date_line(_el("<p>2025年1月14日 01時28分</p>"))
    assert not date_line(_el("<p>Stand: <b>heute</b>, <span>morgens</span></p>"))
    # past the room of a dateline, however its text is cut into children
    long = "<p>22.04.2024 06:00 " + "<b>word</b> " * 12 + "</p>"
    assert not date_line(_el(long))
