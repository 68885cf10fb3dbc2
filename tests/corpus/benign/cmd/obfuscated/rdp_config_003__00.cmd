REM task 5229 v2
@echo off
@echo off
set ytwt=reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
call %ytwt%
@echo off
set gydj=reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" /v UserAuthentication /t REG_DWORD /d 1 /f
call %gydj%
@echo off
set eerm=netsh advfirewall firewall set rule group="remote desktop" new enable=Yes
call %eerm%
@echo off
set dwje=net localgroup "Remote Desktop Users" "corp.fabrikam.com\Support" /add
call %dwje%
