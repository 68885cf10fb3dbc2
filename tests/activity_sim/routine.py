"""Routine activity: what every subscription does day after day, with the rhythm of who does it.

- VM creation (`virtualMachines/write` with size and OS) followed by the provisioning account's
  standard extension bundle (monitoring agent, dependency agent, disk encryption with the
  subscription's own key vault, the GPU driver on GPU sizes): many extension types on one VM in
  minutes, every time a VM is born.
- The release pipeline's daily provision-then-delete of a Custom Script Extension at 02:00 UTC.
- Admins on weekdays in their working hours (their own time zone), from the corporate range:
  a Run Command, a VMAccess password reset, a hand-run Custom Script, restarts.
- Weekly fan-outs: patching by Run Command on every VM (Sunday 03:00), DSC on every Windows VM
  (Wednesday 04:00) where the subscription uses DSC; GPU driver updates every ten days.
- Working-hours start and stop of VMs, storage key listings, and ordinary failures (a release
  script that failed, a GPU driver install that failed on a GPU VM).
Routine cases after the learning period that look like attacks are labelled as benign cases."""

from __future__ import annotations

from datetime import timedelta

from tests.activity_sim.events import (
    LIST_KEYS,
    RUN_COMMAND,
    VM_DEALLOCATE,
    VM_RESTART,
    VM_START,
    VM_WRITE,
    run_command_body,
    vm_body,
    vm_response,
)
from tests.activity_sim.fleet import (
    ADE,
    AMA,
    CSE,
    DSC,
    MONITORING,
    VMACCESS,
    Caller,
    Os,
    Subscription,
    Vm,
    gpu_driver_for,
)
from tests.activity_sim.labels import Case
from tests.activity_sim.world import World

ADMIN_SCRIPTS = {
    Os.WINDOWS: (["Get-Service -Name W3SVC | Select-Object Status, Name"], ["ipconfig /all"],
                 ["Get-EventLog -LogName System -Newest 20 | Format-Table -AutoSize"],
                 ["Get-Volume | Format-Table DriveLetter, SizeRemaining"], ["Restart-Service -Name W3SVC"]),
    Os.LINUX: (["systemctl status nginx --no-pager"], ["df -h"], ["free -m", "uptime"],
               ["journalctl -u app --since '1 hour ago' --no-pager | tail -n 50"], ["systemctl restart app"]),
}
PATCH_SCRIPTS = {
    Os.WINDOWS: ["$s = New-Object -ComObject Microsoft.Update.Session",
                 "$r = $s.CreateUpdateSearcher().Search('IsInstalled=0')",
                 "Write-Output \"pending updates: $($r.Updates.Count)\""],
    Os.LINUX: ["apt-get update -q", "DEBIAN_FRONTEND=noninteractive apt-get -y -q upgrade"],
}


def storage(sub: Subscription, purpose: str) -> str:
    return f"https://st{sub.name.replace('-', '')}{purpose}.blob.core.windows.net"


def release_settings(sub: Subscription, vm: Vm, version: str) -> dict[str, object]:
    base = f"{storage(sub, 'deploy')}/releases/{vm.resource_group[3:]}/{version}"
    if vm.os is Os.WINDOWS:
        return {"fileUris": [f"{base}/install-app.ps1"],
                "commandToExecute": ("powershell -ExecutionPolicy Unrestricted -File install-app.ps1 "
                                     f"-Version {version}")}
    return {"fileUris": [f"{base}/deploy.sh"], "commandToExecute": f"bash deploy.sh --version {version}"}


def admin_cse_settings(sub: Subscription, vm: Vm, rng_choice: int) -> dict[str, object]:
    if vm.os is Os.WINDOWS:
        script = ("configure-iis.ps1", "rotate-logs.ps1", "set-timezone.ps1")[rng_choice % 3]
        return {"fileUris": [f"{storage(sub, 'ops')}/scripts/{script}"],
                "commandToExecute": f"powershell -ExecutionPolicy Bypass -File {script}"}
    script = ("rotate-logs.sh", "mount-data-disk.sh", "install-node-exporter.sh")[rng_choice % 3]
    return {"fileUris": [f"{storage(sub, 'ops')}/scripts/{script}"], "commandToExecute": f"sh {script}"}


def ade_settings(sub: Subscription, vault_id: str | None = None) -> dict[str, object]:
    vault_id = vault_id or sub.key_vault_id
    vault = vault_id.rsplit("/", 1)[-1]
    return {"EncryptionOperation": "EnableEncryption", "KeyVaultURL": f"https://{vault}.vault.azure.net/",
            "KeyVaultResourceId": vault_id, "KeyEncryptionKeyURL": f"https://{vault}.vault.azure.net/keys/ade-kek/1",
            "KekVaultResourceId": vault_id, "KeyEncryptionAlgorithm": "RSA-OAEP", "VolumeType": "All",
            "ResizeOSDisk": False}


def gpu_settings(vm: Vm) -> dict[str, object]:
    return {"updateOS": False, "driverVersion": "535.154.05", "installCUDA": True} if vm.os is Os.LINUX else {}


def dsc_settings(sub: Subscription) -> dict[str, object]:
    return {"wmfVersion": "latest",
            "configuration": {"url": f"{storage(sub, 'ops')}/dsc/Baseline.ps1.zip", "script": "Baseline.ps1",
                              "function": "Baseline"},
            "configurationArguments": {"NodeName": "localhost"}, "privacy": {"dataCollection": "Enable"}}


class Routine:
    def __init__(self, world: World) -> None:
        self.w = world
        self.rng = world.rng
        self._used: set[tuple[str, str, str]] = set()  # (subscription, caller, action) seen so far

    def run(self) -> None:
        for sub in self.w.subs:
            deploy_targets = self.rng.sample(sub.vms, k=min(len(sub.vms), self.rng.randint(3, 5)))
            for d in range(self.w.days):
                self.vm_births(sub, d)
                self.pipeline(sub, sub.pipeline, d, deploy_targets, hour=2.0)
                if self.w.day(d).weekday() < 5:
                    self.working_day(sub, d)
                if self.w.day(d).weekday() == 6:
                    self.patch_fanout(sub, d)
                if self.w.day(d).weekday() == 2 and sub.uses_dsc:
                    self.dsc_fanout(sub, d)
                if d % 10 == 5:
                    self.gpu_updates(sub, d)

    def _in_attack_phase(self, d: int) -> bool:
        """Past the learning period, where routine that looks unusual is labelled as a benign case."""
        return d >= self.w.judged_from

    def vm_births(self, sub: Subscription, d: int) -> None:
        born = [vm for vm in sub.vms if vm.created_day == d]
        prov = sub.provisioner
        assert prov is not None
        for vm in born:
            when = self.w.at(d, self.rng.uniform(0.5, 5.0) if d == 0 else self.rng.uniform(9.0, 16.0))
            case = None
            if self._in_attack_phase(d):
                case = self.w.case(None, "new_vm_standard_bundle", f"{vm.name} created with the usual extensions",
                                   sub, when, ["known provisioning account", "known IP range", "new VM"])
            ip = self.w.ips.address(prov.ip_prefix)
            end = self.w.operation(when, vm, prov, ip, VM_WRITE, body=vm_body(vm), response=vm_response(vm, self.rng),
                                   duration_s=(60, 240), case=case)
            bundle = [(AMA[vm.os], "AzureMonitorAgent", None), (MONITORING[vm.os][1], "DependencyAgent", None),
                      (ADE[vm.os], "AzureDiskEncryption", ade_settings(sub))]
            if vm.gpu:
                bundle.append((gpu_driver_for(vm.os, vm.size), "GpuDriver", gpu_settings(vm)))
            for ext, name, settings in bundle:
                end = self.w.extension(end + timedelta(seconds=self.rng.randrange(5, 40)), vm, prov, ip, ext, name,
                                       settings, case=case)

    def pipeline(self, sub: Subscription, caller: Caller | None, d: int, targets: list[Vm], hour: float,
                 case: Case | None = None) -> None:
        """Provision a Custom Script Extension on each target, then delete it once it ran."""
        assert caller is not None
        start = self.w.at(d, hour, jitter_min=20)
        ip = self.w.ips.address(caller.ip_prefix)
        version = f"1.{d}.{self.rng.randrange(100, 999)}"
        for vm in targets:
            if vm.created_day > d:
                continue
            failed = self.rng.random() < 0.03
            this_case = case
            if failed and case is None and self._in_attack_phase(d):
                this_case = self.w.case(None, "benign_failed_cse", f"release script failed on {vm.name}", sub, start,
                                        ["known caller", "known range", "benign script"])
            end = self.w.extension(start, vm, caller, ip, CSE[vm.os], "deploy-app",
                                   release_settings(sub, vm, version), outcome="Failed" if failed else "Succeeded",
                                   case=this_case)
            self.w.delete_extension(end + timedelta(seconds=self.rng.randrange(120, 600)), vm, caller, ip,
                                    "deploy-app", case=this_case)
            start += timedelta(seconds=self.rng.randrange(20, 90))

    def working_day(self, sub: Subscription, d: int) -> None:
        for admin in sub.admins:
            if self.rng.random() > 0.65:
                continue
            for _ in range(self.rng.randint(1, 3)):
                local = self.rng.uniform(8.5, 17.5)
                self.admin_action(sub, admin, d, local - admin.utc_offset_h)
        if sub.patcher is not None:  # office-hours schedule of the non-production VMs
            ip = self.w.ips.address(sub.patcher.ip_prefix)
            for vm in sub.vms[-3:]:
                if vm.created_day < d:
                    self.w.operation(self.w.at(d, 6.0, 10), vm, sub.patcher, ip, VM_START, duration_s=(30, 120))
                    self.w.operation(self.w.at(d, 19.0, 10), vm, sub.patcher, ip, VM_DEALLOCATE, duration_s=(30, 200))

    def admin_action(self, sub: Subscription, admin: Caller, d: int, utc_hour: float, case: Case | None = None,
                     action: str | None = None) -> None:
        when = self.w.at(d, utc_hour)
        vms = [vm for vm in sub.vms if vm.created_day < d]
        if not vms:
            return
        vm = self.rng.choice(vms)
        ip = self.w.ips.address(admin.ip_prefix)
        roll = self.rng.random()
        action = action or ("run_command" if roll < 0.35 else "vmaccess" if roll < 0.45 else "cse" if roll < 0.55
                            else "restart" if roll < 0.8 else "list_keys")
        first = (sub.id, admin.principal, action) not in self._used
        self._used.add((sub.id, admin.principal, action))
        if case is None and first and self._in_attack_phase(d) and action in ("run_command", "vmaccess", "cse"):
            # A known admin doing something for the first time: one signal, routine work.
            case = self.w.case(None, "known_admin_first_use", f"{admin.principal}: first {action} on {sub.name}",
                               sub, when, ["known caller", "corporate IP range", "one VM", "working hours"])
        if action == "run_command":
            script = self.rng.choice(ADMIN_SCRIPTS[vm.os])
            self.w.operation(when, vm, admin, ip, RUN_COMMAND, body=run_command_body(vm, script),
                             duration_s=(15, 90), outcome="Failed" if self.rng.random() < 0.03 else "Succeeded",
                             failure="VMAgentStatusCommunicationError", case=case)
        elif action == "vmaccess":
            settings = {"username": "azureadmin"} if vm.os is Os.WINDOWS else {}
            self.w.extension(when, vm, admin, ip, VMACCESS[vm.os], "enablevmaccess", settings, case=case)
        elif action == "cse":
            self.w.extension(when, vm, admin, ip, CSE[vm.os], "CustomScriptExtension",
                             admin_cse_settings(sub, vm, self.rng.randrange(3)), case=case)
        elif action == "restart":
            self.w.operation(when, vm, admin, ip, VM_RESTART, duration_s=(30, 180), case=case)
        else:
            account = f"st{sub.name.replace('-', '')}ops"
            rid = f"/subscriptions/{sub.id}/resourceGroups/rg-ops/providers/Microsoft.Storage/storageAccounts/{account}"
            self.w.operation(when, vm, admin, ip, LIST_KEYS, resource_id=rid, duration_s=(1, 3), case=case)

    def patch_fanout(self, sub: Subscription, d: int) -> None:
        patcher = sub.patcher
        assert patcher is not None
        when = self.w.at(d, 3.0, jitter_min=10)
        case = None
        if self._in_attack_phase(d):
            case = self.w.case(None, "weekly_maintenance_fanout", "weekly patch Run Command on every VM", sub, when,
                               ["known caller", "known range", "weekly in the history"])
        ip = self.w.ips.address(patcher.ip_prefix)
        for vm in sub.vms:
            if vm.created_day >= d:
                continue
            outcome = "Failed" if self.rng.random() < 0.02 else "Succeeded"
            self.w.operation(when, vm, patcher, ip, RUN_COMMAND, body=run_command_body(vm, PATCH_SCRIPTS[vm.os]),
                             duration_s=(60, 600), outcome=outcome, failure="VMAgentStatusCommunicationError",
                             case=case)
            when += timedelta(seconds=self.rng.randrange(10, 60))

    def dsc_fanout(self, sub: Subscription, d: int) -> None:
        manager = sub.config_manager
        assert manager is not None
        when = self.w.at(d, 4.0, jitter_min=10)
        case = None
        if self._in_attack_phase(d):
            case = self.w.case(None, "weekly_dsc_fanout", "weekly DSC baseline on every Windows VM", sub, when,
                               ["known caller", "known range", "weekly in the history"])
        ip = self.w.ips.address(manager.ip_prefix)
        for vm in sub.windows():
            if vm.created_day >= d:
                continue
            self.w.extension(when, vm, manager, ip, DSC, "Microsoft.Powershell.DSC", dsc_settings(sub), case=case)
            when += timedelta(seconds=self.rng.randrange(15, 90))

    def gpu_updates(self, sub: Subscription, d: int) -> None:
        prov = sub.provisioner
        assert prov is not None
        ip = self.w.ips.address(prov.ip_prefix)
        when = self.w.at(d, 10.0, jitter_min=120)
        for vm in sub.vms:
            if not vm.gpu or vm.created_day >= d:
                continue
            failed = self.rng.random() < 0.15
            case = None
            if failed and self._in_attack_phase(d):
                case = self.w.case(None, "benign_failed_gpu_driver", f"GPU driver update failed on GPU VM {vm.name}",
                                   sub, when, ["known caller", "GPU size"])
            when = self.w.extension(when, vm, prov, ip, gpu_driver_for(vm.os, vm.size), "GpuDriver",
                                    gpu_settings(vm), outcome="Failed" if failed else "Succeeded", case=case)
