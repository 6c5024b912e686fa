"""The bounded memo: computes once per key, starts over past its limit."""

from __future__ import annotations

from scraper.parse._memo import Memo


def test_computes_once_per_key() -> None:
    calls: list[str] = []

    def upper(key: str) -> str:
        calls.append(key)
        return key.upper()

    memo: Memo[str, str] = Memo(upper)
    assert [memo["a"], memo["b"], memo["a"]] == ["A", "B", "A"]
    assert calls == ["a", "b"]


def test_falsy_values_are_kept() -> None:
    calls: list[int] = []

    def zero(key: int) -> int:
        calls.append(key)
        return 0

    memo: Memo[int, int] = Memo(zero)
    assert memo[1] == memo[1] == 0
    assert calls == [1]


def test_bounded() -> None:
    memo: Memo[int, int] = Memo(lambda n: n * n, limit=3)
    for n in range(10):
        assert memo[n] == n * n
        assert len(memo) <= 3


def test_learn_computes_only_the_new_keys() -> None:
    calls: list[str] = []

    def upper(key: str) -> str:
        calls.append(key)
        return key.upper()

    memo: Memo[str, str] = Memo(upper)
    memo["a"]
    memo.learn({"a": 1, "b": 2, "c": 3}.keys())
    assert sorted(calls) == ["a", "b", "c"]
    assert [memo[k] for k in "abc"] == ["A", "B", "C"]
    assert len(calls) == 3


def test_learn_stays_bounded() -> None:
    memo: Memo[int, int] = Memo(lambda n: -n, limit=4)
    memo.learn(dict.fromkeys(range(3)).keys())
    memo.learn(dict.fromkeys(range(3, 6)).keys())
    assert sorted(memo) == [3, 4, 5]
    assert memo[0] == 0
