REM bootstrap 6943 v4
@echo off
netsh advfirewall firewall add rule name="intranet HTTP" dir=in action=allow protocol=TCP localport=80
netsh advfirewall firewall add rule name="intranet HTTPS" dir=in action=allow protocol=TCP localport=443
netsh advfirewall set allprofiles logging droppedconnections enable
