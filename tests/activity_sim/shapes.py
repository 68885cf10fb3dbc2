"""Events rendered in the shapes Azure emits, and delivered the way they really arrive.

- `export`: the diagnostic-settings export as Event Hubs streams it, `{"records": [...]}`, with
  upper-case `resourceId` and `operationName`, `resultType` Start/Accept/Success/Failure.
- `storage`: the same records archived to a storage account, one JSON object per line.
- `rest`: the Azure Monitor REST `EventData` list (`az monitor activity-log list`): a JSON array,
  newest first, with `operationName.value`, `status.value`, `eventTimestamp`, `eventDataId`.

Delivery: each record arrives a minute or a few after its event time; a share arrives late (up
to an hour), a share twice (the copy up to an hour later), and files are cut per arrival hour,
so event time goes backwards inside and across files."""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tests.activity_sim.events import Event
from tests.activity_sim.fleet import Caller, CallerKind

SHAPES = ("export", "storage", "rest")
_RESULT_TYPE = {"Started": "Start", "Accepted": "Accept", "Succeeded": "Success", "Failed": "Failure"}
_PORTAL_APP = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"
MAX_DELAY = timedelta(hours=1)  # no record arrives later than this after its event time
_IDS = uuid.UUID("6f1d2b8e-0c41-4a55-9d7e-1c0ffee15ea5")


def azure_time(when: datetime) -> str:
    """Azure writes seven fractional digits."""
    return f"{when:%Y-%m-%dT%H:%M:%S}.{when.microsecond:06d}0Z"


def _derived(event: Event, what: str) -> str:
    return str(uuid.uuid5(_IDS, f"{event.event_id}/{what}"))


def claims(caller: Caller, tenant_id: str, ip: str | None, when: datetime) -> dict[str, Any]:
    issued = int(when.timestamp()) - 600
    base: dict[str, Any] = {
        "aud": "https://management.core.windows.net/", "iss": f"https://sts.windows.net/{tenant_id}/",
        "iat": str(issued), "nbf": str(issued), "exp": str(issued + 4200), "ver": "1.0",
        "http://schemas.microsoft.com/identity/claims/tenantid": tenant_id,
        "http://schemas.microsoft.com/identity/claims/objectidentifier": caller.object_id,
    }
    if caller.kind is CallerKind.USER:
        base.update({"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": caller.principal,
                     "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name": caller.principal,
                     "name": caller.name, "appid": _PORTAL_APP, "appidacr": "2", "idtyp": "user",
                     "http://schemas.microsoft.com/claims/authnmethodsreferences": "pwd,mfa",
                     "http://schemas.microsoft.com/identity/claims/scope": "user_impersonation"})
    else:
        base.update({"appid": caller.principal, "appidacr": "2", "idtyp": "app",
                     "http://schemas.microsoft.com/identity/claims/identityprovider":
                         f"https://sts.windows.net/{tenant_id}/"})
        if caller.kind is CallerKind.MANAGED_IDENTITY and caller.mi_resource_id:
            base["xms_mirid"] = caller.mi_resource_id
    if ip:
        base["ipaddr"] = ip
    return base


def _properties(event: Event, tenant_id: str) -> dict[str, Any]:
    props: dict[str, Any] = {
        "eventCategory": "Administrative", "entity": event.resource_id, "message": event.operation,
        "hierarchy": f"{tenant_id}/{event.subscription_id}", "statusCode": event.status_code,
        "serviceRequestId": _derived(event, "service-request"),
    }
    if event.request_body is not None:
        props["requestbody"] = event.request_body
    if event.response_body is not None:
        props["responseBody"] = event.response_body
    if event.status_message is not None:
        props["statusMessage"] = event.status_message
    return props


def export_record(event: Event, tenant_id: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "time": azure_time(event.time),
        "resourceId": event.resource_id.upper(),
        "operationName": event.operation.upper(),
        "category": "Administrative",
        "resultType": _RESULT_TYPE[event.status],
        "resultSignature": f"{event.status}.{event.sub_status}",
        "durationMs": 0 if event.status == "Started" else 1200,
        "correlationId": event.correlation_id,
        "identity": {
            "authorization": {"scope": event.resource_id, "action": event.operation, "evidence": {
                "role": "Contributor", "roleAssignmentScope": f"/subscriptions/{event.subscription_id}",
                "principalId": event.caller.object_id.replace("-", ""),
                "principalType": "User" if event.caller.is_human else "ServicePrincipal"}},
            "claims": claims(event.caller, tenant_id, event.caller_ip, event.time),
        },
        "level": "Error" if event.status == "Failed" else "Information",
        "location": "global",
        "properties": _properties(event, tenant_id),
    }
    if event.caller_ip:
        record["callerIpAddress"] = event.caller_ip
    return record


def _localized(value: str) -> dict[str, str]:
    return {"value": value, "localizedValue": value}


def rest_event(event: Event, tenant_id: str) -> dict[str, Any]:
    provider_type = event.operation.rsplit("/", 1)[0]
    if provider_type.endswith(("/runCommand", "/start", "/deallocate", "/restart")):
        provider_type = provider_type.rsplit("/", 1)[0]
    rid = event.resource_id
    resource_group = rid.split("/resourceGroups/")[1].split("/")[0] if "/resourceGroups/" in rid else ""
    ticks = int(event.time.timestamp() * 10_000_000) + 621355968000000000
    data: dict[str, Any] = {
        "authorization": {"action": event.operation, "scope": event.resource_id},
        "caller": event.caller.principal,
        "channels": "Operation",
        "claims": claims(event.caller, tenant_id, event.caller_ip, event.time),
        "correlationId": event.correlation_id,
        "description": "",
        "eventDataId": event.event_id,
        "eventName": {"value": event.event_name,
                      "localizedValue": "Begin request" if event.status == "Started" else "End request"},
        "category": _localized("Administrative"),
        "eventTimestamp": azure_time(event.time),
        "id": f"{event.resource_id}/events/{event.event_id}/ticks/{ticks}",
        "level": "Error" if event.status == "Failed" else "Informational",
        "operationId": _derived(event, "operation"),
        "operationName": {"value": event.operation, "localizedValue": event.operation},
        "resourceGroupName": resource_group,
        "resourceProviderName": _localized(event.operation.split("/")[0]),
        "resourceType": _localized(provider_type),
        "resourceId": event.resource_id,
        "status": _localized(event.status),
        "subStatus": _localized(event.sub_status),
        "submissionTimestamp": azure_time(event.time + timedelta(seconds=12)),
        "subscriptionId": event.subscription_id,
        "tenantId": tenant_id,
        "properties": _properties(event, tenant_id),
    }
    if event.caller_ip:
        data["httpRequest"] = {"clientRequestId": _derived(event, "client-request"),
                               "clientIpAddress": event.caller_ip, "method": event.method}
    return data


@dataclass(frozen=True)
class Delivery:
    arrival: datetime
    event: Event
    duplicate: bool
    late: bool


@dataclass(frozen=True)
class DeliveryStats:
    emitted: int
    late: int
    duplicates: int
    out_of_order: int  # records emitted after a record with a later event time


def deliver(events: Sequence[Event], rng: random.Random, *, late_share: float,
            duplicate_share: float) -> list[Delivery]:
    deliveries: list[Delivery] = []
    for event in events:
        late = rng.random() < late_share
        delay = timedelta(seconds=rng.randrange(900, 3599) if late else rng.randrange(30, 300))
        deliveries.append(Delivery(event.time + delay, event, False, late))
        if rng.random() < duplicate_share:  # the copy too arrives within the hour
            again = min(event.time + delay + timedelta(seconds=rng.randrange(1, 3600)), event.time + MAX_DELAY)
            deliveries.append(Delivery(again, event, True, False))
    deliveries.sort(key=lambda d: (d.arrival, d.event.event_id, d.duplicate))
    return deliveries


def write_files(deliveries: Sequence[Delivery], out: Path, tenant_id: str,
                shape_of: dict[str, str]) -> tuple[list[Path], DeliveryStats]:
    """One file per arrival hour and shape, named so that sorting the names gives arrival order."""
    out.mkdir(parents=True, exist_ok=True)
    files: dict[tuple[str, str], list[Delivery]] = defaultdict(list)
    for delivery in deliveries:
        files[(f"{delivery.arrival:%Y-%m-%dT%H}", shape_of[delivery.event.subscription_id])].append(delivery)
    paths: list[Path] = []
    stream: list[Event] = []
    for (hour, shape), batch in sorted(files.items()):
        if shape == "rest":
            batch = list(reversed(batch))  # the REST list is newest first
            path = out / f"{hour}-rest.json"
            path.write_text(json.dumps([rest_event(d.event, tenant_id) for d in batch], indent=1), encoding="utf-8")
        elif shape == "storage":
            path = out / f"{hour}-storage.jsonl"
            path.write_text("".join(json.dumps(export_record(d.event, tenant_id)) + "\n" for d in batch),
                            encoding="utf-8")
        else:
            path = out / f"{hour}-export.json"
            path.write_text(json.dumps({"records": [export_record(d.event, tenant_id) for d in batch]}),
                            encoding="utf-8")
        paths.append(path)
        stream.extend(d.event for d in batch)
    latest: datetime | None = None
    out_of_order = 0
    for event in stream:
        if latest is not None and event.time < latest:
            out_of_order += 1
        latest = event.time if latest is None or event.time > latest else latest
    stats = DeliveryStats(len(deliveries), sum(d.late for d in deliveries), sum(d.duplicate for d in deliveries),
                          out_of_order)
    return paths, stats
