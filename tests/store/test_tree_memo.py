"""Analysed trees in process memory: bounded by entries and bytes, short-lived, least recently used out first."""

from __future__ import annotations

import pytest

from inspector.store import tree_memo
from inspector.store.tree_memo import TreeMemo


def test_a_kept_tree_is_answered_until_it_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr(tree_memo.time, "monotonic", lambda: now[0])
    memo = TreeMemo(max_entries=10, max_bytes=1 << 20, ttl_s=60)
    memo.put(("a", "k"), "{}")
    assert memo.get(("a", "k")) == "{}" and memo.get(("a", "other")) is None
    now[0] += 61
    assert memo.get(("a", "k")) is None and memo.size == (0, 0)


def test_the_least_recently_used_go_first_past_either_bound() -> None:
    memo = TreeMemo(max_entries=2, max_bytes=1 << 20, ttl_s=60)
    for name in "abc":
        memo.put((name, "k"), "x")
        if name == "b":
            memo.get(("a", "k"))  # a is used again: b is now the oldest
    assert [memo.get((n, "k")) for n in "abc"] == ["x", None, "x"]

    by_bytes = TreeMemo(max_entries=100, max_bytes=1600, ttl_s=60)
    for name in "abcd":
        by_bytes.put((name, "k"), "y" * 100)  # the budget holds 16 such trees...
    by_bytes.put(("e", "k"), "z" * 100)
    assert by_bytes.size == (5, 500)
    for name in "fghijklmnopq":
        by_bytes.put((name, "k"), "y" * 100)
    assert by_bytes.size == (16, 1600) and by_bytes.get(("a", "k")) is None  # ...and no more


def test_a_tree_over_a_sixteenth_of_the_budget_is_not_kept_and_replacing_keeps_the_count() -> None:
    memo = TreeMemo(max_entries=10, max_bytes=1600, ttl_s=60)
    memo.put(("big", "k"), "x" * 101)
    assert memo.get(("big", "k")) is None and memo.size == (0, 0)
    memo.put(("a", "k"), "x" * 50)
    memo.put(("a", "k"), "x" * 80)
    assert memo.size == (1, 80) and memo.get(("a", "k")) == "x" * 80
    memo.clear()
    assert memo.size == (0, 0)


@pytest.mark.parametrize("bounds", [(0, 1 << 20, 60), (10, 0, 60), (10, 1 << 20, 0)])
def test_any_bound_at_zero_keeps_nothing(bounds: tuple[int, int, float]) -> None:
    memo = TreeMemo(*bounds)
    memo.put(("a", "k"), "{}")
    assert not memo.enabled and memo.get(("a", "k")) is None
