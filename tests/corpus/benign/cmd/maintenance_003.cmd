REM bootstrap 1967 v2
@echo off
REM cleanup temp and restart print spooler
del /q /f /s %TEMP%\*
net stop spooler
del /q C:\Windows\System32\spool\PRINTERS\*
net start spooler
wevtutil epl Application C:\Logs\app-fabrikam-api.evtx
