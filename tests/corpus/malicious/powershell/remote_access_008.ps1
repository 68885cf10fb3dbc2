# init 3375 v2
Invoke-WebRequest 'https://github.com/rustdesk/rustdesk/releases/download/1.2.3/rustdesk-1.2.3-x86_64.exe' -OutFile "$env:TEMP\rd.exe"
Start-Process "$env:TEMP\rd.exe" -ArgumentList '--silent-install' -Wait
& 'C:\Program Files\RustDesk\rustdesk.exe' --password 'Winter#2025x'
