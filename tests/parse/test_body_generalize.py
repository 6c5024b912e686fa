"""Body rules for shapes of news pages the rules were not written for (issue 10, body3).

Each case is a small hand-written page showing one general shape; none is a copy of a
benchmark page.
"""

from pagetext import body_text

from scraper import parse_page

URL = "https://news.example/2020/01/the-post/"
PROSE = (
    "The council met on Tuesday and agreed, after a long debate about the budget, to keep "
    "the library open on Sundays for at least another year, its chair said afterwards."
)


def _body(html: str) -> str:
    return body_text(html, URL)


def test_a_content_block_numbered_like_a_comment_is_not_left_out() -> None:
    """CMS content blocks carry ids like ``c9839`` (a comment's id shape); the one that
    holds the page's ``<h1>`` is the post, not a comment to leave out."""
    html = f"""<html><body><div id="c100" class="frame"><article><h1>Library stays open</h1>
<p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p></article></div>
<div id="c101" class="frame"><p>Jobs at the council: apply now, we are hiring.</p></div>
<div id="c102" class="frame"><p>Our newsletter, every morning in your inbox.</p></div>
<div class="push-settings"><p>You have subscribed to push messages, and may choose topics.</p>
</div></body></html>"""
    assert _body(html).count("The council met on Tuesday") == 3


def test_article_chunks_sharing_a_junk_word_class_are_kept() -> None:
    """A layout's content column may be named after the sidebar beside it
    (``sidebar-grid__content``); when the article is cut into chunks of that class, the
    chunks together are the content, whatever share each one holds."""
    chunk = f'<div class="sidebar-grid__content"><p>{PROSE}</p><p>{PROSE} More.</p></div>'
    html = f"""<html><body><main><article><h1>Library stays open</h1>
{chunk}<div class="ad-slot">Advertisement</div>{chunk}<div class="ad-slot"></div>{chunk}
</article></main></body></html>"""
    assert _body(html).count("The council met on Tuesday") == 6


def _teasers(n: int) -> str:
    return "".join(
        f'<article class="teaser"><h3><a href="/2020/01/other-{i}/">Other story {i}</a></h3>'
        f"<p>A short teaser line {i}.</p></article>"
        for i in range(n)
    )


def test_a_post_article_beside_linked_teasers_is_no_index() -> None:
    """News pages put "most read" teasers (``<article>`` with a linked heading) before the
    story, itself an ``<article>`` whose heading does not link away: a post page."""
    html = f"""<html><body><nav><ol><li>{_teasers(3)}</li></ol></nav>
<article class="story"><h1>Library stays open</h1>
<p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p>
<p>{PROSE} And again.</p><p>{PROSE} Last.</p><p>{PROSE} Really last.</p></article>
</body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 6
    assert "Other story" not in text


def test_paragraphs_set_as_bare_divs_make_a_post_page() -> None:
    """A story whose paragraphs are bare ``<div>`` elements, with teaser articles in it,
    is a post page, not an index of those teasers."""
    paras = "".join(f"<div>{PROSE} Part {i}.</div>" for i in range(8))
    html = f"""<html><body><main><div class="story"><h1>Library stays open</h1>{paras}
<div class="more">{_teasers(4)}</div></div></main></body></html>"""
    assert _body(html).count("The council met on Tuesday") == 8


def test_a_post_in_an_ad_named_layout_wrapper_is_found() -> None:
    """Layouts wrap the story in boxes named for the ads or widgets beside it
    (``container vertical-ad-con``, ``widget-area``); with the story left out, what wins
    is a carousel caption or a footer, next to no prose: the page is read again."""
    paras = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(5))
    carousel = "".join(
        f'<div class="item"><a href="/2020/01/other-{i}/">Other story {i}: the mayor opens '
        f"the new bridge over the river</a> today.</div>"
        for i in range(4)
    )
    html = f"""<html><body><div class="latest-news">{carousel}</div>
<main><div class="container vertical-ad-con"><div class="article-details">
<h1>Library stays open</h1><div class="article-body">{paras}</div></div></div></main>
<div class="sidebar"><p>About us: a small paper, since 1901, read in the whole valley.</p></div>
</body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 5
    assert "Other story" not in text
    assert "About us" not in text


def test_a_story_set_one_wrapper_per_paragraph_is_read_whole() -> None:
    """Component templates wrap each paragraph in its own boxes (``div > div > div > p``):
    each paragraph's score goes to its own boxes and one of them wins narrowly; the
    boxes that score close to it, side by side, are the story."""
    box = '<div class="sc-a1"><div class="sc-b2"><div><div><p>{}</p></div></div></div></div>'
    paras = "".join(box.format(f"{PROSE} Part {i}.") for i in range(6))
    html = f"""<html><body><div id="frame"><article><div class="sc-c3"><h1>Library stays
open</h1></div><div class="sc-d4"><div class="sc-e5">{paras}</div></div></article></div>
</body></html>"""
    assert _body(html).count("The council met on Tuesday") == 6


def test_the_story_hidden_behind_a_paywall_is_kept() -> None:
    """A paywalled story is served whole, its rest hidden (``div.paywall[hidden]``) until
    a script sees a subscriber: that text is the story's; other hidden boxes still go."""
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<div class="paywall" hidden><p>{PROSE} Again.</p><p>{PROSE} Once more.</p></div>
<div class="login-box" hidden><p>Log in to read the whole story, it takes a minute.</p></div>
</article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "Log in" not in text


def test_a_caption_class_beside_a_picture_is_a_caption() -> None:
    """Templates without ``<figure>`` set a picture's caption as ``p.caption`` beside the
    ``<img>``: recorded with the image, left out of the running text as ``figcaption``
    is; a post of captioned pictures only keeps its captions as its text."""
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<div class="block"><div class="image"><img src="/a.jpg" alt=""></div>
<p class="caption">The library on Sunday (photo: A. Smith)</p></div>
<p>{PROSE} Again.</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 2
    assert "photo: A. Smith" not in text
    only = """<html><body><article><h1>Our trip</h1>
<div class="pic"><img src="/a.jpg" alt=""><p class="caption">The lake at dawn, cold and
still, before anybody else was up and about.</p></div></article></body></html>"""
    assert "The lake at dawn" in _body(only)


def test_a_read_more_teaser_set_inside_its_link_goes() -> None:
    """ "READ MORE: …" promos for other stories in mid-post also come with the label inside
    the link (``<p><a><b>READ MORE: Title</b></a></p>``)."""
    teaser = '<p><a href="/2020/01/{0}/"><b>READ MORE: Another story, {0}</b></a></p>'
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
{teaser.format("first")}<p>{PROSE} Again.</p>{teaser.format("second")}
<p>{PROSE} Once more.</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "Another story" not in text


def test_story_chunks_of_one_kind_with_varying_widths_are_peers() -> None:
    """Utility-class templates cut a story into chunks of one kind whose later class
    words vary (``RichText w-8/12`` and ``RichText RichText--last``), each in its own
    wrapper: cousins of the winning chunk, read with it."""
    chunk = '<div class="row"><div><div class="RichText {}"><p>{}</p><p>{}</p></div></div></div>'
    chunks = "".join(
        chunk.format(cls, f"{PROSE} Part {i}.", f"{PROSE} Part {i}b.")
        for i, cls in enumerate(("lg:w-8/12 mx-auto", "RichText--last", "md:w-10/12"))
    )
    html = f"""<html><body><main><article><h1>Library stays open</h1>
<section>{chunks.replace('<div class="row">', '<div class="row"><div class="ad">Ad</div>')}
</section></article></main></body></html>"""
    assert _body(html).count("The council met on Tuesday") == 6


def test_offscreen_labels_and_author_lines_in_other_languages_go() -> None:
    """Screen-reader labels also hide as ``.h-offscreen`` ("Box aufklappen"), and a
    byline is ``p.autor`` in German, Spanish or Portuguese, ``.auteur`` in French."""
    html = f"""<html><body><article><h1>Library stays open</h1>
<p class="autor small">Von Anna Beispiel</p><p>{PROSE}</p>
<div class="box"><span class="h-offscreen">Box aufklappen</span><p>{PROSE} Again.</p></div>
<div class="auteur">Par Jean Exemple</div></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 2
    for gone in ("Anna Beispiel", "aufklappen", "Jean Exemple"):
        assert gone not in text


def test_a_dateline_inside_the_content_goes_in_any_language() -> None:
    """ "Stand: 22.04.2024, 06:00 Uhr", "2025年1月14日 01時28分": a date and a time with a
    word or two of label are the post's date, its own field; a sentence that names a
    date and a time is prose and stays."""
    sentence = "The council will meet again on 12.05.2024 at 10:00 in the old town hall."
    html = f"""<html><body><article><h1>Library stays open</h1>
<div class="stamp">Stand: 22.04.2024, 06:00 Uhr</div><p>{PROSE}</p>
<p><small>2025年1月14日 01時28分 (1月14日 01時40分更新)</small></p>
<p>{PROSE} Again.</p><p>{sentence}</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 2
    assert sentence in text
    assert "Stand" not in text
    assert "01時28分" not in text


def test_a_dateline_is_a_few_elements_and_a_nest_of_boxes_is_read_once() -> None:
    """A dateline wrapped in a label, a date and a time is still one; a date and a time at
    the bottom of a nest of 1,000 near-empty boxes is not a dateline of each box (each box
    was asked for its text, reading the nest once per level)."""
    label = '<p><span class="l">Stand:</span> <time>22.04.2024</time>, <b>06:00</b> Uhr</p>'
    nest = "<div>" * 1000 + "22.04.2024, 06:00" + "</div>" * 1000
    text = _body(
        f"<html><body><article><h1>Library stays open</h1>{label}<p>{PROSE}</p>"
        f"<p>{PROSE} Again.</p>{nest}</article></body></html>"
    )
    assert "Stand" not in text
    assert text.count("The council met on Tuesday") == 2


def test_the_standfirst_above_the_body_container_is_read_first() -> None:
    """News templates set the lead (``p.preface``) in the article's header, above the
    body's container: it is the story's opening, read before the body."""
    paras = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(4))
    html = f"""<html><body><main><article><header class="articlehead"><h1>Library stays
open</h1><p class="preface">Sundays stay open for readers, the council decided.</p></header>
<div class="modulepadding"><div class="copytext">{paras}</div></div>
<div class="related"><p class="intro">Elsewhere: other libraries, other councils.</p></div>
</article></main></body></html>"""
    text = _body(html)
    assert text.startswith("Sundays stay open for readers")
    assert text.count("The council met on Tuesday") == 4
    assert "Elsewhere" not in text


def test_a_link_list_indented_by_its_theme_is_still_a_link_list() -> None:
    """Link density counts characters other than whitespace: a theme's indentation
    between the items of a "most read" box is no prose that would make it stay."""
    pad = "\n" + "\t" * 12 + " " * 40
    items = "".join(
        f'<li class="item">{pad}<a href="/2020/01/s{i}/">Story number {i} of the week</a>{pad}</li>'
        for i in range(3)
    )
    head = f'<div class="heading">{pad}<span>Most read</span></div>'
    box = f'<div class="box-beaf">{pad}{head}{pad}<ul>{items}</ul>{pad}</div>'
    html = f"""<html><body><article><h1>Library stays open</h1><div class="entry">
<p>{PROSE}</p><p>{PROSE} Again.</p>{box}<p>{PROSE} Once more.</p></div></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "Story number" not in text


def test_the_standfirst_inside_the_article_header_is_kept() -> None:
    """The article's ``<header>`` (title, byline, date) is furniture, but the lead set in
    it (``p.preface``) is the story's opening and stays, in front."""
    paras = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(4))
    html = f"""<html><body><article><header class="articlehead"><h1>Library stays open</h1>
<div class="byline">By Anna Example</div>
<p class="preface">Sundays stay open for readers, the council decided.</p></header>
{paras}</article></body></html>"""
    text = _body(html)
    assert text.startswith("Sundays stay open for readers")
    assert "Anna Example" not in text
    assert text.count("The council met on Tuesday") == 4


def test_a_short_post_beside_a_rail_of_teasers_is_no_index() -> None:
    """A short post (one paragraph and an embed) after a dozen linked teasers has too
    little prose to outweigh them all, but the scorer picks it, apart from every teaser
    and longer than each: a post page, not an index."""
    rail = "".join(
        f'<article><h3><a href="/2020/01/other-{i}/">Other story {i}</a></h3>'
        f"<p>A teaser line for story {i}, which is somewhere else.</p></article>"
        for i in range(12)
    )
    html = f"""<html><body><div class="rail">{rail}</div>
<div class="story"><h1>Library stays open</h1><div class="text"><p>{PROSE}</p>
<p>{PROSE} Again.</p><iframe src="https://player.example/1"></iframe></div></div>
</body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 2
    assert "Other story" not in text


def test_an_article_with_an_unlinked_h1_is_no_teaser() -> None:
    """The page's own ``<article>`` may open with a kicker heading linking to its section
    (``<h2><a href="/section/music">Music</a></h2>``); its unlinked ``<h1>`` is the page's
    headline, so it is the post, not one more teaser of an index."""
    rail = "".join(
        f'<article><h3><a href="/2020/01/other-{i}/">Other story {i}</a></h3>'
        f"<p>A teaser line for story {i}, which is somewhere else.</p></article>"
        for i in range(6)
    )
    html = f"""<html><body><div class="rail">{rail}</div>
<article class="main"><h2><a href="/section/music">Music</a></h2><h1>Library stays open</h1>
<section class="article-text"><p>{PROSE}</p></section></article></body></html>"""
    text = _body(html)
    assert "The council met on Tuesday" in text
    assert "Other story" not in text


def test_an_index_of_teasers_stays_an_index() -> None:
    """On a real index the best-scored block is the teasers' column: the body is the first
    post's excerpt and the read-more link leads to it."""
    items = "".join(
        f'<article class="post"><h2><a href="/2020/01/post-{i}/">Post {i}</a></h2>'
        f'<div class="entry-summary"><p>{PROSE} Post {i}.</p></div></article>'
        for i in range(5)
    )
    post = parse_page(f"<html><body><main>{items}</main></body></html>".encode(), URL)
    assert post.body is not None
    assert post.body.text.count("The council met on Tuesday") == 1
    assert post.read_more is not None
    assert post.read_more.url.endswith("/2020/01/post-0/")


def test_story_text_loose_in_its_column_beside_a_title_paragraph_wins() -> None:
    """Old CMS templates set the story as text loose in its column, after a ``<p>`` title
    and the pictures, split by ``<br>`` only. That text is the column's own paragraph (as
    readability wraps it in a ``<p>``), so the column scores for it, and a one-line
    address in the footer does not outscore the story."""
    address = "Town hall, Main street 1, 12345 Town, phone 0123 456 789 - all rights reserved"
    html = f"""<html><body><div class="row"><div class="col-3"><ul>
<li><a href="/a">Archive</a></li></ul></div>
<div class="col-9"><p class="titulo">Library stays open</p><small>05/10/2018</small><br>
<img src="/a.jpg">{PROSE}<br><br></div></div>
<div class="rodape"><div class="row"><div class="col-12">{address}</div></div></div>
</body></html>"""
    text = _body(html)
    assert "The council met on Tuesday" in text
    assert "Town hall" not in text


def test_a_chosen_article_with_a_gallery_script_hook_keeps_its_text() -> None:
    """A carousel word in the class of the article itself (``js-post-gallery``, the hook
    of a script that opens its pictures in a lightbox) does not make the story a
    carousel: its text stays; a carousel inside it is still reduced to its pictures."""
    html = f"""<html><body><article class="post-article js-post-gallery"><h1>Library</h1>
<p>{PROSE}</p><div class="slideshow"><img src="/a.jpg"><span>1 of 2</span></div>
<p>{PROSE} Again.</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 2
    assert "1 of 2" not in text


def test_a_post_in_a_sidebar_named_layout_box_is_found() -> None:
    """Layouts name the box holding the story and the rail beside it for the rail
    (``l-sidebar-fixed``): the story is then in an "unlikely" container, and a one-line
    dek in the hero above it wins with next to no prose. The page is read again with
    no class word unlikely (hidden boxes, ``aside`` and comment sections still are)."""
    paras = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(5))
    html = f"""<html><body><section><div class="hero"><div class="hero-head">
<h1>Library stays open</h1><p class="dek">The council voted late on Tuesday evening.</p>
</div></div><div class="l-sidebar-fixed"><div class="col-main">{paras}</div>
<aside class="rail"><p>{PROSE} The rail.</p></aside></div>
<div class="comments"><p>{PROSE} A reader's comment.</p><p>{PROSE} Another one.</p>
<p>{PROSE} And a third one.</p></div></section></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 5
    assert "The rail" not in text
    assert "comment" not in text


def test_a_share_bar_leaves_no_label() -> None:
    """A share bar's buttons are icons; what is left of it once they go is its label
    ("Share", "Share this"), and an AddThis toolbox is a share bar like any other."""
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<section id="addthis-top"><h3>Share This</h3><div class="addthis_toolbox">
<a class="addthis_button_facebook"></a></div></section><p>{PROSE} Again.</p>
<ul class="tools"><li class="icons">share</li><li id="pin"></li></ul>
<p>{PROSE} Once more.</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3
    assert "share" not in text.lower()


def test_a_post_served_in_noscript_is_read_from_there() -> None:
    """Templates that render the post by script (Blogger's dynamic ones) serve its text
    in ``<noscript>`` for readers without scripts: when nothing else of the post is in
    the HTML, that is where its text is."""
    html = f"""<html><body><div class="post"><h2 class="title">Library stays open</h2>
<div class="post-body"><script type="text/template">{{{{ body }}}}</script>
<noscript><p>{PROSE}</p><p>{PROSE} Again.</p></noscript></div></div></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 2


def test_noscript_beside_a_post_stays_out_of_it() -> None:
    """A post that has text of its own keeps its ``<noscript>`` fallbacks (a tracking
    pixel's, a video's "enable JavaScript") out of the text."""
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<noscript><p>Please enable JavaScript to watch this video.</p></noscript>
<p>{PROSE} Again.</p></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 2
    assert "JavaScript" not in text


def test_a_box_headed_comments_inside_the_story_box_goes() -> None:
    """Templates set the comment section's heading and its rules ("To post a comment,
    log in ...") inside the story's box, in a wrapper without a class that says so: a
    box that opens with the heading "Comments" is that section, not the story."""
    html = f"""<html><body><div class="story-container"><h1>Library stays open</h1>
<p>{PROSE}</p><p>{PROSE} Again.</p><div><div class="zone-title"><span>Comments</span></div>
<p class="meta">To post a comment, log into your chosen social network and then add your
comment below. Your comments are subject to our terms of service.</p></div>
<div id="thread"></div></div></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 2
    assert "comment" not in text.lower()


def test_a_story_section_is_not_taken_for_a_comment_box() -> None:
    """Only the heading of a comment section counts: a story's own section headed
    otherwise, or mentioning comments, stays."""
    html = f"""<html><body><article><h1>Library stays open</h1><p>{PROSE}</p>
<div><h3>Comments from the council</h3><p>{PROSE} Quoted.</p></div>
<div><h3>What happens next</h3><p>{PROSE} Next.</p></div></article></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 3


def test_a_post_of_links_is_still_the_post() -> None:
    """A link roundup ("25 front pages", "more sample pictures on Flickr") is mostly
    links, which the cleaning drops as a link list; when that leaves nothing of the
    post, the links are the post, and they stay (when a line of prose says so: a menu
    has none)."""
    links = "".join(
        f'<a href="https://photos.example/{i}">Sample picture number {i} from the new lens</a><br>'
        for i in range(8)
    )
    html = f"""<html><body><div id="content"><div class="post"><h1>More samples</h1>
<div class="entry-content"><p>In addition to the <a href="/a">first set of samples</a> from the
new lens published a few days ago, here are a few more pictures found on Flickr:</p>{links}</div>
</div></div></body></html>"""
    text = _body(html)
    assert "Sample picture number 7" in text


def test_a_page_of_thousands_of_links_is_not_read_again_as_a_roundup() -> None:
    """A roundup links dozens of pages; a paragraph of thousands of links is a link farm
    or a sitemap: the last resort does not read it again (which doubled the parse cost of
    such pages), so it stays without a body, as the cleaning left it."""
    links = " ".join(f'<a href="/page/{i}/">link number {i}</a>' for i in range(1_200))
    html = f"""<html><body><div class="post"><h1>Archive</h1>
<div class="entry-content"><p>{links}</p></div></div></body></html>"""
    assert parse_page(html.encode(), "https://blog.example/archive/").body is None


def test_a_rail_of_article_teasers_makes_no_index() -> None:
    """The rail (``<aside>``) lists videos and stories as ``<article>`` elements with
    linked headings; they are no posts of the page, which is a post page, and the
    story beside them is its body, not the first teaser."""
    rail = "".join(
        f'<article class="video-popup"><h3><a href="/2020/01/video-{i}/">Video {i}</a></h3>'
        f'<div class="entry-content"><p>A teaser of video {i}: {PROSE} {PROSE}</p></div>'
        "</article>"
        for i in range(3)
    )
    html = f"""<html><body><div id="content"><div class="post"><h1>Library stays open</h1>
<div class="postbody"><p>{PROSE}</p><p>{PROSE} Again.</p></div></div></div>
<aside>{rail}</aside></body></html>"""
    text = _body(html)
    assert text.count("The council met on Tuesday") == 2
    assert "A teaser" not in text
