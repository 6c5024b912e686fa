"""Fast slices of the sweeps: a parametrized test keeps a few representative cases in the
fast suite (``pytest -m "not slow"``) and marks the rest ``slow``, so the full run (CI's
``pytest``) still sweeps every case and ``pytest -m slow`` runs exactly the remainder.

Nothing is dropped: the same test body, the same assertions, only fewer cases while
developing. Each caller says in a comment what its slice covers and why that is enough.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from _pytest.mark import ParameterSet  # what pytest.param returns; not public API

__all__ = ["fast_slice"]


def fast_slice(
    values: Iterable[Any],
    fast: Collection[Any] | Callable[[Any], bool],
    *,
    ids: Callable[[Any], str] | None = None,
) -> list[ParameterSet]:
    """``values`` as parameters; those not in ``fast`` (or failing it, a predicate) marked
    slow. Raises if a named fast case is missing: a renamed fixture must not silently
    empty the slice."""
    values = list(values)
    if callable(fast):
        keep = [bool(fast(v)) for v in values]
    else:
        missing = [f for f in fast if f not in values]
        if missing:
            raise ValueError(f"fast slice names cases that do not exist: {missing}")
        keep = [v in fast for v in values]
    if not any(keep):
        raise ValueError("the fast slice is empty")
    return [
        pytest.param(
            v,
            id=None if ids is None else ids(v),
            marks=() if k else pytest.mark.slow,
        )
        for v, k in zip(values, keep, strict=True)
    ]
