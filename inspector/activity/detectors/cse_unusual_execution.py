"""VM_CustomScriptExtensionUnusualExecution: a Custom Script Extension run whose command and
fileUris, caller and caller IP range deviate from the subscription's history: from an IP range
new to the subscription, a command not run in the lookback or a caller new to CSE.
A suspicious payload verdict raises the severity."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.activity.detectors.base import Context, DetectorSpec, Draft, baseline_words, novelty
from inspector.activity.operations import Action, Family


@dataclass(frozen=True)
class Knobs:
    novelties_needed: int = 2  # of: new command (signature), new caller for CSE, new IP range


SPEC = DetectorSpec(
    name="cse_unusual_execution",
    alert_types=("VM_CustomScriptExtensionUnusualExecution",),
    display_name="Unusual Custom Script Extension execution",
    techniques=("T1059",),
    evidence=("command and fileUris not run on the subscription in the lookback",
              "first CSE by this caller in the lookback", "caller IP range new to the subscription",
              "payload verdict of the command when it was inspected"),
    knobs=Knobs(),
)


class _Detector:
    spec = SPEC

    def evaluate(self, ctx: Context) -> list[Draft]:
        op = ctx.operation
        if ctx.learning or not ctx.first_record or op.family is not Family.CUSTOM_SCRIPT or op.action is not Action.WRITE:
            return []
        new = novelty(ctx, Family.CUSTOM_SCRIPT.value)
        new.pop("subscription", None)
        lookback = ctx.limits.lookback.days
        if op.signature and not ctx.history.seen_within("cse_signature", op.signature, ctx.at, ctx.limits.lookback):
            new["command"] = f"command and fileUris not run on this subscription in {lookback} days"
        # The caller's IP range must be new: a known admin's or a new pipeline's first script from
        # the usual ranges is routine; an intruder (or stolen credentials) comes from elsewhere.
        if len(new) < ctx.knobs(SPEC).novelties_needed or "ip_range" not in new:
            return []
        evidence = [*new.values(), baseline_words(ctx, Family.CUSTOM_SCRIPT.value)]
        severity = None
        if ctx.inspected is not None and ctx.inspected.flagged:
            evidence.append(f"its payload was judged {ctx.inspected.verdict} (inspection {ctx.inspected.inspection_id})")
            severity = "High"
        alert = SPEC.alert_types[0]
        return [Draft(alert, f"{alert}|{op.key}", evidence, [ctx.event],
                      numbers={"novelties": float(len(new)), "history_days": ctx.history_days()}, severity=severity)]


DETECTOR = _Detector()
