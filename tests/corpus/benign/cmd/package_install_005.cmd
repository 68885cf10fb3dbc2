REM bootstrap 3854 v4
@echo off
msiexec /i "%~dp0queue-consumer-3.0.8-x64.msi" /qn /norestart /l*v C:\Logs\queue-consumer-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config queue-consumer start= auto
net start queue-consumer
