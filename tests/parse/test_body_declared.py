"""Body choices checked against what the page declares (issue 10, body6).

Each case is a small hand-written page showing one general shape; none is a copy of a
benchmark page.
"""

from pagetext import body_text

URL = "https://news.example/2020/01/the-post/"
LEAD = "The council met on Tuesday and agreed to keep the library open on Sundays."
PROSE = (
    "The vote followed a long debate about the budget, in which members weighed the cost "
    "of staff, heating and books against the number of readers, its chair said afterwards."
)


def _body(html: str) -> str:
    return body_text(html, URL)


def _page(head: str, body: str) -> str:
    return f"<html><head><title>Library stays open</title>{head}</head><body>{body}</body></html>"


def test_a_refused_choice_gives_way_to_the_declared_article_body() -> None:
    """A rail of promotion boxes packed with prose outscores the post and cleans to
    nothing; the element the page marks as its article (``itemprop=articleBody``) is the
    next choice, before the scorer's runners-up."""
    boxes = ("promo", "sponsored", "newsletter")
    cards = "".join(
        f'<div class="{boxes[i % 3]}"><p>{PROSE} Card {i}, with more words, and commas.</p></div>'
        for i in range(30)
    )
    html = _page(
        "",
        f"""<div class="rail-wrap"><div class="rail">{cards}</div></div>
<div itemprop="articleBody"><p>{LEAD}</p><p>{PROSE}</p></div>""",
    )
    text = _body(html)
    assert LEAD in text
    assert "Card 3" not in text


def test_content_blocks_numbered_like_comments_hold_the_declared_lead() -> None:
    """CMS content blocks carry comment-like ids (``div#c2107``); the one holding the
    sentence the page gives as its description is the post, not a comment."""
    blocks = "".join(
        f'<div id="c{100 + i}"><p>Posted by Reader {i} on 3 May 2021</p>'
        f"<p>Short note {i}.</p></div>"
        for i in range(3)
    )
    html = _page(
        f'<meta property="og:description" content="{LEAD}">',
        f"""<div class="main"><h1>Library stays open</h1>
<div id="c200"><p>{LEAD}</p><p>{PROSE} {PROSE} Again. {PROSE} Once more.</p></div>
{blocks}</div>
<div class="basket"><p>Your basket is empty: add brochures and posters to order them.</p></div>""",
    )
    text = _body(html)
    assert LEAD in text
    assert text.count("The vote followed") == 3


def test_a_weak_choice_without_the_declared_lead_gives_way() -> None:
    """A short post beside a longer box of small print: the scorer picks the box, whose
    text is a few lines without the page's declared opening sentence; the container that
    holds that sentence is the post."""
    notice = (
        "If you see an image here that we did not credit, please let us know and we will "
        "gladly add the credit, or remove the image, whichever you prefer, right away."
    )
    html = _page(
        f'<meta name="description" content="{LEAD}">',
        f"""<div id="main"><div class="entry"><div class="entry-body"><p>{LEAD}</p></div></div>
<div class="module"><div class="module-content"><p>{notice}</p><p>{notice}</p></div></div>
</div>""",
    )
    assert LEAD in _body(html)


def test_a_description_found_nowhere_in_the_page_changes_nothing() -> None:
    """A description written apart from the story (a summary, a tagline) is no witness."""
    html = _page(
        '<meta name="description" content="All the news from the town hall, every single day.">',
        f"<article><h1>Library stays open</h1><p>{LEAD} {PROSE}</p></article>",
    )
    assert _body(html) == f"{LEAD} {PROSE}"
