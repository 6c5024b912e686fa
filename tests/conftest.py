"""Session fixtures shared by test modules: the real engines are started once per run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from engines.wordpress import WordPress, missing


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    """A real WordPress (Debian's package) on 127.0.0.1 with the test blog's content."""
    if why := missing():
        pytest.skip(why)
    with WordPress(tmp_path_factory.mktemp("wordpress")) as wp:
        wp.add_content()
        yield wp
