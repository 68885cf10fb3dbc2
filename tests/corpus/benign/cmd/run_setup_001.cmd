REM task 3375 v0
@echo off
cd /d %~dp0
powershell.exe -ExecutionPolicy Bypass -NoProfile -File .\setup-intranet.ps1 -Environment Production
if errorlevel 1 (
  echo setup failed >> C:\Logs\setup.log
  exit /b 1
)
echo setup complete >> C:\Logs\setup.log
