REM run 1441 v4
@echo off
net localgroup administrators "tailspin.internal\Server Admins" /add
net localgroup "Remote Desktop Users" "tailspin.internal\Support Staff" /add
gpupdate /force
