"""The group-commit writer on its own: batching, per-item errors, backpressure, shutdown.

The commit function here records what it was asked to commit instead of writing to a
database, so each guarantee is checked exactly; tests/store/test_write_path.py covers the
writer behind the real store on both databases.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from inspector.store.group_commit import GroupCommitter, WriterClosed
from tests.timing import until


class Refused(Exception):
    """An error one item causes (retried alone)."""


class DatabaseDown(Exception):
    """An error of the database itself (not retried item by item)."""


class Recorder:
    """A commit function: one call is one "transaction"; items named 'bad' make it fail."""

    def __init__(self, *, gate: asyncio.Event | None = None, down: bool = False) -> None:
        self.transactions: list[list[str]] = []
        self.committed: list[str] = []
        self.gate = gate
        self.down = down

    async def __call__(self, items: Sequence[str]) -> list[str]:
        self.transactions.append(list(items))
        if self.gate is not None:
            await self.gate.wait()
        await asyncio.sleep(0)
        if self.down:
            raise DatabaseDown("connection refused")
        if "bad" in items:
            raise Refused("bad item")
        self.committed.extend(items)
        return [f"stored:{item}" for item in items]


def writer(commit: Recorder, *, max_batch: int = 100, max_queue: int = 1000) -> GroupCommitter[str, str]:
    return GroupCommitter(commit, max_batch=max_batch, max_queue=max_queue,
                          retry_alone=lambda exc: not isinstance(exc, DatabaseDown), name="test writer")


async def test_one_caller_alone_gets_its_own_transaction_and_result() -> None:
    commit = Recorder()
    w = writer(commit)
    assert await w.submit("a") == "stored:a"
    assert commit.transactions == [["a"]]
    await w.close()


async def test_callers_arriving_together_share_one_transaction_and_each_gets_its_own_result() -> None:
    commit = Recorder()
    w = writer(commit)
    results = await asyncio.gather(*(w.submit(f"i{n}") for n in range(20)))
    assert results == [f"stored:i{n}" for n in range(20)]
    assert commit.transactions == [[f"i{n}" for n in range(20)]]
    assert (w.batches, w.items, w.largest_batch) == (1, 20, 20)
    await w.close()


async def test_callers_arriving_during_a_transaction_go_in_the_next_one() -> None:
    gate = asyncio.Event()
    commit = Recorder(gate=gate)
    w = writer(commit)
    first = asyncio.ensure_future(w.submit("first"))
    await until(lambda: commit.transactions == [["first"]], what="the writer is inside its first transaction")
    later = [asyncio.ensure_future(w.submit(f"later{n}")) for n in range(5)]
    await until(lambda: w.depth == 5, what="five callers queued")
    gate.set()
    assert await first == "stored:first"
    assert await asyncio.gather(*later) == [f"stored:later{n}" for n in range(5)]
    assert commit.transactions == [["first"], [f"later{n}" for n in range(5)]]
    await w.close()


async def test_a_batch_never_exceeds_max_batch() -> None:
    commit = Recorder()
    w = writer(commit, max_batch=4)
    await asyncio.gather(*(w.submit(str(n)) for n in range(10)))
    assert [len(t) for t in commit.transactions] == [4, 4, 2]
    assert sorted(commit.committed, key=int) == [str(n) for n in range(10)]
    await w.close()


async def test_a_bad_item_fails_alone_and_the_rest_of_its_batch_is_stored() -> None:
    commit = Recorder()
    w = writer(commit)
    outcomes = await asyncio.gather(w.submit("a"), w.submit("bad"), w.submit("c"), return_exceptions=True)
    assert outcomes[0] == "stored:a" and outcomes[2] == "stored:c"
    assert isinstance(outcomes[1], Refused)
    # The shared transaction failed, then each item was tried in one of its own.
    assert commit.transactions == [["a", "bad", "c"], ["a"], ["bad"], ["c"]]
    assert commit.committed == ["a", "c"]
    await w.close()


async def test_a_database_error_fails_the_whole_batch_without_one_retry_per_item() -> None:
    commit = Recorder(down=True)
    w = writer(commit)
    outcomes = await asyncio.gather(*(w.submit(f"i{n}") for n in range(5)), return_exceptions=True)
    assert all(isinstance(o, DatabaseDown) for o in outcomes)
    assert len(commit.transactions) == 1
    await w.close()


async def test_a_commit_function_returning_the_wrong_number_of_results_fails_every_caller() -> None:
    async def short(items: Sequence[str]) -> list[str]:
        return ["only one"]

    w: GroupCommitter[str, str] = GroupCommitter(short, max_batch=10, max_queue=10, retry_alone=lambda e: True)
    outcomes = await asyncio.gather(w.submit("a"), w.submit("b"), return_exceptions=True)
    assert all(isinstance(o, RuntimeError) and "1 results for 2 items" in str(o) for o in outcomes)
    await w.close()


async def test_a_full_queue_makes_callers_wait_for_room_and_drops_nothing() -> None:
    gate = asyncio.Event()
    commit = Recorder(gate=gate)
    w = writer(commit, max_batch=2, max_queue=2)
    calls = [asyncio.ensure_future(w.submit(f"i{n}")) for n in range(6)]
    await until(lambda: bool(commit.transactions), what="the first transaction began")
    # Two items are in the (held) transaction; the other four wait for room, not in the queue.
    assert commit.transactions == [["i0", "i1"]] and w.depth == 0
    assert not any(c.done() for c in calls)
    gate.set()
    assert await asyncio.gather(*calls) == [f"stored:i{n}" for n in range(6)]
    assert all(len(t) <= 2 for t in commit.transactions)
    await w.close()


async def test_a_caller_cancelled_while_waiting_does_not_withdraw_its_item() -> None:
    gate = asyncio.Event()
    commit = Recorder(gate=gate)
    w = writer(commit)
    call = asyncio.ensure_future(w.submit("keep"))
    await until(lambda: bool(commit.transactions), what="the item is in a transaction")
    call.cancel()
    await asyncio.sleep(0)
    gate.set()
    await w.close()
    assert commit.committed == ["keep"]


async def test_close_commits_everything_queued_then_refuses_new_items() -> None:
    gate = asyncio.Event()
    commit = Recorder(gate=gate)
    w = writer(commit, max_batch=3)
    calls = [asyncio.ensure_future(w.submit(f"i{n}")) for n in range(7)]
    await until(lambda: bool(commit.transactions), what="the first transaction began")
    closing = asyncio.ensure_future(w.close())
    await asyncio.sleep(0)  # close() runs up to its wait for the writer
    assert not closing.done()  # it waits for the queued items, held behind the gate
    gate.set()
    await closing
    assert await asyncio.gather(*calls) == [f"stored:i{n}" for n in range(7)]
    assert sorted(commit.committed) == sorted(f"i{n}" for n in range(7))
    with pytest.raises(WriterClosed):
        await w.submit("too late")


async def test_closing_a_writer_that_never_wrote_is_harmless() -> None:
    w = writer(Recorder())
    await w.close()
    with pytest.raises(WriterClosed):
        await w.submit("x")


async def test_a_cancelled_writer_task_leaves_no_caller_waiting_forever() -> None:
    gate = asyncio.Event()  # never opened: the first transaction hangs
    commit = Recorder(gate=gate)
    w = writer(commit, max_batch=1)
    calls = [asyncio.ensure_future(w.submit(f"i{n}")) for n in range(3)]
    await until(lambda: bool(commit.transactions), what="the first transaction began")
    assert w._task is not None
    w._task.cancel()  # what happens to tasks when the event loop shuts down
    outcomes = await asyncio.gather(*calls, return_exceptions=True)
    assert all(isinstance(o, WriterClosed) for o in outcomes)
    with pytest.raises(WriterClosed):
        await w.submit("after")
    await w.close()  # closing after the task was cancelled is harmless


async def test_a_writer_cancelled_while_retrying_items_alone_leaves_no_caller_waiting() -> None:
    gate = asyncio.Event()
    calls_made = 0

    async def commit(items: Sequence[str]) -> list[str]:
        nonlocal calls_made
        calls_made += 1
        if len(items) > 1:
            raise Refused("shared transaction refused")
        await gate.wait()  # the first retry hangs until the task is cancelled
        return list(items)

    w: GroupCommitter[str, str] = GroupCommitter(commit, max_batch=10, max_queue=10, retry_alone=lambda e: True)
    calls = [asyncio.ensure_future(w.submit(f"i{n}")) for n in range(3)]
    await until(lambda: calls_made == 2, what="the batch, then the first retry")
    assert w._task is not None
    w._task.cancel()
    outcomes = await asyncio.gather(*calls, return_exceptions=True)
    assert all(isinstance(o, WriterClosed) for o in outcomes)


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError):
        GroupCommitter(Recorder(), max_batch=0, max_queue=1, retry_alone=lambda e: True)
    with pytest.raises(ValueError):
        GroupCommitter(Recorder(), max_batch=1, max_queue=0, retry_alone=lambda e: True)
