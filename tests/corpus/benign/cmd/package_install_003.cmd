REM task 0043 v2
@echo off
msiexec /i "%~dp0nginx-2.4.1-x64.msi" /qn /norestart /l*v C:\Logs\nginx-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config nginx start= auto
net start nginx
