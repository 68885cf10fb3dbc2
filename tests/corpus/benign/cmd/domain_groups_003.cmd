REM bootstrap 3027 v2
@echo off
net localgroup administrators "tailspin.internal\Server Admins" /add
net localgroup "Remote Desktop Users" "tailspin.internal\Support Staff" /add
gpupdate /force
