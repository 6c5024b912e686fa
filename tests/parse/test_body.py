from lxml.html import tostring

from scraper import parse_page
from scraper._records import Image, Link, QuoteKind
from scraper.parse._results import BodyResult, Metadata
from scraper.parse.body._body import extract_body
from scraper.parse.dom._html import build_tree
from scraper.parse.dom._page import Page
from scraper.parse.profiles._generic import GENERIC

URL = "https://news.example/2013/03/north-korean-social-media/"
PROSE = (
    "In North Korea, where people have almost no Internet contact with the outside world, "
    "social media sounds like an oxymoron, but on February 25 that changed for good."
)

SEED_LIKE = f"""<html><body>
<header id="branding"><h1>Site</h1>
<nav><a href="/">Home</a><a href="/about">About</a></nav></header>
<div id="main"><div id="primary"><div id="content">
<article class="post type-post hentry">
 <header class="entry-header"><h1 class="entry-title">North Korean social media</h1>
  <div class="entry-meta">Posted on <time datetime="2013-03-20">March 20</time> by Grant</div>
 </header>
 <div class="entry-content">
  <p>{PROSE}</p>
  <blockquote><p>Hello world from comms center in #Pyongyang</p></blockquote>
  <p>{PROSE} Lee said, and <a href="/tag/ap">the AP</a> agreed with her, again.</p>
  <div class="sharedaddy"><a href="https://twitter.com/share">Tweet</a><a href="#">Share</a></div>
  <p><a href="https://www.poynter.org/2013/north-korea/">Read more</a></p>
 </div>
 <footer class="entry-meta">This entry was posted in <a href="/cat/news">News</a> by Grant.</footer>
</article>
<div id="comments"><h2>One thought on North Korean social media</h2>
 <ol class="commentlist">
 <li class="comment"><p>{PROSE} A comment, long enough to count.</p></li></ol>
 <div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div>
</div>
</div></div>
<div id="secondary" class="widget-area"><aside class="widget"><h3>Recent posts</h3>
 <ul><li><a href="/a">Another post about things</a></li><li><a href="/b">More</a></li></ul>
</aside></div>
</div></body></html>"""


def _body(html: str, url: str | None = URL) -> BodyResult:
    return extract_body(Page(build_tree(html), url), GENERIC, Metadata())


def test_seed_like_post_body_quotes_and_read_more() -> None:
    result = _body(SEED_LIKE)
    assert result.body is not None
    text = result.body.text
    assert text.startswith("In North Korea")
    assert "Hello world from comms center" in text
    for junk in (
        "Read more",
        "Tweet",
        "Leave a Reply",
        "Posted on",
        "posted in",
        "Recent posts",
        "A comment",
        "North Korean social media",
    ):
        assert junk not in text, junk
    assert result.read_more == Link("https://www.poynter.org/2013/north-korea/", "Read more")
    assert [q.kind for q in result.quotes] == [QuoteKind.BLOCKQUOTE]
    assert Link("https://news.example/tag/ap", "the AP") in result.links
    assert "<blockquote>" in result.body.html


def test_generic_page_without_hints() -> None:
    html = f"""<html><body><div class="top"><a href="/">Home</a> | <a href="/x">X</a></div>
    <div class="wrap"><div class="c1"><p>{PROSE}</p><p>{PROSE}</p><h2>Sub head</h2>
    <ul><li>first item of a list</li><li>second item</li></ul><p>{PROSE}</p>
    <div class="share-tools"><a href="/s1">Facebook</a> <a href="/s2">Twitter</a></div></div>
    <div class="side"><ul><li><a href="/1">Link one here</a></li><li><a href="/2">Link two
    </a></li><li><a href="/3">Link three</a></li></ul></div></div></body></html>"""
    result = _body(html)
    assert result.body is not None
    assert "Sub head" in result.body.text
    assert "second item" in result.body.text
    assert "Facebook" not in result.body.text
    assert "Link one" not in result.body.text
    assert result.read_more is None


def test_empty_page_has_no_body() -> None:
    assert _body("<html><body><div></div></body></html>") == BodyResult()
    assert _body("<html><body><nav><a href='/'>Home</a></nav></body></html>").body is None


def test_hidden_elements_go_and_tree_is_untouched() -> None:
    html = f"""<html><body><article><p>{PROSE}</p><p style="display: none">SECRET one</p>
    <div hidden>SECRET two</div><p aria-hidden="true">SECRET three</p><p>{PROSE}</p>
    </article></body></html>"""
    page = Page(build_tree(html), URL)
    before = tostring(page.tree)
    result = extract_body(page, GENERIC, Metadata())
    assert result.body is not None
    assert "SECRET" not in result.body.text
    assert tostring(page.tree) == before


def test_index_page_gives_first_excerpt_and_read_more() -> None:
    posts = "".join(
        f"""<article class="post hentry"><h2 class="entry-title"><a href="/p{i}/">Post {i}</a></h2>
        <div class="entry-summary"><p>Summary {i}. {PROSE}</p>
        <p><a class="more-link" href="/p{i}/#more">Continue reading →</a></p></div></article>"""
        for i in (1, 2, 3)
    )
    result = _body(f"<html><body><main>{posts}</main></body></html>", "https://news.example/")
    assert result.body is not None
    assert result.body.text.startswith("Summary 1.")
    assert "Summary 2" not in result.body.text
    assert "Continue reading" not in result.body.text
    assert result.read_more == Link("https://news.example/p1/#more", "Continue reading →")


def test_images_lazy_src_caption_and_links() -> None:
    html = f"""<html><body><article><p>{PROSE}</p>
    <figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/a.jpg" alt="A cat">
    <figcaption>The cat, resting.</figcaption></figure>
    <div class="wp-caption"><img srcset="/img/b-300.jpg 300w, /img/b.jpg 900w" alt="">
    <p class="wp-caption-text">B caption</p></div>
    <p>{PROSE} <a href="javascript:void(0)">js</a> <a href="mailto:a@b.example">mail</a></p>
    </article></body></html>"""
    result = _body(html)
    assert result.images == (
        Image("https://news.example/img/a.jpg", "A cat", "The cat, resting."),
        Image("https://news.example/img/b-300.jpg", None, "B caption"),
    )
    assert result.body is not None
    assert 'src="https://news.example/img/a.jpg"' in result.body.html
    assert [link.url for link in result.links] == ["mailto:a@b.example"]
    # captions are recorded in images[].caption: body.text is the running text only,
    # body.html keeps the figure as marked up
    assert "The cat, resting." not in result.body.text
    assert "B caption" not in result.body.text
    assert "<figcaption>The cat, resting.</figcaption>" in result.body.html


def test_caption_option_of_element_text() -> None:
    from lxml.html import fromstring

    from scraper.parse.dom._text import element_text

    el = fromstring(
        "<div><p>Text.</p><figure><img src='a.jpg'><figcaption>Cap</figcaption></figure>"
        "<figure class='wp-block-image'><img src='b.jpg'>"
        "<figcaption class='wp-element-caption'>Cap 2</figcaption></figure>"
        "<div class='wp-caption'><p class='wp-caption-text'>Cap 3</p></div>tail</div>"
    )
    assert element_text(el) == "Text.\n\nCap\n\nCap 2\n\nCap 3\n\ntail"
    assert element_text(el, captions=False) == "Text.\n\ntail"


def test_jsonld_article_body_when_the_html_shows_none() -> None:
    html = """<html><head><script type="application/ld+json">
    {"@type": "BlogPosting", "articleBody": "First  para.\\n\\nSecond para."}
    </script></head><body><div id="app"></div></body></html>"""
    result = _body(html)
    assert result.body is not None
    assert result.body.text == "First para.\n\nSecond para."
    assert result.body.html == "<p>First para.</p> <p>Second para.</p>"


def test_following_sibling_that_continues_the_post_joins_the_hint() -> None:
    from dataclasses import replace

    html = f"""<html><body><div class="entry"><div class="entry-body"><p>{PROSE}</p></div>
    <div class="entry-more"><p>{PROSE} And more.</p></div>
    <div class="entry-footer">Posted by Ann in <a href="/c">News</a></div></div></body></html>"""
    profile = replace(GENERIC, body=(".entry-body",))
    result = extract_body(Page(build_tree(html), URL), profile, Metadata())
    assert result.body is not None
    assert result.body.text.endswith("And more.")
    assert "Posted by" not in result.body.text


def test_source_line_after_br_is_read_more_and_leaves_the_body() -> None:
    html = f"""<html><body><div class="post-body">{PROSE}<br><br>{PROSE}<br><br>
    <i>Read the full story at <a href="https://src.example/a">Src</a>.</i></div></body></html>"""
    result = _body(html)
    assert result.read_more == Link("https://src.example/a", "Src")
    assert result.body is not None
    assert "full story" not in result.body.text


def test_bad_input_gives_no_body_and_no_crash() -> None:
    from dataclasses import replace

    from lxml.html import Element

    broken = replace(GENERIC, body=("div[", "::nonsense", ".entry-content"))
    html = f"<html><body><div class='entry-content'><p>{PROSE}</p></div></body></html>"
    result = extract_body(Page(build_tree(html), URL), broken, Metadata())
    assert result.body is not None
    assert result.body.text == PROSE
    root = node = Element("html")
    for _ in range(5000):
        child = Element("div")
        node.append(child)
        node = child
    node.text = PROSE
    deep = extract_body(Page(root, URL), GENERIC, Metadata())
    assert deep.body is not None
    assert deep.body.text == PROSE
    assert _body("<html><head><title>x</title></head></html>").body is None


def test_mid_post_teaser_goes_but_a_closing_read_more_is_the_source() -> None:
    html = f"""<html><body><article><p>{PROSE}</p>
    <p><strong>READ MORE:</strong> <a href="/other-story">Another story entirely</a></p>
    <p>{PROSE}</p><p>Read more: <a href="https://src.example/orig">the original</a></p>
    </article></body></html>"""
    result = _body(html)
    assert result.body is not None
    assert "Another story" not in result.body.text
    assert result.read_more == Link("https://src.example/orig", "the original")


def test_image_with_a_gallery_class_is_kept_not_appended_to_itself() -> None:
    # Seen on a real page: <img class="slideshow-image"> made the carousel flattening try to
    # append the element to itself (ValueError), which failed the whole parse.
    html = (
        "<html><body><article><h1>T</h1><p>"
        + "Some real text of the article body that is long enough to count. " * 5
        + '</p><img class="gallery slideshow" src="/a.jpg" alt="a">'
        + '<div class="gallery"><img class="gallery-item" src="/b.jpg"></div>'
        + "</article></body></html>"
    )
    post = parse_page(html, "https://b.example/p/")
    assert post.body is not None
    assert "real text" in post.body.text


def test_a_thread_without_a_comments_marker_stays_out_of_the_body() -> None:
    # numbered comment items (c1, c2 ...) inside the post's own container, no #comments
    # area and no comment class: only the thread detection knows they are comments
    comments = "".join(
        f'<div class="note" id="c{i}"><span class="author">Reader {i}</span>'
        f"<p>{PROSE} Reader {i} had more to say about it.</p></div>"
        for i in range(1, 4)
    )
    html = f"""<html><body><div class="post">
    <p>{PROSE}</p><p>{PROSE} The post ends here.</p>{comments}</div></body></html>"""
    post = parse_page(html)
    assert post.body is not None
    assert "The post ends here." in post.body.text
    assert "had more to say" not in post.body.text
    assert len(post.comments) == 3


def test_wordpress_post_classes_naming_topics_are_not_junk() -> None:
    # post_class() puts the post's terms and state on the post element: "status-publish"
    # and "tag-social-media" name the post, not a widget
    from scraper.parse.body._cleanup import clean_copy
    from scraper.parse.dom._text import element_text

    html = f"""<html><body><div id="content"><div id="post-7"
    class="post-7 post type-post status-publish hentry category-ads tag-social-media">
    <p>{PROSE} Still the post.</p></div><div class="more"><p>{PROSE * 3}</p></div>
    </div></body></html>"""
    content = build_tree(html).get_element_by_id("content")
    assert "Still the post." in element_text(clean_copy([content]))


def test_a_hint_inside_a_widget_container_still_scores() -> None:
    # Blogger wraps the post column in div.widget.Blog: "widget" made the whole column an
    # unlikely container, the page wrapper (scored by its one loose line, holding the
    # sidebar's prose) won over the hint, and the cleaning removed every widget
    from dataclasses import replace

    about = "".join(f"<p>{PROSE} About the author, part {i}.</p>" for i in range(4))
    html = f"""<html><body><div id="outer-wrapper">
    <p>Investors often overlook SEC filings of all kinds.</p><div id="main-wrapper">
    <div class="widget Blog" id="Blog1"><div class="post hentry">
    <h3 class="post-title">North Korean social media</h3>
    <div class="post-body entry-content"><p>{PROSE} The post ends here.</p></div>
    <div class="post-footer">Posted by Grant</div></div></div></div>
    <div id="sidebar-wrapper"><div class="widget Profile" id="Profile1">{about}</div></div>
    </div></body></html>"""
    profile = replace(GENERIC, body=(".post-body",))
    result = extract_body(Page(build_tree(html), URL), profile, Metadata())
    assert result.body is not None
    assert result.body.text.endswith("The post ends here.")
    assert "About the author" not in result.body.text


def test_a_roundup_post_of_links_is_not_cleaned_away_as_a_link_list() -> None:
    # the chosen post itself is mostly links (an index of earlier posts): the scorer chose
    # it knowing its link density, so the cleaning must not then drop it as a "link list"
    # (a link list inside the post still goes)
    from scraper.parse.body._cleanup import clean_copy
    from scraper.parse.dom._text import element_text

    links = "".join(
        f'<a href="/2007/0{i}/post-{i}.html">Part {i}: interrogation, detention and war '
        f"powers, what the memos say</a><br>"
        for i in range(1, 9)
    )
    html = f"""<html><body><div class="posts">
    For ease of reference, we have grouped together, and updated, our posts.<br>{links}
    <ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul>
    </div></body></html>"""
    posts = build_tree(html).find_class("posts")[0]
    text = element_text(clean_copy([posts]))
    assert text.startswith("For ease of reference")
    assert "Part 8: interrogation" in text
    assert "About" not in text


def test_text_in_hidden_inline_elements_does_not_score() -> None:
    # a photo gallery keeps its captions in <cite style="display:none">: charged to the
    # gallery's div they outscored the story, and the cleaning then left nothing
    captions = "".join(
        f'<img src="/g{i}.jpg"><cite style="display:none;bottom:74px">{PROSE} Photo {i}, '
        f"the candidate, his wife, and the crowd, on Tuesday.</cite>"
        for i in range(12)
    )
    html = f"""<html><body><div class="main"><div>{captions}</div>
    <div class="story"><p>{PROSE}</p><p>{PROSE} The story ends here.</p></div>
    </div></body></html>"""
    from scraper.parse.body._locate import main_content

    root = build_tree(html)
    chosen = main_content(root.find("body"))
    assert "story" in [el.get("class") for el in chosen]  # not the wrapper, div.main


def test_a_choice_that_cleans_to_nothing_gives_way_to_the_next_one() -> None:
    # a <header class="content-header"> outscores the story on its class word alone; the
    # cleaning drops a header whole, so the next candidate (close in score) is the body
    header = f'<header class="content_header"><p>{PROSE}</p></header>'
    story = "".join(f"<p>{PROSE} Part {i}, as said, again.</p>" for i in range(3))
    html = f'<html><body><div class="wrap">{header}</div><div>{story}</div></body></html>'
    result = _body(html)
    assert result.body is not None
    assert result.body.text.endswith("Part 2, as said, again.")
    # a far weaker candidate is a guess: no body rather than the footer line
    weak = "<div><p>Copyright 2012, all rights reserved here.</p></div>"
    html = f'<html><body><div class="wrap">{header}</div>{weak}</body></html>'
    assert _body(html).body is None


def test_a_class_word_alone_does_not_outscore_the_prose() -> None:
    # a layout table named "main" got readability's +25 for its class although only a
    # ninth of a paragraph's score reached it; the post's own div, three levels down,
    # holds the prose and must win over the whole page
    post = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(3))
    html = f"""<html><body><table class="main">
    <tr><td class="masthead"><p>Schneier on Security, a blog covering security.</p></td></tr>
    <tr><td class="contentcell"><div class="indivbody">{post}</div></td>
    <td class="rightcol"><p>Blog menu, books, essays, and the newsletter archive.</p></td></tr>
    </table></body></html>"""
    result = _body(html)
    assert result.body is not None
    assert result.body.text.startswith("In North Korea")
    assert "Schneier" not in result.body.text
    assert "Blog menu" not in result.body.text


def test_an_unclosed_header_holding_the_whole_post_is_a_wrapper() -> None:
    # broken markup: div#header is never closed, so the post sits inside it; a "header"
    # (or an ad wallpaper) holding most of the page's text is a wrapper, not chrome
    post = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(3))
    html = f"""<html><body><div id="wrap"><div id="header"><h1>The Photo Argus</h1>
    <div id="main">{post}</div></div>
    <div id="upprev_box"><p>More in Gear: an introduction to camera filters.</p></div>
    </div></body></html>"""
    result = _body(html)
    assert result.body is not None
    assert result.body.text.startswith("In North Korea")
    assert "camera filters" not in result.body.text
    # a sidebar holding most of the text next to a short post stays a sidebar
    about = "".join(f"<p>{PROSE} About me, part {i}.</p>" for i in range(4))
    html = f"""<html><body><div class="post"><p>{PROSE}</p></div>
    <div id="sidebar">{about}</div></body></html>"""
    result = _body(html)
    assert result.body is not None
    assert "About me" not in result.body.text


def test_teaser_lead_reads_like_lstrip_without_copying() -> None:
    from scraper.parse.body._lines import _TEASER_ROOM, _lead

    long_text = "x" * 10_000
    for text in (None, "", "   ", " READ MORE: x", "\n" * 200 + "Related: y", "  " + long_text):
        expected = (text or "").lstrip()[:_TEASER_ROOM].lower()
        assert _lead(text) == expected


def test_text_of_is_text_content() -> None:
    from lxml.html import fragment_fromstring

    from scraper.parse.dom._signals import text_of

    el = fragment_fromstring(
        "<div> a<!-- c -->b&amp;c <p>d<a href='/'>e</a>f</p><script>x()</script>\xa0</div>"
    )
    el.tail = "tail"
    for node in el.iter():
        if isinstance(node.tag, str):  # a comment raises in both, as text_content did
            assert text_of(node) == node.text_content()


def test_remove_keeps_a_text_tail_and_drops_a_blank_one() -> None:
    from lxml.html import fragment_fromstring

    from scraper.parse.body._cleanup import remove

    root = fragment_fromstring("<div>a<b>x</b> kept <i>y</i>  \n <u>z</u> end</div>")
    remove([root[0], root[1]])
    assert root.text == "a kept "
    assert [el.tag for el in root] == ["u"]
    remove([root[0]])
    assert root.text == "a kept  end"
    assert len(root) == 0
