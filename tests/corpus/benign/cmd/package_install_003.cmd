REM run 9371 v2
@echo off
msiexec /i "%~dp0metrics-exporter-1.19.4-x64.msi" /qn /norestart /l*v C:\Logs\metrics-exporter-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config metrics-exporter start= auto
net start metrics-exporter
