"""What a record did: which extension family, to which VM, write or delete, and the body's parts
the detectors compare (command and fileUris of a CSE, key vaults of ADE, VM size and OS).

The extension is identified by publisher + type from the request body (never by its name, which
an attacker chooses); a delete carries no body, so its type comes from the install history of
the same extension resource, and only then from well-known names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from inspector.activity.records import ActivityRecord, subscription_of
from inspector.extensions.kinds import KINDS
from inspector.extensions.plan import ExtensionKind


class Family(StrEnum):
    CUSTOM_SCRIPT = "custom_script"
    DSC = "dsc"
    RUN_COMMAND = "run_command"
    VMACCESS = "vmaccess"
    GPU_DRIVER = "gpu_driver"
    DISK_ENCRYPTION = "disk_encryption"
    EXTENSION = "extension"      # any other extension
    VM = "vm"                    # the virtual machine itself (virtualMachines/write)
    OTHER = "other"


class Action(StrEnum):
    WRITE = "write"
    DELETE = "delete"
    ACTION = "action"
    READ = "read"


_FAMILY_OF_KIND = {
    "custom_script_windows": Family.CUSTOM_SCRIPT,
    "custom_script_linux": Family.CUSTOM_SCRIPT,
    "custom_script_linux_legacy": Family.CUSTOM_SCRIPT,
    "dsc": Family.DSC,
    "vmaccess_windows": Family.VMACCESS,
    "vmaccess_linux": Family.VMACCESS,
    "disk_encryption": Family.DISK_ENCRYPTION,
    "gpu_driver": Family.GPU_DRIVER,
    "run_command": Family.RUN_COMMAND,
    "managed_run_command": Family.RUN_COMMAND,
}
# Only for deletes of an extension whose install was never seen: the usual names Azure tooling gives.
_NAME_HINTS = (
    ("customscript", Family.CUSTOM_SCRIPT), ("dsc", Family.DSC), ("vmaccess", Family.VMACCESS),
    ("enablevmaccess", Family.VMACCESS), ("diskencryption", Family.DISK_ENCRYPTION),
    ("gpudriver", Family.GPU_DRIVER), ("runcommand", Family.RUN_COMMAND),
)
_MACHINE_MARKERS = ("/virtualmachines/", "/virtualmachinescalesets/", "/machines/")
_CHILD_MARKERS = ("/extensions/", "/runcommands/", "/runcommand")
USAGE_FAMILIES = frozenset({Family.CUSTOM_SCRIPT, Family.DSC, Family.RUN_COMMAND, Family.VMACCESS,
                            Family.GPU_DRIVER, Family.DISK_ENCRYPTION, Family.EXTENSION})


@dataclass(frozen=True)
class Operation:
    family: Family
    action: Action
    vm_id: str | None              # the machine resource id, as the record spells it
    target_id: str                 # casefolded resource id the record names (extension, run command, VM)
    extension_type: str | None     # "publisher/type", casefolded, when known
    key: str                       # one operation across its start and end records
    signature: str | None = None   # digest of what a CSE runs (command + fileUris)
    vm_size: str | None = None     # virtualMachines/write: learned inventory
    os_type: str | None = None
    key_vaults: tuple[str, ...] = ()  # ADE: key vault resource ids the settings name

    @property
    def on_extension(self) -> bool:
        return self.family in USAGE_FAMILIES


def _get(value: Any, name: str) -> Any:
    if not isinstance(value, Mapping):
        return None
    folded = name.casefold()
    for key, item in value.items():
        if isinstance(key, str) and key.casefold() == folded:
            return item
    return None


def _properties(body: Any) -> Mapping[str, Any]:
    props = _get(body, "properties")
    if isinstance(props, Mapping):
        return props
    return body if isinstance(body, Mapping) else {}


def machine_of(resource_id: str) -> str | None:
    """The machine a resource id names or lies under, spelled as the record spells it."""
    rid = resource_id.casefold()
    if not any(m in rid for m in _MACHINE_MARKERS):
        return None
    for marker in _CHILD_MARKERS:
        at = rid.find(marker)
        if at > 0:
            return resource_id[:at]
    return resource_id


def _action(operation: str) -> Action:
    op = operation.casefold()
    if op.endswith("/delete"):
        return Action.DELETE
    if op.endswith("/write"):
        return Action.WRITE
    if op.endswith("/action"):
        return Action.ACTION
    return Action.READ


def _is_vm_write(op: str) -> bool:
    return op.endswith(("/virtualmachines/write", "/virtualmachinescalesets/write", "/machines/write"))


def classify(record: ActivityRecord, known_type: str | None = None) -> Operation:
    """The operation a record belongs to. `known_type`: the extension type the install history
    knows for this extension resource (used when the record carries no body)."""
    op = record.operation.casefold()
    target = record.resource_id.casefold()
    action = _action(op)
    vm_id = machine_of(record.resource_id)
    seed = f"{record.correlation_id or record.record_id}|{op}|{target}".casefold()
    key = hashlib.sha256(seed.encode()).hexdigest()[:32]
    body = record.request_body if isinstance(record.request_body, Mapping) else None
    if "/extensions/" in op:
        props = _properties(body) if body is not None else {}
        publisher, ext_type = _get(props, "publisher"), _get(props, "type")
        ext = (f"{publisher}/{ext_type}".casefold()
               if isinstance(publisher, str) and isinstance(ext_type, str) else known_type)
        family = _family_of_type(ext) if ext else _family_of_name(target)
        signature = _cse_signature(props) if family is Family.CUSTOM_SCRIPT and body is not None else None
        vaults = _key_vaults(props) if family is Family.DISK_ENCRYPTION else ()
        return Operation(family, action, vm_id, target, ext, key, signature=signature, key_vaults=vaults)
    if "/runcommand" in op:
        return Operation(Family.RUN_COMMAND, action, vm_id, target, "microsoft.compute/runcommand", key)
    if _is_vm_write(op):
        size, os_type = _inventory(record)
        return Operation(Family.VM, action, vm_id, target, None, key, vm_size=size, os_type=os_type)
    return Operation(Family.OTHER, action, vm_id, target, None, key)


def _family_of_type(ext: str) -> Family:
    publisher, _, ext_type = ext.partition("/")
    kind = KINDS.identify(publisher, ext_type)
    return _FAMILY_OF_KIND.get(kind, Family.EXTENSION)


def _family_of_name(target: str) -> Family:
    name = target.rsplit("/", 1)[-1].replace("-", "").replace("_", "")
    for hint, family in _NAME_HINTS:
        if hint in name:
            return family
    return Family.EXTENSION


def _settings(props: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found = [_get(props, "settings"), _get(props, "protectedSettings")]
    return [s for s in found if isinstance(s, Mapping)]


def _cse_signature(props: Mapping[str, Any]) -> str | None:
    """What a CSE runs, as a digest: its command, inline script and fileUris (SAS tokens cut off,
    so a fresh token is not a new command)."""
    parts: list[str] = []
    for settings in _settings(props):
        for name in ("commandToExecute", "script"):
            value = _get(settings, name)
            if isinstance(value, str):
                parts.append(f"{name}={value.strip()}")
        uris = _get(settings, "fileUris")
        if isinstance(uris, list):
            parts.extend(f"uri={str(u).split('?', 1)[0]}" for u in uris)
    if not parts:
        return None
    return hashlib.sha256("\n".join(sorted(parts)).casefold().encode()).hexdigest()[:24]


def _key_vaults(props: Mapping[str, Any]) -> tuple[str, ...]:
    vaults: list[str] = []
    for settings in _settings(props):
        for name in ("KeyVaultResourceId", "KekVaultResourceId"):
            value = _get(settings, name)
            if isinstance(value, str) and value.strip():
                vaults.append(value.strip().casefold())
        for name in ("KeyVaultURL", "KeyEncryptionKeyURL"):
            value = _get(settings, name)
            if isinstance(value, str) and value.strip():
                vaults.append(value.strip().casefold().split("/keys/", 1)[0].rstrip("/"))
    return tuple(dict.fromkeys(vaults))


def foreign_vaults(operation: Operation, subscription_id: str) -> list[str]:
    """Key vault resource ids in another subscription than the VM's (ransomware keeps the key)."""
    return [v for v in operation.key_vaults
            if v.startswith("/subscriptions/") and (subscription_of(v) or "").casefold() not in ("", subscription_id.casefold())]


def _inventory(record: ActivityRecord) -> tuple[str | None, str | None]:
    size = os_type = None
    for body in (record.response_body, record.request_body):
        props = _properties(body) if isinstance(body, Mapping) else {}
        size = size or _text(_get(_get(props, "hardwareProfile"), "vmSize"))
        os_disk = _get(_get(props, "storageProfile"), "osDisk")
        os_type = os_type or _text(_get(os_disk, "osType"))
        if os_type is None:
            os_profile = _get(props, "osProfile")
            if isinstance(os_profile, Mapping):
                if _get(os_profile, "windowsConfiguration") is not None:
                    os_type = "Windows"
                elif _get(os_profile, "linuxConfiguration") is not None:
                    os_type = "Linux"
        if isinstance(body, Mapping) and size is None:
            size = _text(_get(_get(body, "sku"), "name"))  # scale sets
    return size, os_type


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def has_gpu(vm_size: str) -> bool:
    """Only N-series sizes (NC, ND, NV, NG) have GPUs: their names start with Standard_N."""
    return vm_size.casefold().replace("basic_", "standard_").startswith("standard_n")


def body_fields(body: Any) -> str:
    """The body as compact JSON for digests and storage."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
