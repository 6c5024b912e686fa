"""Co-authors a byline lists in elements of their own (``_coauthors``): one span or one
``<div itemtype=Person>`` per author. Small hand-written pages; no page is copied here."""

from scraper import parse_page

URL = "https://news.example/2020/01/the-post/"
PROSE = (
    "The council met on Tuesday and agreed, after a long debate about the budget, to keep "
    "the library open on Sundays for at least another year, its chair said afterwards."
)
BODY = f"<p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p>"


def _authors(byline: str) -> list[str | None]:
    page = f"""<html><body><article><h1>Library stays open</h1>{byline}
<p class="date">3 May 2024</p>{BODY}</article></body></html>"""
    return [a.name for a in parse_page(page.encode(), URL).authors]


def test_one_span_per_author_in_a_byline_block_gives_each_author() -> None:
    """Read as one text the block is no name ("Jane Doe Ann Marie Poe John Roe")."""
    block = (
        '<div class="article-byline"><div class="origins"><span>Jane Doe</span> '
        "<span>Ann Marie Poe</span> <span>John Roe</span></div></div>"
    )
    assert _authors(block) == ["Jane Doe", "Ann Marie Poe", "John Roe"]
    # two short names: the block's text is name-shaped as a whole, still two people
    two = '<div class="byline"><span>Jane Doe</span> <span>John Roe</span></div>'
    assert _authors(two) == ["Jane Doe", "John Roe"]
    # separators and a label in the block are allowed
    joined = '<div class="byline">By <span>Jane Doe</span> and <span>John Roe</span></div>'
    assert _authors(joined) == ["Jane Doe", "John Roe"]
    # the byline's date after the names, in the same block
    dated = (
        '<div class="post-author"><a href="/a/1">Jane Doe</a> <a href="/a/2">John Roe</a> '
        "<span>8 May, 17:46</span></div>"
    )
    assert _authors(dated) == ["Jane Doe", "John Roe"]


def test_a_byline_block_with_more_than_names_is_no_list() -> None:
    """A role, a button or the same name twice is no co-author."""
    role = '<div class="byline"><span>Jane Doe</span> <span>Staff Writer</span></div>'
    assert _authors(role) == ["Jane Doe"]
    button = (
        '<div class="byline">By <a href="/author/jane-doe/">Jane Doe</a> '
        '<a href="mailto:x@news.example">Email Author</a></div>'
    )
    assert "Email Author" not in _authors(button)
    twice = '<div class="byline"><span>Jane Doe</span> <span>Jane Doe</span></div>'
    assert _authors(twice) == ["Jane Doe"]


def _person(name: str) -> str:
    first, last = name.split(" ", 1)
    return (
        '<div class="byline column" itemscope itemtype="http://schema.org/Person">'
        '<div class="content"><address class="name"><a rel="author" href="mailto:x@db.example">'
        f'<span class="first">{first}</span> <span class="last">{last}</span></a>'
        "</address></div></div>"
    )


def test_author_links_in_containers_side_by_side_are_all_authors() -> None:
    """One Person container per author, each with its ``rel=author`` link: the links are
    cousins, not siblings, in a block that holds only their names."""
    block = f'<div class="bylines">{_person("Jane Doe")}{_person("Ann Marie Poe")}</div>'
    assert _authors(block) == ["Jane Doe", "Ann Marie Poe"]


def test_a_related_posts_author_link_is_no_cousin() -> None:
    """The same link in a related post under the text: its block holds a headline too."""
    related = (
        f'<div class="related"><h3>Another story about the library</h3>{_person("Ann Poe")}</div>'
    )
    page = f"""<html><body><article><h1>Library stays open</h1>
<div class="bylines">{_person("Jane Doe")}</div>{BODY}{related}</article></body></html>"""
    assert [a.name for a in parse_page(page.encode(), URL).authors] == ["Jane Doe"]


def test_a_rubric_before_von_is_no_part_of_the_name() -> None:
    """A byline element that starts with its rubric: "Pressemitteilung von Jane Doe",
    "Disko Von Jane Doe"; a particle in a name stays ("Ursula von der Leyen")."""
    from scraper.parse.metadata._bylines import clean_author

    assert clean_author("Pressemitteilung von Jane Doe", element=True) == "Jane Doe"
    assert clean_author("Disko Von Jane Doe") == "Jane Doe"
    assert clean_author("Ursula von der Leyen") == "Ursula von der Leyen"
    assert clean_author("Karl von Habsburg") == "Karl von Habsburg"
    assert clean_author("Daniel D. Von Hoff") == "Daniel D. Von Hoff"
    block = '<div class="autor-wrapper"><span>Disko</span> Von <span>Jane Doe</span></div>'
    assert _authors(block) == ["Jane Doe"]


def test_a_section_word_before_a_mark_in_a_byline_is_no_author() -> None:
    """ "Politik · Jane Doe, John Roe": the section, a mark, the names. A ``<meta>`` value's
    "www.agency.example | Jane Doe" (the web designer) is not read this way."""
    block = '<div class="article__author">Politik · Jane Doe, John Roe</div>'
    assert _authors(block) == ["Jane Doe, John Roe"]
    from scraper.parse.metadata._bylines import clean_author

    assert clean_author("Jane Doe · 5. Mai 2020", element=True) == "Jane Doe"
    assert clean_author("www.agency.example | Jane Doe") is None
