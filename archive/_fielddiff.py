"""Two records compared field by field, and the differences as text a person can read.

Split from ``_fixtures`` (which judges a parser against saved pages with it): the diff
knows nothing about fixtures. Lists are aligned, not compared by position, so one comment
missing from a thread is one difference, not one for every comment after it; long texts
are shown as a word diff.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["IGNORED_FIELDS", "FieldDiff", "diff_records", "format_diffs"]

# Fields whose value depends on when/how the parse ran, not on the page.
IGNORED_FIELDS = frozenset({"source", "extractor.version"})
_LONG = 80  # strings longer than this (or multi-line) are shown as a word diff
_CONTEXT = 4  # words of context around each change in a word diff


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """One difference between the expected and the parsed record.

    ``kind`` is ``changed`` (both present, different), ``missing`` (expected list item the
    parse lacks) or ``added`` (list item the parse has and the fixture does not).
    """

    path: str
    expected: Any
    got: Any
    kind: str = "changed"

    def render(self) -> str:
        """A readable line (or a few) for a terminal or a test failure message."""
        if self.kind == "missing":
            return f"{self.path}: missing {_short(self.expected)}"
        if self.kind == "added":
            return f"{self.path}: unexpected {_short(self.got)}"
        if _is_long(self.expected) or _is_long(self.got):
            return f"{self.path}: differs\n{_text_diff(str(self.expected), str(self.got))}"
        return f"{self.path}: expected {_short(self.expected)} got {_short(self.got)}"


def diff_records(
    expected: dict[str, Any], got: dict[str, Any], fields: Sequence[str] | None = None
) -> list[FieldDiff]:
    """Field-by-field differences, ignoring ``IGNORED_FIELDS``; ``fields`` limits the keys."""
    keys = list(expected) + [k for k in got if k not in expected]
    if fields:
        wanted = {f.strip() for f in fields if f.strip()}
        keys = [k for k in keys if k in wanted]
    out: list[FieldDiff] = []
    for key in keys:
        if key in IGNORED_FIELDS:
            continue
        _diff(key, expected.get(key, _ABSENT), got.get(key, _ABSENT), out)
    return out


class _Absent:
    def __repr__(self) -> str:
        return "<absent>"


_ABSENT: Any = _Absent()


def _diff(path: str, exp: Any, got: Any, out: list[FieldDiff]) -> None:
    if path in IGNORED_FIELDS:
        return
    if isinstance(exp, dict) and isinstance(got, dict):
        for key in list(exp) + [k for k in got if k not in exp]:
            _diff(f"{path}.{key}", exp.get(key, _ABSENT), got.get(key, _ABSENT), out)
    elif isinstance(exp, list) and isinstance(got, list):
        _diff_lists(path, exp, got, out)
    elif exp != got or type(exp) is not type(got):
        out.append(FieldDiff(path, exp, got))


def _key(item: Any) -> str:
    """What aligns two list items: a comment's id when it has one, else the whole value."""
    if isinstance(item, dict) and item.get("id") is not None:
        return f"id:{item['id']}"
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _diff_lists(path: str, exp: list[Any], got: list[Any], out: list[FieldDiff]) -> None:
    matcher = difflib.SequenceMatcher(
        None, [_key(x) for x in exp], [_key(x) for x in got], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            # Same key (same id) may still differ inside: compare element-wise.
            for k in range(i2 - i1):
                _diff(f"{path}[{i1 + k}]", exp[i1 + k], got[j1 + k], out)
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            _diff(f"{path}[{i1 + k}]", exp[i1 + k], got[j1 + k], out)
        for k in range(i1 + paired, i2):
            out.append(FieldDiff(f"{path}[{k}]", exp[k], None, "missing"))
        for k in range(j1 + paired, j2):
            out.append(FieldDiff(f"{path}[+{k}]", None, got[k], "added"))


def _is_long(value: Any) -> bool:
    return isinstance(value, str) and (len(value) > _LONG or "\n" in value)


def _short(value: Any, limit: int = 160) -> str:
    if value is _ABSENT:
        return "<absent>"
    text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_TOKEN = re.compile(r"\n|[^\S\n]+|[^\s]+")


def _text_diff(exp: str, got: str) -> str:
    """A compact word diff: ``[-removed-]`` and ``{+added+}`` with a little context."""
    a = [t for t in _TOKEN.findall(exp) if not t.isspace() or t == "\n"]
    b = [t for t in _TOKEN.findall(got) if not t.isspace() or t == "\n"]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    lines: list[str] = []
    for group in matcher.get_grouped_opcodes(_CONTEXT):
        parts: list[str] = []
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                parts.append(_words(a[i1:i2]))
                continue
            if i2 > i1:
                parts.append(f"[-{_words(a[i1:i2])}-]")
            if j2 > j1:
                parts.append(f"{{+{_words(b[j1:j2])}+}}")
        lines.append("    … " + " ".join(p for p in parts if p) + " …")
    if not lines:  # only whitespace differs
        lines.append(f"    expected {exp!r}\n    got      {got!r}")
    return "\n".join(lines)


def _words(tokens: Iterable[str]) -> str:
    return " ".join("⏎" if t == "\n" else t for t in tokens)


def format_diffs(diffs: Iterable[FieldDiff], indent: str = "  ") -> str:
    """All diffs as text, one block per field, each line indented."""
    blocks = []
    for d in diffs:
        blocks.append("\n".join(indent + line for line in d.render().splitlines()))
    return "\n".join(blocks)
