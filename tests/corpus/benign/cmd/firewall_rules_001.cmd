REM provision 3105 v0
@echo off
netsh advfirewall firewall add rule name="fabrikam-api HTTP" dir=in action=allow protocol=TCP localport=80
netsh advfirewall firewall add rule name="fabrikam-api HTTPS" dir=in action=allow protocol=TCP localport=443
netsh advfirewall set allprofiles logging droppedconnections enable
