"""What every activity detector is: a declaration (`DetectorSpec`: its alert type, the evidence it
gives, its knobs) and one function from a record in its context to the alerts it raises.

A detector reads the subscription's history *before* the record is learned, so "new" means
"not seen before this record". The engine runs records in event-time order and learns each one
after every detector has seen it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from inspector.activity.history import OpEvent, SubscriptionHistory
from inspector.activity.limits import ActivityLimits
from inspector.activity.operations import Operation
from inspector.activity.records import ActivityRecord


@dataclass(frozen=True)
class DetectorSpec:
    name: str
    alert_types: tuple[str, ...]
    display_name: str
    techniques: tuple[str, ...]
    evidence: tuple[str, ...]          # what its alerts say, for docs/activity.md
    knobs: Any                         # a frozen dataclass of its knobs, with their defaults
    held_while_learning: bool = True   # no alert while the subscription is in its learning period


@dataclass(frozen=True)
class Inspected:
    """The payload verdict of an operation's request body."""

    inspection_id: str
    verdict: str
    alert_types: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.verdict != "clean"


@dataclass
class Context:
    record: ActivityRecord
    operation: Operation
    history: SubscriptionHistory
    limits: ActivityLimits
    first_record: bool                 # the first record of its operation (start and end are one)
    event: OpEvent                     # the operation as the windows count it
    inspected: Inspected | None = None

    @property
    def at(self) -> datetime:
        return self.record.event_time

    @property
    def learning(self) -> bool:
        return self.history.history_span(self.at) < self.limits.learning

    @property
    def failed(self) -> bool:
        return self.record.status == "failed"

    def knobs(self, spec: DetectorSpec) -> Any:
        """The detector's knobs: the settings' (`INSPECTOR_ACTIVITY_DETECTOR_KNOBS`) or its defaults."""
        return self.limits.knobs.get(spec.name, spec.knobs)

    def history_days(self) -> float:
        return round(self.history.history_span(self.at).total_seconds() / 86400, 1)


@dataclass
class Draft:
    """An alert before the engine dresses it: its group (one alert per group and window), the
    evidence, and the operations it rests on."""

    alert_type: str
    group: str
    evidence: list[str]
    events: list[OpEvent]
    numbers: dict[str, float] = field(default_factory=dict)
    severity: str | None = None
    suppress_for: timedelta = timedelta(0)  # further drafts of the group within this are the same alert


class Detector(Protocol):
    spec: DetectorSpec

    def evaluate(self, ctx: Context) -> list[Draft]: ...


# --- shared questions ------------------------------------------------------------------------

def novelty(ctx: Context, family: str) -> dict[str, str]:
    """What is new about this operation, by kind: its caller for the family, its caller's IP
    range on the subscription, the family on the subscription. Values say it in words."""
    history, at, lookback = ctx.history, ctx.at, ctx.limits.lookback
    caller, ip_range = ctx.record.caller, ctx.record.ip_range
    days = lookback.days
    found: dict[str, str] = {}
    if caller and not history.seen_within("caller_family", f"{caller}|{family}", at, lookback):
        found["caller"] = f"first {_label(family)} by this caller in {days} days of history"
    if ip_range and range_is_new(ctx, ip_range):
        found["ip_range"] = f"caller IP range {ip_range} new to the subscription (not seen in {days} days before today)"
    if not history.seen_within("family", family, at, lookback):
        found["subscription"] = f"first {_label(family)} on this subscription in {days} days"
    return found


RANGE_GRACE = timedelta(days=1)  # a range first seen today is still new: an intruder's session does several things


def range_is_new(ctx: Context, ip_range: str) -> bool:
    """Whether the caller's IP range was first seen on the subscription less than a day ago, or
    not within the lookback."""
    first = ctx.history.first_seen("ip", ip_range)
    if first is None or first >= ctx.at - RANGE_GRACE:
        return True
    return not ctx.history.seen_within("ip", ip_range, ctx.at, ctx.limits.lookback)


def fan_out(ctx: Context, family: str | None, action: str | None, window: timedelta, min_vms: int,
            factor: float, dimension: str, value: str) -> tuple[list[OpEvent], dict[str, float]] | None:
    """The caller's operations in the window when they reach `min_vms` VMs and exceed `factor`
    times the caller's busiest day in the lookback; None otherwise."""
    caller = ctx.record.caller
    if not caller:
        return None
    events = ctx.history.window(ctx.at, window, family=family, action=action, caller=caller)
    if ctx.event not in events:
        events.append(ctx.event)
    vms = {e.vm_id for e in events if e.vm_id}
    if len(vms) < min_vms:
        return None
    peak = ctx.history.peak_day(dimension, value, ctx.at, ctx.limits.lookback)
    if len(events) <= factor * peak:
        return None
    average = ctx.history.per_day(dimension, value, ctx.at, ctx.limits.lookback)
    minutes = max((max(e.time for e in events) - min(e.time for e in events)).total_seconds() / 60, 0.0)
    return events, {"operations": len(events), "vms": len(vms), "minutes": round(minutes, 1),
                    "caller_busiest_day": peak, "caller_per_day": round(average, 2)}


def fan_out_words(label: str, numbers: dict[str, float]) -> str:
    return (f"same caller ran {int(numbers['operations'])} {label} on {int(numbers['vms'])} VMs in "
            f"{numbers['minutes']:g} minutes; caller baseline: {numbers['caller_per_day']:g} a day, "
            f"busiest day {int(numbers['caller_busiest_day'])}")


def baseline_words(ctx: Context, family: str) -> str:
    rate = ctx.history.per_day("family", family, ctx.at, ctx.limits.lookback)
    return f"subscription baseline: {rate:.1f} {_label(family)} a day over {ctx.history_days():g} days of history"


_LABELS = {
    "custom_script": "Custom Script Extension run", "dsc": "DSC extension install", "run_command": "Run Command",
    "vmaccess": "VMAccess use", "gpu_driver": "GPU driver extension install",
    "disk_encryption": "disk encryption install", "extension": "extension install",
}


def _label(family: str) -> str:
    return _LABELS.get(family, family)


def plural(family: str) -> str:
    label = _label(family)
    return label if label.endswith("s") else label + "s"
