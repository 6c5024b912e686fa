"""A catalog of the bylines small sites of 2015-2022 print (issue 10, eighth round): one small
hand-written page per theme, CMS or page builder, with the byline in the markup that theme
writes (class names, nesting, labels, icons), never a copy of a real page
(``tests/author_pages_wp.py``, ``tests/author_pages_other.py``).

No page declares its author to machines (no JSON-LD, no ``<meta name=author>``): the hidden
pages are mostly small sites, where only the visible byline can answer.
``PYTHONPATH=tests python tests/parse/test_author_catalog.py`` prints what is read of each.
"""

from __future__ import annotations

import pytest
from author_pages_other import OTHER
from author_pages_wp import URL, WORDPRESS

from scraper import parse_page

CATALOG = {**WORDPRESS, **OTHER}
# conventions the parser does not read yet, each with why
NOT_READ = {
    "wix blog": "Wix marks its byline only with data-hook attributes, which the page index "
    "does not list (a whole-tree XPath for them cost 2 % of a parse, author6)",
}


def read(html: str) -> list[str | None]:
    return [a.name for a in parse_page(html.encode(), URL).authors]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason=NOT_READ[n], strict=True))
        if n in NOT_READ
        else n
        for n in sorted(CATALOG)
    ],
)
def test_the_themes_byline_is_read(name: str) -> None:
    html, want = CATALOG[name]
    assert read(html) == want


if __name__ == "__main__":
    right = 0
    for name in sorted(CATALOG):
        html, want = CATALOG[name]
        got = read(html)
        right += got == want
        miss = "" if got == want else f"  want {want}"
        print(f"{'ok ' if got == want else 'BAD'} {name:32} {got}{miss}")
    print(f"{right} of {len(CATALOG)} read")
