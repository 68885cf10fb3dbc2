REM config 6917 v1
@echo off
cd /d %~dp0
powershell.exe -ExecutionPolicy Bypass -NoProfile -File .\setup-reports.ps1 -Environment Production
if errorlevel 1 (
  echo setup failed >> C:\Logs\setup.log
  exit /b 1
)
echo setup complete >> C:\Logs\setup.log
