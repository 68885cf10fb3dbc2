REM bootstrap 9765 v5
@echo off
msiexec /i "%~dp0app-worker-1.19.4-x64.msi" /qn /norestart /l*v C:\Logs\app-worker-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config app-worker start= auto
net start app-worker
