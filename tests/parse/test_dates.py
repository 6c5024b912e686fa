"""Date normalisation: machine values keep their offset, visible text in many languages."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from scraper.parse.metadata._dates import month_number, parse_iso, parse_text
from scraper.parse.metadata._urldates import date_from_url, month_from_url
from scraper.parse.metadata._zones import day_in_country


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2013-03-22T10:15:00+01:00", "2013-03-22T10:15:00+01:00"),
        ("2013-03-22T10:15:00+0100", "2013-03-22T10:15:00+01:00"),
        ("2013-03-22T10:15:00.123Z", "2013-03-22T10:15:00+00:00"),
        ("2013-03-22 10:15", "2013-03-22T10:15:00"),
        ("2013-03-22", "2013-03-22"),
        ("20130322", "2013-03-22"),
        ("Fri, 22 Mar 2013 10:15:00 +0100", "2013-03-22T10:15:00+01:00"),
        ("Fri, 22 Mar 2013 10:15:00 GMT", "2013-03-22T10:15:00+00:00"),
        ("Fri, 22 Mar 2013 10:15:00 EST", "2013-03-22T10:15:00-05:00"),
        # a visible date in a meta tag: a 12-hour clock, no zone (not 10:15 UTC)
        ("Friday, March 22, 2013,  10:15 PM", "2013-03-22T22:15"),
        ("Mar 22, 2013, 10:15 PM IST", "2013-03-22T22:15"),
        # Java's Date#toString: a zone parsedate_tz does not know is no zone, not UTC
        ("Fri Mar 22 10:15:00 CET 2013", "2013-03-22T10:15:00"),
        ("Fri Mar 22 10:15:00 2013", "2013-03-22T10:15:00"),
        (
            "Fri Mar 22 2013 10:15:00 GMT+0100 (Central European Standard Time)",
            "2013-03-22T10:15:00+01:00",
        ),
        ("Fri Mar 22 2013 10:15:00 GMT-0430", "2013-03-22T10:15:00-04:30"),
        ("22.03.2013", "2013-03-22"),
        ("2013-02-30", None),
        ("1850-01-01", None),
        ("", None),
        (None, None),
        ("soon", None),
    ],
)
def test_parse_iso(raw: str | None, expected: str | None) -> None:
    assert parse_iso(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Veröffentlicht am 22. März 2013 um 10:15", "2013-03-22T10:15"),
        ("posted on 2013-03-21, 18:02", "2013-03-21T18:02"),
        ("(2013-03-22 10:15:36)", "2013-03-22T10:15:36"),
        ("March 22, 2013 at 5:49 p.m.", "2013-03-22T17:49"),
        ("2013年3月22日", "2013-03-22"),
        ("2013년 3월 22일", "2013-03-22"),
        ("le 22 mars 2013", "2013-03-22"),
        ("March 22nd, 2013", "2013-03-22"),
        # a text of adjacent elements: WordPress's published and updated <time>s, glued
        ("22. März 201322. März 2013", "2013-03-22"),
        ("Veröffentlicht am 22. März 201321. März 2013", "2013-03-22"),
        ("22.03.201322.03.2013", "2013-03-22"),
        # ... a byline's name or a kicker glued to the month
        ("by on MarieMarch 22, 2013", "2013-03-22"),
        ("HEALTH INDUSTRYMarch 22, 2013, 7:28 p.m. ET", "2013-03-22T19:28"),
        ("Posted Mar. 22,2013 at 4:24 PM EST", "2013-03-22T16:24"),
        ("Mar 22013", None),
        # US order with dots: no month 22, beyond doubt
        ("Business03.22.2013 07:00 AM", "2013-03-22T07:00"),
        ("الجمعة 22 مارس 2013", "2013-03-22"),
        ("الجمعة 8 فيفري 2019", "2019-02-08"),
        ("Mar. 22, 2013", "2013-03-22"),
        ("22 de marzo de 2013", "2013-03-22"),
        ("22 marzo 2013", "2013-03-22"),
        ("22 de março de 2013", "2013-03-22"),
        ("22 maart 2013", "2013-03-22"),
        ("22 marca 2013", "2013-03-22"),
        ("22 марта 2013 г.", "2013-03-22"),
        ("22 березня 2013", "2013-03-22"),
        ("22 Mart 2013", "2013-03-22"),
        ("22. maaliskuuta 2013", "2013-03-22"),
        ("22 mars 2013", "2013-03-22"),
        ("22. března 2013", "2013-03-22"),
        ("22. Jänner 2013", "2013-01-22"),
        ("duminică, 20 septembrie 2020 16:20", "2020-09-20T16:20"),
        ("22.03.2013", "2013-03-22"),
        ("22/03/2013", "2013-03-22"),
        ("Posted on 2013/03/22 by Ann", "2013-03-22"),
        ("no date here", None),
        ("31 February 2013", None),
        # more languages: ca, hu, lt, el (in capitals, without accents), he, hr, lv, id
        ("7 d'abril de 2013", "2013-04-07"),
        ("22 de desembre de 2013", "2013-12-22"),
        ("2013. március 22.", "2013-03-22"),
        ("2013. márc. 22.", "2013-03-22"),
        ("2013 m. kovo 22 d.", "2013-03-22"),
        ("ΠΑΡΑΣΚΕΥΗ 22 ΜΑΡΤΙΟΥ 2013", "2013-03-22"),
        ("22 במרץ 2013", "2013-03-22"),
        ("22. ožujka 2013.", "2013-03-22"),
        ("22. martā 2013", "2013-03-22"),
        ("22 Maret 2013", "2013-03-22"),
        ("2013. 03. 22. 21:35", "2013-03-22T21:35"),  # hu, ko: spaced parts
        ("22-Mar-2013", "2013-03-22"),
        ("22/Mar/2013", "2013-03-22"),
        ("22 marzo 2013 ore 10:15", "2013-03-22T10:15"),
        # the Levant gives the month's two names
        ("الجمعة 22 آذار / مارس 2013", "2013-03-22"),
        # a year before a month name needs the year's dot: "2013 May 22" stays unread
        ("in 2013 May 22 people came", None),
    ],
)
def test_parse_text(text: str, expected: str | None) -> None:
    assert parse_text(text) == expected


def test_ambiguous_numeric_date_needs_a_convention() -> None:
    assert parse_text("03/04/2013") is None
    assert parse_text("03/04/2013", dayfirst=True) == "2013-04-03"
    assert parse_text("03/04/2013", dayfirst=False) == "2013-03-04"


def test_month_table_knows_abbreviations_and_cases() -> None:
    assert month_number("Sept.") == 9
    assert month_number("DEZ") == 12
    assert month_number("grudnia") == 12
    assert month_number("juillet") == 7
    assert month_number("someday") is None
    assert month_number("Marz") == 3  # accents dropped
    assert month_number("listopada") == 11  # Polish and Czech November, first listed


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://blog.example/2013/03/22/post/", "2013-03-22"),
        ("https://blog.example/2013-03-22-post", "2013-03-22"),
        ("https://blog.example/news/20130322/post", "2013-03-22"),
        ("https://blog.example/2013/03/post/", None),
        ("https://blog.example/p/1234567890", None),
        ("https://news.example/world/20130322-OYT1T50240/", "2013-03-22"),
        ("https://news.example/detail/307_3_r_20130322_1698920402044235", "2013-03-22"),
        ("https://news.example/News/120130322120908039/x", None),
        # day first: only when the day is over 12, so the order is beyond doubt
        ("https://news.example/de/newsroom/22-03-2013-headline/17.html", "2013-03-22"),
        ("https://news.example/meldungen/22-03-2013", "2013-03-22"),
        ("https://news.example/meldungen/03-04-2013-headline", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("value", "url", "expected"),
    [
        # one zone, one offset: the same instant in the country's offset (summer and winter)
        ("2022-11-06T23:30:00+00:00", "https://www.example.de/a", "2022-11-07T00:30:00+01:00"),
        ("2022-07-06T22:30:00+00:00", "https://www.example.at/a", "2022-07-07T00:30:00+02:00"),
        ("2022-05-04T00:25:56+00:00", "https://www.example.com.ar/a", "2022-05-03T21:25:56-03:00"),
        # several zones that agree on the day but not on the offset: the day only
        ("2020-08-25T00:23:33+00:00", "https://ici.example.ca/a", "2020-08-24"),
        # zones that disagree on the day, a generic domain, the UTC day already local
        ("2020-08-25T06:00:00+00:00", "https://ici.example.ca/a", None),
        ("2022-11-06T23:30:00+00:00", "https://www.example.com/a", None),
        ("2022-11-06T23:30:00+00:00", "https://www.example.co/a", None),
        ("2022-11-06T12:00:00+00:00", "https://www.example.de/a", None),
        # midnight UTC is a bare date in disguise; an instant with a local offset is local
        ("2020-01-10T00:00:00+00:00", "https://www.example.ca/a", None),
        ("2022-11-06T23:30:00+01:00", "https://www.example.de/a", None),
        ("2022-11-06T23:30:00+00:00", None, None),
    ],
)
def test_day_in_country(value: str, url: str | None, expected: str | None) -> None:
    assert day_in_country(value, url) == expected


def test_two_digit_years_only_where_the_text_is_known_to_be_a_date() -> None:
    assert parse_text("31.10.23") is None  # in prose this could be a version number
    assert parse_text("31.10.23", short_year=True) == "2023-10-31"
    assert parse_text("Tipps von Marie 6.11.98", short_year=True) == "1998-11-06"
    assert parse_text("v1.2.3.45", short_year=True) is None
    assert parse_text("31.02.23", short_year=True) is None
    # a full date wins over a short one
    assert parse_text("1.2.23 · 22.03.2013", short_year=True) == "2013-03-22"


def test_a_two_digit_year_with_a_time_of_day_is_a_date_anywhere() -> None:
    """German news lines write "Do 25.04.24 | 14:07 Uhr"; a version number has no clock."""
    assert parse_text("Do 25.04.24 | 14:07 Uhr | Von Anna Muster") == "2024-04-25T14:07"
    assert parse_text("Kommentar vom 28.09.19 12:44") == "2019-09-28T12:44"
    assert parse_text("Update auf Version 25.04.24 bringt neue Funktionen") is None


def test_zones_come_from_tzdata_not_the_host() -> None:
    """No zone database on the host (``PYTHONTZPATH`` empty, as in a slim container):
    the zones still load, from the ``tzdata`` package."""
    import zoneinfo

    from scraper.parse.metadata._zones import COUNTRY_ZONES, _zone

    _zone.cache_clear()
    zoneinfo.reset_tzpath(to=[])
    try:
        assert zoneinfo.TZPATH == ()
        assert day_in_country("2022-11-06T23:30:00+00:00", "https://x.de/") == (
            "2022-11-07T00:30:00+01:00"
        )
        assert all(_zone(name) is not None for zones in COUNTRY_ZONES.values() for name in zones)
    finally:
        zoneinfo.reset_tzpath()
        _zone.cache_clear()


def test_the_hosts_zone_database_is_not_read(tmp_path: Path) -> None:
    """A host database that says otherwise (here: Berlin on Tokyo time) changes nothing."""
    import zoneinfo
    from importlib import resources

    from scraper.parse.metadata._zones import _zone

    tokyo = resources.files("tzdata.zoneinfo").joinpath("Asia", "Tokyo").read_bytes()
    (tmp_path / "Europe").mkdir()
    (tmp_path / "Europe" / "Berlin").write_bytes(tokyo)
    _zone.cache_clear()
    zoneinfo.reset_tzpath(to=[str(tmp_path)])
    zoneinfo.ZoneInfo.clear_cache()
    try:
        fake = datetime(2022, 11, 6, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
        assert fake.utcoffset() == timedelta(hours=9)  # the host's word, which is not read
        assert day_in_country("2022-11-06T23:30:00+00:00", "https://x.de/") == (
            "2022-11-07T00:30:00+01:00"
        )
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
        _zone.cache_clear()


@pytest.mark.slow
def test_zones_with_an_empty_pythontzpath() -> None:
    """The same through the environment, in a fresh interpreter (zoneinfo reads
    ``PYTHONTZPATH`` once, at import)."""
    import os
    import subprocess
    import sys

    code = (
        "import zoneinfo; assert zoneinfo.TZPATH == (), zoneinfo.TZPATH\n"
        "from scraper.parse.metadata._zones import day_in_country\n"
        "print(day_in_country('2022-07-06T22:30:00+00:00', 'https://www.example.at/a'))\n"
    )
    env = {**os.environ, "PYTHONTZPATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "2022-07-07T00:30:00+02:00"


# --- which date on the page is the post's (issue 10) ---------------------------------------

_PROSE = (
    "Der Gemeinderat hat am Dienstag nach langer Debatte beschlossen, die Bibliothek auch "
    "sonntags offen zu halten, mindestens ein weiteres Jahr lang, sagte die Vorsitzende."
)


def _published(html: str, url: str = "https://news.example/kultur/bibliothek") -> str | None:
    from scraper import parse_page

    return parse_page(html.encode(), url).published


def test_a_teaser_lists_days_are_not_the_posts() -> None:
    """One markup shown with different days is a list of other posts (teasers, "more on
    this"); the day next to the headline is the post's."""
    teasers = "".join(
        f'<li><a href="/t{i}">Teaser {i}</a> <span class="teaser-date">{d}</span></li>'
        for i, d in enumerate(("09.10.2021", "19.08.2021", "05.08.2021"))
    )
    html = f"""<html><head><title>Bibliothek bleibt offen</title></head><body>
<div class="content"><h1>Bibliothek bleibt offen</h1><p>24.01.2022 11:38</p>
<p>{_PROSE}</p><p>{_PROSE}</p><ul class="more">{teasers}</ul></div></body></html>"""
    assert _published(html) == "2022-01-24T11:38"
    # the same markup with one day throughout is the post's header and footer
    # (the dateline under the headline left out: it would outrank the date-classed element)
    single = html.replace("19.08.2021", "09.10.2021").replace("05.08.2021", "09.10.2021")
    assert _published(single.replace("<p>24.01.2022 11:38</p>", "")) == "2021-10-09"


def test_a_list_item_of_the_shown_day_gives_its_time() -> None:
    """The post's own ``<time>`` shares its markup with its siblings' in a list; the day
    near the headline picks it out, and its machine value adds the time of day."""
    items = "".join(
        f'<li><a href="/p{i}">Post {i}</a> <time class="stamp" datetime="{d}">x</time></li>'
        for i, d in enumerate(("2020-02-08T11:00:00", "2020-02-18T18:27:00", "2020-02-15T15:29:00"))
    )
    html = f"""<html><head><title>Library stays open</title></head><body>
<div class="content"><h1>Library stays open</h1><p>Feb 15, 2020</p>
<p>{_PROSE}</p><p>{_PROSE}</p><ul>{items}</ul></div></body></html>"""
    assert _published(html) == "2020-02-15T15:29:00"


def test_dates_written_in_more_languages_are_found_on_a_page() -> None:
    html = f"""<html><head><title>Knjižnica ostaje otvorena</title></head><body>
<div class="content"><h1>Knjižnica ostaje otvorena</h1><p>Objavljeno 22. ožujka 2013.</p>
<p>{_PROSE}</p><p>{_PROSE}</p></div></body></html>"""
    assert _published(html) == "2013-03-22"
    url = "https://news.example/de/newsroom/23-01-2022-bibliothek-bleibt-offen/17.html"
    no_date = html.replace("<p>Objavljeno 22. ožujka 2013.</p>", "")
    assert _published(no_date, url) == "2022-01-23"


def test_a_date_in_the_title_outranks_a_caption_near_the_headline() -> None:
    html = f"""<html><head><title>Bibliothek bleibt offen | Kultur | 28.04.2023</title></head>
<body><div class="content"><h1>Bibliothek bleibt offen</h1>
<p>Der Lesesaal bei der Eröffnung, 24. April 2023</p><p>{_PROSE}</p><p>{_PROSE}</p></div>
</body></html>"""
    assert _published(html) == "2023-04-28"


def test_a_pages_update_statement_outranks_a_date_its_text_mentions() -> None:
    """No machine or marked date; the first date near the headline stands in a sentence;
    the page says when it was last updated: that is its own statement of its date."""
    body = (
        "<p>Seit 4. August 2014 gilt in Bolivien ein neues Gesetz über die Arbeit von "
        f"Kindern und Jugendlichen.</p><p>{_PROSE}</p><p>{_PROSE}</p>"
    )
    html = f"""<html><head><title>Kinder und Arbeit</title></head><body>
<div class="content"><h1>Kinder und Arbeit</h1>{body}
<p class="info">Aktualisiert: 30.12.2016</p></div></body></html>"""
    assert _published(html) == "2016-12-30"
    # a dateline near the headline is the post's own, whatever the footer says
    dated = html.replace(
        "<h1>Kinder und Arbeit</h1>", "<h1>Kinder und Arbeit</h1><p>| 3. Mai 2015</p>"
    )
    assert _published(dated) == "2015-05-03"


def test_the_urls_day_shown_near_the_headline_outranks_a_date_classed_widget() -> None:
    """Two witnesses that agree (the URL's day, a visible date by the headline) outrank a
    lone date-classed element elsewhere, such as a masthead's today's date."""
    html = f"""<html><head><title>Police blotter</title></head><body>
<div class="top-bar"><span class="current-date">November 9, 2023 6:22 am</span></div>
<div class="content"><h1>Police blotter</h1><p>October 27, 2023</p>
<p>{_PROSE}</p><p>{_PROSE}</p></div></body></html>"""
    assert _published(html, "https://news.example/2023/10/27/police-blotter/") == "2023-10-27"


def test_a_short_year_dateline_with_a_dash_near_the_headline() -> None:
    html = f"""<html><head><title>Wahl in Petersberg</title></head><body>
<div class="content"><p>06.11.23 -</p><h1>Wahl in Petersberg</h1>
<p>{_PROSE}</p><p>Am 1.3.2024 beginnt die neue Amtszeit. {_PROSE}</p></div></body></html>"""
    assert _published(html) == "2023-11-06"


def test_the_urls_month_overrules_a_date_of_another_month() -> None:
    """``/2020/09/``: the post was published that month; a marked date of another month
    (a draft's creation) yields to a date of that month, and stays when none agrees."""
    assert month_from_url("https://blog.example/2020/09/okra-fry.html") == "2020-09"
    assert month_from_url("https://blog.example/2020/13/x.html") is None
    assert month_from_url("https://blog.example/home/2017/7/12/post") == "2017-07"
    html = f"""<html><head><title>Okra fry</title></head><body>
<div class="post"><h1>Okra fry</h1>
<abbr class="published" title="2020-04-22T14:03:00-07:00">April 22</abbr>
<p>{_PROSE}</p><p>{_PROSE}</p></div>
<div class="archive"><span class="date-header">September 15, 2020</span></div></body></html>"""
    url = "https://blog.example/2020/09/okra-fry.html"
    assert _published(html, url) == "2020-09-15"
    other = "https://blog.example/2020/04/okra-fry.html"
    assert _published(html, other) == "2020-04-22T14:03:00-07:00"
    lone = html.replace("September 15, 2020", "")
    assert _published(lone, url) == "2020-04-22T14:03:00-07:00"


def test_a_full_url_date_overrules_machine_data_of_another_month_only() -> None:
    """A site moved to a new CMS re-stamps its old posts: JSON-LD of 2019 under a URL of
    July 2017. A day or two apart in the same month is the URL's rounding, not a move."""
    head = (
        '<script type="application/ld+json">'
        '{"@type": "BlogPosting", "datePublished": "%s"}</script>'
    )
    body = f"<body><h1>Montauk</h1><p>{_PROSE}</p><p>{_PROSE}</p></body>"
    moved = f"<html><head>{head % '2019-06-17T18:28:00+02:00'}</head>{body}</html>"
    url = "https://blog.example/home/2017/7/12/montauk"
    assert _published(moved, url) == "2017-07-12"
    near = f"<html><head>{head % '2017-07-14T08:00:00+02:00'}</head>{body}</html>"
    assert _published(near, url) == "2017-07-14T08:00:00+02:00"


def test_a_publication_date_in_the_pages_inline_state() -> None:
    """Client-rendered news pages keep the date in their state object only."""
    for key in ("publicationDate", "firstPublished", "published_date"):
        html = f"""<html><head><title>Wahl</title>
<script>window.__STATE__ = {{"article": {{"{key}": "2024-08-26T23:27:57Z"}}}};</script>
</head><body><h1>Wahl</h1><p>{_PROSE}</p><p>{_PROSE}</p></body></html>"""
        assert _published(html) == "2024-08-26T23:27:57+00:00", key


def test_a_list_item_of_the_urls_day_is_the_post_itself() -> None:
    """The post's ``<time>`` shares its markup with the dates under it (replies, related
    posts); the one of the URL's day is the post's, not a page-generation ``date``."""
    stamps = ("2012-07-24T09:49:32-04:00", "2012-07-26T12:22:06-04:00", "2012-07-29T06:16:00")
    items = "".join(
        f'<div class="item"><time class="stamp" datetime="{d}">{d[:10]}</time> text</div>'
        for d in stamps
    )
    html = f"""<html><head><title>Kenyans use phones</title>
<meta name="date" content="2012-07-31T02:38:00Z"></head><body>
<div class="content"><h1>Kenyans use phones</h1>{items}<p>{_PROSE}</p></div></body></html>"""
    url = "https://news.example/_news/2012/07/24/12909129-kenyans-use-phones"
    assert _published(html, url) == "2012-07-24T09:49:32-04:00"


def test_a_json_ld_block_with_a_stray_closing_brace_is_still_read() -> None:
    """A template's leftover ``}`` after the object makes the block invalid JSON; its first
    complete object is the page's statement all the same (and outranks a teaser's day)."""
    html = f"""<html><head><title>Direktor positiv</title>
<script type="application/ld+json">
{{"@context": "http://schema.org", "@type": "NewsArticle",
  "headline": "Direktor positiv", "datePublished": "2020-10-26T18:10:00+01:00"}}
}}</script></head><body><h1>Direktor positiv</h1><p>{_PROSE}</p>
<div class="most-read"><p>09.08.2020</p><p>Ein anderer Artikel</p></div></body></html>"""
    assert _published(html) == "2020-10-26T18:10:00+01:00"


def test_a_recent_posts_widgets_days_are_not_the_posts() -> None:
    """A sidebar's date-classed elements with several days are a "recent posts" widget:
    the standalone dateline of the post (here in a theme's content column named after
    the sidebar beside it) is the post's day."""
    widget = "".join(
        f'<li><a href="/p{i}">Autre article</a> <span class="post-date">{d}</span></li>'
        for i, d in enumerate(("9 septembre 2019", "5 juillet 2019", "20 juin 2019"))
    )
    html = f"""<html><head><title>Guinée : un braconnier condamné</title></head><body>
<div class="sidebar_content"><h3>Guinée : un braconnier condamné</h3>
<div class="post_detail">27 Sep 2016</div><p>{_PROSE}</p><p>{_PROSE}</p></div>
<div class="sidebar"><aside class="widget"><ul>{widget}</ul></aside></div></body></html>"""
    assert _published(html) == "2016-09-27"


def test_a_wikis_last_modified_footer_outranks_a_date_in_its_prose() -> None:
    """A wiki page states no publication date; the day its text mentions ("the next
    meeting is on 5 February") is not the page's, the footer's last change is."""
    html = """<html><head><title>Stammtisch</title></head><body>
<div id="content"><h1>Stammtisch</h1>
<p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr im Cafe statt.</p>
<p>Allgemein finden Stammtische meist am ersten Mittwoch des Monats statt.</p></div>
<div id="footer"><ul id="footer-info"><li id="footer-info-lastmod"> Diese Seite wurde
zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li></ul></div></body></html>"""
    assert (_published(html) or "")[:10] == "2020-01-29"


def test_an_evergreen_article_goes_by_the_updated_day_its_dateline_shows() -> None:
    """The first publication is left in JSON-LD; the article's dateline shows only
    "Updated May 06, 2019", the day the page presents the post under."""
    html = f"""<html><head><title>Hydrangea care</title>
<script type="application/ld+json">{{"@type": "Article", "headline": "Hydrangea care",
"datePublished": "2016-08-29T21:54:39Z", "dateModified": "2020-10-01T13:23:47Z"}}</script>
</head><body><article><h1>Hydrangea care</h1>
<div class="byline">By Sarah Yang</div><div class="date">Updated May 06, 2019</div>
<p>{_PROSE}</p><p>{_PROSE}</p></article></body></html>"""
    assert _published(html) == "2019-05-06"
    # the same dateline with the publication day: the markup's day stands
    shown = html.replace("2016-08-29T21:54:39Z", "2019-06-01T08:00:00Z")
    assert _published(shown) == "2019-06-01T08:00:00+00:00"


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("article:published", "2020-12-08", "2020-12-08"),
        ("bt:pubdate", "20200516T09:51:53Z", "2020-05-16T09:51:53+00:00"),
        ("publish_date", "Fri, 30 Oct 2020 07:45:02 GMT", "2020-10-30T07:45:02+00:00"),
    ],
)
def test_less_common_publication_meta_names(key: str, value: str, expected: str) -> None:
    """Publishers and analytics tags spell the publication field many ways; a page that
    gives only one of them still states its date."""
    html = f"""<html><head><title>Ratsbeschluss</title>
<meta property="{key}" content="{value}"></head>
<body><h1>Ratsbeschluss</h1><p>{_PROSE}</p><p>{_PROSE}</p></body></html>"""
    assert _published(html) == expected


def test_a_short_dotted_date_on_a_us_page_is_month_first() -> None:
    """US English writes the month first whatever the separator ("11.12.12" is 12
    November 2012 on an en-US page); elsewhere, and when the first number is over 12,
    the day comes first."""
    assert parse_text("11.12.12", dayfirst=False, short_year=True) == "2012-11-12"
    assert parse_text("11.12.12", dayfirst=True, short_year=True) == "2012-12-11"
    assert parse_text("25.04.24", dayfirst=False, short_year=True) == "2024-04-25"


def test_a_mastheads_today_on_another_day_of_the_urls_month_loses_to_the_url() -> None:
    """A site header prints today's date ("Wednesday, November 7 2012") with no markup to
    vouch for it; the URL, fixed when the post went out, names another day."""
    html = f"""<html><head><title>Fantasy football</title></head><body>
<div class="masthead"><span class="date">Wednesday, November 7 2012</span> BLOGS</div>
<h1>Fantasy football: Harvin could be unavailable</h1><p>{_PROSE}</p><p>{_PROSE}</p>
</body></html>"""
    url = "https://blogs.example.com/fantasy/2012/11/05/harvin-unavailable"
    assert _published(html, url) == "2012-11-05"
    # the day the URL names, shown: the visible date stands (with its time, if any)
    same = html.replace("Wednesday, November 7 2012", "Monday, November 5 2012, 10:15")
    assert _published(same, url) == "2012-11-05T10:15"


def test_a_post_that_is_the_item_of_a_list_is_dated_by_its_dateline() -> None:
    """A blog whose posts are the items of a list: nothing else dates the page, and the
    walks for datelines leave lists out (menus, teasers); as the last witness, the
    post's dateline in its item counts, but not an event's span in another list."""
    html = f"""<html><head><title>Facebook Blog</title></head><body>
<div id="content"><ul class="uiList"><li class="uiListItem"><h3>Introducing Timeline</h3>
<div class="mbm">by <a href="/carl">Carl Sjogreen</a> on Wednesday, January 18, 2012 at
5:26pm</div><p>{_PROSE}</p><p>{_PROSE}</p></li></ul></div></body></html>"""
    assert _published(html) == "2012-01-18T17:26"
    span = """<html><head><title>Über uns</title></head><body><div id="content">
<p>Wir drehen Filme.</p><ul><li>23.10.2015 - 25.10.2015</li><li>Gäste</li></ul>
</div></body></html>"""
    assert _published(span) is None


def test_a_footers_published_and_updated_times_are_no_widget() -> None:
    """Two days in one markup of a footer are "Published" and "Updated", not a list of
    other posts (which shows three days or more): the first is the post's."""
    html = f"""<html><head><title>Performant Python</title></head><body><article>
<h1>Performant Python</h1><p>{_PROSE}</p><p>{_PROSE}</p></article>
<footer class="article-footer"><ul><li><span>Published: </span><time class="date"
datetime="2019-12-03T00:00:00.000Z">03 December 2019</time></li><li><span>Updated: </span>
<time class="date" datetime="2019-12-06T00:00:00.000Z">06 December 2019</time></li></ul>
</footer></body></html>"""
    assert (_published(html) or "")[:10] == "2019-12-03"


def test_an_updated_day_shown_near_the_headline_is_no_masthead() -> None:
    """A visible "Updated March 14" on another day than the URL's is the day the page
    presents the post under (htmldate's annotators take it), not a masthead's today."""
    html = f"""<html><head><title>Royal interview</title></head><body>
<h1>Royal interview recap</h1><p>By Rob Picheta, CNN</p>
<p class="update-time">Updated 2010 GMT (0410 HKT) March 14, 2021</p>
<p>{_PROSE}</p><p>{_PROSE}</p></body></html>"""
    url = "https://news.example.com/2021/03/08/uk/royal-interview-recap/index.html"
    assert (_published(html, url) or "")[:10] == "2021-03-14"


def test_a_sidebar_widgets_list_item_dates_no_post() -> None:
    """The list walk of the last witness leaves sidebars out: a "Popular" widget's item
    ("Monday, July 2nd, 2012, 36 replies") is another post's."""
    html = f"""<html><head><title>SEO audit</title></head><body>
<div id="content"><h1>SEO audit</h1><p>{_PROSE}</p></div>
<div class="sidebar"><ul class="custom_list"><li><h4><a href="/top">Top factors</a></h4>
<span class="gray_out">Monday, July 2nd, 2012, <a href="/top#c">36 replies</a></span></li>
</ul></div></body></html>"""
    assert _published(html) is None


def test_an_updated_day_says_nothing_of_the_local_day_of_the_publication() -> None:
    """A UTC instant whose day the header shows only as an update's ("November 28, 2013 --
    Updated 0203 GMT") keeps its own day: the update's day is not the publication's where
    the page is written. A header that dates the publication before the label still
    moves it."""
    head = "<meta property='article:published_time' content='2013-11-27T08:36:32Z'>"
    body = f"<h1>Holiday travel</h1><p class='date'>{{}}</p><p>{_PROSE}</p>"
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    url = "https://news.example.com/travel/holiday/index.html"
    updated = html.format("November 28, 2013 -- Updated 0203 GMT")
    assert _published(updated, url) == "2013-11-27T08:36:32+00:00"
    labelled = html.format("Updated November 28, 2013")
    assert _published(labelled, url) == "2013-11-27T08:36:32+00:00"
    both = html.format("November 28, 2013 · Updated November 29, 2013")
    assert _published(both, url) == "2013-11-28"


def test_a_day_first_countrys_domain_settles_an_english_pages_numeric_date() -> None:
    """A date "03/04/2013" on a page that says only "en": the 3rd of April on a British domain,
    nothing on a generic one (a US site writes the month first)."""
    html = f"""<html lang="en"><head><title>Garden notes</title></head><body>
<h1>Garden notes</h1><p class="date">03/04/2013</p><p>{_PROSE}</p></body></html>"""
    assert _published(html, "https://www.garden.example.co.uk/notes") == "2013-04-03"
    assert _published(html, "https://www.garden.example.com/notes") is None


def test_the_dateline_under_the_headline_beats_a_date_classed_teaser() -> None:
    """A small site with no machine dates: a date-classed element the post's header does
    not show (a teaser's inside the article, a masthead's "today") loses to the dateline
    right under the headline; a member's "Joined" day there is not the post's."""
    html = f"""<html><head><title>Sanctions</title></head><body><article>
<h1>New sanctions shake the economy</h1><p>Christian Weisflog</p><p>15.06.2020, 12.11 Uhr</p>
{f"<p>{_PROSE}</p>" * 10}
<div class="teaser"><span class="date">04.05.2020</span> <a href="/other">Other post</a></div>
</article></body></html>"""
    assert _published(html) == "2020-06-15T12:11"
    # the header shows the date-classed element's day: it stands
    shown = html.replace("15.06.2020, 12.11 Uhr", "04.05.2020, 12.11 Uhr")
    assert (_published(shown) or "")[:10] == "2020-05-04"
    joined = html.replace("<p>15.06.2020, 12.11 Uhr</p>", "<p>Joined</p><p>15.06.2014</p>")
    assert _published(joined) == "2020-05-04"


def test_a_date_spaced_out_by_slashes_or_bars() -> None:
    """Arabic pages space the slashes ("١ / ١٢ / ٢٠٢٠", Arabic-Indic digits) and designed
    datelines set bars between the parts ("26 | 01 | 2022"); a page count is no date."""
    assert parse_text("الثلاثاء ١ / ١٢ / ٢٠٢٠", dayfirst=True) == "2020-12-01"
    assert parse_text("26 | 01 | 2022") == "2022-01-26"
    assert parse_text("3 / 4 / 2020") is None  # the order unknown: no date
    assert parse_text("Seite 1 | 2 | 2020") is None


def test_the_meta_list_right_after_the_headline_is_the_posts_header() -> None:
    """A theme writes the post's meta line as a list right after the headline ("27 juin
    2019", "Par Elba"); the masthead's date-classed "today" is not the post's date."""
    html = f"""<html><head><title>Violences</title></head><body>
<header><div class="masthead"><span class="date-edition">lun. 5 août 2019</span></div></header>
<main><div class="content"><article>
<h1>Violences policières</h1><ul class="info"><li>27 juin 2019</li><li>Par Elba</li></ul>
{f"<p>{_PROSE}</p>" * 10}</article></div></main></body></html>"""
    assert _published(html) == "2019-06-27"


def test_a_months_name_with_a_two_digit_year_and_a_time() -> None:
    """A month's name and a two-digit year ("Publié le 27 Mar 20 à 9:21") are a date when a
    time of day follows; without one "12 May 20" may be a count and gives nothing."""
    assert parse_text("Publié le 27 Mar 20 à 9:21", dayfirst=True) == "2020-03-27T09:21"
    assert parse_text("12 May 20") is None


def test_a_day_without_its_year_in_the_urls_year_and_month() -> None:
    """A header that shows "Publicado el 11 de mayo", a URL with ``/2022/5/``: the year and
    the month from the URL, the day from the page; another month in the URL gives nothing."""
    html = f"""<html><head><title>Productor</title></head><body><article>
<h1>Productor fumigó con glifosato</h1><p>Publicado el</p><p>11 de mayo</p>
{f"<p>{_PROSE}</p>" * 3}</article></body></html>"""
    url = "https://diaria.example/ambiente/articulo/2022/5/productor-fumigo/"
    assert _published(html, url) == "2022-05-11"
    assert _published(html, url.replace("/2022/5/", "/2022/6/")) is None


def test_a_forum_members_joined_day_is_not_the_posts() -> None:
    """A forum thread shows each poster's "Joined May 11, 2017" beside the post: the day
    the member signed up, not the post's; with nothing else dated the page has no date."""
    html = f"""<html><head><title>Where did it go</title></head><body><div class="thread">
<h1>What? Where'd it go?</h1><div class="user"><span>Biggie-Cheese</span><dl>
<dt>Joined</dt><dd>May 11, 2017</dd><dt>Messages</dt><dd>3,066</dd></dl></div>
<div class="message">{_PROSE}</div></div></body></html>"""
    assert _published(html) is None
    assert _published(html.replace("Joined", "Posted")) == "2017-05-11"


def test_a_written_date_is_never_shifted_by_a_zone() -> None:
    """A day the page writes is the record's day: a local time without a zone (in the text
    or in its markup) is not read as UTC, and a time written with its zone ("9:23 PM UTC")
    keeps the day written beside it, whatever country the domain names. Only an instant
    (a machine value with its offset) is placed on the page's local day, and only when
    the page shows that day or its country allows one day (``_pubdates.published_of``)."""
    body = "<h1>Late vote</h1><p class='date'>{}</p><p>" + _PROSE + "</p>"
    html = "<html><head>{}</head><body>" + body + "</body></html>"
    late = html.format("", "May 10, 2022, 11:22 pm")
    assert _published(late, "https://news.example.de/vote") == "2022-05-10T23:22"
    zoned = html.format("", "Jan. 5, 2021, 9:23 PM UTC")
    assert _published(zoned, "https://news.example.de/vote")[:10] == "2021-01-05"
    local = "<meta property='article:published_time' content='2022-05-10T23:22:00'>"
    assert _published(html.format(local, "10.05.2022"), "https://news.example.de/vote") == (
        "2022-05-10T23:22:00"
    )


def test_a_utc_instant_takes_the_day_its_page_shows() -> None:
    """A UTC instant after midnight that the page shows on the day before ("May 1, 2020
    10:54 pm" under the headline, ``02:54Z`` in its markup): the reader's day, with the
    offset the two times give."""
    head = "<meta property='article:published_time' content='2020-05-02T02:54:00Z'>"
    html = f"""<html><head>{head}</head><body><h1>Station closes at night</h1>
<p class='date'>May 1, 2020 10:54 pm</p><p>{_PROSE}</p></body></html>"""
    assert _published(html, "https://news.example.com/station") == "2020-05-01T22:54:00-04:00"


def test_vietnamese_numbered_month() -> None:
    # Vietnamese writes the month as "tháng" and its number, the year after "năm" or a comma
    assert parse_text("Thứ hai, ngày 3 tháng 3 năm 2014") == "2014-03-03"
    assert parse_text("Cập nhật 14:20, ngày 12 tháng 11 năm 2020") == "2020-11-12"
    assert parse_text("03 Tháng 03, 2014 10:15") == "2014-03-03T10:15"
    assert parse_text("tháng 3 năm 2014") is None  # a month, no day
    assert parse_text("ngày 31 tháng 2 năm 2014") is None
