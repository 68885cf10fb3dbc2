"""The `...SuspiciousFailure` alerts, judged per record from that record's own status:
VM_CustomScriptExtensionSuspiciousFailure (a failed CSE whose payload is flagged) and
VM_RunCommandSuspiciousFailure (a failed Run Command whose script is flagged, refused as
unauthorized for a caller new to Run Command, or by a caller new to Run Command from an IP
range new to the subscription: "unauthorized-looking, not commonly seen before"). A flagged
payload is never held back; the history-based reasons wait for the learning period."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.activity.detectors.base import RANGE_GRACE, Context, DetectorSpec, Draft, novelty, range_is_new
from inspector.activity.operations import Family

_UNAUTHORIZED = ("forbidden", "unauthorized", "authorizationfailed", "403", "401")


@dataclass(frozen=True)
class Knobs:
    pass


SPEC = DetectorSpec(
    name="failures",
    alert_types=("VM_CustomScriptExtensionSuspiciousFailure", "VM_RunCommandSuspiciousFailure"),
    display_name="Failed run of a suspicious script",
    techniques=("T1059", "T1651"),
    evidence=("the record's failed status and sub-status", "the payload verdict of the operation's request body",
              "an unauthorized refusal for a caller new to Run Command",
              "a caller new to Run Command from an IP range new to the subscription"),
    knobs=Knobs(),
    held_while_learning=False,
)
_ALERT = {Family.CUSTOM_SCRIPT: SPEC.alert_types[0], Family.RUN_COMMAND: SPEC.alert_types[1]}


class _Detector:
    spec = SPEC

    def evaluate(self, ctx: Context) -> list[Draft]:
        alert = _ALERT.get(ctx.operation.family)
        if alert is None or not ctx.failed:
            return []
        why = f" ({ctx.record.sub_status})" if ctx.record.sub_status else ""
        evidence = [f"the operation failed{why}"]
        inspected = ctx.inspected
        if inspected is not None and inspected.flagged:
            evidence.append(f"its payload was judged {inspected.verdict} (inspection {inspected.inspection_id})")
            evidence.extend(inspected.reasons[:3])
        elif alert != SPEC.alert_types[1] or ctx.learning:
            return []  # what follows compares with history: nothing while the subscription is learning
        elif self._unauthorized(ctx) and self._new_caller(ctx):
            evidence.append("refused as unauthorized, for a caller who never ran a Run Command on this subscription")
        elif self._new_caller(ctx) and (ip := self._ip_range(ctx)) is not None and range_is_new(ctx, ip):
            evidence.append(f"a caller new to Run Command on this subscription, from IP range {ip}, new to it")
        else:
            return []
        return [Draft(alert, f"{alert}|{ctx.operation.key}", evidence, [ctx.event])]

    @staticmethod
    def _new_caller(ctx: Context) -> bool:
        """Never ran a Run Command here before today (its own operation's start record counts as today)."""
        first = ctx.history.first_seen("caller_family", f"{ctx.record.caller}|run_command")
        return first is None or first >= ctx.at - RANGE_GRACE or "caller" in novelty(ctx, "run_command")

    @staticmethod
    def _ip_range(ctx: Context) -> str | None:
        # An end record carries no IP: the operation's first record said where it came from.
        return ctx.record.ip_range or ctx.event.ip_range

    @staticmethod
    def _unauthorized(ctx: Context) -> bool:
        text = f"{ctx.record.sub_status or ''}".casefold().replace(" ", "")
        return any(word in text for word in _UNAUTHORIZED)


DETECTOR = _Detector()
