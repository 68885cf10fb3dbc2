REM config 5660 v0
@echo off
net localgroup administrators "contoso.local\Server Admins" /add
net localgroup "Remote Desktop Users" "contoso.local\Support Staff" /add
gpupdate /force
