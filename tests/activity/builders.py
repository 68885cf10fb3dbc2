"""Activity-log records for tests, in the REST shape `az monitor activity-log list` prints."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from typing import Any

SUB = "00000000-0000-0000-0000-0000000000aa"
T0 = datetime(2026, 1, 1, tzinfo=UTC)
_ids = itertools.count()

EXT_TYPES = {
    "cse": ("Microsoft.Compute", "CustomScriptExtension"),
    "dsc": ("Microsoft.Powershell", "DSC"),
    "vmaccess": ("Microsoft.Compute", "VMAccessAgent"),
    "gpu": ("Microsoft.HpcCompute", "NvidiaGpuDriverLinux"),
    "ade": ("Microsoft.Azure.Security", "AzureDiskEncryption"),
    "ama": ("Microsoft.Azure.Monitor", "AzureMonitorLinuxAgent"),
    "dep": ("Microsoft.Azure.Monitoring.DependencyAgent", "DependencyAgentLinux"),
    "aad": ("Microsoft.Azure.ActiveDirectory", "AADSSHLoginForLinux"),
    "guest": ("Microsoft.GuestConfiguration", "ConfigurationforLinux"),
}


def vm(name: str, sub: str = SUB) -> str:
    return f"/subscriptions/{sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/{name}"


def event(operation: str, resource_id: str, at: datetime, *, status: str = "Succeeded", caller: str = "ops@contoso.com",
          ip: str = "10.1.2.3", correlation: str | None = None, body: Any = None, response: Any = None,
          sub_status: str | None = None, event_id: str | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "eventDataId": event_id or f"ev-{next(_ids)}",
        "operationName": {"value": operation, "localizedValue": operation},
        "status": {"value": status},
        "resourceId": resource_id,
        "subscriptionId": resource_id.split("/")[2],
        "caller": caller,
        "httpRequest": {"clientIpAddress": ip},
        "correlationId": correlation or f"corr-{next(_ids)}",
        "eventTimestamp": at.isoformat().replace("+00:00", "Z"),
        "properties": {},
    }
    if sub_status:
        record["subStatus"] = {"value": sub_status}
    if body is not None:
        record["properties"]["requestbody"] = json.dumps(body)
    if response is not None:
        record["properties"]["responseBody"] = json.dumps(response)
    return record


def extension_write(vm_id: str, kind: str, at: datetime, *, name: str | None = None, settings: Any = None,
                    **kw: Any) -> dict[str, Any]:
    publisher, ext_type = EXT_TYPES[kind]
    body = {"location": "westeurope", "properties": {"publisher": publisher, "type": ext_type,
                                                      "typeHandlerVersion": "1.0", "settings": settings or {}}}
    return event("Microsoft.Compute/virtualMachines/extensions/write", f"{vm_id}/extensions/{name or kind}", at,
                 body=body, **kw)


def extension_delete(vm_id: str, name: str, at: datetime, **kw: Any) -> dict[str, Any]:
    return event("Microsoft.Compute/virtualMachines/extensions/delete", f"{vm_id}/extensions/{name}", at, **kw)


def run_command(vm_id: str, at: datetime, script: list[str] | None = None, **kw: Any) -> dict[str, Any]:
    body = {"commandId": "RunShellScript", "script": script or ["uptime"]}
    return event("Microsoft.Compute/virtualMachines/runCommand/action", vm_id, at, body=body, **kw)


def vm_write(vm_id: str, at: datetime, size: str, os_type: str = "Linux", **kw: Any) -> dict[str, Any]:
    body = {"location": "westeurope", "properties": {"hardwareProfile": {"vmSize": size},
                                                      "storageProfile": {"osDisk": {"osType": os_type}}}}
    return event("Microsoft.Compute/virtualMachines/write", vm_id, at, response=body, **kw)


def routine(days: int, vms: int = 10, start: datetime = T0) -> list[dict[str, Any]]:
    """Weeks of ordinary work: a pipeline installs the monitoring agent and runs the same CSE
    every day; an admin restarts VMs. Enough history to leave the learning period."""
    records: list[dict[str, Any]] = []
    for day in range(days):
        base = start + timedelta(days=day, hours=9)
        for index in range(vms):
            name = vm(f"vm-{index:02d}")
            if day == 0:
                records.append(vm_write(name, base - timedelta(hours=8), "Standard_D2s_v3"))
            records.append(extension_write(name, "cse", base + timedelta(minutes=index), caller="pipeline-app",
                                           ip="20.50.1.1", settings={"commandToExecute": "sh configure.sh",
                                                                     "fileUris": ["https://acct.blob.core.windows.net/c/configure.sh"]}))
        records.append(event("Microsoft.Compute/virtualMachines/restart/action", vm("vm-00"),
                             base + timedelta(hours=3), caller="admin@contoso.com", ip="10.1.9.9"))
    return records
