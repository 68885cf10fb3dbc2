REM config 3819 v1
@echo off
msiexec /i "%~dp0api-gateway-3.0.8-x64.msi" /qn /norestart /l*v C:\Logs\api-gateway-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config api-gateway start= auto
net start api-gateway
