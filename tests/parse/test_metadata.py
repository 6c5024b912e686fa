"""Metadata extraction on small pages written in the test: each layer and the order of trust."""

from __future__ import annotations

import json

import pytest

from scraper._records import Person
from scraper.parse._results import Metadata
from scraper.parse.dom._html import build_tree
from scraper.parse.dom._page import Page
from scraper.parse.metadata._bylines import clean_author, split_authors
from scraper.parse.metadata._candidates import el_text
from scraper.parse.metadata._metadata import extract_metadata, normalize_language
from scraper.parse.metadata._titles import strip_site
from scraper.parse.profiles._generic import GENERIC


def meta_of(html: str, url: str | None = "https://blog.example/2013/03/22/post/") -> Metadata:
    return extract_metadata(Page(build_tree(html), url), GENERIC)


TWENTY_ELEVEN = """<!DOCTYPE html><html lang="en-US"><head>
<title>North Korean social media | Example Blog</title>
<meta property="og:site_name" content="Example Blog">
<link rel="canonical" href="/2013/03/22/north-korean-social-media/">
</head><body class="single single-post">
<div id="page"><header><h1 id="site-title"><a href="/">Example Blog</a></h1></header>
<article id="post-1" class="post-1 post type-post hentry category-news">
<header class="entry-header"><h1 class="entry-title">North Korean social media</h1>
<div class="entry-meta"><span class="sep">Posted on </span><a href="/2013/03/22/" rel="bookmark">
<time class="entry-date" datetime="2013-03-22T10:15:00+01:00"></time></a>
<span class="by-author"> <span class="sep"> by </span> <span class="author vcard">
<a class="url fn n" href="https://blog.example/author/jane/" rel="author"></a></span></span>
</div></header>
<div class="entry-content"><p>Text.</p></div>
<footer class="entry-meta">This entry was posted in
<a href="/category/news/" rel="category tag">News</a> and tagged
<a href="/tag/korea/" rel="tag">Korea</a>, <a href="/tag/media/" rel="tag">Social media</a>
by <a href="/author/jane/" title="Jane Doe">Jane Doe</a>.</footer>
</article>
<div id="comments"><ol class="commentlist"><li class="comment"><article>
<footer><cite class="fn">Bob</cite><time datetime="2013-04-01T08:00:00+00:00">April 1</time>
</footer><p>Nice.</p></article></li></ol></div>
</div></body></html>"""


def test_wordpress_page_with_empty_visible_date_and_author() -> None:
    meta = meta_of(TWENTY_ELEVEN)
    assert meta.title == "North Korean social media"
    assert meta.url == "https://blog.example/2013/03/22/north-korean-social-media/"
    assert meta.published == "2013-03-22T10:15:00+01:00"
    assert meta.categories == ("News",)
    assert meta.tags == ("Korea", "Social media")
    assert meta.language == "en-US"
    assert meta.site.name == "Example Blog"
    assert meta.site.url == "https://blog.example/"


def test_author_from_rel_author_title_when_link_text_is_empty() -> None:
    page = TWENTY_ELEVEN.replace('rel="author"></a>', 'rel="author" title="Jane Doe"></a>')
    meta = meta_of(page)
    assert meta.authors == (Person("Jane Doe", "https://blog.example/author/jane/"),)


def _jsonld_page(data: object, extra_head: str = "", body: str = "") -> str:
    return (
        f"<html><head><script type='application/ld+json'>{json.dumps(data)}</script>"
        f"{extra_head}</head><body>{body}</body></html>"
    )


def test_jsonld_graph_with_author_reference_and_sections() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "The Site", "url": "https://s.example/"},
            {"@type": "Person", "@id": "#ann", "name": "Ann Smith", "url": "https://s.example/ann"},
            {
                "@type": "BlogPosting",
                "headline": "Hello &amp; welcome",
                "author": {"@id": "#ann"},
                "datePublished": "2020-05-01T09:00:00+02:00",
                "dateModified": "2020-05-02T10:00:00+02:00",
                "articleSection": ["Travel", "Food"],
                "keywords": "alps, hiking",
                "inLanguage": "de_AT",
            },
        ],
    }
    meta = meta_of(_jsonld_page(graph), url="https://s.example/hello")
    assert meta.title == "Hello & welcome"
    assert meta.authors == (Person("Ann Smith", "https://s.example/ann"),)
    assert meta.published == "2020-05-01T09:00:00+02:00"
    assert meta.modified == "2020-05-02T10:00:00+02:00"
    assert meta.categories == ("Travel", "Food")
    assert meta.tags == ("alps", "hiking")
    assert meta.site.name == "The Site"
    assert meta.site.url == "https://s.example/"
    assert meta.language == "de-AT"


def test_several_jsonld_authors_in_order() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Two",
        "author": [{"@type": "Person", "name": "A One"}, {"@type": "Person", "name": "B Two"}],
    }
    assert [a.name for a in meta_of(_jsonld_page(data)).authors] == ["A One", "B Two"]


def test_title_tag_loses_site_suffix_named_by_og_site_name() -> None:
    html = (
        "<html><head><title>A quiet week – Example News</title>"
        "<meta property='og:site_name' content='Example News'></head><body><p>x</p></body></html>"
    )
    assert meta_of(html).title == "A quiet week"


def test_h1_kicker_gives_way_to_og_title() -> None:
    html = (
        "<html><head><meta property='og:title' content='Vote passes the parliament'></head>"
        "<body><article><h1><span>Politics</span> Vote passes the parliament</h1></article>"
        "</body></html>"
    )
    assert meta_of(html).title == "Vote passes the parliament"


def test_a_jsonld_headline_with_a_kicker_gives_way_to_og_title_without_it() -> None:
    ld = '{"@type": "NewsArticle", "headline": "New school of painting: A gallerist at home"}'
    html = (
        f"<html><head><script type='application/ld+json'>{ld}</script>"
        "<meta property='og:title' content='A gallerist at home'></head>"
        "<body><p>x</p></body></html>"
    )
    assert meta_of(html).title == "A gallerist at home"


def test_the_title_takes_the_typeset_quotes_and_dashes_a_witness_prints() -> None:
    head = (
        "<meta property='og:title' content=\"Tastings January - May: the editor's picks\">"
        "<title>Tastings January – May: the editor’s picks - Example Whisky</title>"
    )
    html = f"<html><head>{head}</head><body><p>x</p></body></html>"
    assert meta_of(html).title == "Tastings January – May: the editor’s picks"
    # a witness with other words is no spelling of the same title
    other = html.replace("editor’s picks -", "editor’s choice -")
    assert meta_of(other).title == "Tastings January - May: the editor's picks"


def test_logo_h1_is_not_the_title() -> None:
    html = (
        "<html><head><title>Muffin basics | Baking Blog</title></head><body>"
        "<h1>Baking Blog</h1><div><p>Text</p></div></body></html>"
    )
    assert meta_of(html).title == "Muffin basics"


def test_an_h1_that_is_the_longer_end_of_the_title_is_the_post_not_the_logo() -> None:
    html = (
        "<html><head><title>News - Elder: from the ghetto to Augusta</title></head><body>"
        "<article><h1>Elder: from the ghetto to Augusta</h1><p>Text</p></article></body></html>"
    )
    assert meta_of(html).title == "Elder: from the ghetto to Augusta"


def test_a_banner_h1_naming_the_site_is_the_logo_even_when_longer_than_the_post() -> None:
    html = (
        "<html><head><title>The Morning Wrap - The BLT: The Blog of Legal Times</title></head>"
        "<body><div id='banner'><h1 id='banner-header'><a href='http://legal.example/blt/'>"
        "The BLT: The Blog of Legal Times</a></h1></div><div><p>Text</p></div></body></html>"
    )
    assert meta_of(html, None).title == "The Morning Wrap"


def test_a_page_titled_only_with_the_site_name_has_that_title() -> None:
    html = (
        "<html><head><title>pix-example</title><meta property='og:site_name' "
        "content='pix-example'></head><body><p>Pictures</p></body></html>"
    )
    assert meta_of(html).title == "pix-example"


def test_the_old_default_themes_blog_archive_part_is_no_title() -> None:
    html = (
        "<html><head><title>Example Blog &raquo; Blog Archive &raquo; Muffin basics</title>"
        "<meta property='og:site_name' content='Example Blog'></head><body><p>x</p></body></html>"
    )
    assert meta_of(html).title == "Muffin basics"


def test_an_og_title_cut_at_an_unescaped_quote_is_made_whole_by_the_title_tag() -> None:
    html = (
        '<html><head><meta property="og:title" content="Senator calls Biden "unfit"">'
        '<meta property="og:site_name" content="Example Times">'
        '<title>Senator calls Biden "unfit" - Example Times</title></head><body><p>x</p></body>'
        "</html>"
    )
    assert meta_of(html).title == 'Senator calls Biden "unfit"'


def test_a_headline_cut_inside_a_word_is_made_whole_by_a_witness_going_on() -> None:
    cut = "Council approves the budget after a long deb"
    head = (
        f"<meta itemprop='headline' content='{cut}'>"
        "<meta property='og:title' content='Council approves the budget after a long debate'>"
    )
    html = f"<html><head>{head}</head><body><p>x</p></body></html>"
    assert meta_of(html).title == "Council approves the budget after a long debate"
    # a capital after the last letter is another text glued on, not the word going on
    glued = head.replace("long debate'", "long debTeaser text here'")
    html = f"<html><head>{glued}</head><body><p>x</p></body></html>"
    assert meta_of(html).title == cut


def test_og_and_title_tag_agreeing_outvote_the_jsonld_headline() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Collapse of the bank: regulator admits failures"}'
    head = (
        f'<script type="application/ld+json">{ld}</script>'
        "<meta property='og:title' content='Bank: regulator admits failures'>"
        "<meta property='og:site_name' content='Example Times'>"
    )
    agree = f"<html><head>{head}<title>Bank: regulator admits failures - Example Times</title>"
    assert meta_of(agree + "</head><body><p>x</p></body></html>").title == (
        "Bank: regulator admits failures"
    )
    alone = f"<html><head>{head}<title>Collapse of the bank - Example Times</title>"
    assert meta_of(alone + "</head><body><p>x</p></body></html>").title == (
        "Collapse of the bank: regulator admits failures"
    )


def _h1_page(h1: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{h1}<p>Text.</p></article></body></html>"


@pytest.mark.parametrize(
    "h1",
    [
        # a kicker line styled apart by its class, above or beside the headline
        '<h1><span class="dachzeile">Nach dem Sturm</span> <span class="headline">'
        "Die Bahn fährt wieder</span></h1>",
        '<h1><span class="entry-title__toptitle">Nach dem Sturm</span> Die Bahn fährt wieder</h1>',
        # a kicker set off by a separator only screen readers get
        '<h1><span class="head__top">Nach dem Sturm</span><span class="visually-hidden">: '
        '</span><span class="head__text">Die Bahn fährt wieder</span></h1>',
        '<h1><span>Nach dem Sturm</span><span aria-hidden="true"> – </span>'
        "<span>Die Bahn fährt wieder</span></h1>",
        # a subtitle, or the date and categories, in small print under the headline
        "<h1>Die Bahn fährt wieder<br><small>02.02.2022 • Verkehr</small></h1>",
        '<h1><span class="title-primary">Die Bahn fährt wieder</span> '
        '<span class="entry-subtitle">Was Pendler wissen müssen</span></h1>',
        # a theme's byline block nested in the heading
        "<h1>Die Bahn fährt wieder <h4>Veröffentlicht von <a href='/a/'>Ann</a> am "
        "<time>23. Februar 2020</time></h4></h1>",
        # a kicker whose line holds the date
        '<h1><span class="supertitle"><time datetime="2022-02-01">1. Februar 2022</time></span>'
        ' <span class="title">Die Bahn fährt wieder</span></h1>',
    ],
)
def test_a_kicker_or_subtitle_set_apart_inside_the_h1_is_not_the_title(h1: str) -> None:
    assert meta_of(_h1_page(h1)).title == "Die Bahn fährt wieder"


def test_a_kicker_shown_with_its_separator_stays_in_the_title() -> None:
    # the reader sees one line "Nach dem Sturm: Die Bahn fährt wieder"
    h1 = (
        '<h1><span class="title__kicker">Nach dem Sturm</span><span class="title__sep">: </span>'
        '<span class="title__headline">Die Bahn fährt wieder</span></h1>'
    )
    assert meta_of(_h1_page(h1)).title == "Nach dem Sturm: Die Bahn fährt wieder"


def test_an_h1_off_the_slug_and_every_other_witness_gives_way() -> None:
    url = "https://news.example/region/city-council-approves-new-tram-line/"
    head = (
        "<meta property='og:title' content='City council approves new tram line'>"
        "<title>City council approves new tram line - Example News</title>"
    )
    page = _h1_page("<h1>Region</h1>", head)
    assert meta_of(page, url).title == "City council approves new tram line"
    # one witness alone does not overrule the visible headline: display headlines exist
    alone = _h1_page("<h1>Region</h1>", head.replace("City council", "The council", 1))
    assert meta_of(alone, url).title == "Region"
    # nor does a slug the h1 shares words with
    near = _h1_page("<h1>New tram line for the city</h1>", head)
    assert meta_of(near, url).title == "New tram line for the city"


def test_a_title_class_heading_of_another_post_gives_way_to_agreeing_witnesses() -> None:
    head = (
        "<meta property='og:title' content='Okra stir fry with tomatoes'>"
        "<title>Okra stir fry with tomatoes - Example Kitchen</title>"
    )
    teaser = "<div><h2 class='entry-title'>Crispy jalebi recipe</h2></div>"
    html = f"<html><head>{head}</head><body>{teaser}<p>Text.</p></body></html>"
    assert meta_of(html).title == "Okra stir fry with tomatoes"
    # a heading sharing a word with what the page declares is a display variant of it
    near = html.replace("Crispy jalebi recipe", "Okra, the quick way")
    assert meta_of(near).title == "Okra, the quick way"
    # one witness alone does not overrule it
    alone = html.replace("<title>Okra stir fry with tomatoes - Example Kitchen</title>", "")
    assert meta_of(alone).title == "Crispy jalebi recipe"


def test_the_heading_of_a_browsers_translation_widget_is_not_the_title() -> None:
    widget = (
        "<div id='goog-gt-tt' class='skiptranslate' dir='ltr'><div class='top'>"
        "<h1 class='title gray'>Original text</h1></div></div>"
    )
    html = (
        "<html><head><title>Advisory 2018-0042 - Example Vulnerability Database</title></head>"
        f"<body><div><p>Text.</p></div>{widget}</body></html>"
    )
    assert meta_of(html).title == "Advisory 2018-0042 - Example Vulnerability Database"
    assert meta_of(html.replace("skiptranslate", "top-box")).title == "Original text"


def test_a_title_class_box_gives_the_heading_inside_not_its_category_links() -> None:
    box = (
        "<div class='post-title'><h2><a href='/2008/07/29/viral/' rel='bookmark'>What is viral"
        " marketing?</a></h2><span class='post-cat'><a href='/category/media/' rel='category "
        "tag'>Media</a></span> <span><a href='#respond'>Comment</a></span></div>"
    )
    html = f"<html><head></head><body>{box}<div class='entry'><p>Text.</p></div></body></html>"
    assert meta_of(html).title == "What is viral marketing?"


def test_a_heading_only_of_kicker_class_keeps_its_text() -> None:
    h1 = '<h1><span class="subtitle">Die Bahn fährt wieder</span></h1>'
    assert meta_of(_h1_page(h1)).title == "Die Bahn fährt wieder"


def test_a_kicker_glued_to_the_headline_by_its_own_element_is_not_the_title() -> None:
    # "<span>Nach dem Sturm</span>Die Bahn ...": no space between, so the theme sets the
    # span on a line of its own; a reader never sees "SturmDie"
    h1 = "<h1>\n  <span>Nach dem Sturm</span>Die Bahn fährt wieder ab Montag</h1>"
    assert meta_of(_h1_page(h1)).title == "Die Bahn fährt wieder ab Montag"
    # one word glued to a capital is a spelling ("PowerPoint"), a space is one line
    for kept, title in (
        ("<h1><span>Power</span>Point tips for your next talk</h1>", "PowerPoint tips for"),
        ("<h1><span>Nach dem Sturm</span> Die Bahn fährt</h1>", "Nach dem Sturm Die Bahn"),
    ):
        assert (meta_of(_h1_page(kept)).title or "").startswith(title)


def test_an_elements_text_reads_nested_texts_before_the_tail() -> None:
    # the colon sits inside the kicker's span, the line break after it: "Sturm: Die",
    # never "Sturm :Die"
    el = build_tree(
        "<html><body><h1><span>Nach dem Sturm<b>:</b></span>\n  <em>Die Bahn</em> fährt"
        "<script>x()</script> wieder</h1></body></html>"
    ).find(".//h1")
    assert el_text(el) == "Nach dem Sturm: Die Bahn fährt wieder"
    assert el_text(el, 16) == "Nach dem Sturm: "[:16]


def test_an_elements_text_is_the_same_whichever_way_it_is_read() -> None:
    """A small element without scripts is serialized by libxml2, a larger one (or one
    holding a script, a style or a comment) walked in Python: the same text either way."""
    import lxml.html

    small = "<div><a>Jane <b>Doe</b></a>, <i>May 1</i>\n 2020</div>"
    big = "<div>" + "<span>x</span> " * 20 + "</div>"
    long = "<div><p>" + "word " * 500 + "</p><b>end</b></div>"
    assert el_text(lxml.html.fromstring(small)) == "Jane Doe, May 1 2020"
    assert el_text(lxml.html.fromstring(big)) == " ".join(["x"] * 20)
    assert el_text(lxml.html.fromstring(long)) == ("word " * 80)[:400]
    assert el_text(lxml.html.fromstring(long), 1_000) == ("word " * 200)[:1000]
    for skipped in ("<script>x()</script>", "<style>a{}</style>"):
        el = lxml.html.fromstring(f"<div><a>Jane</a>{skipped} <i>Doe</i></div>")
        assert el_text(el) == "Jane Doe"
    # the page parser drops comments; in a tree that keeps one, the walk reads it as ever
    el = lxml.html.fromstring("<div><a>Jane</a><!-- note --> <i>Doe</i></div>")
    assert el_text(el) == "Jane note Doe"


def test_an_elements_text_reads_a_nest_as_deep_as_a_page_may_be() -> None:
    # 1,500 levels (pages may nest 2,047): read without recursion, in reading order,
    # each level's tail after its children
    depth = 1_500
    html = "<h1>" + "<span>a" * depth + "" + "</span>b" * depth + "</h1>"
    el = build_tree(f"<html><body>{html}</body></html>").find(".//h1")
    assert el_text(el, 4_000) == "a" * depth + "b" * depth
    assert el_text(el, 10) == "a" * 10


def test_a_bar_look_alike_separates_the_site_name() -> None:
    html = (
        "<html><head><meta property='og:site_name' content='Example Market'>"
        "<title>Become a product tester │ Example Market</title></head>"
        "<body><p>Text.</p></body></html>"
    )
    assert meta_of(html).title == "Become a product tester"


def test_of_several_h1_outside_the_post_the_one_the_head_declares_is_the_title() -> None:
    html = (
        "<html><head><title>Rates rise again | Example News</title></head><body>"
        "<header><h1>Business</h1></header><div class='wide'><h1>Rates rise again</h1></div>"
        "<div class='narrow'><h1>Rates rise again</h1></div><p>Text.</p></body></html>"
    )
    assert meta_of(html).title == "Rates rise again"
    # "Site | Post" with both in an h1: the post's, though it is the end of <title>
    ted = html.replace("Rates rise again | Example News", "Example News | Rates rise again")
    ted = ted.replace("<h1>Business</h1>", "<h1>Example News</h1>")
    assert meta_of(ted).title == "Rates rise again"
    # Open Graph's headline outranks a <title> part (a translation printed in another h1)
    both = ted.replace("<head>", "<head><meta property='og:title' content='Zinsen steigen'>")
    both = both.replace("<div class='narrow'><h1>Rates rise again", "<div><h1>Zinsen steigen")
    assert meta_of(both).title == "Zinsen steigen"
    # a heading the head does not name is not taken on that ground
    other = html.replace("<title>Rates rise again | Example News</title>", "")
    assert meta_of(other).title != "Business"


def test_visible_multilingual_date_near_headline() -> None:
    html = (
        "<html lang='de'><body><div><h1>Ein Titel hier</h1><p>Von Max Muster</p>"
        "<p>Veröffentlicht am 22. März 2013</p><p>Text text.</p></div></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == "2013-03-22"


def test_comment_dates_are_not_the_post_date() -> None:
    html = (
        "<html><body><article><h1>Post</h1><p>Body</p></article><div class='comments'>"
        "<time datetime='2014-01-01T00:00:00Z'>Jan 1</time></div></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published is None


def test_url_date_is_the_last_resort() -> None:
    assert meta_of("<html><body><p>x</p></body></html>").published == "2013-03-22"


def test_meta_author_and_article_tags() -> None:
    html = (
        "<html><head><meta name='author' content='By Jane Roe'>"
        "<meta property='article:tag' content='one'><meta property='article:tag' content='two'>"
        "<meta property='article:published_time' content='2019-01-02T03:04:05Z'>"
        "</head><body><p>x</p></body></html>"
    )
    # a URL without a date: a dated one of another month would overrule the meta date
    meta = meta_of(html, url="https://blog.example/post/")
    assert meta.authors == (Person("Jane Roe"),)
    assert meta.tags == ("one", "two")
    assert meta.published == "2019-01-02T03:04:05+00:00"


def test_nothing_known_is_none() -> None:
    meta = meta_of("<html><body><p>just text</p></body></html>", url=None)
    assert meta == Metadata()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("Von Max Mustermann | 22.03.2013", "Max Mustermann"),
        ("Posted by Jane Doe on 22 March 2013", "Jane Doe"),
        ("Par Jean Dupont", "Jean Dupont"),
        ("Williams Perdomo @wperdomod", "Williams Perdomo"),
        ("Share on Facebook", "Share on Facebook"),
        ("", None),
        ("a very long sentence that is surely not the name of any person at all", None),
    ],
)
def test_clean_author(raw: str, expected: str | None) -> None:
    assert clean_author(raw) == expected


def test_split_authors_only_where_safe() -> None:
    assert split_authors("Ann Lee; Bo Chen") == ["Ann Lee", "Bo Chen"]
    assert split_authors("Ann Lee and Bo Chen") == ["Ann Lee and Bo Chen"]
    assert split_authors("Doe, Jane") == ["Doe, Jane"]


def test_strip_site_needs_a_witness() -> None:
    assert strip_site("Budget 2024 - Part 2", [], None, None) == "Budget 2024 - Part 2"
    assert strip_site("Hello | Site", ["Hello"], None, None) == "Hello"
    assert strip_site("Hello | Example", [], None, "https://www.example.org/x") == "Hello"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("de_DE", "de-DE"), ("EN-us", "en-US"), ("zh-hant-tw", "zh-Hant-TW"), ("xx yy", None)],
)
def test_normalize_language(raw: str, expected: str | None) -> None:
    assert normalize_language(raw) == expected


def test_utc_instant_shown_in_the_pages_own_offset() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2023-11-09T06:35:29Z'>"
        "</head><body><article><h1>Late news</h1>"
        "<time datetime='2023-11-08T22:35:29-08:00'>Nov 8</time></article></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == "2023-11-08T22:35:29-08:00"


def test_microdata_date_in_a_card_footer_counts() -> None:
    html = (
        "<html><body><h1>Winter walks</h1><p>Text.</p><div class='footer'>"
        "<time itemprop='datePublished' datetime='2022-01-27'>27.01.2022</time></div>"
        "</body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == "2022-01-27"


def test_standalone_dateline_and_title_date_are_last_resorts() -> None:
    dateline = "<html><body><div><ul><li>Menu</li></ul><p>23.10.2018</p></div></body></html>"
    assert meta_of(dateline, url="https://x.example/a").published == "2018-10-23"
    in_title = "<html><head><title>Elephants | DW | 23.05.2011</title></head><body></body></html>"
    assert meta_of(in_title, url="https://x.example/a").published == "2011-05-23"


def test_wrapper_with_a_bem_modifier_is_not_a_sidebar() -> None:
    html = (
        "<html><body><div class='l-outer l-outer--nav'><h1>Seat test</h1>"
        "<p>Von Jan Koch</p><p>Text.</p></div></body></html>"
    )
    meta = meta_of(html, url="https://x.example/a")
    assert meta.title == "Seat test"
    assert meta.authors == (Person("Jan Koch"),)


def test_permalink_title_gives_the_time_and_site_from_logo_heading() -> None:
    html = (
        "<html><head><title>Koryolink opens 3G | Pressroom Notes</title></head><body>"
        "<div id='header'><h1 id='site-title'><a href='https://p.example/' rel='home'>"
        "Pressroom Notes</a></h1></div><div class='post hentry'>"
        "<h2 class='entry-title'>Koryolink opens 3G</h2><a href='https://p.example/k/' "
        "title='6:40 pm' rel='bookmark'><span class='entry-date'>February 26, 2013</span></a>"
        "</div></body></html>"
    )
    meta = meta_of(html, url="https://p.example/k/")
    assert meta.title == "Koryolink opens 3G"
    assert meta.published == "2013-02-26T18:40"
    assert meta.site.name == "Pressroom Notes"
    assert meta.site.url == "https://p.example/"


def test_labelled_link_lists_give_tags_and_categories() -> None:
    html = (
        "<html><body><div class='post'><h1>Title here</h1><p>Text.</p>"
        "<div>Рубрика: <a href='/r/world/'>В мире</a></div>"
        "<div>标签：<a href='/t/1'>朝鲜</a> <a href='/t/2'>3G</a> &nbsp; "
        "分类：<a href='/c/g'>国际观察</a>"
        "</div></div></body></html>"
    )
    meta = meta_of(html, url="https://x.example/a")
    assert meta.categories == ("В мире",)
    assert meta.tags == ("朝鲜", "3G")


def test_rel_tag_links_are_tags_even_under_a_label_container() -> None:
    html = (
        "<html><body><article><h1>Post</h1><span class='post-labels'>Labels: "
        "<a rel='tag' href='/l/travel'>travel</a>, <a rel='tag' href='/l/dprk'>DPRK</a>"
        "</span></article></body></html>"
    )
    meta = meta_of(html, url="https://x.example/a")
    assert meta.tags == ("travel", "DPRK")
    assert meta.categories == ()


def test_site_name_from_title_end_linked_home() -> None:
    html = (
        "<html><head><title>Post about things_Laozhou Blog</title></head><body>"
        "<div class='top'><a href='http://blog.example.cn/laozhou'>Laozhou Blog</a></div>"
        "<p>Text</p></body></html>"
    )
    meta = meta_of(html, url="http://blog.example.cn/laozhou/post/1")
    assert meta.site.name == "Laozhou Blog"
    assert meta.site.url == "http://blog.example.cn/laozhou"
    assert meta.title == "Post about things"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("So viel Regen : 31.10.2023, 10.19 Uhr", "So viel Regen"),
        ("23.01.2022 - Wierer darf jubeln", "Wierer darf jubeln"),
        ("Budget 2024 - Part 2", "Budget 2024 - Part 2"),
    ],
)
def test_date_segment_is_not_title(raw: str, expected: str) -> None:
    assert strip_site(raw, [], None, None) == expected


def test_section_names_between_the_post_and_the_site_name_go_with_it() -> None:
    title = "No app store over mobile data with iOS 13? | iPhone | Forum | Example News"
    assert (
        strip_site(title, [], "Example News", None) == "No app store over mobile data with iOS 13?"
    )
    cjk = "这个约会软件想用相似好恶来帮你找对象_智能_好奇心日报"
    assert strip_site(cjk, [], "好奇心日报", None) == "这个约会软件想用相似好恶来帮你找对象"
    assert (
        strip_site(
            "Kultur | Berlin opens its new city library | Example News", [], ("Example News"), None
        )
        == "Berlin opens its new city library"
    )
    # a part with a number, or beside a short headline, is the headline's own
    part = "The history of the old harbour - Part 2 | Example News"
    assert strip_site(part, [], "Example News", None) == "The history of the old harbour - Part 2"
    assert strip_site("Batman - Review | Example News", [], "Example News", None) == (
        "Batman - Review"
    )
    # the visible headline keeps its parts
    assert strip_site(title, [], "Example News", None, loose=False) == (
        "No app store over mobile data with iOS 13? | iPhone | Forum"
    )


def test_the_site_name_from_the_title_leaves_the_section_names_out() -> None:
    html = (
        "<html><head><title>No app store over mobile data with iOS 13? | iPhone | Forum | "
        "Example News</title></head><body><p>x</p></body></html>"
    )
    meta = meta_of(html)
    assert meta.title == "No app store over mobile data with iOS 13?"
    assert meta.site.name == "Example News"
    # a site name with a tagline after it stays whole: the host names neither part alone
    tagline = (
        "<html><head><title>The trucks of the post-war years - Part 49 - Fleet-Cars - Fire "
        "engines worldwide</title></head><body><article><h1>The trucks of the post-war years - "
        "Part 49</h1><p>x</p></article></body></html>"
    )
    assert meta_of(tagline, "https://fleet.example/news/49").site.name == (
        "Fleet-Cars - Fire engines worldwide"
    )


def test_host_with_umlaut_spelling_names_the_site() -> None:
    url = "https://schweizerjaeger.ch/x"
    assert strip_site("Der Steinkauz | Schweizer Jäger Online", [], None, url) == "Der Steinkauz"


def test_a_site_name_with_separators_of_its_own_goes_whole() -> None:
    name = "Salsa - Rueda in Berlin"
    assert strip_site("Enchufla - Salsa - Rueda in Berlin", [], name, None) == "Enchufla"
    assert strip_site("Salsa - Rueda in Berlin » Enchufla", [], None, None, [name]) == "Enchufla"


def test_the_visible_headline_loses_only_a_part_that_spells_the_name() -> None:
    title = "Welpen kaufen – Tipps zu jeder Hunderasse"
    assert strip_site(title, [], "Welpen", None, loose=False) == title
    assert strip_site("Welpen – Tipps zu jeder Hunderasse", [], "Welpen", None, loose=False) == (
        "Tipps zu jeder Hunderasse"
    )


def test_a_korean_title_loses_a_section_and_site_joined_without_spaces() -> None:
    title = "한동훈 제명했지만 절연 ·외연 확장 부담 커졌다-정치ㅣ한국일보"
    want = "한동훈 제명했지만 절연 ·외연 확장 부담 커졌다"
    assert strip_site(title, [], "한국일보", "https://www.hankookilbo.com/News/Read/1") == want


def test_one_label_of_a_longer_host_names_the_site() -> None:
    url = "https://foren.myoos.de/viewtopic.php?t=1"
    assert strip_site("Freie Software - MyOOS Community Forum", [], None, url) == "Freie Software"
    # a subdomain is no name: its words are common ones
    news = "https://news.example.co.uk/a/1"
    fake = "Fake News - Who pays for it"
    assert strip_site(fake, [], None, news) == fake


def test_the_words_of_a_hyphenated_host_name_the_site() -> None:
    url = "https://www.athletics-berlin.de/news/1"
    title = "Norddeutschland findet seine Meister - Berlin Athletics Association"
    assert strip_site(title, [], None, url) == "Norddeutschland findet seine Meister"
    # a long segment that happens to use the words is headline, not name
    long = "Kurz notiert - Athletics in Berlin: why the season starts so late this year"
    assert strip_site(long, [], None, url) == long


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Text & Fotos: Ivan Valetny", "Ivan Valetny"),
        ("Zuletzt geändert am", None),
        ("ca. 8 min.", None),
        ("von Redaktion, 24.02.2022", "Redaktion"),
        ("Rob Picheta, CNN", "Rob Picheta"),
        ("责任编辑:孔德明", "孔德明"),
        ("Walter von Aachen", "Walter von Aachen"),
    ],
)
def test_clean_author_labels_and_phrases(raw: str, expected: str | None) -> None:
    assert clean_author(raw) == expected


def test_inline_json_state_date_is_the_very_last_resort() -> None:
    html = (
        "<html><body><div id='app'></div><script>window.__STATE__ = {\"product\": "
        '{"published_at":"2019-03-02T06:22:28+01:00"}}</script></body></html>'
    )
    assert meta_of(html, url="https://x.example/p").published == "2019-03-02T06:22:28+01:00"
    # an analytics object of a news CMS ("pub_date") says the same
    tracked = (
        '<html><body><h1>Stage show</h1><script>var page = \'{"type":"post",'
        '"pub_date":"2014-12-30T01:00:51Z"}\';</script></body></html>'
    )
    assert meta_of(tracked, url="https://x.example/p").published == "2014-12-30T01:00:51+00:00"
    # an old CMS writes its dateline with a one-call script; a longer script is code
    written = (
        "<html><body><h1>Spring</h1><table><tr><td>"
        '<script>showDate("2020/04/17 01:43:09")</script></td></tr></table></body></html>'
    )
    assert meta_of(written, url="https://x.example/p").published == "2020-04-17T01:43:09"
    code = written.replace("showDate(", "var a = 1; if (a) { build(); } showDate(")
    assert meta_of(code, url="https://x.example/p").published is None


def _redated_page(shown: str) -> str:
    return _jsonld_page(
        {
            "@type": "NewsArticle",
            "headline": "Wellness hotels",
            "datePublished": "2021-11-22T18:42:22+01:00",
            "dateModified": "2023-01-01T10:00:00+01:00",
        },
        body=f"<article><h1>Wellness hotels</h1><p>Von Jane Doe</p><p>{shown}</p>"
        "<p>Text text text.</p></article>",
    )


def test_a_redated_post_goes_by_the_day_it_shows_when_its_data_agrees() -> None:
    meta = meta_of(_redated_page("1. Januar 2023"), url="https://x.example/a")
    assert meta.published == "2023-01-01T10:00:00+01:00"
    assert meta.modified == "2023-01-01T10:00:00+01:00"


def test_a_shown_day_without_a_machine_witness_does_not_override() -> None:
    # a teaser's date, or any day the page's own data does not know, is not the post's
    meta = meta_of(_redated_page("5. März 2022"), url="https://x.example/a")
    assert meta.published == "2021-11-22T18:42:22+01:00"


def test_the_publication_day_stays_when_the_header_shows_it_too() -> None:
    page = _redated_page("22. November 2021 · aktualisiert 1. Januar 2023")
    assert meta_of(page, url="https://x.example/a").published == "2021-11-22T18:42:22+01:00"


def test_a_teaser_cards_date_is_not_the_post_even_when_it_is_the_day_of_an_edit() -> None:
    # Ghost's "Read more" cards: one of them is dated the day this post was last saved,
    # which its markup gives as dateModified; the post is still the day its header shows
    text = "<p>Text text text.</p>" * 12
    html = (
        "<html><head><meta property='article:published_time' content='2024-02-24T23:30:00Z'>"
        "<meta property='article:modified_time' content='2026-12-07T18:01:52Z'></head><body>"
        "<main><article><h1>For members</h1><div class='article-meta'>"
        f"<time class='article-meta-date' datetime='2024-02-25'>25 Feb 2024</time></div>{text}"
        "</article><section class='read-more'>"
        "<article class='card'><h3>Coming soon</h3><time class='card-date'>07 Dec 2026</time>"
        "</article><article class='card'><h3>Links</h3><time class='card-date'>01 Mar 2024"
        "</time></article></section></main></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == "2024-02-25"


def test_utc_instant_on_a_country_domain_takes_that_countrys_day() -> None:
    html = (
        "<html lang='de'><head><meta property='article:published_time' "
        "content='2022-11-06T23:30:00Z'></head><body><article><h1>Südfrankreich</h1>"
        "<p>Text text.</p></article></body></html>"
    )
    assert meta_of(html, url="https://x.example.de/a").published == "2022-11-07T00:30:00+01:00"
    # a day the page shows outranks the country's clock
    shown = html.replace("<p>Text", "<p class='date'>6. November 2022</p><p>Text")
    assert meta_of(shown, url="https://x.example.de/a").published == "2022-11-06T23:30:00+00:00"
    # a generic domain says nothing about the reader's clock
    assert meta_of(html, url="https://x.example/a").published == "2022-11-06T23:30:00+00:00"


def test_a_mastheads_date_of_today_is_not_the_posts_day() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2022-05-03T20:51:06Z'>"
        "</head><body><header><div class='masthead-date'>Miércoles 4 de Mayo de 2022</div>"
        "</header><main><div><div><article class='hentry'><h1>Muratov</h1><p>Mundo</p>"
        "<p>3 de Mayo de 2022</p><p>Text text.</p></article></div></div></main></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == "2022-05-03T20:51:06+00:00"


def test_an_unqualified_date_meta_yields_to_the_articles_own_header() -> None:
    def page(aside: str, header: str) -> str:
        return (
            "<html lang='de'><head><meta name='date' content='2020-04-30'></head><body>"
            f"<header><div class='events'><span class='date'>{aside}</span></div></header>"
            f"<main><div><div><article><h1>Mietenstreik</h1><p>Von Moritz W.</p>{header}"
            "<p>Text text text.</p></article></div></div></main></body></html>"
        )

    html = page("29.02.2020", "<p>29.04.2020, 12:01 Uhr</p>")
    assert meta_of(html, url="https://x.example/a").published == "2020-04-29T12:01"
    # a date elsewhere on the page (an events box) is not the article's header
    assert meta_of(page("29.02.2020", ""), url="https://x.example/a").published == "2020-04-30"


def test_a_short_date_element_with_a_two_digit_year() -> None:
    html = (
        "<html lang='de'><body><article><h1>Grab-Bote</h1>"
        "<div class='article-meta'><span>31.10.23</span></div><p>Text 1.2.34 text.</p>"
        "</article></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == "2023-10-31"


def test_a_profile_selector_skips_related_posts_and_prefers_the_article() -> None:
    from scraper.parse.profiles._wordpress import WORDPRESS

    html = (
        "<html lang='de'><body><div class='related-posts'><article class='post-1'>"
        "<time class='published' datetime='2009-04-11T18:06:36'>11.04.2009</time></article>"
        "</div><article class='post-2 post type-post hentry'><h1 class='entry-title'>Löten</h1>"
        "<p class='post-byline'>von Limespacer · <time class='published' "
        "datetime='2019-10-22T08:00:00'>22. Oktober 2019</time></p><p>Text.</p></article>"
        "</body></html>"
    )
    meta = extract_metadata(Page(build_tree(html), "https://x.example/a"), WORDPRESS)
    assert meta.published == "2019-10-22T08:00:00"


def test_the_date_of_an_embedded_post_is_not_the_articles() -> None:
    html = (
        "<html><body><article><h1>Influencer marketing</h1><p>Dienstag, 29. Januar 2019</p>"
        "<blockquote class='instagram-media'><p>A post shared by someone "
        "<time datetime='2018-03-12T19:30:12+00:00'>Mar 12, 2018</time></p></blockquote>"
        "<p>Text.</p></article></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == "2019-01-29"


def test_a_line_that_is_only_a_short_date_by_the_headline_is_the_dateline() -> None:
    html = (
        "<html lang='en'><body><article><header><h1>What's on the cards</h1>"
        "<span>02.12.19</span></header><p>Version 1.2.34 of the text.</p></article>"
        "</body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == "2019-12-02"


def test_the_only_headline_counts_even_inside_a_breadcrumb_bar() -> None:
    html = (
        "<html lang='de'><head><meta property='article:published_time' "
        "content='2022-12-15T09:13:00'><script type='application/ld+json'>"
        '{"@type": "Article", "datePublished": "2021-12-06T14:36:00"}</script></head><body>'
        "<div class='modal'><p>Schließen</p><p>Abos & Hefte</p></div>"
        "<div class='breadcrumb'><div class='slide'><h1>Weihnachten: 10 Tipps</h1>"
        "<p>15.12.2022</p></div></div><div><p>Text text.</p></div></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == "2022-12-15T09:13:00"


def test_headline_texts_start_at_a_headline_in_a_breadcrumb_bar() -> None:
    from scraper.parse.metadata._candidates import scan_page
    from scraper.parse.metadata._nearby import headline_texts

    html = (
        "<html><body><div class='modal'><p>Schließen</p></div><div class='breadcrumb'>"
        "<div class='slide'><h1>Weihnachten</h1><p>15.12.2022</p></div></div></body></html>"
    )
    page = Page(build_tree(html), "https://x.example/a")
    after, _ = headline_texts(page, scan_page(page, GENERIC))
    assert after[0] == "15.12.2022"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("displaydate", "2013-03-22T10:15:00-04:00", "2013-03-22T10:15:00-04:00"),
        ("publication_date", "2013-03-22", "2013-03-22"),
        ("pdate", "20130322", "2013-03-22"),
        ("dc.date.publication", "2013-03-22", "2013-03-22"),
    ],
)
def test_rarer_publication_meta_names(name: str, value: str, expected: str) -> None:
    html = (
        f"<html><head><meta name='{name}' content='{value}'></head>"
        "<body><h1>Harbour</h1><p>Text.</p></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").published == expected


def test_rarer_modification_meta_names() -> None:
    html = (
        "<html><head><meta property='article:modified' content='2013-03-23T08:00:00Z'>"
        "</head><body><h1>Harbour</h1><p>Text.</p></body></html>"
    )
    assert meta_of(html, url="https://x.example/a").modified == "2013-03-23T08:00:00+00:00"
