"""The simulated estate: subscriptions, their VMs (size, OS), the callers who act on them, and
the extension types that exist. Everything is drawn from one seeded `random.Random`."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from enum import Enum

TENANT_DOMAIN = "contoso.example"

# Sizes with a GPU: every N-series family (NC, ND, NV) starts with Standard_N.
GPU_SIZES_LINUX = ("Standard_NC6s_v3", "Standard_NC4as_T4_v3", "Standard_NC24ads_A100_v4", "Standard_ND96asr_v4",
                   "Standard_NV6ads_A10_v5", "Standard_NV12s_v3")
GPU_SIZES_WINDOWS = ("Standard_NV8as_v4", "Standard_NV12s_v3", "Standard_NC4as_T4_v3", "Standard_NV6ads_A10_v5")
AMD_GPU_SIZES = frozenset({"Standard_NV8as_v4"})
PLAIN_SIZES = ("Standard_D2s_v5", "Standard_D4s_v5", "Standard_D8as_v5", "Standard_E4s_v5", "Standard_E16s_v5",
               "Standard_F4s_v2", "Standard_F8s_v2", "Standard_B2s", "Standard_B2ms", "Standard_B4ms")


def has_gpu(size: str) -> bool:
    return size.casefold().startswith("standard_n")


class Os(str, Enum):
    WINDOWS = "Windows"
    LINUX = "Linux"


@dataclass(frozen=True)
class ExtensionType:
    publisher: str
    type: str
    version: str
    os: Os
    family: str  # cse, dsc, vmaccess, ade, gpu, monitoring, other


def _ext(publisher: str, type_: str, version: str, os: Os, family: str) -> ExtensionType:
    return ExtensionType(publisher, type_, version, os, family)


W, L = Os.WINDOWS, Os.LINUX
CSE = {W: _ext("Microsoft.Compute", "CustomScriptExtension", "1.10", W, "cse"),
       L: _ext("Microsoft.Azure.Extensions", "CustomScript", "2.1", L, "cse")}
DSC = _ext("Microsoft.Powershell", "DSC", "2.77", W, "dsc")
VMACCESS = {W: _ext("Microsoft.Compute", "VMAccessAgent", "2.4", W, "vmaccess"),
            L: _ext("Microsoft.OSTCExtensions", "VMAccessForLinux", "1.5", L, "vmaccess")}
ADE = {W: _ext("Microsoft.Azure.Security", "AzureDiskEncryption", "2.2", W, "ade"),
       L: _ext("Microsoft.Azure.Security", "AzureDiskEncryptionForLinux", "1.1", L, "ade")}
NVIDIA = {W: _ext("Microsoft.HpcCompute", "NvidiaGpuDriverWindows", "1.6", W, "gpu"),
          L: _ext("Microsoft.HpcCompute", "NvidiaGpuDriverLinux", "1.9", L, "gpu")}
AMD = _ext("Microsoft.HpcCompute", "AmdGpuDriverWindows", "1.1", W, "gpu")
AMA = {W: _ext("Microsoft.Azure.Monitor", "AzureMonitorWindowsAgent", "1.22", W, "monitoring"),
       L: _ext("Microsoft.Azure.Monitor", "AzureMonitorLinuxAgent", "1.29", L, "monitoring")}
# Monitoring and data-collection extensions: what the multi-extension alert is about.
MONITORING = {
    W: (AMA[W], _ext("Microsoft.Azure.Monitoring.DependencyAgent", "DependencyAgentWindows", "9.10", W, "monitoring"),
        _ext("Microsoft.EnterpriseCloud.Monitoring", "MicrosoftMonitoringAgent", "1.0", W, "monitoring"),
        _ext("Microsoft.Azure.Diagnostics", "IaaSDiagnostics", "1.5", W, "monitoring"),
        _ext("Microsoft.Azure.NetworkWatcher", "NetworkWatcherAgentWindows", "1.4", W, "monitoring"),
        _ext("Microsoft.GuestConfiguration", "ConfigurationforWindows", "1.29", W, "monitoring")),
    L: (AMA[L], _ext("Microsoft.Azure.Monitoring.DependencyAgent", "DependencyAgentLinux", "9.10", L, "monitoring"),
        _ext("Microsoft.EnterpriseCloud.Monitoring", "OmsAgentForLinux", "1.14", L, "monitoring"),
        _ext("Microsoft.Azure.Diagnostics", "LinuxDiagnostic", "4.0", L, "monitoring"),
        _ext("Microsoft.Azure.NetworkWatcher", "NetworkWatcherAgentLinux", "1.4", L, "monitoring"),
        _ext("Microsoft.GuestConfiguration", "ConfigurationForLinux", "1.26", L, "monitoring")),
}


def gpu_driver_for(os: Os, size: str) -> ExtensionType:
    return AMD if size in AMD_GPU_SIZES else NVIDIA[os]


@dataclass(frozen=True)
class Vm:
    subscription_id: str
    resource_group: str
    name: str
    size: str
    os: Os
    location: str
    created_day: int  # day of the history its virtualMachines/write is logged

    @property
    def resource_id(self) -> str:
        return (f"/subscriptions/{self.subscription_id}/resourceGroups/{self.resource_group}"
                f"/providers/Microsoft.Compute/virtualMachines/{self.name}")

    @property
    def gpu(self) -> bool:
        return has_gpu(self.size)


class CallerKind(str, Enum):
    USER = "user"
    SERVICE_PRINCIPAL = "service_principal"
    MANAGED_IDENTITY = "managed_identity"


@dataclass(frozen=True)
class Caller:
    kind: CallerKind
    name: str  # display name
    principal: str  # UPN for users, app id for service principals and managed identities
    object_id: str
    ip_prefix: str  # "a.b": the caller's stable /16
    utc_offset_h: float = 0.0  # humans work 08:00-18:00 local time on weekdays
    mi_resource_id: str | None = None  # managed identity: the VM it belongs to

    @property
    def is_human(self) -> bool:
        return self.kind is CallerKind.USER


@dataclass
class Subscription:
    id: str
    name: str
    location: str
    vms: list[Vm] = field(default_factory=list)
    admins: list[Caller] = field(default_factory=list)
    corporate_prefix: str = ""  # where the admins work from
    automation_prefix: str = ""  # where the pipelines run
    pipeline: Caller | None = None  # daily provision-then-delete of a Custom Script Extension
    provisioner: Caller | None = None  # new VMs: monitoring agent, disk encryption, GPU drivers
    patcher: Caller | None = None  # weekly Run Command maintenance on every VM
    config_manager: Caller | None = None  # weekly DSC, on subscriptions that use DSC
    uses_dsc: bool = False
    key_vault_id: str = ""

    def windows(self) -> list[Vm]:
        return [vm for vm in self.vms if vm.os is Os.WINDOWS]

    def plain(self) -> list[Vm]:
        return [vm for vm in self.vms if not vm.gpu]


def new_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class IpPlan:
    """Hands out /16 prefixes that never repeat: benign ranges from one pool, attacker ranges
    from another, so 'new IP range' means new."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        benign = [f"{a}.{b}" for a in (100, 198) for b in range(64, 128)]
        hostile = [f"{a}.{b}" for a in (5, 31, 37, 45, 77, 89, 91, 94, 103, 141, 146, 185, 193, 194, 212)
                   for b in range(0, 256, 3)]
        rng.shuffle(benign)
        rng.shuffle(hostile)
        self._benign, self._hostile = benign, hostile

    def benign(self) -> str:
        return self._benign.pop()

    def hostile(self) -> str:
        return self._hostile.pop()

    def address(self, prefix: str) -> str:
        return f"{prefix}.{self._rng.randrange(0, 256)}.{self._rng.randrange(1, 255)}"


_FIRST = ("alice", "bruno", "chen", "dana", "emeka", "fatima", "goran", "hana", "ivan", "julia", "kofi", "lena",
          "mateo", "nadia", "omar", "priya", "quinn", "rosa", "sven", "tara", "uma", "victor", "wen", "yusuf")
_LAST = ("ng", "silva", "weber", "okafor", "kim", "haddad", "novak", "tanaka", "ross", "iyer", "berg", "moreau")
_OFFSETS = (-8.0, -5.0, 0.0, 1.0, 2.0, 5.5, 8.0)


def human(rng: random.Random, prefix: str, taken: set[str]) -> Caller:
    while True:
        upn = f"{rng.choice(_FIRST)}.{rng.choice(_LAST)}@{TENANT_DOMAIN}"
        if upn not in taken:
            taken.add(upn)
            break
    return Caller(CallerKind.USER, upn.split("@")[0].replace(".", " ").title(), upn, new_uuid(rng), prefix,
                  rng.choice(_OFFSETS))


def service_principal(rng: random.Random, name: str, prefix: str) -> Caller:
    return Caller(CallerKind.SERVICE_PRINCIPAL, name, new_uuid(rng), new_uuid(rng), prefix)


_SUB_NAMES = ("contoso-prod", "contoso-ml", "contoso-dev", "contoso-shared", "contoso-data", "contoso-sandbox")
_LOCATIONS = ("westeurope", "eastus", "northeurope", "eastus2", "uksouth")
_ROLES = (("web", Os.LINUX), ("api", Os.LINUX), ("sql", Os.WINDOWS), ("app", Os.WINDOWS), ("batch", Os.LINUX),
          ("dc", Os.WINDOWS), ("jump", Os.WINDOWS), ("cache", Os.LINUX))


def build_fleet(rng: random.Random, *, subscriptions: int, vms: int, ips: IpPlan, days: int) -> list[Subscription]:
    """`vms` VMs over `subscriptions` subscriptions (at least 8 each); the second subscription is
    the GPU-heavy one, every subscription has Windows and Linux VMs and a few GPU VMs."""
    subs: list[Subscription] = []
    taken: set[str] = set()
    per_sub = [max(8, vms // subscriptions)] * subscriptions
    for index in range(subscriptions):
        sub = Subscription(new_uuid(rng), _SUB_NAMES[index % len(_SUB_NAMES)] + ("" if index < 6 else f"-{index}"),
                           _LOCATIONS[index % len(_LOCATIONS)])
        sub.corporate_prefix = ips.benign()
        sub.automation_prefix = ips.benign()
        sub.admins = [human(rng, sub.corporate_prefix, taken) for _ in range(rng.randint(2, 4))]
        sub.pipeline = service_principal(rng, f"{sub.name}-release-pipeline", sub.automation_prefix)
        sub.provisioner = service_principal(rng, f"{sub.name}-provisioning", sub.automation_prefix)
        sub.patcher = service_principal(rng, f"{sub.name}-patch-automation", sub.automation_prefix)
        sub.uses_dsc = index % 2 == 0
        if sub.uses_dsc:
            sub.config_manager = service_principal(rng, f"{sub.name}-dsc-config", sub.automation_prefix)
        sub.key_vault_id = (f"/subscriptions/{sub.id}/resourceGroups/rg-security/providers/Microsoft.KeyVault/"
                            f"vaults/kv-{sub.name}")
        gpu_share = 0.45 if index == 1 else 0.1
        for n in range(per_sub[index]):
            role, os = _ROLES[n % len(_ROLES)] if n < len(_ROLES) else rng.choice(_ROLES)
            if n >= 2 and rng.random() < gpu_share:
                os = rng.choice((Os.LINUX, Os.LINUX, Os.WINDOWS))
                size = rng.choice(GPU_SIZES_LINUX if os is Os.LINUX else GPU_SIZES_WINDOWS)
                role = "gpu"
            else:
                size = rng.choice(PLAIN_SIZES)
            # Most VMs exist from the first days; some are created later in the history.
            created = 0 if rng.random() < 0.8 else rng.randrange(1, max(2, days // 2))
            sub.vms.append(Vm(sub.id, f"rg-{role}", f"vm-{role}-{n:02d}", size, os, sub.location, created))
        if not any(vm.gpu for vm in sub.vms):  # every subscription has a GPU VM somewhere
            old = sub.vms[-1]
            sub.vms[-1] = Vm(sub.id, "rg-gpu", f"vm-gpu-{len(sub.vms) - 1:02d}", GPU_SIZES_LINUX[0], Os.LINUX,
                             sub.location, old.created_day)
        subs.append(sub)
    return subs
