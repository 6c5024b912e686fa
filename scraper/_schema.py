"""The JSON Schema of the Post record, shipped with the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["post_schema", "validate_post"]


@cache
def _schema_text() -> str:
    return resources.files("scraper").joinpath("post.schema.json").read_text("utf-8")


def post_schema() -> dict[str, Any]:
    """A fresh copy of the schema (callers may mutate it)."""
    result: dict[str, Any] = json.loads(_schema_text())
    return result


@cache
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(post_schema())


def validate_post(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the schema, as readable strings; empty when it is valid."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    return [f"{'/'.join(str(p) for p in e.path) or '<root>'}: {e.message}" for e in errors]
