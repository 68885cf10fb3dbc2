"""What every generator shares: the seeded generator, the recorder, the estate, the calendar and
the cases being labelled."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from tests.activity_sim.events import EXT_DELETE, EXT_WRITE, Recorder, extension_body, extension_response
from tests.activity_sim.fleet import Caller, ExtensionType, IpPlan, Subscription, Vm
from tests.activity_sim.labels import Case


@dataclass
class World:
    rng: random.Random
    rec: Recorder
    ips: IpPlan
    subs: list[Subscription]
    start: datetime
    days: int
    attack_from: int  # first day of the attack phase (after the learning period)
    tenant_id: str
    judged_from: int = 0  # first day after the learning period: benign cases are labelled from here
    scenarios: list[Case] = field(default_factory=list)
    benign_cases: list[Case] = field(default_factory=list)

    def day(self, d: int) -> datetime:
        return self.start + timedelta(days=d)

    def at(self, d: int, hour: float, jitter_min: float = 0.0) -> datetime:
        minutes = hour * 60 + (self.rng.uniform(0, jitter_min) if jitter_min else 0.0)
        return self.day(d) + timedelta(minutes=minutes)

    def case(self, alert_type: str | None, kind: str, description: str, sub: Subscription, when: datetime,
             signals: list[str]) -> Case:
        cases = self.scenarios if alert_type else self.benign_cases
        prefix = "s" if alert_type else "b"
        case = Case(f"{prefix}{len(cases) + 1:03d}-{kind}", alert_type, kind, description, sub.id, when, when,
                    signals=signals)
        cases.append(case)
        return case

    def extension(self, when: datetime, vm: Vm, caller: Caller, ip: str, ext: ExtensionType, name: str,
                  settings: dict[str, Any] | None = None, *, outcome: str = "Succeeded", case: Case | None = None,
                  failure: str = "VMExtensionProvisioningError") -> datetime:
        rid = f"{vm.resource_id}/extensions/{name}"
        before = len(self.rec.events)
        correlation, end = self.rec.operation(
            when, vm, caller, ip, EXT_WRITE, resource_id=rid, body=extension_body(vm, ext, settings),
            response=extension_response(vm, ext, name, settings), outcome=outcome, failure=failure,
            duration_s=(45, 420), label=case.id if case else None)
        if case:
            case.add(vm.resource_id, correlation, when, end, len(self.rec.events) - before)
        return end

    def delete_extension(self, when: datetime, vm: Vm, caller: Caller, ip: str, name: str,
                         case: Case | None = None) -> datetime:
        before = len(self.rec.events)
        correlation, end = self.rec.operation(when, vm, caller, ip, EXT_DELETE,
                                              resource_id=f"{vm.resource_id}/extensions/{name}",
                                              duration_s=(20, 120), label=case.id if case else None)
        if case:
            case.add(vm.resource_id, correlation, when, end, len(self.rec.events) - before)
        return end

    def operation(self, when: datetime, vm: Vm, caller: Caller, ip: str, operation: str, *,
                  case: Case | None = None, **kwargs: Any) -> datetime:
        before = len(self.rec.events)
        correlation, end = self.rec.operation(when, vm, caller, ip, operation, label=case.id if case else None,
                                              **kwargs)
        if case:
            case.add(vm.resource_id, correlation, when, end, len(self.rec.events) - before)
        return end
