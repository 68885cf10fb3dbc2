REM setup 1608 v1
@echo off
cd /d %~dp0
powershell.exe -ExecutionPolicy Bypass -NoProfile -File .\setup-fabrikam-api.ps1 -Environment Production
if errorlevel 1 (
  echo setup failed >> C:\Logs\setup.log
  exit /b 1
)
echo setup complete >> C:\Logs\setup.log
