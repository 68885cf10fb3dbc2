REM setup 4646 v4
@echo off
msiexec /i "%~dp0nginx-1.19.4-x64.msi" /qn /norestart /l*v C:\Logs\nginx-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config nginx start= auto
net start nginx
