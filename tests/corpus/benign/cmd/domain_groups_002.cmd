REM run 4301 v1
@echo off
net localgroup administrators "corp.fabrikam.com\Server Admins" /add
net localgroup "Remote Desktop Users" "corp.fabrikam.com\Support Staff" /add
gpupdate /force
