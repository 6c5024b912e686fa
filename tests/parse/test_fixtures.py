"""Every saved page in ``fixtures/`` parses to its expected record, and that record is valid.

One test per fixture, named after it, so ``pytest -k twentyeleven`` runs one engine and a
failure prints the field diff a parser engineer can act on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive._fixtures import Fixture, format_diffs, load_fixtures, run_fixture
from scraper._schema import validate_post

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
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


def test_expected_records_match_their_specs(tmp_path: Path) -> None:
    """Expected records are rebuilt from hand-written specs, never edited to fit a parser.

    ``fixtures/_tools/build_all.py`` regenerates every built fixture; a committed page or
    record that differs from its spec was edited by hand. Change the spec (the truth of the
    page) and rebuild instead.
    """
    import importlib
    import sys

    sys.path.insert(0, str(ROOT / "_tools"))
    try:
        build_all = importlib.import_module("build_all")
        stale = []
        for spec in build_all.all_specs():
            out = build_all.build(spec, tmp_path)
            for built in sorted(
                out.parent.glob("*")
                if out.name == "expected.json"
                else [out, out.with_name(out.name.replace(".expected.json", ".html"))]
            ):
                committed = ROOT / built.relative_to(tmp_path)
                if not committed.is_file() or committed.read_bytes() != built.read_bytes():
                    stale.append(str(built.relative_to(tmp_path)))
    finally:
        sys.path[:] = [p for p in sys.path if p != str(ROOT / "_tools")]
    assert stale == [], f"out of date with fixtures/_tools specs: {stale}"
