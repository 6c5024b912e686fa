"""Declared comment counts in the wording of many themes and languages."""

from __future__ import annotations

import pytest

from scraper.parse.comments._comments import parse_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One thought on “North Korean social media”", 1),
        ("12 Responses to “Post”", 12),
        ("3 comments", 3),
        ("2 Kommentare", 2),
        ("Ein Gedanke zu „Beitrag“", 1),
        ("5 commentaires", 5),
        ("コメント 3件", 3),
        ("Comments (14)", 14),
        ("1,204 Comments", 1204),
        ("No Responses to “Post”", 0),
        ("Leave a Reply", None),
        ("Comments", None),
    ],
)
def test_parse_count(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected
