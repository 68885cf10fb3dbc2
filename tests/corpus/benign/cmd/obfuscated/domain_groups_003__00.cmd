REM bootstrap 3027 v2
@echo off
@echo off
set jiaj=net localgroup administrators "tailspin.internal\Server Admins" /add
call %jiaj%
@echo off
set wnxc=net localgroup "Remote Desktop Users" "tailspin.internal\Support Staff" /add
call %wnxc%
@echo off
set rixq=gpupdate /force
call %rixq%
