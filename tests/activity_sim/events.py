"""Shape-neutral activity-log events and the operations that emit them.

One ARM operation (an extension write, a Run Command, a VM write...) is logged as several
records sharing a correlation id: `Started` (BeginRequest, with the caller's IP and the request
body), `Accepted` (the HTTP answer, with the response body), then `Succeeded` or `Failed` when
the long-running operation ends (no IP: the resource provider logs it). A request refused by
authorization is one `Failed` record (Forbidden)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tests.activity_sim.fleet import Caller, ExtensionType, Subscription, Vm, new_uuid

EXT_WRITE = "Microsoft.Compute/virtualMachines/extensions/write"
EXT_DELETE = "Microsoft.Compute/virtualMachines/extensions/delete"
RUN_COMMAND = "Microsoft.Compute/virtualMachines/runCommand/action"
VM_WRITE = "Microsoft.Compute/virtualMachines/write"
VM_START = "Microsoft.Compute/virtualMachines/start/action"
VM_DEALLOCATE = "Microsoft.Compute/virtualMachines/deallocate/action"
VM_RESTART = "Microsoft.Compute/virtualMachines/restart/action"
LIST_KEYS = "Microsoft.Storage/storageAccounts/listKeys/action"

_METHOD = {"write": "PUT", "delete": "DELETE", "action": "POST"}


@dataclass(frozen=True)
class Event:
    """One activity-log record, before it is rendered in an Azure shape."""

    event_id: str  # eventDataId
    time: datetime
    subscription_id: str
    resource_id: str
    operation: str
    status: str  # Started, Accepted, Succeeded, Failed
    sub_status: str  # "", Created, Accepted, OK, Conflict, Forbidden...
    status_code: str
    caller: Caller
    caller_ip: str | None
    correlation_id: str
    request_body: str | None = None
    response_body: str | None = None
    status_message: str | None = None
    label: str | None = None  # the scenario it belongs to; None for benign records

    @property
    def method(self) -> str:
        return _METHOD[self.operation.rsplit("/", 1)[-1].casefold()]

    @property
    def event_name(self) -> str:
        return "BeginRequest" if self.status == "Started" else "EndRequest"


class Recorder:
    """Collects the events of one simulation; every id comes from the simulation's generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.events: list[Event] = []

    def operation(self, when: datetime, vm_or_sub: Vm | Subscription, caller: Caller, ip: str, operation: str,
                  *, resource_id: str | None = None, body: dict[str, Any] | None = None,
                  response: dict[str, Any] | None = None, outcome: str = "Succeeded",
                  duration_s: tuple[int, int] = (20, 240), failure: str = "VMExtensionProvisioningError",
                  label: str | None = None) -> tuple[str, datetime]:
        """Log one operation; returns (its correlation id, when it ended)."""
        sub_id = vm_or_sub.subscription_id if isinstance(vm_or_sub, Vm) else vm_or_sub.id
        rid = resource_id or (vm_or_sub.resource_id if isinstance(vm_or_sub, Vm) else f"/subscriptions/{sub_id}")
        correlation = new_uuid(self.rng)
        request = json.dumps(body, separators=(",", ":")) if body is not None else None
        common = {"subscription_id": sub_id, "resource_id": rid, "operation": operation, "caller": caller,
                      "correlation_id": correlation, "label": label}
        if outcome == "Forbidden":
            message = json.dumps({"error": {"code": "AuthorizationFailed", "message": (
                f"The client '{caller.principal}' with object id '{caller.object_id}' does not have authorization "
                f"to perform action '{operation}' over scope '{rid}'.")}})
            self._add(when, "Failed", "Forbidden", "Forbidden", ip, request_body=request, status_message=message,
                      **common)
            return correlation, when
        verb = operation.rsplit("/", 1)[-1].casefold()
        accepted_code = "Created" if verb == "write" else "Accepted"
        self._add(when, "Started", "", "", ip, request_body=request, **common)
        accepted = when + timedelta(milliseconds=self.rng.randrange(300, 2500))
        self._add(accepted, "Accepted", accepted_code, accepted_code, ip,
                  response_body=json.dumps(response, separators=(",", ":")) if response is not None else None, **common)
        end = accepted + timedelta(seconds=self.rng.randrange(*duration_s))
        if outcome == "Succeeded":
            self._add(end, "Succeeded", "", "OK", None, **common)
        else:
            name = rid.rsplit("/", 1)[-1]
            message = json.dumps({"status": "Failed", "error": {"code": failure, "message": (
                f"VM has reported a failure when processing extension '{name}'. Error message: "
                f"\"Enable failed: exit status 1\".")}})
            self._add(end, "Failed", "Conflict", "Conflict", None, status_message=message, **common)
        return correlation, end

    def _add(self, when: datetime, status: str, sub_status: str, code: str, ip: str | None, **fields: Any) -> None:
        self.events.append(Event(new_uuid(self.rng), when, status=status, sub_status=sub_status, status_code=code,
                                 caller_ip=ip, **fields))


def extension_body(vm: Vm, ext: ExtensionType, settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """The extension PUT body as the activity log shows it (protected settings are never logged)."""
    return {"location": vm.location, "properties": {
        "publisher": ext.publisher, "type": ext.type, "typeHandlerVersion": ext.version,
        "autoUpgradeMinorVersion": True, "settings": settings or {}}}


def extension_response(vm: Vm, ext: ExtensionType, name: str, settings: dict[str, Any] | None = None) -> dict[str, Any]:
    body = extension_body(vm, ext, settings)
    body["properties"]["provisioningState"] = "Creating"
    return {"name": name, "id": f"{vm.resource_id}/extensions/{name}",
            "type": "Microsoft.Compute/virtualMachines/extensions", **body}


def vm_body(vm: Vm, admin_user: str = "azureadmin") -> dict[str, Any]:
    image = ({"publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "2022-datacenter-azure-edition",
              "version": "latest"} if vm.os.value == "Windows" else
             {"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2",
              "version": "latest"})
    return {"location": vm.location, "properties": {
        "hardwareProfile": {"vmSize": vm.size},
        "storageProfile": {"imageReference": image, "osDisk": {
            "osType": vm.os.value, "createOption": "FromImage", "caching": "ReadWrite",
            "managedDisk": {"storageAccountType": "Premium_LRS"}}},
        "osProfile": {"computerName": vm.name, "adminUsername": admin_user},
        "networkProfile": {"networkInterfaces": [{"id": vm.resource_id.replace(
            "Microsoft.Compute/virtualMachines", "Microsoft.Network/networkInterfaces") + "-nic"}]}}}


def vm_response(vm: Vm, rng: random.Random) -> dict[str, Any]:
    body = vm_body(vm)
    body["properties"].pop("osProfile")
    body["properties"]["provisioningState"] = "Creating"
    body["properties"]["vmId"] = new_uuid(rng)
    return {"name": vm.name, "id": vm.resource_id, "type": "Microsoft.Compute/virtualMachines", **body}


def run_command_body(vm: Vm, script: list[str], command_id: str | None = None) -> dict[str, Any]:
    default = "RunPowerShellScript" if vm.os.value == "Windows" else "RunShellScript"
    return {"commandId": command_id or default, "script": script}
