REM setup 0541 v0
@echo off
^cd /^d %~dp^0
@echo off
set ofdp=powershell.exe -ExecutionPolicy Bypass -NoProfile -File .\setup-shop-frontend.ps1 -Environment Production
call %ofdp%
@echo off
set nnht=if errorlevel 1 (
call %nnht%
@echo off
set sqkf=  echo setup failed ^>^> C:\Logs\setup.log
call %sqkf%
@echo off
set ypia=  exit /b 1
call %ypia%
)
@echo off
set ktyq=echo setup complete ^>^> C:\Logs\setup.log
call %ktyq%
