"""One subscription's activity history, in memory while records are ingested, and the questions
detectors ask of it.

What is kept (and stored, `inspector/store/activity.py`): for each dimension (caller, caller IP
range, operation, extension family per caller, ...) when it was first and last seen and how often
per day: counters, not copies of records. Each VM's size and OS. Each extension resource's
install/delete history. The extension and Run Command operations of the last day, for the windows
the fan-out detectors count over. Record ids of the last `max_lateness`, so a record sent twice
counts once. Everything is keyed by event time, never the wall clock.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import deque
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from inspector.activity.operations import Action, Family, Operation

RECENT_HORIZON = timedelta(days=1)  # the longest window a detector counts over


@dataclass
class Seen:
    first: datetime
    last: datetime


@dataclass
class VmInfo:
    size: str | None = None
    os_type: str | None = None
    updated: datetime | None = None


@dataclass
class ExtensionState:
    """One extension resource (…/virtualMachines/vm/extensions/name): what it is and its history."""

    vm_id: str | None
    extension_type: str | None
    family: Family
    installs: int = 0
    deletes: int = 0
    last_install: datetime | None = None
    last_install_by: str | None = None
    last_delete: datetime | None = None


@dataclass(frozen=True, order=True)
class OpEvent:
    """One extension, Run Command or VM operation, counted once across its start and end records."""

    time: datetime
    key: str
    family: str
    action: str
    caller: str | None
    ip_range: str | None
    vm_id: str | None
    extension_type: str | None
    correlation_id: str | None


@dataclass
class SubscriptionHistory:
    subscription_id: str
    first_time: datetime | None = None
    newest: datetime | None = None
    seen: dict[tuple[str, str], Seen] = field(default_factory=dict)
    daily: dict[tuple[str, str], dict[date, int]] = field(default_factory=dict)
    vms: dict[str, VmInfo] = field(default_factory=dict)
    extensions: dict[str, ExtensionState] = field(default_factory=dict)
    recent: list[OpEvent] = field(default_factory=list)       # sorted by time
    counted: dict[str, OpEvent] = field(default_factory=dict)  # operation key -> its event
    record_ids: dict[str, datetime] = field(default_factory=dict)
    alert_keys: dict[str, datetime] = field(default_factory=dict)  # raised alerts' dedupe keys
    verdicts: dict[str, tuple[str, str]] = field(default_factory=dict)  # operation key -> (inspection id, verdict)
    # What changed since the last save.
    dirty_seen: set[tuple[str, str]] = field(default_factory=set)
    dirty_daily: set[tuple[str, str, date]] = field(default_factory=set)
    dirty_vms: set[str] = field(default_factory=set)
    dirty_extensions: set[str] = field(default_factory=set)
    new_ops: list[OpEvent] = field(default_factory=list)
    new_record_ids: list[tuple[str, datetime]] = field(default_factory=list)
    _expiry: deque[tuple[datetime, str]] = field(default_factory=deque)

    # --- questions -----------------------------------------------------------------------

    def history_span(self, at: datetime) -> timedelta:
        """How much history lies before `at` (the learning period compares with this)."""
        return at - self.first_time if self.first_time is not None and self.first_time < at else timedelta(0)

    def seen_within(self, dimension: str, value: str | None, at: datetime, lookback: timedelta) -> bool:
        """Whether `value` was seen before `at`, within the lookback."""
        if value is None:
            return True  # nothing to compare: not a novelty
        entry = self.seen.get((dimension, value))
        return entry is not None and entry.first < at and entry.last >= at - lookback

    def first_seen(self, dimension: str, value: str) -> datetime | None:
        entry = self.seen.get((dimension, value))
        return entry.first if entry else None

    def per_day(self, dimension: str, value: str, at: datetime, lookback: timedelta) -> float:
        """Average count a day over the history before `at`'s day, within the lookback."""
        days = self.daily.get((dimension, value))
        span_days = min(lookback, self.history_span(at)).total_seconds() / 86400
        if not days or span_days < 1:
            return 0.0
        start, end = (at - lookback).date(), at.date()
        total = sum(count for day, count in days.items() if start <= day < end)
        return total / max(int(span_days), 1)

    def peak_day(self, dimension: str, value: str, at: datetime, lookback: timedelta) -> int:
        """The busiest day's count before `at`'s day, within the lookback."""
        days = self.daily.get((dimension, value))
        if not days:
            return 0
        start, end = (at - lookback).date(), at.date()
        return max((count for day, count in days.items() if start <= day < end), default=0)

    def window(self, at: datetime, width: timedelta, *, family: str | None = None, action: str | None = None,
               caller: str | None = None, vm_id: str | None = None) -> list[OpEvent]:
        """The operations in [at - width, at], optionally of one family, action, caller or VM."""
        start = bisect_left(self.recent, (at - width,), key=lambda e: (e.time,))
        return [e for e in self.recent[start:]
                if e.time <= at and (family is None or e.family == family) and (action is None or e.action == action)
                and (caller is None or e.caller == caller)
                and (vm_id is None or (e.vm_id or "").casefold() == vm_id.casefold())]

    def vm_size(self, vm_id: str | None) -> str | None:
        info = self.vms.get((vm_id or "").casefold())
        return info.size if info else None

    # --- learning --------------------------------------------------------------------------

    def is_duplicate(self, record_id: str) -> bool:
        return record_id in self.record_ids

    def remember_record(self, record_id: str, at: datetime) -> None:
        self.record_ids[record_id] = at
        self.new_record_ids.append((record_id, at))
        self._expiry.append((at, record_id))

    def observe_time(self, at: datetime) -> None:
        if self.first_time is None or at < self.first_time:
            self.first_time = at
        if self.newest is None or at > self.newest:
            self.newest = at

    def count(self, dimension: str, value: str | None, at: datetime) -> None:
        if value is None:
            return
        key = (dimension, value)
        entry = self.seen.get(key)
        if entry is None:
            self.seen[key] = Seen(at, at)
        else:
            entry.first = min(entry.first, at)
            entry.last = max(entry.last, at)
        day = at.date()
        days = self.daily.setdefault(key, {})
        days[day] = days.get(day, 0) + 1
        self.dirty_seen.add(key)
        self.dirty_daily.add((dimension, value, day))

    def add_operation(self, event: OpEvent) -> None:
        self.counted[event.key] = event
        insort(self.recent, event)
        self.new_ops.append(event)

    def learn_vm(self, vm_id: str, size: str | None, os_type: str | None, at: datetime) -> None:
        vm_id = vm_id.casefold()
        info = self.vms.setdefault(vm_id, VmInfo())
        if info.updated is not None and info.updated > at:
            return  # an older record does not overwrite what a newer one said
        info.size = size or info.size
        info.os_type = os_type or info.os_type
        info.updated = at
        self.dirty_vms.add(vm_id)

    def learn_extension(self, operation: Operation, caller: str | None, at: datetime) -> ExtensionState:
        state = self.extensions.get(operation.target_id)
        if state is None:
            state = ExtensionState(operation.vm_id, operation.extension_type, operation.family)
            self.extensions[operation.target_id] = state
        if operation.extension_type and not state.extension_type:
            state.extension_type, state.family = operation.extension_type, operation.family
        if operation.action is Action.WRITE:
            state.installs += 1
            if state.last_install is None or at >= state.last_install:
                state.last_install, state.last_install_by = at, caller
        elif operation.action is Action.DELETE:
            state.deletes += 1
            state.last_delete = max(state.last_delete or at, at)
        self.dirty_extensions.add(operation.target_id)
        return state

    def prune(self, retention: timedelta, max_lateness: timedelta) -> None:
        """Forget what is past its horizon, measured from the newest event time."""
        if self.newest is None:
            return
        recent_from = self.newest - RECENT_HORIZON - max_lateness
        if self.recent and self.recent[0].time < recent_from:
            cut = bisect_left(self.recent, (recent_from,), key=lambda e: (e.time,))
            for event in self.recent[:cut]:
                self.counted.pop(event.key, None)
                self.verdicts.pop(event.key, None)
            del self.recent[:cut]
        keys_from = self.newest - max_lateness
        while self._expiry and self._expiry[0][0] < keys_from:
            _, record_id = self._expiry.popleft()
            if self.record_ids.get(record_id, keys_from) < keys_from:
                del self.record_ids[record_id]
        for key, at in list(self.alert_keys.items()):
            if at < recent_from:
                del self.alert_keys[key]

    def take_changes(self) -> dict[str, Any]:
        """What changed since the last call, as rows for the store; the dirty marks are cleared."""
        changes = {
            "subscription": (self.subscription_id, self.first_time, self.newest),
            "seen": [(d, v, self.seen[(d, v)].first, self.seen[(d, v)].last) for d, v in self.dirty_seen],
            "daily": [(d, v, day, self.daily[(d, v)][day]) for d, v, day in self.dirty_daily],
            "vms": [(vm, self.vms[vm]) for vm in self.dirty_vms],
            "extensions": [(target, self.extensions[target]) for target in self.dirty_extensions],
            "operations": self.new_ops,
            "record_ids": self.new_record_ids,
        }
        self.dirty_seen, self.dirty_daily, self.dirty_vms, self.dirty_extensions = set(), set(), set(), set()
        self.new_ops, self.new_record_ids = [], []
        return changes
