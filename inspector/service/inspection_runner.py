"""Runs inspections for the service (API and console alike): admission, the wait for a verdict,
storage, shutdown.

An admitted inspection runs as a background task, so a caller that stops waiting (its
deadline passed, `Prefer: respond-async`, or a dropped connection) does not stop the work:
the verdict is stored and can be fetched later. A fast inspection is written to the store
once, when its verdict is ready; only one that outlives the caller's wait is recorded as
running first, so that polling finds it.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from dataclasses import dataclass
from typing import Any

from inspector.config import Settings
from inspector.extensions import understand
from inspector.extensions.request import InputError, InspectionInput
from inspector.logging_setup import get_logger
from inspector.model import Verdict
from inspector.pipeline import InspectionResult, Inspector
from inspector.service.admission import WorkQueue
from inspector.service.metrics import ServiceMetrics
from inspector.service.problems import INTERNAL_ERROR, NOT_READY, SHUTTING_DOWN, UNINSPECTABLE_INPUT, ProblemError
from inspector.store import Store

log = get_logger("inspector.service.inspection_runner")


@dataclass(frozen=True)
class Submission:
    """What the caller asked for, besides the input itself."""

    kind: str
    key_id: str
    input_name: str | None = None
    fetch: bool | None = None


@dataclass(frozen=True)
class Outcome:
    """The answer for the caller: a verdict, or an id to poll."""

    inspection_id: str
    verdict: Verdict | None
    verdict_json: str | None = None  # the verdict as stored, sent as is (serialised once)


class _Failure(Exception):
    """An inspection ended without a verdict; `kind` is stored as its error kind."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


class InspectionRunner:
    def __init__(self, settings: Settings, inspector: Inspector, store: Store, metrics: ServiceMetrics,
                 workers: int) -> None:
        self.settings = settings
        self.inspector = inspector
        self.store = store
        self.metrics = metrics
        self.queue = WorkQueue(settings.api_queue_size, workers)
        self.accepting = True
        self._tasks: set[asyncio.Task[None]] = set()
        metrics.queue_capacity.set(settings.api_queue_size)
        self._celery: Any = None  # engine "celery": the broker connection, made on first use

    async def run(self, inp: InspectionInput, sub: Submission, wait_s: float) -> Outcome:
        """Admit, start and wait up to `wait_s` for an inspection (429/503 problems when refused)."""
        if self.settings.engine == "celery":
            return await self._run_with_celery(inp, sub, wait_s)
        if not self.accepting:
            raise ProblemError(SHUTTING_DOWN, "the service is shutting down; retry on another instance",
                               headers={"Retry-After": "1"})
        self.queue.admit()
        self.metrics.queue_depth.set(self.queue.depth)
        loop = asyncio.get_running_loop()
        inspection_id = uuid.uuid4().hex
        # The task hands its outcome to the waiting caller; the caller tells the task whether a
        # row exists to store it in (no row for an input rejected while the caller waited).
        result_ready: asyncio.Future[InspectionResult] = loop.create_future()
        row_exists: asyncio.Future[bool] = loop.create_future()
        task = asyncio.create_task(self._inspect(inp, sub, inspection_id, result_ready, row_exists))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        recorded = False
        try:
            try:
                async with asyncio.timeout(wait_s):
                    result = await asyncio.shield(result_ready)
            except TimeoutError:
                _stop_waiting(result_ready)
                await self._record_running(inp, sub, inspection_id, task)
                recorded = True
                return Outcome(inspection_id, None)
            except _Failure as failure:
                raise _as_problem(failure) from None
            except asyncio.CancelledError:
                # The client went away while waiting: the inspection goes on, recorded for later reads.
                _stop_waiting(result_ready)
                await asyncio.shield(self._record_running(inp, sub, inspection_id, task))
                recorded = True
                raise
            # Row, verdict and tree in one write (shared with concurrent requests'); `recorded` stays
            # False, so the task has nothing left to store.
            verdict_json = result.verdict.model_dump_json()
            await self.store.inspections.save_completed(inspection_id, sub.kind, result.plan.redacted_request,
                                                        result.plan.context, sub.key_id, sub.input_name,
                                                        result.verdict, result.blobs, verdict_json=verdict_json)
        finally:
            if not row_exists.done():
                row_exists.set_result(recorded)
        await task  # its bookkeeping (queue, metrics) is done by now
        return Outcome(inspection_id, result.verdict, verdict_json)

    async def _record_running(self, inp: InspectionInput, sub: Submission, inspection_id: str,
                              task: asyncio.Task[None]) -> None:
        """Create the row for an inspection the caller stopped waiting for.

        The row needs the redacted request, which the pipeline only hands back with the verdict;
        reading the request again here is cheap and happens only on this slow path.
        """
        try:
            plan = understand(inp)
        except InputError:
            # The background task meets the same error and stores it as the failure.
            request: Any = None
            context: Any = inp.context
        else:
            request, context = plan.redacted_request, plan.context
        await self.store.inspections.create(inspection_id, sub.kind, request, context, sub.key_id, sub.input_name)
        if not task.done():
            await self.store.inspections.mark_running(inspection_id)

    async def _inspect(self, inp: InspectionInput, sub: Submission, inspection_id: str,
                       result_ready: asyncio.Future[InspectionResult], row_exists: asyncio.Future[bool]) -> None:
        started = time.monotonic()
        cancelled = False
        outcome: InspectionResult | _Failure
        try:
            outcome = await self._analyse(inp, sub, inspection_id)
        except _Failure as failure:  # (an input that cannot be inspected, a deadline): the caller's answer
            outcome = failure
        except asyncio.CancelledError:
            cancelled = True
            outcome = _Failure("shutdown", "the service stopped before the inspection finished")
        finally:
            elapsed = time.monotonic() - started
            self.queue.release(elapsed)
            self.metrics.queue_depth.set(self.queue.depth)
            self.metrics.inspection_seconds.observe(elapsed)
        if isinstance(outcome, _Failure):
            self.metrics.inspection_failures.labels(kind=outcome.kind).inc()
            if not result_ready.done():
                result_ready.set_exception(outcome)
        else:
            self.metrics.record_verdict(outcome.verdict)
            if not result_ready.done():
                result_ready.set_result(outcome)
        if await asyncio.shield(row_exists):
            if isinstance(outcome, _Failure):
                await self._store_failure(inspection_id, outcome)
            else:
                try:
                    await self.store.inspections.save_verdict(inspection_id, outcome.verdict, outcome.blobs)
                except Exception as exc:  # the caller may have its verdict already; the log says why it is not stored
                    log.exception("verdict_not_stored", inspection_id=inspection_id, error_type=type(exc).__name__)
        if cancelled:
            raise asyncio.CancelledError

    async def _analyse(self, inp: InspectionInput, sub: Submission, inspection_id: str) -> InspectionResult:
        """The pipeline's inspection under the service's hard time bound; failures become `_Failure`."""
        try:
            async with asyncio.timeout(self.settings.api_inspection_timeout_s):
                return await self.inspector.inspect(inp, inspection_id=inspection_id, fetch=sub.fetch,
                                                    input_name=sub.input_name)
        except InputError as exc:
            raise _Failure(exc.kind, exc.detail) from None
        except TimeoutError:
            limit = self.settings.api_inspection_timeout_s
            raise _Failure("deadline", f"the inspection took longer than {limit:g} s") from None
        except Exception as exc:
            log.exception("inspection_crashed", inspection_id=inspection_id, error_type=type(exc).__name__)
            raise _Failure("internal_error", "the inspection failed unexpectedly") from None

    async def _store_failure(self, inspection_id: str, failure: _Failure) -> None:
        try:
            await self.store.inspections.mark_failed(inspection_id, failure.kind, failure.detail)
        except Exception as exc:  # the row may not exist if the caller got its answer synchronously
            log.debug("failure_not_recorded", inspection_id=inspection_id, error_type=type(exc).__name__)

    # ------------------------------------------------------------------ engine "celery"

    async def _run_with_celery(self, inp: InspectionInput, sub: Submission, wait_s: float) -> Outcome:
        """Engine `celery`: what answers 202 runs on any `inspector worker`, not in this replica.

        Within the caller's wait the inspection runs here, as with the local engine, so quick
        answers stay quick. `Prefer: respond-async` queues at once; an inspection still running
        when the wait ends is stopped here and queued, so it does not depend on this replica
        staying up (the worker starts it over; analysis is deterministic).
        """
        if not self.accepting:
            raise ProblemError(SHUTTING_DOWN, "the service is shutting down; retry on another instance",
                               headers={"Retry-After": "1"})
        inspection_id = uuid.uuid4().hex
        if wait_s > 0:
            self.queue.admit()
            self.metrics.queue_depth.set(self.queue.depth)
            local = asyncio.create_task(self._analyse_admitted(inp, sub, inspection_id))
            try:
                await asyncio.wait({local}, timeout=wait_s)
            except asyncio.CancelledError:  # the client went away: the inspection still gets a verdict
                local.cancel()
                await asyncio.shield(self._queue_on_celery(inp, sub, inspection_id))
                raise
            if local.done():
                try:
                    result = local.result()
                except _Failure as failure:
                    raise _as_problem(failure) from None
                await self.store.inspections.save_completed(inspection_id, sub.kind, result.plan.redacted_request,
                                                            result.plan.context, sub.key_id, sub.input_name,
                                                            result.verdict, result.blobs)
                return Outcome(inspection_id, result.verdict)
            local.cancel()
        await self._queue_on_celery(inp, sub, inspection_id)
        return Outcome(inspection_id, None)

    async def _analyse_admitted(self, inp: InspectionInput, sub: Submission, inspection_id: str) -> InspectionResult:
        """`_analyse` for an admitted inspection, with the queue and metrics kept as `_inspect` keeps them."""
        started = time.monotonic()
        try:
            result = await self._analyse(inp, sub, inspection_id)
        except _Failure as failure:
            self.metrics.inspection_failures.labels(kind=failure.kind).inc()
            raise
        finally:
            elapsed = time.monotonic() - started
            self.queue.release(elapsed)
            self.metrics.queue_depth.set(self.queue.depth)
            self.metrics.inspection_seconds.observe(elapsed)
        self.metrics.record_verdict(result.verdict)
        return result

    async def _queue_on_celery(self, inp: InspectionInput, sub: Submission, inspection_id: str) -> None:
        """Record the inspection as queued and hand it to the broker.

        An input that cannot be inspected is refused now (422) rather than queued to fail; a
        broker that cannot be reached is a 503 and the row is marked failed, never left queued.
        """
        from inspector.tasks.celery_app import make_celery, submit_inspection

        try:
            plan = await asyncio.to_thread(understand, inp)
        except InputError as exc:
            raise ProblemError(UNINSPECTABLE_INPUT, f"{exc.kind}: {exc.detail}") from None
        await self.store.inspections.create(inspection_id, sub.kind, plan.redacted_request, plan.context,
                                            sub.key_id, sub.input_name)
        if self._celery is None:
            self._celery = make_celery(self.settings)
        try:
            await asyncio.to_thread(submit_inspection, self._celery, self.settings, inspection_id, inp, sub.fetch)
        except Exception as exc:  # kombu raises its own OperationalError family when the broker is down
            log.error("inspection_not_queued", inspection_id=inspection_id, error_type=type(exc).__name__)
            await self._store_failure(inspection_id, _Failure("queue_unavailable", "the task queue is unreachable"))
            raise ProblemError(NOT_READY, "the task queue is unreachable; retry later",
                               headers={"Retry-After": "5"}) from None
        self.metrics.celery_queued.inc()
        log.info("inspection_queued", inspection_id=inspection_id, queue=self.settings.celery_queue)

    async def drain(self, grace_s: float) -> int:
        """Stop admitting, let in-flight inspections finish for `grace_s`, cancel the rest.

        Returns how many had to be cancelled (they are stored as failed with kind `shutdown`).
        """
        self.accepting = False
        if self._celery is not None:
            self._celery.close()
        pending = set(self._tasks)
        if not pending:
            return 0
        log.info("draining_inspections", in_flight=len(pending), grace_s=grace_s)
        _done, still = await asyncio.wait(pending, timeout=grace_s)
        for task in still:
            task.cancel()
        if still:
            await asyncio.wait(still, timeout=5)
        return len(still)


def worker_count(settings: Settings) -> int:
    """`api_workers`, or one per CPU but one: under load the server's own process (event loop,
    validation, storing verdicts) keeps a core busy, and a scan worker on that core would only
    take turns with it (measured in docs/performance.md)."""
    return settings.api_workers or max(1, (os.cpu_count() or 1) - 1)


async def warm_workers(inspector: Inspector, workers: int) -> None:
    """Start every worker process before serving (`workers` is the pool size it was built with).

    The pool starts its processes on first use, and starting one blocks the event loop until
    the child has read its start-up data (seconds on a busy machine); doing it here keeps that
    stall out of the first requests.
    """
    await inspector.warm_up()


def _stop_waiting(result_ready: asyncio.Future[InspectionResult]) -> None:
    """Nobody waits for this outcome any more: cancel it, or consume an outcome that just arrived."""
    if not result_ready.cancel() and not result_ready.cancelled():
        result_ready.exception()


def _as_problem(failure: _Failure) -> ProblemError:
    if failure.kind == "internal_error":
        return ProblemError(INTERNAL_ERROR, failure.detail)
    if failure.kind == "shutdown":
        return ProblemError(SHUTTING_DOWN, failure.detail, headers={"Retry-After": "1"})
    if failure.kind == "deadline":
        return ProblemError(UNINSPECTABLE_INPUT, failure.detail)
    return ProblemError(UNINSPECTABLE_INPUT, f"{failure.kind}: {failure.detail}")
