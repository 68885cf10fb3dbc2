"""Ingest: records in, history learned, alerts out.

Order. Records are judged in event-time order: each is held in a reorder buffer until the
newest event time seen is `reorder` (default 1 hour) past it, so records up to an hour late or
out of order are judged exactly as if they had come in order, and a replayed month gives the
alerts the live stream gave. A record later than `max_lateness` behind its subscription's
newest event is skipped and counted: history that old is settled.

Two modes. A batch (the default, a replay) judges everything at its end (`finish()`), with one
watermark, the newest event time of the batch. A stream (`streaming=True`: POST /v1/activity,
the workers) is many small batches: each subscription's buffer outlives the batch. Its
watermark is the subscription's own newest event time (stored history, held records and this
batch), `finish()` judges only what that watermark has passed by `reorder`, and `save()` stores
what is still held (`activity_held`) in the transaction that saves the history, so the next
batch, in this process or another, picks it up; a crash between batches loses nothing and
judges nothing twice. Either mode first takes up what earlier streaming batches held for the
subscriptions it touches; a batch, or `finish(flush=True)`, judges it all.

A stream holds at most `max_held_records` per subscription: past it the oldest are judged at
once, in event order, and counted (`released_early`), so a flood inside one reorder window cannot
grow the stored buffer, or the rewrite of it each batch, without bound. Only a record later than
those judged early can then be judged out of order.

Once. A record id seen before (eventDataId, or the digest of correlation id, operation, status
and time) is skipped; an operation (its start and end records) is counted once; an alert is
stored once under its dedupe key (`inspector/store/activity.py`), so a replay raises nothing new.

Per record, in order: its request body goes through the payload pipeline (when an inspector is
given, results cached by body), every detector sees it against the history before it, then the
history learns it. Changes are saved in one transaction per `save()`.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import logging
from collections import OrderedDict
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from inspector.activity.alerts import ActivityAlert, Entity, iso
from inspector.activity.catalog import ALERT_INFO
from inspector.activity.detectors import DETECTORS, Context, Detector, Draft, Inspected
from inspector.activity.history import RECENT_HORIZON, OpEvent, SubscriptionHistory
from inspector.activity.limits import ActivityLimits
from inspector.activity.operations import Action, Family, Operation, classify
from inspector.activity.records import ActivityRecord, RecordError
from inspector.activity.state import load_history, to_changes
from inspector.redact import redact_text
from inspector.store.activity import ActivityRepository, AlertRow, HeldChanges, HeldRow

log = logging.getLogger(__name__)

# Inspects a record's request body: (record) -> the verdict, or None when the body is not a payload.
PayloadInspector = Callable[[ActivityRecord], Awaitable[Inspected | None]]
_VERDICT_CACHE = 4096
_MAX_VALUE = 512  # dimension values are cut here (stored keys stay bounded)
# A record held back: (event time, arrival seq, subscription, record id, the record). One read back
# from the store stays as stored (a dict) until judged: a buffer of thousands is not validated again
# on each batch only to be stored again.
_Held = tuple[datetime, int, str, str, "ActivityRecord | dict[str, Any]"]


@dataclass
class IngestReport:
    records: int = 0
    judged: int = 0
    duplicates: int = 0
    too_late: int = 0
    inspected: int = 0
    held: int = 0  # records still held back for reordering when the run ended (streaming)
    released_early: int = 0  # judged before the reorder window passed them: their subscription held too many
    errors: list[RecordError] = field(default_factory=list)
    alerts: list[ActivityAlert] = field(default_factory=list)


class Ingestor:
    """One ingest run over a store. Feed records (`add`), then `finish()`; `save()` in between
    bounds memory and makes the work durable."""

    def __init__(self, repository: ActivityRepository, limits: ActivityLimits, *,
                 inspector: PayloadInspector | None = None, detectors: Iterable[Detector] | None = None,
                 streaming: bool = False) -> None:
        self.repository = repository
        self.limits = limits
        self.inspector = inspector if limits.inspect_bodies else None
        self.detectors = list(detectors if detectors is not None else DETECTORS.values())
        self.streaming = streaming
        self.report = IngestReport()
        self._histories: dict[str, SubscriptionHistory] = {}
        # Reorder buffers by lane: one lane per subscription when streaming, one for the whole batch otherwise.
        self._held: dict[str, list[_Held]] = {}
        self._held_ids: set[tuple[str, str]] = set()  # (subscription, record id): a duplicate is not held twice
        self._taken_up: set[str] = set()  # subscriptions whose stored held records are in the buffers
        # What activity_held holds per subscription taken up (as of the last save), and the next
        # stored seq: a save writes only the difference, not the whole buffer again.
        self._stored: dict[str, set[str]] = {}
        self._next_stored_seq: dict[str, int] = {}
        self._seq = itertools.count()
        self._newest: dict[str, datetime] = {}  # watermark per lane
        self._pending: dict[str, tuple[ActivityAlert, Draft]] = {}  # alerts raised since the last save, by group
        self._verdicts: OrderedDict[str, Inspected | None] = OrderedDict()

    # --- feeding -----------------------------------------------------------------------------

    async def add(self, item: ActivityRecord | RecordError) -> None:
        if isinstance(item, RecordError):
            self.report.errors.append(item)
            return
        self.report.records += 1
        sub = item.subscription_id.casefold()
        await self.take_up(sub)
        if (sub, item.record_id) in self._held_ids:
            self.report.duplicates += 1
            return
        self._hold(sub, item)
        await self._release(self._lane(sub))

    async def take_up(self, subscription_id: str) -> None:
        """Load what earlier streaming batches held back for a subscription into the buffers
        (once per run); `finish(flush=True)` after it judges them even without a new record."""
        sub = subscription_id.casefold()
        if sub in self._taken_up:
            return
        self._taken_up.add(sub)
        history = await self._history(sub)
        lane = self._lane(sub)
        if self.streaming and history.newest is not None:
            self._advance(lane, history.newest)
        stored = await self.repository.held(sub)
        self._stored[sub] = {row.record_id for row in stored}
        self._next_stored_seq[sub] = max((row.seq for row in stored), default=-1) + 1
        if stored:  # read back as stored, validated only when judged
            heap = self._held.setdefault(lane, [])
            heap.extend((row.event_time, next(self._seq), sub, row.record_id, row.record) for row in stored)
            heapq.heapify(heap)
            self._held_ids.update((sub, row.record_id) for row in stored)
            self._advance(lane, stored[-1].event_time)  # they come in event-time order

    def _lane(self, subscription_id: str) -> str:
        return subscription_id if self.streaming else ""

    def _advance(self, lane: str, at: datetime) -> None:
        newest = self._newest.get(lane)
        if newest is None or at > newest:
            self._newest[lane] = at

    def _hold(self, sub: str, record: ActivityRecord) -> None:
        lane = self._lane(sub)
        at = record.event_time
        heapq.heappush(self._held.setdefault(lane, []), (at, next(self._seq), sub, record.record_id, record))
        self._held_ids.add((sub, record.record_id))
        self._advance(lane, at)

    async def _release(self, lane: str, *, everything: bool = False) -> None:
        heap = self._held.get(lane)
        if not heap:
            return
        release = self._newest[lane] - self.limits.reorder
        while heap and (everything or heap[0][0] <= release):
            await self._judge(self._pop(heap))
        # A stream's lane is one subscription, its buffer stored between batches: past the cap the
        # oldest are judged now, still in event order; only a record later than these loses its place.
        # (A batch's single lane is bounded by the batch itself, max_batch_records.)
        while self.streaming and len(heap) > self.limits.max_held_records:
            self.report.released_early += 1
            await self._judge(self._pop(heap))

    def _pop(self, heap: list[_Held]) -> ActivityRecord:
        _, _, sub, record_id, record = heapq.heappop(heap)
        self._held_ids.discard((sub, record_id))
        return record if isinstance(record, ActivityRecord) else ActivityRecord.model_validate(record)

    @property
    def held(self) -> int:
        return sum(len(heap) for heap in self._held.values())

    async def judge_due(self, *, flush: bool | None = None) -> None:
        """Judge what is due, without saving: a batch (and `flush=True`) every record still
        held; a stream what its subscription's watermark has passed by `reorder`."""
        everything = not self.streaming if flush is None else flush
        for lane in list(self._held):
            await self._release(lane, everything=everything)

    async def finish(self, *, flush: bool | None = None) -> list[ActivityAlert]:
        """Judge what is due, save, and return the alerts newly raised since the last save. A
        stream keeps back, and stores, what its subscription's watermark has not passed yet."""
        await self.judge_due(flush=flush)
        fresh = await self.save()
        self.report.held = self.held
        return fresh

    @property
    def unsaved(self) -> int:
        return sum(len(h.new_ops) + len(h.new_record_ids) for h in self._histories.values())

    async def save(self) -> list[ActivityAlert]:
        """Store the history changes and the alerts; the alerts that were new (not stored before)."""
        changes = [to_changes(h) for h in self._histories.values()]
        pending = [alert for alert, _ in self._pending.values()]
        rows = [AlertRow(id=a.id, subscription_id=a.subscription_id, dedupe_key=f"{draft.group}@{a.start_time}",
                         alert_type=a.alert_type, severity=a.severity, start_time=_parse(a.start_time),
                         end_time=_parse(a.end_time), body=a.model_dump(mode="json"))
                for a, draft in self._pending.values()]
        held, still = self._held_changes()
        inserted = await self.repository.save(changes, rows, held)
        self._stored.update(still)
        fresh = sorted((a for a in pending if a.id in inserted), key=lambda a: (a.start_time, a.alert_type))
        self._pending = {}
        for history in self._histories.values():
            history.prune(self.limits.retention, self.limits.max_lateness)
        self.report.alerts.extend(fresh)
        return fresh

    def _held_changes(self) -> tuple[dict[str, HeldChanges], dict[str, set[str]]]:
        """For each subscription taken up, how its stored held records change (those judged
        since the last save go, those held since come, in arrival order), and what it then holds."""
        still: dict[str, set[str]] = {sub: set() for sub in self._taken_up}
        added: dict[str, list[HeldRow]] = {sub: [] for sub in self._taken_up}
        for heap in self._held.values():
            for at, _, sub, record_id, record in sorted(heap, key=lambda entry: entry[:2]):
                still[sub].add(record_id)
                if record_id not in self._stored[sub]:
                    assert isinstance(record, ActivityRecord)  # what was read back is stored
                    seq = self._next_stored_seq[sub]
                    self._next_stored_seq[sub] = seq + 1
                    added[sub].append(HeldRow(record_id, at, seq, record.model_dump(mode="json")))
        changes = {sub: HeldChanges(removed=sorted(self._stored[sub] - still[sub]), added=added[sub],
                                    holds=bool(still[sub]))
                   for sub in self._taken_up}
        return changes, still

    async def prune_store(self) -> None:
        """Apply retention to the stored history of every subscription this run touched."""
        for history in self._histories.values():
            if history.newest is None:
                continue
            await self.repository.prune(
                history.subscription_id, history_before=history.newest - self.limits.retention,
                operations_before=history.newest - RECENT_HORIZON - self.limits.max_lateness,
                record_ids_before=history.newest - self.limits.max_lateness)

    # --- judging one record ------------------------------------------------------------------

    async def _history(self, subscription_id: str) -> SubscriptionHistory:
        key = subscription_id.casefold()  # Azure ids are case-insensitive
        history = self._histories.get(key)
        if history is None:
            history = await load_history(self.repository, key, self.limits)
            self._histories[key] = history
        return history

    async def _judge(self, record: ActivityRecord) -> None:
        history = await self._history(record.subscription_id)
        if history.is_duplicate(record.record_id):
            self.report.duplicates += 1
            return
        at = record.event_time
        if history.newest is not None and at < history.newest - self.limits.max_lateness:
            self.report.too_late += 1
            return
        self.report.judged += 1
        history.remember_record(record.record_id, at)
        history.observe_time(at)
        known = history.extensions.get(record.resource_id.casefold())
        operation = classify(record, known.extension_type if known else None)
        first = operation.key not in history.counted
        event = history.counted.get(operation.key) or _event(record, operation)
        inspected = history.verdicts.get(operation.key)
        if inspected is None and self.inspector is not None and record.request_body is not None \
                and operation.on_extension:
            inspected = await self._inspect(record)
            if inspected is not None:
                history.verdicts[operation.key] = inspected
        ctx = Context(record, operation, history, self.limits, first, event, inspected)
        for detector in self.detectors:
            for draft in detector.evaluate(ctx):
                self._raise(draft, ctx, detector)
        if first:
            _learn(history, record, operation, event)
        elif operation.family is Family.VM:
            history.learn_vm(operation.vm_id or operation.target_id, operation.vm_size, operation.os_type, at)

    async def _inspect(self, record: ActivityRecord) -> Inspected | None:
        assert self.inspector is not None
        digest = hashlib.sha256(json.dumps(record.request_body, sort_keys=True, default=str).encode()).hexdigest()
        if digest in self._verdicts:
            self._verdicts.move_to_end(digest)
            return self._verdicts[digest]
        self.report.inspected += 1
        try:
            inspected = await self.inspector(record)
        except Exception:  # one body that breaks the pipeline must not stop the stream
            log.exception("inspecting the request body of %s failed", record.position or record.record_id)
            inspected = None
        self._verdicts[digest] = inspected
        if len(self._verdicts) > _VERDICT_CACHE:
            self._verdicts.popitem(last=False)
        return inspected

    def _raise(self, draft: Draft, ctx: Context, detector: Detector) -> None:
        history = ctx.history
        group = f"{history.subscription_id}|{draft.group}"
        last = history.alert_keys.get(draft.group)
        if last is not None and (draft.suppress_for == timedelta(0) or ctx.at - last <= draft.suppress_for):
            # The same alert: while it is not saved yet, it grows with the new evidence (a fan-out
            # that follows a novelty), so it is printed once, whole.
            pending = self._pending.get(group)
            if pending is not None and draft.suppress_for:
                merged = _merge(pending[1], draft)
                self._pending[group] = (build_alert(merged, ctx, detector), merged)
                history.alert_keys[draft.group] = ctx.at
            return
        history.alert_keys[draft.group] = ctx.at
        self._pending[group] = (build_alert(draft, ctx, detector), draft)


def _merge(old: Draft, new: Draft) -> Draft:
    """One alert from two drafts of its group: every operation, the newest figures, and each
    line of evidence once (a line the new draft restates replaces the old one)."""
    restated = {" ".join(line.split()[:3]) for line in new.evidence}
    evidence = [line for line in old.evidence if " ".join(line.split()[:3]) not in restated] + new.evidence
    events = list(dict.fromkeys([*old.events, *new.events]))
    return Draft(old.alert_type, old.group, list(dict.fromkeys(evidence)), events, {**old.numbers, **new.numbers},
                 new.severity or old.severity, old.suppress_for)


def _event(record: ActivityRecord, operation: Operation) -> OpEvent:
    return OpEvent(record.event_time, operation.key, operation.family.value, operation.action.value,
                   _cut(record.caller), record.ip_range, operation.vm_id, operation.extension_type,
                   record.correlation_id)


def _cut(value: str | None) -> str | None:
    return value[:_MAX_VALUE] if value is not None else None


def _learn(history: SubscriptionHistory, record: ActivityRecord, operation: Operation, event: OpEvent) -> None:
    """What the history keeps of an operation: counters by dimension, and for extensions, Run
    Commands and VMs the operation itself, the extension's history and the inventory."""
    at, caller, ip_range = record.event_time, _cut(record.caller), record.ip_range
    history.count("caller", caller, at)
    history.count("ip", ip_range, at)
    history.count("operation", record.operation.casefold()[:_MAX_VALUE], at)
    family = operation.family
    if family is Family.VM:
        history.learn_vm(operation.vm_id or operation.target_id, operation.vm_size, operation.os_type, at)
    if family is Family.OTHER or family is Family.VM:
        return
    history.add_operation(event)
    if operation.action is Action.DELETE:
        history.count("caller_delete", caller, at)
        history.learn_extension(operation, caller, at)
        return
    history.count("family", family.value, at)
    history.count("caller_family", f"{caller}|{family.value}", at)
    history.count("caller_action", f"{caller}|{operation.action.value}", at)
    if operation.extension_type:
        history.count("extension_type", operation.extension_type, at)
        history.count("caller_ext_type", f"{caller}|{operation.extension_type}", at)
    if operation.signature:
        history.count("cse_signature", operation.signature, at)
    if family is not Family.RUN_COMMAND:
        history.learn_extension(operation, caller, at)


def build_alert(draft: Draft, ctx: Context, detector: Detector) -> ActivityAlert:
    info = ALERT_INFO[draft.alert_type]
    events = sorted(set(draft.events) | {ctx.event})
    start, end = events[0].time, max(max(e.time for e in events), ctx.at)
    vms = list(dict.fromkeys(e.vm_id for e in events if e.vm_id))
    correlations = list(dict.fromkeys(e.correlation_id for e in events if e.correlation_id))
    entities = [Entity(type="azure-resource", value=vm) for vm in vms]
    if ctx.record.caller:
        entities.append(Entity(type="account", value=ctx.record.caller))
    if ctx.record.caller_ip:
        entities.append(Entity(type="ip", value=ctx.record.caller_ip))
    seed = f"{ctx.record.subscription_id.casefold()}|{draft.group}|{iso(start)}"
    inspected = ctx.inspected
    return ActivityAlert(
        id=hashlib.sha256(seed.encode()).hexdigest()[:32],
        alert_type=draft.alert_type,
        display_name=info.display_name,
        severity=draft.severity or info.severity,  # type: ignore[arg-type]
        subscription_id=ctx.record.subscription_id,
        resource_ids=vms,
        entities=entities,
        start_time=iso(start),
        end_time=iso(end),
        tactics=[info.tactic],
        techniques=list(detector.spec.techniques),
        evidence=[redact_text(e) for e in draft.evidence],
        numbers={k: float(v) for k, v in draft.numbers.items()},
        correlation_ids=correlations,
        inspection_id=inspected.inspection_id if inspected else None,
        verdict=inspected.verdict if inspected else None,
        detector=detector.spec.name,
        description=info.description,
    )


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


async def ingest(records: Iterable[ActivityRecord | RecordError] | AsyncIterable[ActivityRecord | RecordError],
                 repository: ActivityRepository, limits: ActivityLimits, *,
                 inspector: PayloadInspector | None = None, save_every: int = 20_000,
                 streaming: bool = False, flush: bool | None = None) -> IngestReport:
    """Ingest a batch of records. By default one call is one batch: what it still holds is
    judged at its end; `streaming=True` keeps back what is not due yet for the next call
    (`flush=True` judges it all). The report lists the alerts newly raised, the errors per bad
    record and the counts (`held`: records still held back)."""
    ingestor = Ingestor(repository, limits, inspector=inspector, streaming=streaming)
    if flush:  # every subscription with records held back, not only those of these records
        for subscription_id in await repository.held_subscriptions():
            await ingestor.take_up(subscription_id)
    if isinstance(records, AsyncIterable):
        async for item in records:
            await ingestor.add(item)
            if ingestor.unsaved >= save_every:
                await ingestor.save()
    else:
        for item in records:
            await ingestor.add(item)
            if ingestor.unsaved >= save_every:
                await ingestor.save()
    await ingestor.finish(flush=flush)
    await ingestor.prune_store()
    return ingestor.report
