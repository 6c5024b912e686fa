"""Body rules of the eighth round (issue 10, ``body8``): boilerplate told by its shape, for
sites whose class names say nothing (hashed CSS classes, words of another language).

Each case is a small hand-written page showing one convention, with class names that mean
nothing; none is a copy of a benchmark page.
"""

from scraper import parse_page

URL = "https://news.example/2020/01/the-post/"
PROSE = (
    "The council met on Tuesday and agreed, after a long debate about the budget, to keep "
    "the library open on Sundays for at least another year, its chair said afterwards."
)


def _body(html: str) -> str:
    post = parse_page(html.encode(), URL)
    assert post.body is not None
    return post.body.text


def test_a_box_around_a_text_field_goes_with_its_pitch() -> None:
    """A sign-up box (heading, pitch, e-mail field, consent line) inside the post, named by
    hashed classes: its field says what it is, and the heading and fine print around the
    ``<form>`` go with it."""
    html = f"""<html><body><article class="x7f3a"><h1>Library stays open</h1><p>{PROSE}</p>
<div class="q81bc"><h3>City Daily</h3><p>The day's stories in your inbox.</p>
<form action="/subscribe"><input type="email" name="e"><input type="hidden" name="l" value="1">
<label><input type="checkbox"> I agree to receive the above newsletter.</label></form>
<p>By signing up you consent to our terms.</p></div>
<p>{PROSE} Again.</p><div class="k0d9"><div>Thanks for signing up!</div>
<input type="text" name="email2"></div><p>{PROSE} Once more.</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    for word in ("City Daily", "inbox", "consent", "Thanks for signing up"):
        assert word not in text


def test_a_field_beside_prose_takes_no_prose_along() -> None:
    """A field set in the story's own block (a search box beside a paragraph) takes only
    its own small box: the paragraph next to it is prose and stays."""
    html = f"""<html><body><article class="x7f3a"><h1>Library stays open</h1><p>{PROSE}</p>
<div class="b2"><p>{PROSE} Again.</p><div class="c3"><span>Search the catalogue:</span>
<input type="search" name="q"></div></div>
<p>{PROSE} Once more.</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "catalogue" not in text


def test_ticked_boxes_are_no_form() -> None:
    """A recipe's ingredients carry a checkbox each (to tick while cooking): a box holding
    only boxes to tick, three or more, is a list with a tick per item, and stays."""
    items = "".join(
        f'<li class="i9"><span class="c8"><input type="checkbox"></span>{n} cups of flour</li>'
        for n in range(1, 6)
    )
    html = f"""<html><body><article class="x7f3a"><h1>Cake</h1><p>{PROSE}</p>
<div class="g1"><h3>Ingredients</h3><ul class="g2">{items}</ul></div>
<p>{PROSE} Again.</p></article></body></html>"""
    text = _body(html)
    assert "5 cups of flour" in text
    assert "Ingredients" in text


def test_numbered_ad_labels_and_their_bridge_lines_go() -> None:
    """An ad slot set in mid-story leaves its numbered label ("Advertisement 2") and the
    line that bridges it ("Story continues below") once its script is gone, whatever the
    slot's class; they are the page's words, not the story's."""
    html = f"""<html><body><article class="x7f3a"><h1>Library stays open</h1><p>{PROSE}</p>
<div class="m1"><p class="m2">Advertisement 2</p><div class="m3"></div>
<p class="m4">Story continues below</p></div><p>{PROSE} Again.</p>
<div class="m1"><span>ADVERTISEMENT 3</span></div><p>{PROSE} Once more.</p>
</article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "advertisement" not in text.lower()
    assert "continues below" not in text


def _thread(items: int) -> str:
    said = (
        "I read this twice and still disagree with most of it, though the part about the "
        "budget rings true, and my own branch closes at four on weekdays, which is absurd. "
    )
    return "".join(
        f'<li class="u{n % 2}"><div class="w"><a href="/u/{n}">Reader {n}</a> said:</div>'
        f"<p>{said * 2}</p><p>{said}</p></li>"
        for n in range(items)
    )


def test_a_thread_set_as_a_list_does_not_outscore_the_post_before_it() -> None:
    """A long thread set as ``ol > li > p`` under meaningless classes gathers more score than
    the short post above it; a list of prose items after a post's worth of prose is the
    thread, and the post stays the body."""
    html = f"""<html><body><div class="a1"><h1>Library stays open</h1><div class="a2">
<p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p></div></div>
<div class="a3"><ol class="a4">{_thread(30)}</ol></div></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "disagree" not in text


def test_a_listicle_with_headed_items_stays_the_post() -> None:
    """A list whose items carry headings is a listicle (or a teaser list), not a thread:
    the rule leaves it to the scorer."""
    items = "".join(
        f"<li><h3>Reason {n}</h3><p>{PROSE}</p><p>{PROSE} More.</p></li>" for n in range(8)
    )
    html = f"""<html><body><div class="a1"><h1>Eight reasons</h1><div class="a2">
<p>{PROSE} Intro.</p><p>{PROSE} Intro two.</p><p>{PROSE} Intro three.</p></div>
<ol class="a4">{items}</ol></div></body></html>"""
    text = _body(html)
    assert "Reason 7" in text
