"""VM_CustomScriptExtensionUnusualDeletion: a Custom Script Extension deleted shortly after it ran
by a caller who does not normally delete extensions, from an IP range new to the subscription
(covering tracks). A pipeline that provisions
and deletes every day has deleted before: not an alert."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from inspector.activity.detectors.base import Context, DetectorSpec, Draft
from inspector.activity.operations import Action, Family


@dataclass(frozen=True)
class Knobs:
    after_run: timedelta = timedelta(hours=2)  # a delete this soon after the install is clean-up
    range_margin: timedelta = timedelta(days=1)  # the caller's range first seen at most this before the install


SPEC = DetectorSpec(
    name="cse_unusual_deletion",
    alert_types=("VM_CustomScriptExtensionUnusualDeletion",),
    display_name="Unusual deletion of a Custom Script Extension",
    techniques=("T1070",),
    evidence=("minutes between the CSE's install and its deletion",
              "the caller deleted no extension in the lookback", "the caller's IP range is new to the subscription",
              "who installed it"),
    knobs=Knobs(),
)


class _Detector:
    spec = SPEC

    def evaluate(self, ctx: Context) -> list[Draft]:
        op = ctx.operation
        if ctx.learning or not ctx.first_record or op.family is not Family.CUSTOM_SCRIPT or op.action is not Action.DELETE:
            return []
        knobs: Knobs = ctx.knobs(SPEC)
        state = ctx.history.extensions.get(op.target_id)
        if state is None or state.last_install is None or ctx.at - state.last_install > knobs.after_run:
            return []
        caller = ctx.record.caller
        lookback = ctx.limits.lookback
        if caller is None or ctx.history.seen_within("caller_delete", caller, ctx.at, lookback):
            return []
        ip_range = ctx.event.ip_range
        first_seen = ctx.history.first_seen("ip", ip_range) if ip_range else None
        # From a range new to the subscription since the run: a new pipeline that provisions and
        # cleans up from the usual ranges is routine on its first day too.
        if ip_range is None or (first_seen is not None and first_seen < state.last_install - knobs.range_margin):
            return []
        minutes = round((ctx.at - state.last_install).total_seconds() / 60, 1)
        installs = [e for e in ctx.history.window(ctx.at, knobs.after_run, vm_id=op.vm_id)
                    if e.action == Action.WRITE.value and e.family == Family.CUSTOM_SCRIPT.value]
        evidence = [f"Custom Script Extension deleted {minutes:g} minutes after it was installed",
                    f"first extension deletion by this caller in {lookback.days} days of history",
                    f"caller IP range {ip_range} new to the subscription",
                    "installed by the same caller" if state.last_install_by == caller
                    else "installed by another caller"]
        alert = SPEC.alert_types[0]
        return [Draft(alert, f"{alert}|{op.key}", evidence, [*installs[-1:], ctx.event],
                      numbers={"minutes_after_install": minutes, "history_days": ctx.history_days()})]


DETECTOR = _Detector()
