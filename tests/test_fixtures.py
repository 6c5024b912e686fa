"""Every saved page in ``fixtures/`` parses to its expected record, and that record is valid.

One test per fixture, named after it, so ``pytest -k twentyeleven`` runs one engine and a
failure prints the field diff a parser engineer can act on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.fixtures import Fixture, format_diffs, load_fixtures, run_fixture
from scraper.schema import validate_post

ROOT = Path(__file__).resolve().parent.parent / "fixtures"
FIXTURES = load_fixtures(ROOT)


def test_there_are_fixtures() -> None:
    assert len(FIXTURES) >= 30


@pytest.mark.parametrize("fx", FIXTURES, ids=[f.name for f in FIXTURES])
def test_expected_record_is_valid(fx: Fixture) -> None:
    assert validate_post(fx.expected) == []
    assert fx.expected["source"] is None


@pytest.mark.parametrize("fx", FIXTURES, ids=[f.name for f in FIXTURES])
def test_parse_matches_expected(fx: Fixture) -> None:
    result = run_fixture(fx)
    if result.error is not None:
        pytest.fail(f"{fx.name}: parse failed: {result.error}", pytrace=False)
    if result.diffs:
        # The readable per-field diff, not pytest's repr of the dataclasses.
        pytest.fail(f"{fx.name} ({fx.note}):\n{format_diffs(result.diffs)}", pytrace=False)
