from lxml.html import HtmlElement, fragment_fromstring

from scraper._records import Link
from scraper.parse.body._readmore import find_read_more, is_read_more_text

BASE = "https://blog.example/2024/01/post/"


def _el(html: str) -> HtmlElement:
    el = fragment_fromstring(html, create_parent="div")
    assert isinstance(el, HtmlElement)
    return el


def test_phrases_in_many_languages() -> None:
    for text in (
        "Read more",
        "Continue reading →",
        "Weiterlesen »",
        "Lire la suite",
        "Leer más",
        "続きを読む",
        "阅读全文",
        "Читать далее",
        "Leia mais",
    ):
        assert is_read_more_text(text), text
    assert not is_read_more_text("Reading list")


def test_trailing_standalone_link_is_read_more_and_its_block_is_returned() -> None:
    el = _el(
        '<p>Story text, <a href="/x">a link</a>.</p><p><a href="https://ap.org/s">Read more</a></p>'
    )
    link, block = find_read_more(el, (), BASE)
    assert link == Link("https://ap.org/s", "Read more")
    assert block is not None
    assert block.tag == "p"


def test_read_more_inside_a_sentence_is_not_taken() -> None:
    el = _el('<p>You can <a href="/a">read more</a> about it here, and <a href="/b">there</a>.</p>')
    assert find_read_more(el, (), BASE) == (None, None)


def test_trailing_source_line_leaves_the_body_but_not_one_in_the_middle() -> None:
    el = _el('<p>Text.</p><p><strong>Source:</strong> <a href="https://nyt.example/a">NYT</a></p>')
    link, block = find_read_more(el, (), BASE)
    assert link == Link("https://nyt.example/a", "NYT")
    assert block is not None
    assert block.tag == "p"
    el = _el('<p>(via <a href="https://src.example/b">Src</a>)</p><p>More text follows.</p>')
    assert find_read_more(el, (), BASE) == (Link("https://src.example/b", "Src"), None)


def test_wordpress_more_link_with_title_span() -> None:
    el = _el(
        '<p>Excerpt… <a href="/post/#more-12" class="more-link">Continue reading '
        '<span class="screen-reader-text">Post</span></a></p>'
    )
    link, _ = find_read_more(el, (), BASE)
    assert link is not None
    assert link.url == "https://blog.example/post/#more-12"


def test_link_after_the_body_and_relative_without_base() -> None:
    after = _el('<p>Via <a href="https://src.example/story">Src</a></p>')
    assert find_read_more(_el("<p>Body.</p>"), [after], BASE)[0] == Link(
        "https://src.example/story", "Src"
    )
    rel = _el('<p><a href="/only-relative">Read more</a></p>')
    assert find_read_more(rel, (), None) == (None, None)


def test_ordinary_post_has_none() -> None:
    el = _el('<p>Just a post with <a href="/a">a link</a> in it.</p>')
    assert find_read_more(el, (), BASE) == (None, None)


def test_mid_post_lines_and_caption_credits_are_not_read_more() -> None:
    el = _el(
        '<p><a href="https://other.example/story">Read more</a></p><p>Long text follows here.</p>'
        '<figure><img src="/a.jpg"><figcaption>Photo via <a href="https://ifx.example/">Ifx</a>'
        "</figcaption></figure>"
    )
    assert find_read_more(el, (), BASE) == (None, None)
    assert not is_read_more_text("More in Politics")
    assert is_read_more_text("More »")
