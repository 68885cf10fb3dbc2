"""VM_DiskEncryptionSuspiciousUsage: Azure Disk Encryption enabled with a key vault outside the VM's
subscription (raised at once: the request says it), or, after the learning period, across many VMs
in a short window or by a new caller from a new IP range (ransomware staging)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from inspector.activity.detectors.base import Context, DetectorSpec, Draft, fan_out, fan_out_words, novelty
from inspector.activity.operations import Action, Family, foreign_vaults


@dataclass(frozen=True)
class Knobs:
    window: timedelta = timedelta(hours=1)
    min_vms: int = 3
    factor: float = 1.5
    novelties_needed: int = 2


SPEC = DetectorSpec(
    name="disk_encryption",
    alert_types=("VM_DiskEncryptionSuspiciousUsage",),
    display_name="Suspicious Azure Disk Encryption usage",
    techniques=("T1486",),
    evidence=("key vault in another subscription", "encryption enabled on N VMs in M minutes vs the caller's baseline",
              "first disk encryption by this caller, from a new IP range"),
    knobs=Knobs(),
    held_while_learning=False,  # the foreign key vault is in the request; the rest waits for history
)


class _Detector:
    spec = SPEC

    def evaluate(self, ctx: Context) -> list[Draft]:
        op = ctx.operation
        if not ctx.first_record or op.family is not Family.DISK_ENCRYPTION or op.action is not Action.WRITE:
            return []
        knobs: Knobs = ctx.knobs(SPEC)
        alert = SPEC.alert_types[0]
        caller = ctx.record.caller or "unknown caller"
        foreign = foreign_vaults(op, ctx.record.subscription_id)
        if foreign:
            return [Draft(alert, f"{alert}|vault|{op.key}",
                          [f"the encryption key vault is in another subscription: {foreign[0]}"], [ctx.event],
                          numbers={"foreign_key_vaults": len(foreign)}, severity="High")]
        if ctx.learning:
            return []
        evidence: list[str] = []
        events, numbers = [ctx.event], {"history_days": ctx.history_days()}
        new = novelty(ctx, Family.DISK_ENCRYPTION.value)
        if len(new) >= knobs.novelties_needed and {"caller", "ip_range"} & new.keys():
            evidence.extend(new.values())
        spread = fan_out(ctx, Family.DISK_ENCRYPTION.value, Action.WRITE.value, knobs.window, knobs.min_vms,
                         knobs.factor, "caller_family", f"{ctx.record.caller}|{Family.DISK_ENCRYPTION.value}")
        if spread is not None:
            events, fan_numbers = spread
            numbers.update(fan_numbers)
            evidence.append(fan_out_words("disk encryption installs", fan_numbers))
        if not evidence:
            return []
        return [Draft(alert, f"{alert}|{caller}", evidence, events, numbers=numbers, suppress_for=knobs.window)]


DETECTOR = _Detector()
