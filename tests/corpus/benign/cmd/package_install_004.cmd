REM run 9140 v3
@echo off
msiexec /i "%~dp0app-worker-1.7.2-x64.msi" /qn /norestart /l*v C:\Logs\app-worker-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config app-worker start= auto
net start app-worker
