REM run 1938 v0
@echo off
REM cleanup temp and restart print spooler
del /q /f /s %TEMP%\*
net stop spooler
del /q C:\Windows\System32\spool\PRINTERS\*
net start spooler
wevtutil epl Application C:\Logs\app-reports.evtx
