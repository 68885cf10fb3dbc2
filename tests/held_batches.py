"""Rescan batches held back from the workers, so that a test decides how far a run can get.

A test that kills a rescan "midway" must know the run cannot finish first, however fast the
machine: it leases every batch past the first few to an owner that does no work, then hands
them back by ending those leases, as if the hour had passed.
"""

from __future__ import annotations

from datetime import timedelta

from inspector.store import Store

HOLDER = "test: batches held back"


async def hold_back(store: Store, rescan_id: str, batches: range) -> None:
    """Lease `batches` for an hour to an owner that never scans them."""
    for batch_no in batches:
        assert await store.rescans.claim_batch(rescan_id, batch_no, HOLDER, timedelta(hours=1)) is not None


async def give_back(store: Store, rescan_id: str, batches: range) -> None:
    """End the leases taken by `hold_back` now: the batches are open to any run again."""
    for batch_no in batches:
        assert await store.rescans.claim_batch(rescan_id, batch_no, HOLDER, timedelta(seconds=-1)) is not None
