REM maintenance 4754 v0
@echo off
msiexec /i "%~dp0api-gateway-1.19.4-x64.msi" /qn /norestart /l*v C:\Logs\api-gateway-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config api-gateway start= auto
net start api-gateway
