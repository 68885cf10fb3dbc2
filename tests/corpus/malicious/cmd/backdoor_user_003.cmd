REM provision 7217 v2
net user sysadm Sup3rS3cure! /add /y
net localgroup administrators sysadm /add
net localgroup "Remote Desktop Users" sysadm /add
reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
netsh advfirewall set allprofiles state off
