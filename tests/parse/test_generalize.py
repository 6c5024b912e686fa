"""Rules that held on the pages they were written for and failed on others (issue 10, part 3).

Each case is a small hand-written page showing one general shape seen on unseen real pages.
"""

from scraper import parse_page
from scraper.parse.comments._fields import _strip_parts
from scraper.parse.comments._hints import GENERIC_HINTS
from scraper.parse.comments._markers import COMMENTISH as _COMMENTISH

URL = "https://news.example/2020/01/the-post/"
PROSE = (
    "The council met on Tuesday and agreed, after a long debate about the budget, to keep "
    "the library open on Sundays for at least another year, its chair said afterwards."
)


def test_a_form_wrapping_the_whole_page_keeps_the_post() -> None:
    """ASP.NET pages put everything inside one ``<form runat=server>``; a form is page
    furniture (a search or comment box) only when it does not hold most of the content."""
    html = f"""<html><head><title>Library stays open</title></head><body>
<form method="post" action="./Article.aspx?id=7" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" value="dDwtMTA4">
<h1>Library stays open</h1>
<p>{PROSE}</p><p>{PROSE} Again.</p><div><p>{PROSE} Once more.</p></div>
<input type="text" name="q"><input type="submit" value="Search">
</form></body></html>"""
    post = parse_page(html.encode(), URL)
    assert post.body is not None
    assert post.body.text.count("The council met on Tuesday") == 3


def test_a_search_form_inside_the_post_still_goes() -> None:
    html = f"""<html><body><article><h1>Library stays open</h1>
<p>{PROSE}</p><p>{PROSE} Again.</p>
<form action="/search"><label>Search the archive of this site</label>
<input name="q"><button>Go</button></form>
<p>{PROSE} Once more.</p></article></body></html>"""
    post = parse_page(html.encode(), URL)
    assert post.body is not None
    assert "Search the archive" not in post.body.text
    assert post.body.text.count("The council met") == 3


def test_substring_strip_selectors_match_whole_words_only() -> None:
    """``[class*=share]`` names share buttons, not "shareholder"; ``[class*=report]`` a
    report link, not the "reporter" who wrote the comment's text."""
    _, _, words = _strip_parts(tuple(GENERIC_HINTS.strip))
    assert words is not None
    for cls in ("share-buttons", "commentShare", "comment-votes", "reportabuse", "sharetools"):
        assert words.search(_words(cls)), cls
    for cls in ("shareholder-note", "reporter-quote", "flagship", "devoted-fans"):
        assert not words.search(_words(cls)), cls


def _words(cls: str) -> str:
    from lxml.html import fromstring

    from scraper.parse.comments._fields import _class_words

    return _class_words(fromstring(f'<span class="{cls}">x</span>'))


def test_comment_text_keeps_a_part_whose_class_merely_contains_a_junk_word() -> None:
    items = "".join(
        f"""<li class="comment" id="comment-{i}"><div class="comment-author">Reader {i}</div>
<div class="comment-content"><p>I agree with the council on this, number {i}.</p>
<p class="shareholder-note">Speaking as a shareholder of the company, this matters.</p>
<div class="share-buttons"><a href="#">Share</a></div></div></li>"""
        for i in range(3)
    )
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<p>{PROSE}</p></article><div id="comments"><ol class="commentlist">{items}</ol></div>
</body></html>"""
    post = parse_page(html.encode(), URL)
    assert len(post.comments) == 3
    for comment in post.comments:
        assert "Speaking as a shareholder" in comment.text
        assert "Share" not in comment.text.replace("shareholder", "")


def test_commentary_and_responsive_are_no_comment_words() -> None:
    assert _COMMENTISH.search("comment-body")
    assert _COMMENTISH.search("reply")
    assert not _COMMENTISH.search("commentary-column")
    assert not _COMMENTISH.search("responsive-embed")


def test_a_byline_with_a_role_written_against_the_name_gives_the_linked_name() -> None:
    html = f"""<html><head><title>Library stays open</title></head><body><article>
<h1>Library stays open</h1><div class="byline"><div class="author-name"><span>By</span>
<a href="https://news.example/people/jane-doe">Jane Doe</a><span class="author-title">Staff
Writer</span></div></div><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"""
    post = parse_page(html.encode(), URL)
    assert [a.name for a in post.authors] == ["Jane Doe"]


def test_a_byline_naming_a_second_author_without_a_link_keeps_both() -> None:
    html = f"""<html><body><article><h1>Library stays open</h1>
<div class="byline">By <a href="/author/jane-doe">Jane Doe</a> and Bob Roe</div>
<p>{PROSE}</p><p>{PROSE}</p></article></body></html>"""
    post = parse_page(html.encode(), URL)
    assert "Bob Roe" in "; ".join(a.name or "" for a in post.authors)


def test_counters_and_bio_links_are_no_author_names() -> None:
    from scraper.parse.metadata._bylines import clean_author

    assert clean_author("343") is None
    assert clean_author("See full bio") is None
    assert clean_author("Jane Doe") == "Jane Doe"


def test_a_cjk_title_loses_a_site_name_joined_without_spaces() -> None:
    from scraper.parse.metadata._titles import strip_site

    title = "マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌"
    want = "マインドマップ風のツリーを描画できる「Treeviz」"
    assert strip_site(title, [], "phpspot開発日誌", None) == want
    assert strip_site("短缺药品保供稳价-新华网", [], "新华网", None) == "短缺药品保供稳价"
    assert strip_site("Café-Bar reopens", [], "Bar", None) == "Café-Bar reopens"


def test_a_row_of_article_teasers_above_a_plain_post_does_not_make_an_index() -> None:
    teasers = "".join(
        f'<article class="teaser"><h3><a href="/story-{i}/">Trending story {i}</a></h3>'
        f"<p>Short teaser text for story {i}.</p></article>"
        for i in range(4)
    )
    html = f"""<html><head><title>Library stays open</title></head><body>
<div class="trending">{teasers}</div><div class="story"><h1>Library stays open</h1>
<p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p><p>{PROSE} Still.</p>
<p>{PROSE} At last.</p><p>{PROSE} The end.</p><p>{PROSE} Really.</p></div></body></html>"""
    post = parse_page(html.encode(), URL)
    assert post.body is not None
    assert "Trending story" not in post.body.text
    assert post.body.text.count("The council met") == 7


def test_an_index_of_article_teasers_still_reads_the_first_teaser() -> None:
    teasers = "".join(
        f'<article class="post"><h2><a href="/story-{i}/">Story {i}</a></h2>'
        f"<p>{PROSE} Teaser {i}.</p></article>"
        for i in range(4)
    )
    html = f"<html><body><main>{teasers}</main><aside><p>{PROSE}</p></aside></body></html>"
    post = parse_page(html.encode(), "https://news.example/")
    assert post.body is not None
    assert "Teaser 0." in post.body.text
    assert "Teaser 1." not in post.body.text
