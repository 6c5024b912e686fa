"""The bounded memo: computes once per key, starts over past its limit."""

from __future__ import annotations

from scraper.parse._memo import Memo, holding


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


def test_remember_is_bounded() -> None:
    memo: Memo[int, int] = Memo(lambda n: n, limit=3)
    for n in range(10):
        memo.remember(n, -n)
        assert memo[n] == -n
        assert len(memo) <= 3


def test_holding_finds_each_text_once() -> None:
    texts = ["entry-title", "clearfix", "post-meta", "", "metadata meta", "x", "catmeta"]
    assert holding(texts, ["meta", "title", "cat"]) == {0, 2, 4, 6}
    assert holding(texts, ["fix", "x"]) == {1, 5}
    # a word never matches across two texts
    assert holding(["ab", "cd"], ["bc"]) == set()
    assert holding([], ["a"]) == set()
    assert holding(["a"], []) == set()
