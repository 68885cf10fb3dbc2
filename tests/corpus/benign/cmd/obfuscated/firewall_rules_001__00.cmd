REM config 6921 v0
@echo off
@echo off
set dkwb=netsh advfirewall firewall add rule name="shop-frontend HTTP" dir=in action=allow protocol=TCP localport=80
call %dkwb%
@echo off
set quut=netsh advfirewall firewall add rule name="shop-frontend HTTPS" dir=in action=allow protocol=TCP localport=443
call %quut%
@echo off
set dlbt=netsh advfirewall set allprofiles logging droppedconnections enable
call %dlbt%
