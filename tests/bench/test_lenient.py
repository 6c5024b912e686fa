"""The lenient title of ``external.py`` forgives a site's name on either side, and only that.

Gold like metascraper's keeps "Title | Site"; an extractor that returns the article's title
("Title") reads it right, and one that runs on past the title ("Title and more words")
does not. Every page here is a small hand-written snippet.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def lenient(bench_module: Callable[[str], ModuleType]) -> ModuleType:
    return bench_module("_lenient")


PAGE = b"""<html><head>
<meta property="og:site_name" content="The Daily Example">
<script type="application/ld+json">{"@type": "NewsArticle",
 "publisher": {"@type": "Organization", "name": "Example Media"}}</script>
</head><body></body></html>"""
URL = "https://www.dailyexample.co.uk/news/a-story"


def test_site_names_come_from_meta_json_ld_and_the_registered_host(lenient: ModuleType) -> None:
    names = lenient.site_names(PAGE, URL)
    assert names == ["thedailyexample", "examplemedia", "dailyexample"]
    quoted = b"<meta content='Caf&eacute; Blog' name='application-name'>"
    assert lenient.site_names(quoted, None) == ["cafeblog"]


@pytest.mark.parametrize(
    ("pred", "gold"),
    [
        ("Rates rise again", "Rates rise again | The Daily Example"),  # gold keeps the site
        ("Rates rise again | The Daily Example", "Rates rise again"),  # the prediction does
        ("Rates rise again", "Daily Example - Rates rise again"),  # a prefix, host spelling
        ("Rates rise again", "Rates rise again | Politics | Example Media"),  # section + site
        ("Rates rise again", "Rates rise again | DailyExample | 28.04.2023"),  # site + date
        ("Rates ‘rise’ again", "Rates 'rise' again"),  # quote variants
        ("金利が再び上昇", "金利が再び上昇：dailyexample"),  # CJK separator
    ],
)
def test_a_site_part_is_forgiven_on_either_side(lenient: ModuleType, pred: str, gold: str) -> None:
    assert lenient.lenient_title(pred, gold, lenient.site_names(PAGE, URL))


@pytest.mark.parametrize(
    ("pred", "gold"),
    [
        ("Rates rise again as banks wait", "Rates rise again"),  # more title, no separator
        ("Rates rise again - banks wait", "Rates rise again"),  # a subtitle, not the site
        ("Economy: Rates rise again", "Rates rise again"),  # a kicker
        ("Rates rise again", "Rates rise again | Some Other Outlet"),  # not this site
        ("Rates rise", "Rates rise again | The Daily Example"),
        (None, "Rates rise again"),
    ],
)
def test_other_extra_words_are_not(lenient: ModuleType, pred: str | None, gold: str) -> None:
    assert not lenient.lenient_title(pred, gold, lenient.site_names(PAGE, URL))
