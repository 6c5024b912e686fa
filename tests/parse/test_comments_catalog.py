"""The comment-system catalog (``tests/comment_catalog.py``): on each system's page the parser
finds every comment with its author, date and parent, and nothing on pages without one."""

from __future__ import annotations

import pytest
from comment_catalog import ENTRIES, Entry, misses

# forum software printing its posts as tables (no comment words, "post" ids) is not read
NOT_READ = {"vbulletin 3 posts": "vBulletin's post tables are not read as a thread"}


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(e, marks=pytest.mark.xfail(reason=NOT_READ[e.name], strict=True))
        if e.name in NOT_READ
        else e
        for e in ENTRIES
    ],
    ids=[e.name for e in ENTRIES],
)
def test_catalog_page_is_read_fully(entry: Entry) -> None:
    assert misses(entry) == []
