from lxml.html import HtmlElement, fragment_fromstring

from scraper._records import Quote, QuoteKind
from scraper.parse._quotes import extract_quotes

BASE = "https://blog.example/2024/01/post/"


def _el(html: str) -> HtmlElement:
    el = fragment_fromstring(html, create_parent="div")
    assert isinstance(el, HtmlElement)
    return el


def test_blockquote_with_cite_attribute_prefers_the_url() -> None:
    el = _el('<blockquote cite="/src"><p>Hello world.</p><cite>Jane</cite></blockquote>')
    assert extract_quotes(el, BASE) == (
        Quote("Hello world.", "https://blog.example/src", QuoteKind.BLOCKQUOTE),
    )


def test_cite_link_then_cite_text() -> None:
    el = _el(
        '<blockquote><p>One.</p><footer>— <cite><a href="https://s.example/a">S</a></cite>'
        "</footer></blockquote><blockquote><p>Two.</p><p><cite>Bob Smith</cite></p></blockquote>"
    )
    assert extract_quotes(el, BASE) == (
        Quote("One.", "https://s.example/a"),
        Quote("Two.", "Bob Smith"),
    )


def test_inline_cite_stays_in_text() -> None:
    el = _el("<blockquote><p>As <cite>The Book</cite> says, read it.</p></blockquote>")
    assert extract_quotes(el) == (Quote("As The Book says, read it.", None),)


def test_trailing_dash_line_is_the_attribution() -> None:
    el = _el("<blockquote><p>Be kind.</p><p>— Marcus Aurelius</p></blockquote>")
    assert extract_quotes(el) == (Quote("Be kind.", "Marcus Aurelius"),)


def test_q_inside_blockquote_is_not_separate() -> None:
    el = _el(
        '<p>He said <q cite="http://x.example/">yes</q>.</p><blockquote>A <q>b</q></blockquote>'
    )
    assert extract_quotes(el) == (
        Quote("yes", "http://x.example/", QuoteKind.Q),
        Quote("A b", None),
    )


def test_tweet_embed_cites_the_status_link() -> None:
    el = _el(
        '<blockquote class="twitter-tweet"><p lang="en">Hello from #Pyongyang</p>'
        '&mdash; Jean H. Lee (@newsjean) <a href="https://twitter.com/newsjean/status/1">'
        "February 25, 2013</a></blockquote>"
    )
    (q,) = extract_quotes(el, BASE)
    assert q.kind is QuoteKind.EMBED
    assert q.cite == "https://twitter.com/newsjean/status/1"
    assert q.text.startswith("Hello from #Pyongyang")


def test_instagram_embed_and_wordless_embed_is_no_quote() -> None:
    el = _el(
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/X/">'
        '<a href="https://www.instagram.com/p/X/">A post shared by AP</a></blockquote>'
        '<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">'
        "https://twitter.com/a/status/9</div></figure>"
    )
    assert extract_quotes(el) == (
        Quote("A post shared by AP", "https://www.instagram.com/p/X/", QuoteKind.EMBED),
    )


def test_pullquote_figure_counts_once() -> None:
    el = _el(
        '<figure class="wp-block-pullquote"><blockquote><p>Big words.</p><cite>Ann</cite>'
        '</blockquote></figure><aside class="pull-quote">Small words.</aside>'
    )
    assert extract_quotes(el) == (
        Quote("Big words.", "Ann", QuoteKind.PULLQUOTE),
        Quote("Small words.", None, QuoteKind.PULLQUOTE),
    )


def test_bare_word_cite_attribute_is_not_a_url() -> None:
    el = _el('<blockquote cite="Reuters"><p>News.</p></blockquote>')
    assert extract_quotes(el, BASE) == (Quote("News.", None),)


def test_source_tree_is_not_modified() -> None:
    from lxml.html import tostring

    el = _el("<blockquote><p>Keep.</p><cite>Me</cite></blockquote>")
    before = tostring(el)
    extract_quotes(el)
    assert tostring(el) == before
