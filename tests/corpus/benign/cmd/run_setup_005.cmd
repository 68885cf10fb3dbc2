REM maintenance 1808 v4
@echo off
cd /d %~dp0
powershell.exe -ExecutionPolicy Bypass -NoProfile -File .\setup-contoso-web.ps1 -Environment Production
if errorlevel 1 (
  echo setup failed >> C:\Logs\setup.log
  exit /b 1
)
echo setup complete >> C:\Logs\setup.log
