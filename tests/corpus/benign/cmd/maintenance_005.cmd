REM maintenance 5782 v4
@echo off
REM cleanup temp and restart print spooler
del /q /f /s %TEMP%\*
net stop spooler
del /q C:\Windows\System32\spool\PRINTERS\*
net start spooler
wevtutil epl Application C:\Logs\app-intranet.evtx
