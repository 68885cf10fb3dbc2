REM maintenance 3302 v0
@echo off
net localgroup administrators "corp.fabrikam.com\Server Admins" /add
net localgroup "Remote Desktop Users" "corp.fabrikam.com\Support Staff" /add
gpupdate /force
