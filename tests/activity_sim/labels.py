"""The labels of a simulation: which records belong to which attack scenario (and the alert it
must raise), which form benign cases worth watching (novelties and look-alikes that must raise
nothing), and how many benign records there are. Written next to the logs as `labels.json`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

# The alert types the simulator injects scenarios for: every history-based alert of the catalog
# and the failure alerts judged per record.
ALERT_TYPES = (
    "VM_CustomScriptExtensionUnusualExecution",
    "VM_CustomScriptExtensionUnusualDeletion",
    "VM_DSCExtensionSuspiciousUsage",
    "VM_RunCommandSuspiciousUsage",
    "VM_VMAccessSuspiciousUsage",
    "VM_DiskEncryptionSuspiciousUsage",
    "VM_GPUDriverExtensionUnusualExecution",
    "VM_GPUExtensionSuspiciousFailure",
    "VM_SuspiciousMultiExtensionUsage",
    "VM_CustomScriptExtensionSuspiciousFailure",
    "VM_RunCommandSuspiciousFailure",
)


def vm_of(resource_id: str) -> str:
    """The VM a resource id names, lower-cased (`.../virtualMachines/vm-1/extensions/x` -> the VM)."""
    rid = resource_id.strip().casefold()
    marker = "/providers/microsoft.compute/virtualmachines/"
    if marker in rid:
        head, _, tail = rid.partition(marker)
        return head + marker + tail.split("/", 1)[0]
    return rid


@dataclass
class Case:
    """An attack scenario (`alert_type` set) or a benign case (`alert_type` None)."""

    id: str
    alert_type: str | None
    kind: str
    description: str
    subscription_id: str
    start_time: datetime
    end_time: datetime
    resource_ids: list[str] = field(default_factory=list)  # VM resource ids
    correlation_ids: list[str] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)  # what makes it unusual (attacks) or ordinary (benign)
    records: int = 0

    def add(self, resource_id: str, correlation_id: str, start: datetime, end: datetime, records: int) -> None:
        vm = vm_of(resource_id)
        if vm not in self.resource_ids:
            self.resource_ids.append(vm)
        self.correlation_ids.append(correlation_id)
        self.start_time = min(self.start_time, start)
        self.end_time = max(self.end_time, end)
        self.records += records

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["start_time"] = _iso(self.start_time)
        data["end_time"] = _iso(self.end_time)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Case:
        values = dict(data)
        values["start_time"] = parse_time(values["start_time"])
        values["end_time"] = parse_time(values["end_time"])
        return cls(**values)


@dataclass
class Labels:
    scenarios: list[Case]
    benign_cases: list[Case]
    benign_records: int  # distinct benign records (duplicates not counted)
    attack_records: int
    delivery: dict[str, int]  # emitted, late, duplicates, out_of_order
    parameters: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"parameters": self.parameters, "alert_types": list(ALERT_TYPES),
                "records": {"benign": self.benign_records, "attack": self.attack_records, **self.delivery},
                "scenarios": [c.to_json() for c in self.scenarios],
                "benign_cases": [c.to_json() for c in self.benign_cases]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Labels:
        records = dict(data["records"])
        benign, attack = records.pop("benign"), records.pop("attack")
        return cls([Case.from_json(c) for c in data["scenarios"]], [Case.from_json(c) for c in data["benign_cases"]],
                   benign, attack, records, data.get("parameters", {}))

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1), encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> Labels:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


def _iso(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.strip().replace("z", "Z"))
