"""The payload alerts of a record's request body (VM_CustomScriptExtensionSuspiciousCmd, ...),
as the payload pipeline decided them on that record alone: never held back, tied to the VM and
the inspection."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.activity.detectors.base import Context, DetectorSpec, Draft


@dataclass(frozen=True)
class Knobs:
    pass


SPEC = DetectorSpec(
    name="payload",
    alert_types=("VM_CustomScriptExtensionSuspiciousCmd", "VM_CustomScriptExtensionSuspiciousEntryPoint",
                 "VM_CustomScriptExtensionSuspiciousPayload", "VM_DSCExtensionSuspiciousScript",
                 "VM_RunCommandSuspiciousScript"),
    display_name="Suspicious extension payload",
    techniques=("T1059",),
    evidence=("the payload pipeline's reasons for the alert", "the inspection id and verdict"),
    knobs=Knobs(),
    held_while_learning=False,
)


class _Detector:
    spec = SPEC

    def evaluate(self, ctx: Context) -> list[Draft]:
        inspected = ctx.inspected
        if inspected is None or not ctx.first_record:
            return []
        drafts = []
        for alert in inspected.alert_types:
            if alert in SPEC.alert_types:
                reasons = [r for r in inspected.reasons if r.startswith(alert + ": ")]
                evidence = [r.split(": ", 1)[1] for r in reasons] or [f"payload judged {inspected.verdict}"]
                drafts.append(Draft(alert, f"{alert}|{ctx.operation.key}",
                                    [*evidence, f"inspection {inspected.inspection_id}: {inspected.verdict}"],
                                    [ctx.event]))
        return drafts


DETECTOR = _Detector()
