"""Celery: the same task code as the local pool, on any number of machines (Redis or RabbitMQ broker).

Tasks carry ids only (rescan id and batch number, inspection id); the payload bytes and the
results stay in the store and blob folder every worker shares. Acks are late: a task whose
worker dies is delivered again once the broker's visibility timeout passes (Redis; RabbitMQ
redelivers when the connection drops). The tasks are idempotent: batch leases stop two
workers from recording one batch twice, an inspection already done stores nothing again, and an
activity batch delivered twice skips its records the second time (record ids are stored with
the history it saved; see tasks/activity_ingest.py for why each subscription is serialised).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import sqlalchemy as sa
from celery import Celery

from inspector.config import Settings
from inspector.store import RescanInfo, Store
from inspector.store.inspections import redelivery_sweep_s, visibility_timeout
from inspector.tasks.worker import RulesetMismatch, process_state, run_rescan_batch

RESCAN_BATCH_TASK = "inspector.rescan_batch"
INSPECT_TASK = "inspector.inspect"
ACTIVITY_INGEST_TASK = "inspector.activity_ingest"
MISMATCH_RETRY_S = 5
PING_TIMEOUT_S = 1.0


#: An activity task that meets one of these database errors (a restart, a failover, a dropped
#: connection, SQLite busy) is retried with exponential backoff, up to ACTIVITY_MAX_RETRIES
#: times. A retry is idempotent: the record ids are stored with the history each save commits,
#: and what a stream held back is stored in the same transaction (tasks/activity_ingest.py).
ACTIVITY_TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.TimeoutError, ConnectionError, TimeoutError)
ACTIVITY_MAX_RETRIES = 5
ACTIVITY_RETRY_BACKOFF_S = 2  # first delay; doubles per retry
ACTIVITY_RETRY_BACKOFF_MAX_S = 120


def make_celery(settings: Settings) -> Celery:
    app = Celery("inspector", broker=settings.broker_url, set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=settings.celery_queue,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        # A Redis broker delivers an unacknowledged task again after this long: a worker killed
        # mid-inspection loses it for at most the deadline plus the lease grace (docs/deploy.md).
        # The sweep for such tasks runs every `redelivery_sweep_s` (Kombu's default is ~100 s).
        broker_transport_options={"visibility_timeout": visibility_timeout(settings),
                                  "unacked_restore_interval": redelivery_sweep_s(settings),
                                  "unacked_restore_throttle": 1},
    )

    @app.task(name=RESCAN_BATCH_TASK, bind=True, max_retries=20)
    def rescan_batch(task: Any, rescan_id: str, batch_no: int) -> dict[str, Any]:
        try:
            return asdict(run_rescan_batch(process_state(settings), rescan_id, batch_no))
        except RulesetMismatch as exc:  # this worker's rules are stale or ahead: let another take it
            raise task.retry(exc=exc, countdown=MISMATCH_RETRY_S) from None

    @app.task(name=INSPECT_TASK, bind=True, max_retries=3)
    def inspect(task: Any, inspection_id: str, encoded_input: dict[str, Any], fetch: bool | None = None) -> None:
        from inspector.tasks.inspect import decode_input, inspect_in_worker

        inspect_in_worker(process_state(settings), inspection_id, decode_input(encoded_input), fetch)

    @app.task(name=ACTIVITY_INGEST_TASK, autoretry_for=ACTIVITY_TRANSIENT_ERRORS,
              max_retries=ACTIVITY_MAX_RETRIES, retry_backoff=ACTIVITY_RETRY_BACKOFF_S,
              retry_backoff_max=ACTIVITY_RETRY_BACKOFF_MAX_S, retry_jitter=True)
    def activity_ingest(subscription_id: str, records: list[dict[str, Any]], inspect: bool = True,
                        flush: bool = False) -> dict[str, Any]:
        from inspector.tasks.activity_ingest import ingest_in_worker

        return asdict(ingest_in_worker(process_state(settings), subscription_id, records, inspect, flush))

    return app


def submit_activity(app: Celery, settings: Settings, chunks: dict[str, list[list[dict[str, Any]]]],
                    inspect: bool = True, flush: bool = True) -> int:
    """Queue each subscription's chunks as one chain (a chunk starts when the one before it is
    done, so a subscription's records are judged in event-time order); subscriptions run in
    parallel. Each task streams (what is not due yet stays held in the store for the next);
    with `flush` (a replay) the last task of a chain judges everything still held. The number
    of tasks queued."""
    from celery import chain

    queued = 0
    for subscription, parts in chunks.items():
        if not parts:
            continue
        last = len(parts) - 1
        signatures = [app.signature(ACTIVITY_INGEST_TASK, args=[subscription, part, inspect, flush and i == last],
                                    immutable=True, queue=settings.celery_queue) for i, part in enumerate(parts)]
        chain(*signatures).apply_async() if len(signatures) > 1 else signatures[0].apply_async()
        queued += len(signatures)
    return queued


class CeleryBatchRunner:
    """Queues every open batch on the broker and follows progress in the database."""

    def __init__(self, settings: Settings, app: Celery | None = None) -> None:
        self.settings = settings
        self.app = app or make_celery(settings)

    async def workers(self) -> int:
        """Workers answering a ping within a second; 1 when none does (they may start later)."""
        return max(1, await asyncio.to_thread(answering_workers, self.app, PING_TIMEOUT_S))

    def _send(self, rescan_id: str, batch_no: int) -> None:
        self.app.send_task(RESCAN_BATCH_TASK, args=[rescan_id, batch_no], queue=self.settings.celery_queue)

    async def run(self, store: Store, rescan: RescanInfo, on_progress: Callable[[], None]) -> None:
        sent: dict[int, float] = {}
        done = -1
        while True:
            info = await store.rescans.get(rescan.id, changes_limit=0)
            assert info is not None
            if info.progress.batches_done != done:
                done = info.progress.batches_done
                on_progress()
            if done >= info.progress.batches_total:
                return
            now = time.monotonic()
            # Re-send a batch only when a lease's worth of time passed since the last send: the
            # broker lost it, or its worker died without the broker noticing.
            due = [n for n, _state in await store.rescans.open_batches(rescan.id)
                   if n not in sent or now - sent[n] > self.settings.rescan_lease_s]
            for n in due:
                await asyncio.to_thread(self._send, rescan.id, n)
                sent[n] = now
            await asyncio.sleep(self.settings.rescan_poll_s)

    def close(self) -> None:
        self.app.close()


def submit_inspection(app: Celery, settings: Settings, inspection_id: str, inp: object,
                      fetch: bool | None = None) -> None:
    """Queue a stored ("queued") inspection for any worker; the verdict lands in the store."""
    from inspector.tasks.inspect import encode_input

    app.send_task(INSPECT_TASK, args=[inspection_id, encode_input(inp), fetch],  # type: ignore[arg-type]
                  queue=settings.celery_queue)


def broker_reachable(app: Celery) -> bool:
    """One connection attempt to the broker (readiness); False when it cannot be reached."""
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
    except Exception:  # kombu and the transports raise their own families
        return False
    return True


def answering_workers(app: Celery, timeout_s: float) -> int:
    """How many workers answer a broadcast ping within `timeout_s` (0 when the broker cannot be reached)."""
    try:
        replies = app.control.ping(timeout=timeout_s)
    except Exception:  # kombu and the transports raise their own families
        return 0
    return len(replies or [])
