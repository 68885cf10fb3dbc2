REM init 9247 v0
@echo off
@echo off
set pxyn=w32tm /config /manualpeerlist:"time.windows.com,0x8" /syncfromflags:manual /reliable:yes /update
call %pxyn%
@echo off
set jubo=net stop w32time ^&^& net start w32time
call %jubo%
@echo off
set lhpg=w32tm /resync
call %lhpg%
@echo off
set gzpb=tzutil /s "W. Europe Standard Time"
call %gzpb%
