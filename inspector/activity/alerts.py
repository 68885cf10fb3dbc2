"""The alerts the activity stream raises: the project's JSON and OCSF Detection Finding (2004).

An alert says what happened in words and numbers (`evidence`, `numbers`), to which VMs
(`resource_ids`, the compromised entities), by whom and from where (`entities`), when in event
time (`start_time`, `end_time`), and which records it rests on (`correlation_ids`); where a
record's request body was inspected, the inspection id and its verdict.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["Low", "Medium", "High"]
_OCSF_SEVERITY = {"Low": 2, "Medium": 3, "High": 4}
OCSF_VERSION = "1.1.0"


class Entity(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    type: Literal["account", "ip", "azure-resource"]
    value: str


class ActivityAlert(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="stable: the same evidence gives the same id on a replay")
    alert_type: str = Field(description="the catalog name, e.g. VM_RunCommandSuspiciousUsage")
    display_name: str
    severity: Severity
    subscription_id: str
    resource_ids: list[str] = Field(description="the VM resource ids concerned (compromised entities)")
    entities: list[Entity] = Field(default_factory=list)
    start_time: str = Field(description="ISO 8601 UTC event time of the first record of the evidence")
    end_time: str = Field(description="ISO 8601 UTC event time of the last record of the evidence")
    tactics: list[str] = Field(default_factory=list)
    techniques: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(description="what was seen, in words and numbers")
    numbers: dict[str, float] = Field(default_factory=dict, description="the evidence's figures by name")
    correlation_ids: list[str] = Field(default_factory=list)
    inspection_id: str | None = Field(default=None, description="the inspection of the record's request body")
    verdict: str | None = Field(default=None, description="that inspection's verdict")
    detector: str = Field(description="the detector that raised it (docs/activity.md)")
    description: str


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _millis(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp() * 1000)


def to_ocsf(alert: ActivityAlert, *, product: str = "Payload Inspector", version: str = "") -> dict[str, Any]:
    """The alert as an OCSF Detection Finding (class 2004, activity Create)."""
    severity_id = _OCSF_SEVERITY[alert.severity]
    accounts = [e.value for e in alert.entities if e.type == "account"]
    ips = [e.value for e in alert.entities if e.type == "ip"]
    finding: dict[str, Any] = {
        "class_uid": 2004,
        "class_name": "Detection Finding",
        "category_uid": 2,
        "category_name": "Findings",
        "activity_id": 1,
        "activity_name": "Create",
        "type_uid": 200401,
        "type_name": "Detection Finding: Create",
        "severity_id": severity_id,
        "severity": alert.severity,
        "status_id": 1,
        "status": "New",
        "time": _millis(alert.end_time),
        "start_time": _millis(alert.start_time),
        "end_time": _millis(alert.end_time),
        "message": "; ".join(alert.evidence),
        "metadata": {
            "version": OCSF_VERSION,
            "uid": alert.id,
            "product": {"name": product, "vendor_name": product, "version": version},
            "correlation_uid": alert.correlation_ids[0] if alert.correlation_ids else None,
        },
        "finding_info": {
            "uid": alert.id,
            "title": alert.display_name,
            "desc": alert.description,
            "types": [alert.alert_type],
            "first_seen_time": _millis(alert.start_time),
            "last_seen_time": _millis(alert.end_time),
            "analytic": {"name": alert.detector, "type_id": 1, "type": "Rule"},
            "attacks": [{"tactic": {"name": t}, "technique": {"uid": tech}}
                        for t in alert.tactics or [""] for tech in alert.techniques] or
                       [{"tactic": {"name": t}} for t in alert.tactics],
            "related_events": [{"uid": c} for c in alert.correlation_ids],
        },
        "cloud": {"provider": "Azure", "account": {"uid": alert.subscription_id, "type": "Azure AD Account"}},
        "resources": [{"uid": r, "type": "Microsoft.Compute/virtualMachines", "cloud_partition": "Azure"}
                      for r in alert.resource_ids],
        "evidences": [{"data": {"evidence": alert.evidence, "numbers": alert.numbers}}],
        "unmapped": {"inspection_id": alert.inspection_id, "verdict": alert.verdict},
    }
    if accounts:
        finding["actor"] = {"user": {"name": accounts[0]}}
    if ips:
        finding["src_endpoint"] = {"ip": ips[0]}
    return finding
