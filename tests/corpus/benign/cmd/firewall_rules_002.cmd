REM setup 1711 v1
@echo off
netsh advfirewall firewall add rule name="shop-frontend HTTP" dir=in action=allow protocol=TCP localport=80
netsh advfirewall firewall add rule name="shop-frontend HTTPS" dir=in action=allow protocol=TCP localport=443
netsh advfirewall set allprofiles logging droppedconnections enable
