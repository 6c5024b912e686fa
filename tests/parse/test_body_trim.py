"""Body trimming rules of the seventh round (issue 10, ``body7``): what sits inside the
chosen container but is not the story's running text, by markup conventions of whole
engines or kinds of element.

Each case is a small hand-written page showing one convention; none is a copy of a
benchmark page.
"""

from scraper import parse_page
from scraper._records import Post

URL = "https://news.example/2020/01/the-post/"
PROSE = (
    "The council met on Tuesday and agreed, after a long debate about the budget, to keep "
    "the library open on Sundays for at least another year, its chair said afterwards."
)


def _post(html: str) -> Post:
    return parse_page(html.encode(), URL)


def _body(html: str) -> str:
    post = _post(html)
    assert post.body is not None
    return post.body.text


def test_engine_captions_without_figure_are_captions() -> None:
    """Themes without HTML5 captions set WordPress's ``[caption]`` as ``dl.wp-caption``
    (picture in ``dt``, caption in ``dd.wp-caption-dd``), and Blogger sets every captioned
    picture as ``table.tr-caption-container`` (caption in ``td.tr-caption``): captions,
    recorded with the image and left out of the running text like ``figcaption``."""
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<dl class="wp-caption alignleft"><dt class="wp-caption-dt"><img src="/a.jpg" alt=""></dt>
<dd class="wp-caption-dd">The library on Sunday (photo: A. Smith)</dd></dl>
<p>{PROSE} Again.</p>
<table class="tr-caption-container" align="center"><tbody><tr><td><a href="/b.jpg">
<img src="/b.jpg" alt=""></a></td></tr><tr><td class="tr-caption">The reading room, full
on a Sunday</td></tr></tbody></table><p>{PROSE} Once more.</p></article></body></html>"""
    post = _post(html)
    assert post.body is not None
    assert post.body.text.count("The council met on Tuesday") == 3
    assert "photo: A. Smith" not in post.body.text
    assert "The reading room" not in post.body.text
    captions = [image.caption for image in post.images]
    assert captions == [
        "The library on Sunday (photo: A. Smith)",
        "The reading room, full on a Sunday",
    ]


def test_a_footer_or_a_bio_inside_the_post_goes() -> None:
    """Without ``<footer>``/``<aside>`` tags, themes class the post's own footer (a
    disclosure, the source line) ``div.footer`` and the author's note ``div.bio``: not the
    story, however much prose they hold."""
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<p>{PROSE} Again.</p><p>{PROSE} Once more.</p>
<div class="bio"><p>Ann Smith writes about the city's libraries, parks and schools, and
has done so for twenty years for this paper and others.</p></div>
<div class="footer"><p>The writer owns shares of no company named in this story; the paper
has a disclosure policy, which you can read on its site.</p></div></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "Ann Smith" not in text
    assert "disclosure" not in text


def test_a_teaser_for_another_story_goes_the_lead_stays() -> None:
    """A "teaser" box inside the post promotes another story (its headline links to it,
    two lines about it); the same word also names the story's own lead or its free part
    (``div.teaser-content``), which has no link or is long, and stays."""
    html = f"""<html><body><main><h1>Library stays open</h1><div class="article-body">
<p class="teaser-text">The library will open on Sundays for another year.</p>
<div class="teaser-content"><p>{PROSE}</p><p>{PROSE} Again.</p></div>
<div class="teaser"><h2><a href="/2020/01/pool/">The pool closes for repairs</a></h2>
<div class="teasertext"><p>Repairs to the roof of the town's pool start in March and last a
month, the council said; swimmers may use the school's pool meanwhile.</p></div></div>
<p>{PROSE} Once more.</p><p>{PROSE} And the end.</p></div></main></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 4
    assert "The library will open on Sundays" in text
    assert "pool" not in text


def test_a_sign_up_box_with_a_compound_class_goes() -> None:
    """Sign-up boxes are named in one word as often as in two (``emailsignup``,
    ``newsletterBox``): the box goes whatever prose its pitch holds."""
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<div class="container emailsignup"><div class="descr">Let our news meet your inbox: the
stories that matter, delivered every weekday morning.</div></div>
<p>{PROSE} Again.</p><div class="newsletterBox"><p>Get the best of the week's city news in
one email, every Friday, free of charge.</p></div><p>{PROSE} Once more.</p>
</article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "inbox" not in text
    assert "Friday" not in text


def test_a_call_to_action_box_goes() -> None:
    """A "call to action" (``div.cta``, ``content-cta``) asks the reader to subscribe,
    join or donate: a promotion set inside the post, not the story."""
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<p>{PROSE} Again.</p><div class="content-cta"><p>If you enjoyed this article, we have a
proposition for you: join our members' club and read every story without ads.</p></div>
<p>{PROSE} Once more.</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "proposition" not in text
