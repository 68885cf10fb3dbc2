REM task 1729 v5
@echo off
msiexec /i "%~dp0app-worker-2.4.1-x64.msi" /qn /norestart /l*v C:\Logs\app-worker-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config app-worker start= auto
net start app-worker
