"""The compiled fast path never accepts what the JSON Schema rejects."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from archive_samples import post

from archive.export._fastcheck import UnsupportedSchema, compile_schema, record_errors
from scraper._schema import post_schema, validate_post

WRONG: tuple[Any, ...] = (None, 1, -1, 1.5, True, "x", "2024-13", [], {}, ["x"], [{}], {"a": 1})


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*path, i))


def _mutants(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for path in list(_paths(record))[1:]:
        *head, last = path
        for wrong in WRONG:
            rec = copy.deepcopy(record)
            node = rec
            for p in head:
                node = node[p]
            node[last] = wrong
            yield rec
        if isinstance(last, str):
            rec = copy.deepcopy(record)
            node = rec
            for p in head:
                node = node[p]
            del node[last]
            yield rec
            node = rec
            for p in head:
                node = node[p]
            node["unexpected"] = 1
            yield rec


def test_fast_path_accepts_valid_records() -> None:
    fast = compile_schema(post_schema())
    for n in range(3):
        assert fast(post(n).to_dict())


def test_fast_path_never_accepts_an_invalid_record() -> None:
    fast = compile_schema(post_schema())
    checked = 0
    for rec in _mutants(post(1).to_dict()):
        if fast(rec):
            assert validate_post(rec) == [], rec
        checked += 1
    assert checked > 500


def test_record_errors_matches_validate_post() -> None:
    bad = post(1).to_dict()
    bad["published"] = "last week"
    assert record_errors(bad) == validate_post(bad) != []
    assert record_errors(post(1).to_dict()) == []


def test_unknown_keyword_refuses_to_compile() -> None:
    with pytest.raises(UnsupportedSchema):
        compile_schema({"type": "string", "maxLength": 3})
