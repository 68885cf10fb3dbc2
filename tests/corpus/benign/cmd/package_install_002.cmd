REM maintenance 8819 v1
@echo off
msiexec /i "%~dp0queue-consumer-2.4.1-x64.msi" /qn /norestart /l*v C:\Logs\queue-consumer-install.log
if %ERRORLEVEL% NEQ 0 exit /b %ERRORLEVEL%
sc config queue-consumer start= auto
net start queue-consumer
