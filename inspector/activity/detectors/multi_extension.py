"""VM_SuspiciousMultiExtensionUsage: one caller installing several extension types on many VMs in
a short window far above its busiest day, or many extension types new to the caller on one VM."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from inspector.activity.detectors.base import Context, DetectorSpec, Draft, fan_out, fan_out_words
from inspector.activity.operations import Action


@dataclass(frozen=True)
class Knobs:
    window: timedelta = timedelta(minutes=15)
    min_vms: int = 3
    min_types_fanned_out: int = 2   # a fan-out of one extension type is the usage detectors' business
    factor: float = 1.5             # above this times the caller's busiest day of extension installs
    min_types_one_vm: int = 4
    min_new_types_one_vm: int = 2


SPEC = DetectorSpec(
    name="multi_extension",
    alert_types=("VM_SuspiciousMultiExtensionUsage",),
    display_name="Suspicious usage of multiple extensions on virtual machines",
    techniques=("T1595", "T1072"),
    evidence=("extension installs by one caller on N VMs in M minutes vs its busiest day",
              "extension types installed on one VM in the window, and how many are new to the caller"),
    knobs=Knobs(),
)


class _Detector:
    spec = SPEC

    def evaluate(self, ctx: Context) -> list[Draft]:
        op = ctx.operation
        if ctx.learning or not ctx.first_record or not op.on_extension or op.action is not Action.WRITE \
                or op.family.value == "run_command":
            return []
        knobs: Knobs = ctx.knobs(SPEC)
        alert = SPEC.alert_types[0]
        caller = ctx.record.caller or "unknown caller"
        spread = fan_out(ctx, None, Action.WRITE.value, knobs.window, knobs.min_vms, knobs.factor,
                         "caller_action", f"{ctx.record.caller}|write")
        if spread is not None:
            events, numbers = spread
            events = [e for e in events if e.family != "run_command"]
            types = {e.extension_type for e in events if e.extension_type}
            if len(types) >= knobs.min_types_fanned_out:
                numbers["extension_types"] = len(types)
                return [Draft(alert, f"{alert}|{caller}", [fan_out_words("extension installs", numbers),
                              f"{len(types)} extension types: {', '.join(sorted(types))}"], events,
                              numbers=numbers, suppress_for=knobs.window)]
        on_vm = [e for e in ctx.history.window(ctx.at, knobs.window, action=Action.WRITE.value, vm_id=op.vm_id)
                 if e.family != "run_command"] + [ctx.event]
        types = {e.extension_type for e in on_vm if e.extension_type}
        if len(types) < knobs.min_types_one_vm:
            return []
        new = [t for t in types if self._new_to_caller(ctx, t, knobs.window)]
        if len(new) < knobs.min_new_types_one_vm:
            return []
        return [Draft(alert, f"{alert}|vm|{op.vm_id}",
                      [f"{len(types)} extension types installed on one VM in {knobs.window.seconds // 60} minutes",
                       f"{len(new)} of them never installed by this caller in {ctx.limits.lookback.days} days"],
                      on_vm, numbers={"extension_types": len(types), "new_to_caller": len(new)},
                      suppress_for=knobs.window)]


    @staticmethod
    def _new_to_caller(ctx: Context, extension_type: str, window: timedelta) -> bool:
        """Never installed by the caller before this window (types of the burst itself count as new)."""
        value = f"{ctx.record.caller}|{extension_type}"
        first = ctx.history.first_seen("caller_ext_type", value)
        if first is None or first >= ctx.at - window:
            return True
        return not ctx.history.seen_within("caller_ext_type", value, ctx.at, ctx.limits.lookback)


DETECTOR = _Detector()
