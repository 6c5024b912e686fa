"""Mangled real-theme pages: every parse gives a record or a ParseError, never a traceback.

The pages are this repo's fixtures cut, shuffled and spliced with a seeded RNG, so a failure
is reproducible from the seed printed in the test id.
"""

import random
from pathlib import Path

import pytest

from scraper import ParseError, Post, parse_page

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGES = sorted(p for p in FIXTURES.rglob("*.html") if "_tools" not in p.parts)


def _mangle(data: bytes, rng: random.Random) -> bytes:
    ops = rng.randrange(4)
    if ops == 0:  # truncated anywhere, as a killed download would leave it
        return data[: rng.randrange(len(data) + 1)]
    if ops == 1:  # a chunk dropped from the middle: unbalanced tags everywhere
        a = rng.randrange(len(data))
        return data[:a] + data[a + rng.randrange(1, 4000) :]
    if ops == 2:  # random bytes spliced in
        a = rng.randrange(len(data))
        return data[:a] + rng.randbytes(rng.randrange(1, 200)) + data[a:]
    chunks = [data[i : i + 512] for i in range(0, len(data), 512)]
    rng.shuffle(chunks)  # markup in the wrong order
    return b"".join(chunks)


@pytest.mark.parametrize("seed", range(40))
def test_mangled_pages_parse_or_fail_cleanly(seed: int) -> None:
    assert PAGES, "no fixtures found"
    rng = random.Random(seed)
    page = PAGES[seed % len(PAGES)]
    data = _mangle(page.read_bytes(), rng)
    outcome: Post | ParseError
    try:
        outcome = parse_page(data, "https://blog.example/post/", source=str(page))
    except ParseError as exc:
        outcome = exc
    if isinstance(outcome, ParseError):
        assert str(page) in str(outcome)
    else:
        outcome.to_dict()


def test_a_malformed_url_costs_that_url_not_the_page() -> None:
    # urljoin raises ValueError on "http://[broken": a canonical link like that once failed
    # the whole parse.
    html = (
        '<html><head><link rel="canonical" href="http://[broken/x">'
        '<meta property="og:url" content="http://[broken"></head><body><article><h1>T</h1>'
        "<p>" + "Text of the post. " * 20 + '<a href="http://[bad">x</a></p>'
        '<p><a class="more-link" href="http://[bad/more">Read more</a></p></article></body></html>'
    )
    post = parse_page(html, "https://b.example/p/")
    assert post.url == "https://b.example/p/"
    assert post.title == "T"


def test_a_malformed_url_in_a_comment_costs_that_url_not_the_thread() -> None:
    html = (
        "<html><body><article><h1>T</h1><p>" + "Text of the post. " * 20 + "</p></article>"
        '<div id="comments"><h2 class="comments-title">2 comments</h2><ol class="comment-list">'
        '<li id="comment-1" class="comment"><article class="comment-body">'
        '<div class="comment-author vcard"><b class="fn"><a class="url" href="http://[bad">'
        'Ann</a></b></div><div class="comment-metadata"><a href="http://[bad#comment-1">'
        '<time datetime="2013-03-22T10:00:00+00:00">March 22</time></a></div>'
        '<div class="comment-content"><p>First comment here.</p></div></article></li>'
        '<li id="comment-2" class="comment"><article class="comment-body">'
        '<div class="comment-author vcard"><b class="fn">Bob</b></div>'
        '<div class="comment-content"><p>Second comment here.</p></div></article></li>'
        '</ol><a href="http://[bad/comment-page-2/#comments">Older Comments</a></div>'
        "</body></html>"
    )
    post = parse_page(html, "https://b.example/p/")
    assert [c.text for c in post.comments] == ["First comment here.", "Second comment here."]


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("page", [b"<html><body><h1>T</h1><p>x</p></body></html>", b"\x89PNG"])
def test_parse_leaves_the_cycle_collector_as_it_found_it(enabled: bool, page: bytes) -> None:
    """parse_page holds the collector off while it runs (see ``_collector_paused``), and
    gives the host back the setting it had, after a record as after a ParseError."""
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        try:
            parse_page(page)
        except ParseError:
            pass
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
