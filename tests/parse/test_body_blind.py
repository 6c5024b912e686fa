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
    """A field set in the story's own block (an inline poll beside a paragraph) takes
    only its own small box: the paragraph next to it is prose and stays."""
    html = f"""<html><body><article class="x7f3a"><h1>Library stays open</h1><p>{PROSE}</p>
<div class="b2"><p>{PROSE} Again.</p><div class="c3"><span>Your vote:</span>
<input type="radio" name="v"> yes <input type="radio" name="v"> no</div></div>
<p>{PROSE} Once more.</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "Your vote" not in text


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
