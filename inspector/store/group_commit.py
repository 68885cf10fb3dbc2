"""Group commit: one writer task turns the writes of many concurrent callers into few transactions.

A write transaction costs about the same whether it carries one inspection or a hundred (on
SQLite each statement is a hop to the driver's thread, and every writer queues for one lock;
on PostgreSQL each statement is a round trip). So callers do not open their own: `submit`
queues an item and waits for that item's own result, and a single writer task commits
whatever has queued up while its previous transaction ran, up to `max_batch` items at once.
Under light load a batch is one item and nothing waits longer than its own transaction;
under heavy load batches grow and the transaction count stays flat.

Guarantees:
- `submit` returns only after the transaction holding its item has committed (or raises the
  error that prevented it): an answer built on it may promise the data is stored.
- A caller that stops waiting (cancelled) does not withdraw its item: it is still committed.
- A failed batch is retried one item per transaction, so an item that cannot be stored (a
  duplicate id, a value the database refuses) fails alone with its own error; errors that
  concern the database rather than an item (connection lost, lock timeout) fail the batch
  without the retries, which would only wait out the same error once per item.
- The queue is bounded: when `max_queue` items wait, `submit` waits for room (backpressure);
  nothing is dropped.
- `close()` refuses new items, commits everything already queued, then stops the task.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

from inspector.logging_setup import get_logger

log = get_logger("inspector.store.group_commit")

Item = TypeVar("Item")
Result = TypeVar("Result")


class WriterClosed(RuntimeError):
    """The writer was closed before the item could be queued or committed."""


class GroupCommitter(Generic[Item, Result]):
    """Commit items of many concurrent callers in shared transactions (see the module docstring).

    `commit_batch(items)` writes all `items` in ONE transaction and returns one result per item,
    in order, or raises (the whole transaction rolled back). `retry_alone(exc)` says whether a
    failed batch should be retried item by item (True for errors an item can cause).
    """

    def __init__(
        self,
        commit_batch: Callable[[Sequence[Item]], Awaitable[Sequence[Result]]],
        *,
        max_batch: int,
        max_queue: int,
        retry_alone: Callable[[Exception], bool],
        name: str = "writer",
    ) -> None:
        if max_batch < 1 or max_queue < 1:
            raise ValueError("max_batch and max_queue must be at least 1")
        self._commit_batch = commit_batch
        self._retry_alone = retry_alone
        self.max_batch = max_batch
        self.max_queue = max_queue
        self.name = name
        self._pending: deque[tuple[Item, asyncio.Future[Result]]] = deque()
        self._room = asyncio.Semaphore(max_queue)  # one permit per queued or in-flight item
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self._stopped = False
        # Counters for tests, metrics and benchmarks (this process only).
        self.batches = 0
        self.items = 0
        self.largest_batch = 0

    @property
    def depth(self) -> int:
        """Items queued and not yet taken into a transaction."""
        return len(self._pending)

    async def submit(self, item: Item) -> Result:
        """Queue `item`, wait until its transaction has committed, and return its result."""
        if self._closing:
            raise WriterClosed(f"the store's {self.name} is closed")
        await self._room.acquire()
        # No await between this check and the append: the writer either sees the item or has
        # already stopped, and then the item is refused here rather than left waiting forever.
        if self._stopped:
            self._room.release()
            raise WriterClosed(f"the store's {self.name} is closed")
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        future.add_done_callback(_consume_exception)
        self._pending.append((item, future))
        self._wake.set()
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name=f"store-{self.name}")
        # shield: a caller that gives up (a dropped client) must not cancel a write others share.
        return await asyncio.shield(future)

    async def close(self) -> None:
        """Refuse new items, commit the queued ones, stop the writer task."""
        self._closing = True
        self._wake.set()
        if self._task is not None:
            await asyncio.wait({self._task})  # never cancels the task; a task cancelled earlier is just done
        self._stopped = True

    async def _run(self) -> None:
        try:
            while True:
                if not self._pending:
                    if self._closing:
                        break
                    self._wake.clear()
                    await self._wake.wait()
                    continue
                batch = [self._pending.popleft() for _ in range(min(self.max_batch, len(self._pending)))]
                self.batches += 1
                self.items += len(batch)
                self.largest_batch = max(self.largest_batch, len(batch))
                try:
                    await self._commit(batch)
                finally:
                    for _ in batch:
                        self._room.release()
        finally:
            # Also reached when the task is cancelled (the event loop is going away): nobody may
            # be left waiting for a write that will never happen.
            self._stopped = True
            while self._pending:
                _item, future = self._pending.popleft()
                if not future.done():
                    future.set_exception(WriterClosed(f"the store's {self.name} stopped before this write"))
                self._room.release()

    async def _commit(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        try:
            results = await self._commit_batch([item for item, _ in batch])
        except Exception as exc:  # noqa: BLE001 - handed to every caller of the batch, never lost
            if len(batch) == 1 or not self._retry_alone(exc):
                for _item, future in batch:
                    _settle(future, exc=exc)
                return
            log.info("group_commit_retrying_alone", writer=self.name, items=len(batch), error_type=type(exc).__name__)
            try:
                for item, future in batch:
                    await self._commit([(item, future)])
            except BaseException:  # cancelled among the retries: the items not retried yet must not hang
                for _item, future in batch:
                    _settle(future, exc=WriterClosed(f"the store's {self.name} stopped during this write"))
                raise
            return
        except BaseException:
            # Cancelled (the event loop is going away) mid-transaction: it rolled back.
            for _item, future in batch:
                _settle(future, exc=WriterClosed(f"the store's {self.name} stopped during this write"))
            raise
        if len(results) != len(batch):  # a bug in commit_batch, reported to every caller
            error = RuntimeError(f"{self.name}: {len(results)} results for {len(batch)} items")
            for _item, future in batch:
                _settle(future, exc=error)
            return
        for (_item, future), result in zip(batch, results, strict=True):
            _settle(future, result=result)


def _settle(future: asyncio.Future[Result], *, result: Result | None = None, exc: Exception | None = None) -> None:
    if future.done():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(result)  # type: ignore[arg-type]


def _consume_exception(future: asyncio.Future[Result]) -> None:
    """Mark an error as seen: a caller that was cancelled while waiting never reads it."""
    if not future.cancelled():
        future.exception()
