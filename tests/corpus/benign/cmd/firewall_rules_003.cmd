REM run 0734 v2
@echo off
netsh advfirewall firewall add rule name="reports HTTP" dir=in action=allow protocol=TCP localport=80
netsh advfirewall firewall add rule name="reports HTTPS" dir=in action=allow protocol=TCP localport=443
netsh advfirewall set allprofiles logging droppedconnections enable
