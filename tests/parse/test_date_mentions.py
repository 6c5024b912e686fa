"""Dates a post's prose mentions are not its publication date.

A sentence that names a day ("am 30.01.2013 feierte das erste Programm Premiere") far below
the headline is a date the text cites; a page that shows no date of its own has none, and a
wrong date is worse than none. A footer's statement of the post's own publication writes
the time of day with it, which a cited day does not. Pages are made up.
"""

from __future__ import annotations

from test_date_catalog import _URL, _page

from scraper import parse_page

# twenty-four short paragraphs: the sentence comes after the header's reach
_LONG = "".join(f"<p>Absatz {n} über den Fluss und das Wetter.</p>" for n in range(24))


def _published(html: str) -> str | None:
    published = parse_page(html.encode(), _URL).published
    return published[:16] if published else None


def test_a_date_in_a_sentence_far_below_the_headline_is_cited() -> None:
    html = _page(
        "",
        after=f"<div>{_LONG}<p>Danach ging es quer durch das Land und am 30.01.2013 feierte "
        "das erste Programm Premiere.</p></div>",
        lang="de",
    )
    assert _published(html) is None


def test_a_footer_sentence_with_the_time_of_day_states_the_publication() -> None:
    html = _page(
        "",
        after=f"<div>{_LONG}<p>Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Anna "
        "veröffentlicht.</p></div>",
        lang="de",
    )
    assert _published(html) == "2015-12-14T14:48"


def test_a_date_in_a_sentence_right_under_the_headline_still_counts() -> None:
    html = _page(
        "<p>Am 3. März 2014 sind wir zum ersten Mal am Fluss entlang gewandert.</p>", lang="de"
    )
    assert _published(html) == "2014-03-03"


def test_a_labelled_publication_sentence_far_below_the_headline_counts() -> None:
    html = _page("", after=f"<div>{_LONG}<p>Originally published January 4, 2010.</p></div>")
    assert _published(html) == "2010-01-04"
