REM task 0423 v4
@echo off
w32tm /config /manualpeerlist:"time.windows.com,0x8" /syncfromflags:manual /reliable:yes /update
net stop w32time && net start w32time
w32tm /resync
tzutil /s "W. Europe Standard Time"
