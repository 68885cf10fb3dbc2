"""The shared shape of the "unusual usage" detectors (DSC, Run Command, VMAccess, GPU driver):
an operation of the family by a new caller from a new IP range or on a subscription that never
used it, or fanned out across many VMs in a short window against the caller's baseline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from inspector.activity.detectors.base import (
    Context,
    DetectorSpec,
    Draft,
    baseline_words,
    fan_out,
    fan_out_words,
    novelty,
    plural,
)
from inspector.activity.operations import Action


@dataclass(frozen=True)
class UsageKnobs:
    novelties_needed: int = 2            # of: new caller for the family, new IP range, first use on the subscription
    fan_out_window: timedelta = timedelta(minutes=30)
    fan_out_min_vms: int = 5
    fan_out_factor: float = 1.5          # window count above this times the caller's busiest day


class UsageDetector:
    def __init__(self, spec: DetectorSpec, family: str) -> None:
        self.spec = spec
        self.family = family

    def evaluate(self, ctx: Context) -> list[Draft]:
        op = ctx.operation
        if (ctx.learning or not ctx.first_record or op.family.value != self.family
                or op.action is Action.DELETE):
            return []
        knobs: UsageKnobs = ctx.knobs(self.spec)
        alert = self.spec.alert_types[0]
        caller = ctx.record.caller or "unknown caller"
        new = novelty(ctx, self.family)
        evidence: list[str] = list(new.values()) if len(new) >= knobs.novelties_needed else []
        events, numbers = [ctx.event], {"history_days": ctx.history_days()}
        if evidence:
            numbers["novelties"] = float(len(new))
        spread = fan_out(ctx, self.family, None, knobs.fan_out_window, knobs.fan_out_min_vms,
                         knobs.fan_out_factor, "caller_family", f"{ctx.record.caller}|{self.family}")
        if spread is not None:
            events, fan_numbers = spread
            numbers.update(fan_numbers)
            evidence.append(fan_out_words(plural(self.family), fan_numbers))
        if not evidence:
            return []
        evidence.append(baseline_words(ctx, self.family))
        # One alert per caller and window: the novelty of its first operation or the fan-out that follows.
        return [Draft(alert, f"{alert}|{caller}", evidence, events, numbers=numbers,
                      suppress_for=knobs.fan_out_window)]
