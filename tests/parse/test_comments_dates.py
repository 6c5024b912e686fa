"""Visible comment dates in the formats themes print."""

from __future__ import annotations

import pytest

from scraper.parse.comments._dates import parse_visible_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 22, 2013 at 02:47 PM", "2013-03-22T14:47"),
        ("22.03.2013 в 11:20", "2013-03-22T11:20"),
        ("2013年3月22日 11:02 PM", "2013-03-22T23:02"),
        ("Fri, 03/22/2013 - 10:15", "2013-03-22T10:15"),
        ("Pete – 22 March 2013, 10:04", "2013-03-22T10:04"),
        ("2013-03-22 11:02:10", "2013-03-22T11:02:10"),
        ("11/06/12 at 12:15 pm", "2012-11-06T12:15"),
        ("Jul 23 2012", "2012-07-23"),
        ("12 Nov 2012 at 11:20 am PST", "2012-11-12T11:20"),
        ("2 days ago", None),
        ("", None),
        ("February 30, 2013", None),
    ],
)
def test_parse_visible_date(text: str, expected: str | None) -> None:
    assert parse_visible_date(text) == expected
