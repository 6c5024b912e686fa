"""Seeded fuzzing: hostile variants of the fixture pages (``scraper.testing._mutate``)
through ``parse_page``. Whatever the page, the parser raises nothing but ``ParseError`` and
every record keeps the README's promises (``scraper.testing._invariants``): schema-valid,
a comment tree, no active content, http(s)-only URL fields.

A few hundred mutations per run, the same ones every run (the seed is in the test id, so a
failure names a reproducible page); ``benchmarks/fuzz.py`` runs ~10,000 and measures time
and memory, which are never asserted here.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from slices import fast_slice

from scraper._errors import ParseError
from scraper.parse._parse import parse_page
from scraper.testing._invariants import record_problems
from scraper.testing._mutate import MUTATIONS, mutate

FIXTURES = sorted((Path(__file__).resolve().parents[2] / "fixtures").rglob("*.html"))
URL = "https://blog.example/2024/01/hostile-post/"
BATCHES, PER_BATCH = 12, 25  # 300 mutated pages
# The fast suite runs batch 4 (25 pages, one of the cheaper draws; every mutation kind also
# runs below on a threaded page); the full run (``pytest``, CI) runs all twelve.
_FAST_BATCHES = {4}


def _check(seed: int, index: int, name: str, page: bytes) -> list[str]:
    where = f"seed {seed} #{index} {name}"
    try:
        record = parse_page(page, URL, source=where).to_dict()
    except ParseError:
        return []  # refused by name: empty, binary, absurdly nested, unreadable
    return [f"{where}: {problem}" for problem in record_problems(record)]


@pytest.mark.parametrize("seed", fast_slice(range(BATCHES), _FAST_BATCHES))
def test_mutated_fixtures_keep_the_record_promises(seed: int) -> None:
    rng = random.Random(seed)
    problems: list[str] = []
    for index in range(PER_BATCH):
        fixture = rng.choice(FIXTURES)
        name, page = mutate(fixture.read_bytes(), rng)
        problems += _check(seed, index, f"{fixture.name}+{name}", page)
    assert problems == []


# The fast suite makes each kind's first draw; the full run its first three (the same
# stream, so it repeats the first).
@pytest.mark.parametrize("draws", [1, pytest.param(3, marks=pytest.mark.slow)])
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_each_mutation_on_a_threaded_page(mutation: str, draws: int) -> None:
    # every kind at least once on a page with a real nested thread, whatever the seeds draw
    page = next(p for p in FIXTURES if p.name == "twentyseventeen-deep-thread.html")
    rng = random.Random(mutation)
    for index in range(draws):
        mutated = MUTATIONS[mutation](page.read_bytes(), rng)
        assert _check(0, index, mutation, mutated) == []
