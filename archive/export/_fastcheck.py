"""A fast "is this record valid?" for the export path, compiled from the JSON Schema itself.

``jsonschema`` spends ~10 ms on one post with ten comments (generic descent, a validator
object per keyword): 17 minutes for 100,000 posts. Exports validate every record, so this
module compiles the schema once into plain closures for the keywords it uses. It only ever
says *valid*: a record it rejects goes to ``scraper._schema.validate_post``, which stays the
authority and writes the error messages (and wins if the two disagree). A keyword this
compiler does not know makes it refuse to compile, and the caller falls back to
``jsonschema`` for every record, so a schema change can slow the export but never let an
invalid record through.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from scraper._schema import post_schema, validate_post

__all__ = ["UnsupportedSchema", "compile_schema", "record_errors"]

Check = Callable[[Any], bool]
_IGNORED = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment"})
_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


class UnsupportedSchema(Exception):
    """The schema uses a keyword this compiler does not implement."""


def compile_schema(schema: dict[str, Any]) -> Check:
    """A predicate equivalent to the schema for the keywords implemented here."""
    root = schema
    compiled: dict[str, Check] = {}

    def ref(pointer: str) -> Check:
        if not pointer.startswith("#/"):
            raise UnsupportedSchema(f"$ref {pointer}")
        if pointer not in compiled:
            node: Any = root
            for part in pointer[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            compiled[pointer] = lambda v: True  # placeholder for recursive references
            compiled[pointer] = build(node)
        return lambda v: compiled[pointer](v)

    def build(s: Any) -> Check:
        if s is True or s == {}:
            return lambda v: True
        if not isinstance(s, dict):
            raise UnsupportedSchema(repr(s))
        checks: list[Check] = []
        for key, arg in s.items():
            if key in _IGNORED or key in ("required", "additionalProperties"):
                continue
            if key == "properties":
                checks.append(_object(s, {k: build(p) for k, p in arg.items()}))
            elif key == "items":
                checks.append(_items(build(arg)))
            elif key == "$ref":
                checks.append(ref(arg))
            elif key == "oneOf":
                checks.append(_one_of([build(o) for o in arg]))
            else:
                checks.append(_keyword(key, arg))
        if "properties" not in s and ("required" in s or "additionalProperties" in s):
            checks.append(_object(s, {}))
        return _all(tuple(checks))

    return build(root)


def _keyword(key: str, arg: Any) -> Check:
    """The check of one keyword that does not hold subschemas."""
    if key == "type":
        tests = [_TYPES[n] for n in (arg if isinstance(arg, list) else [arg])]
        return lambda v: any(f(v) for f in tests)
    if key == "enum":
        return lambda v: any(v == x and type(v) is type(x) for x in arg)
    if key == "const":
        return lambda v: bool(v == arg and type(v) is type(arg))
    if key == "pattern":
        rx = re.compile(arg)
        return lambda v: not isinstance(v, str) or rx.search(v) is not None
    if key == "minimum":
        return lambda v: not _TYPES["number"](v) or bool(v >= arg)
    raise UnsupportedSchema(key)


def _items(item: Check) -> Check:
    return lambda v: not isinstance(v, list) or all(map(item, v))


def _one_of(options: list[Check]) -> Check:
    return lambda v: sum(1 for f in options if f(v)) == 1


def _all(checks: tuple[Check, ...]) -> Check:
    return lambda v: all(f(v) for f in checks)


def _object(s: dict[str, Any], props: dict[str, Check]) -> Check:
    required = tuple(s.get("required", ()))
    extra = s.get("additionalProperties", True)
    if extra not in (True, False):
        raise UnsupportedSchema("additionalProperties with a schema")
    closed = extra is False

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for name in required:
            if name not in v:
                return False
        for name, value in v.items():
            f = props.get(name)
            if f is None:
                if closed:
                    return False
            elif not f(value):
                return False
        return True

    return check


@cache
def _fast() -> Check | None:
    try:
        return compile_schema(post_schema())
    except (UnsupportedSchema, KeyError, re.error):
        return None


def record_errors(record: dict[str, Any]) -> list[str]:
    """``validate_post(record)``, answered fast when the record is valid."""
    fast = _fast()
    if fast is not None and fast(record):
        return []
    return validate_post(record)
