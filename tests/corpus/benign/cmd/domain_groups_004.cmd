REM setup 8030 v3
@echo off
net localgroup administrators "ad.northwind.net\Server Admins" /add
net localgroup "Remote Desktop Users" "ad.northwind.net\Support Staff" /add
gpupdate /force
